meta:
  id: tmw_map_server_0215_quest_player_vars
  title: TMW map, server 0x0215 Quest Player Vars (SMSG_QUEST_PLAYER_VARS)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_QUEST_PLAYER_VARS
doc: |
  Every quest variable of the player, after entering the map. Variable length: the u2 total
  length, then 6 bytes (variable, value) per quest variable.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/questrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 4 and (_ - 4) % 6 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 4 + 6 per
      entry. tmwAthena rejects a length below 4 or one that leaves a partial entry
      (net_recv_vpacket), and so does this spec.
  - id: vars
    type: quest_var
    repeat: expr
    repeat-expr: num_vars
    doc: The vars, (len_packet - 4) / 6 entries of 6 bytes.
instances:
  num_vars:
    value: (len_packet - 4) / 6
    doc: Number of entries, from the packet length.
types:
  quest_var:
    doc: One quest variable (6 bytes).
    seq:
      - id: variable
        -orig-id: variable
        type: u2
        doc: Quest variable number.
      - id: value
        -orig-id: value
        type: u4
        doc: Its value.
