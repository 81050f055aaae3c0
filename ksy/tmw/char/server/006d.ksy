meta:
  id: tmw_char_server_006d_char_create_succeeded
  title: TMW char, server 0x006D Char Create Succeeded (SMSG_CHAR_CREATE_SUCCEEDED)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/char_select
  endian: le
-orig-id: SMSG_CHAR_CREATE_SUCCEEDED
doc: |
  The answer to a valid 0x0067 Char Create (108 bytes): the new character's record, filled like
  the records of 0x006b.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverrecv.cpp
seq:
  - id: character
    -orig-id: char select
    type: tmw_char_select
    doc: The new character.
