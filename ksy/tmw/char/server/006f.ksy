meta:
  id: tmw_char_server_006f_char_delete_succeeded
  title: TMW char, server 0x006F Char Delete Succeeded (SMSG_CHAR_DELETE_SUCCEEDED)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_CHAR_DELETE_SUCCEEDED
doc: The answer to 0x0068 Char Delete when the character is gone (2 bytes, the packet id alone).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/charserverrecv.cpp
seq: []
