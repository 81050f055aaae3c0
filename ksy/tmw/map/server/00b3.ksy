meta:
  id: tmw_map_server_00b3_char_switch_response
  title: TMW map, server 0x00B3 Char Switch Response (SMSG_CHAR_SWITCH_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_CHAR_SWITCH_RESPONSE
doc: |
  The map server lets the client go back to character selection (3 bytes); the client connects to
  the char-server again (0x0065).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/gamerecv.cpp
seq:
  - id: one
    -orig-id: one
    type: u1
    doc: Always 1 from tmwAthena.
