meta:
  id: tmw_map_server_0088_player_stop
  title: TMW map, server 0x0088 Player Stop (SMSG_PLAYER_STOP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_STOP
doc: A being stops walking at a tile (10 bytes), e.g. the player when a walk is cut short.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/beingrecv.cpp
seq:
  - id: being_id
    -orig-id: block id
    type: u4
    doc: |
      Id of the being: a player's account id, or the id the map server gave an NPC, monster
      or floor item (from 110000000 in tmwAthena).
  - id: x
    -orig-id: x
    type: u2
    doc: Tile column.
  - id: y
    -orig-id: y
    type: u2
    doc: Tile row.
