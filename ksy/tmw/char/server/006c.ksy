meta:
  id: tmw_char_server_006c_char_login_error
  title: TMW char, server 0x006C Char Login Error (SMSG_CHAR_LOGIN_ERROR)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_CHAR_LOGIN_ERROR
doc: |
  The char-server refuses the connection after 0x0065 (3 bytes). tmwAthena sends code 0 when the
  server has max_connect_user players already.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/charserverrecv.cpp
seq:
  - id: code
    -orig-id: code
    type: u1
    enum: char_login_error_code
    doc: Why the connection is refused.
enums:
  char_login_error_code:
    0:
      id: server_full
      doc: The server is full (overpopulated).
    66:
      id: authentication_failed
      doc: |
        Authentication failed (listed in tools/protocol.py; tmwAthena closes the connection
        instead).
