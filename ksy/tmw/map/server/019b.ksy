meta:
  id: tmw_map_server_019b_being_self_effect
  title: TMW map, server 0x019B Being Self Effect (SMSG_BEING_SELFEFFECT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_BEING_SELFEFFECT
doc: A being plays an effect (10 bytes), e.g. a level-up or a spell.
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
  - id: effect
    -orig-id: type
    type: u4
    doc: |
      Effect number (the client's effects.xml).
