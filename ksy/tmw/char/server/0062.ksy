meta:
  id: tmw_char_server_0062_change_password_response
  title: TMW char, server 0x0062 Change Password Response (SMSG_CHAR_PASSWORD_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_CHAR_PASSWORD_RESPONSE
doc: |
  The answer to 0x0061 Change Password (3 bytes), relayed by the char-server from the login
  server's answer (inter-server 0x2741).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/loginrecv.cpp
seq:
  - id: status
    -orig-id: status
    type: u1
    enum: change_password_status
    doc: Outcome of the change.
enums:
  change_password_status:
    0:
      id: account_not_found
      doc: The account was not found.
    1:
      id: success
      doc: The password was changed.
    2:
      id: wrong_old_password
      doc: The old password was wrong.
    3:
      id: new_password_too_short
      doc: The new password is too short.
