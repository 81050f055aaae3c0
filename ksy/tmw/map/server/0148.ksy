meta:
  id: tmw_map_server_0148_being_resurrect
  title: TMW map, server 0x0148 Being Resurrect (SMSG_BEING_RESURRECT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_BEING_RESURRECT
doc: |
  A dead being came back to life (8 bytes): a GM's @alive or a script's revive.
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
  - id: type
    -orig-id: type
    type: u2
    doc: |
      Always 1 from tmwAthena's callers (clif_resurrection); with 1 the revived player gets
      the packet too, with 0 only the others around would.
