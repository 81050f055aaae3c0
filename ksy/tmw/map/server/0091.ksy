meta:
  id: tmw_map_server_0091_player_warp
  title: TMW map, server 0x0091 Player Warp (SMSG_PLAYER_WARP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_PLAYER_WARP
doc: |
  The player moves to another map, or to another place on the same map, on the same map server
  (22 bytes). The client loads the map and answers 0x007d Map Loaded.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/playerrecv.cpp
seq:
  - id: map_name
    -orig-id: map name
    type: str
    size: 16
    terminator: 0
    doc: |
      Map name without extension (e.g. "029-2"), NUL-padded to 16 bytes. Building writes zero
      bytes after the NUL; bytes after a NUL are not kept.
  - id: x
    -orig-id: x
    type: u2
    doc: Tile column on the new map.
  - id: y
    -orig-id: y
    type: u2
    doc: Tile row on the new map.
