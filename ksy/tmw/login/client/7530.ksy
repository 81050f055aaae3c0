meta:
  id: tmw_login_client_7530_server_version_request
  title: TMW login, client 0x7530 Server Version Request (CMSG_SERVER_VERSION_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_SERVER_VERSION_REQUEST
doc: |
  Asks the server for its version: the packet id alone (2 bytes). ManaPlus sends it as the
  first packet on the login connection, when the server type supports it
  (LoginHandler::connect); the login server answers with 0x7531 Server Version, and the client
  then sends 0x0064 Login Request.
doc-ref:
  - https://wiki.themanaworld.org/index.php/Net:0x7530
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/login/login.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/loginhandler.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsout.inc
seq: []
