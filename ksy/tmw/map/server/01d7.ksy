meta:
  id: tmw_map_server_01d7_being_change_looks2
  title: TMW map, server 0x01D7 Being Change Looks 2 (SMSG_BEING_CHANGE_LOOKS2)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_BEING_CHANGE_LOOKS2
doc: |
  A being's appearance changed (11 bytes): equipment, hair or colours.
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
  - id: look_type
    -orig-id: look type
    type: u1
    enum: tmw_enums::look_type
    doc: What changed.
  - id: value
    -orig-id: weapon or name id or value
    type: u2
    doc: |
      The new value: an item id, a style or colour number, or for weapon the weapon's item
      id.
  - id: shield
    -orig-id: shield
    type: u2
    doc: |
      For weapon changes, the shield's item id; 0 otherwise.
