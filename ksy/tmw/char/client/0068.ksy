meta:
  id: tmw_char_client_0068_char_delete
  title: TMW char, client 0x0068 Char Delete (CMSG_CHAR_DELETE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: CMSG_CHAR_DELETE
doc: |
  The player deletes one of the account's characters (46 bytes). The char-server answers 0x006f
  Char Delete Succeeded or 0x0070 Char Delete Failed; it asks nothing more than the connection's
  own authentication (ManaPlus asks for the password and an "are you sure" in its own dialogs).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverhandler.cpp
seq:
  - id: char_id
    -orig-id: char id
    type: u4
    doc: Character id of the character to delete (tmw_char_select.char_id).
  - id: email
    -orig-id: unused email
    type: str
    size: 40
    terminator: 0
    doc: |
      E-mail address, NUL-padded to 40 bytes; tmwAthena ignores it. ManaPlus sends "a@a.com".
      Building writes zero bytes after the NUL; bytes after a NUL are not kept.
