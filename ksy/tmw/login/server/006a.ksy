meta:
  id: tmw_login_server_006a_login_error
  title: TMW login, server 0x006A Login Error (SMSG_LOGIN_ERROR)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_LOGIN_ERROR
doc: |
  The login server refuses a 0x0064 Login Request (23 bytes with the packet id): an error code
  and a 20-byte text that carries the end date of a temporary ban (code 6). The client shows a
  message and the connection ends.

  The seed names two cases: the connection is refused, and the account is banned or restricted.
  In tmwAthena the first is code 3 (the client IP is not allowed), the second codes 0-8 and 99
  from the account state or ban time (mmo_auth), plus code 1 for a wrong password, code 5 when
  the client version is below 6 and code 9 when a `_M`/`_F` new-account name exists already.

  Older wiki revisions give this packet a 4-byte code and lengths of 55, 4 or 3; tmwAthena
  and ManaPlus both use 23 bytes with a 1-byte code.
doc-ref:
  - https://wiki.themanaworld.org/index.php/Net:0x006A
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/login/login.cpp
  - https://github.com/themanaworld/tmwa/blob/master/src/net/timestamp-utils.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/loginrecv.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsin.inc
seq:
  - id: code
    -orig-id: error code
    type: u1
    enum: login_error_code
    doc: Why the login was refused. A code outside the enum keeps its number.
  - id: message
    -orig-id: error message
    type: str
    size: 20
    terminator: 0
    -pkttools-default: ''
    doc: |
      For code 6, the end of the ban as "YYYY-MM-DD HH:MM:SS" (19 characters and a NUL, server
      local time), or the account's error message when no ban time is set. 20 NULs for every
      other code (tmwAthena sets it only for code 6, in src/login/login.cpp). ManaPlus calls it
      "date" and shows it only for code 6. Building writes it empty when it is not given, and
      zero bytes after the NUL; bytes after a NUL are not kept.
enums:
  login_error_code:
    0:
      id: unregistered_id
      doc: The account name is not registered.
    1:
      id: wrong_password
      doc: Incorrect password.
    2:
      id: expired_id
      doc: The account has expired.
    3:
      id: rejected_from_server
      doc: |
        Rejected from the server; tmwAthena also sends it when the client IP is not allowed
        (the seed's "connection refused").
    4:
      id: permanently_blocked
      doc: The account was blocked by the GM team.
    5:
      id: client_too_old
      doc: |
        The client is too old (tmwAthena: client_version below 6) or the server is of another
        type.
    6:
      id: banned_until
      doc: Temporarily banned; `message` holds the end date of the ban.
    7:
      id: server_full
      doc: The server is overpopulated.
    8:
      id: no_message
      doc: No message (account states above 9, except 100, map to it).
    9:
      id: name_taken
      doc: The account name is already taken (tmwAthena, new-account creation with `_M`/`_F`).
    10:
      id: wrong_name
      doc: Wrong account name (ManaPlus knows this code; tmwAthena does not send it).
    11:
      id: incorrect_email
      doc: Incorrect e-mail (ManaPlus knows this code; tmwAthena does not send it).
    99:
      id: id_erased
      doc: The account has been erased for good.
