meta:
  id: tmw_char_server_0070_char_delete_failed
  title: TMW char, server 0x0070 Char Delete Failed (SMSG_CHAR_DELETE_FAILED)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_CHAR_DELETE_FAILED
doc: |
  The answer to 0x0068 Char Delete when the character was not deleted (3 bytes), e.g. an id that
  is not one of the account's characters.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverrecv.cpp
seq:
  - id: code
    -orig-id: code
    type: u1
    doc: Why the character was not deleted; tmwAthena sends 0.
