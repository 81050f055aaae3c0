meta:
  id: tmw_char_client_0061_change_password
  title: TMW char, client 0x0061 Change Password (CMSG_CHAR_PASSWORD_CHANGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: CMSG_CHAR_PASSWORD_CHANGE
doc: |
  The client asks the char-server to change the account's password (50 bytes). The char-server
  forwards the request to the login server (inter-server 0x2740) and relays its answer as 0x0062.
  ManaPlus sends it from the character selection screen's Password button.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/loginhandler.cpp
seq:
  - id: old_password
    -orig-id: old pass
    type: str
    size: 24
    terminator: 0
    doc: |
      Current password, NUL-padded to 24 bytes. Building writes zero bytes after the NUL;
      bytes after a NUL are not kept.
  - id: new_password
    -orig-id: new pass
    type: str
    size: 24
    terminator: 0
    doc: |
      New password, NUL-padded to 24 bytes. Building writes zero bytes after the NUL; bytes
      after a NUL are not kept.
