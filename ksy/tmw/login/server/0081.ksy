meta:
  id: tmw_login_server_0081_connection_problem
  title: TMW login, server 0x0081 Connection Problem (SMSG_CONNECTION_PROBLEM)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_CONNECTION_PROBLEM
doc: |
  A server-side problem ends the connection (3 bytes with the packet id). All tmwAthena servers
  send it; on the login server it answers a 0x0064 Login Request in three cases:

  - code 1: the account's GM level is below the configured minimum (the seed's "Account GM
    Level less than Minimum GM Level");
  - code 1: no char-server is connected (the seed's "no connected char-server");
  - code 2: the same IP sent a login request moments ago (login flood protection, a case the
    seed does not list).
doc-ref:
  - https://oldwiki.themanaworld.org/index.php/Net:0x0081
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/login/login.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/generalrecv.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsin.inc
seq:
  - id: code
    -orig-id: error code
    type: u1
    enum: connection_problem_code
    doc: What went wrong. A code outside the enum keeps its number.
enums:
  connection_problem_code:
    0:
      id: authentication_failed
      doc: Authentication failed.
    1:
      id: no_server
      doc: |
        No server available: no char-server is connected, or the account's GM level is below
        the minimum the login server requires.
    2:
      id: already_logged_in
      doc: |
        The account is already logged in (in game: someone else is using it). The tmwAthena
        login server also sends it against login request floods.
    3:
      id: speed_hack
      doc: Speed hack detected.
    8:
      id: duplicated_login
      doc: Duplicated login.
