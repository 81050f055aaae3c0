meta:
  id: tmw_map_server_009c_being_change_direction
  title: TMW map, server 0x009C Being Change Direction (SMSG_BEING_CHANGE_DIRECTION)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_BEING_CHANGE_DIRECTION
doc: A being turned without moving (9 bytes).
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
  - id: zero
    -orig-id: zero
    type: u2
    doc: Always 0 from tmwAthena (head direction).
  - id: direction
    -orig-id: client dir
    type: u1
    doc: The new facing direction.
