meta:
  id: tmw_map_server_00c0_being_emotion
  title: TMW map, server 0x00C0 Being Emotion (SMSG_BEING_EMOTION)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_BEING_EMOTION
doc: A being shows an emote (7 bytes).
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
  - id: emote
    -orig-id: type
    type: u1
    doc: Emote number.
