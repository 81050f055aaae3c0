meta:
  id: tmw_map_server_0199_pvp_map_mode
  title: TMW map, server 0x0199 PvP Map Mode (SMSG_PVP_MAP_MODE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PVP_MAP_MODE
doc: Whether the map is a player-versus-player map (4 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/beingrecv.cpp
seq:
  - id: mode
    -orig-id: status
    type: u2
    doc: 1 for a PvP map, 0 otherwise.
