meta:
  id: tmw_char_client_7530_server_version_request
  title: TMW char, client 0x7530 Server Version Request (CMSG_SERVER_VERSION_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_SERVER_VERSION_REQUEST
doc: |
  Asks the server for its version: the packet id alone (2 bytes). Every tmwAthena server answers
  it with 0x7531; ManaPlus only sends it to the login server.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/loginhandler.cpp
seq: []
