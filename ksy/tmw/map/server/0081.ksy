meta:
  id: tmw_map_server_0081_connection_problem
  title: TMW map, server 0x0081 Connection Problem (SMSG_CONNECTION_PROBLEM)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_CONNECTION_PROBLEM
doc: |
  A server-side problem ends the connection (3 bytes). Every tmwAthena server sends it: the
  char-server answers 0x0066 with code 1 when no map server is connected; the map server sends
  code 2 to both connections when an account logs in twice, and code 0 when it refuses a player
  (clif_authfail_fd).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/generalrecv.cpp
seq:
  - id: code
    -orig-id: error code
    type: u1
    enum: connection_problem_code
    doc: What went wrong.
enums:
  connection_problem_code:
    0:
      id: authentication_failed
      doc: Authentication failed.
    1:
      id: no_server
      doc: |
        No server available (e.g. no map server for the character's map).
    2:
      id: already_logged_in
      doc: The account is already logged in (someone else is using it).
    3:
      id: speed_hack
      doc: Speed hack detected.
    8:
      id: duplicated_login
      doc: Duplicated login.
