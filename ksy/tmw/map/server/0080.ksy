meta:
  id: tmw_map_server_0080_being_remove
  title: TMW map, server 0x0080 Being Remove (SMSG_BEING_REMOVE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_BEING_REMOVE
doc: |
  A being leaves the player's sight (7 bytes): it walked away, died, logged out or warped.
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
  - id: reason
    -orig-id: type
    type: u1
    enum: tmw_enums::being_remove_reason
    doc: Why it disappeared.
