meta:
  id: tmw_char_client_7532_client_disconnect
  title: TMW char, client 0x7532 Client Disconnect (CMSG_CLIENT_DISCONNECT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_CLIENT_DISCONNECT
doc: |
  Asks the server to close the connection: the packet id alone (2 bytes). tmwAthena closes it
  without an answer.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/gamehandler.cpp
seq: []
