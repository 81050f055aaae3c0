meta:
  id: tmw_map_server_0214_quest_set_var
  title: TMW map, server 0x0214 Quest Set Var (SMSG_QUEST_SET_VAR)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_QUEST_SET_VAR
doc: |
  A quest variable changed (8 bytes), for the client's quest log.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/questrecv.cpp
seq:
  - id: variable
    -orig-id: variable
    type: u2
    doc: |
      Quest variable number (the client's quests.xml).
  - id: value
    -orig-id: value
    type: u4
    doc: Its value.
