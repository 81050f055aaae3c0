meta:
  id: tmw_map_server_019a_pvp_set
  title: TMW map, server 0x019A PvP Set (SMSG_PVP_SET)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PVP_SET
doc: |
  A being's player-versus-player state (14 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/beingrecv.cpp
seq:
  - id: being_id
    -orig-id: block id
    type: u4
    doc: |
      Id of the being: a player's account id, or the id the map server gave an NPC, monster
      or floor item (from 110000000 in tmwAthena).
  - id: rank
    -orig-id: rank
    type: u4
    doc: PvP rank.
  - id: channel
    -orig-id: channel
    type: u4
    doc: PvP channel; 0 for none.
