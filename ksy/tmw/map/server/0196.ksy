meta:
  id: tmw_map_server_0196_being_status_change
  title: TMW map, server 0x0196 Being Status Change (SMSG_BEING_STATUS_CHANGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_BEING_STATUS_CHANGE
doc: A being gained or lost a lasting status effect (9 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/beingrecv.cpp
seq:
  - id: status_change
    -orig-id: sc type
    type: u2
    doc: Which effect (tmwAthena StatusChange number).
  - id: being_id
    -orig-id: block id
    type: u4
    doc: |
      Id of the being: a player's account id, or the id the map server gave an NPC, monster
      or floor item (from 110000000 in tmwAthena).
  - id: active
    -orig-id: flag
    type: u1
    doc: 1 when the effect starts, 0 when it ends.
