meta:
  id: tmw_map_server_0087_walk_response
  title: TMW map, server 0x0087 Walk Response (SMSG_WALK_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/move_path
  endian: le
-orig-id: SMSG_WALK_RESPONSE
doc: |
  The walk the map server accepted after 0x0085 (12 bytes): its tick and the start and
  destination tiles.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerrecv.cpp
seq:
  - id: tick
    -orig-id: tick
    type: u4
    doc: Server clock in milliseconds (tmwAthena gettick, wraps at 2^32).
  - id: move_path
    -orig-id: pos2
    type: tmw_move_path
    doc: Start and destination tiles of the walk.
  - id: zero
    -orig-id: zero
    type: u1
    doc: Always 0 from tmwAthena.
