meta:
  id: tmw_map_server_0119_player_status_change
  title: TMW map, server 0x0119 Player Status Change (SMSG_PLAYER_STATUS_CHANGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_STATUS_CHANGE
doc: |
  A being's status options changed (13 bytes).
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
  - id: opt1
    -orig-id: opt1
    type: u2
    doc: |
      Status option group 1 (Opt1: stone, freeze, stun, sleep as values); 0 when none.
  - id: opt2
    -orig-id: opt2
    type: u2
    doc: |
      Status option group 2 (Opt2 bits: poison, curse, silence, blind...); 0 when none.
  - id: option
    -orig-id: option
    type: u2
    doc: |
      Status option bits (Opt0: sight, hide, cloak, invisible...); 0 when none.
  - id: zero
    -orig-id: zero
    type: u1
    doc: Always 0 from tmwAthena.
