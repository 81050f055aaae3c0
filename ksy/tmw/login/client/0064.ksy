meta:
  id: tmw_login_client_0064_login_request
  title: TMW login, client 0x0064 Login Request (CMSG_LOGIN_REGISTER)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
  bit-endian: le
-orig-id: CMSG_LOGIN_REGISTER
doc: |
  Login credentials, sent by the client to the login server (55 bytes with the packet id),
  usually right after the server version answer (0x7531). The server answers with one of
  0x006A Login Error, 0x0081 Connection Problem, or (on success) an optional 0x0063 Update Host
  followed by 0x0069 Login Data; docs/tmw/login-flow.md shows which answer follows which
  condition.

  The seed (TMW wiki, Net:0x0064, revision of 2 February 2013) says the client version "is
  currently expected to be 0". The wire differs: ManaPlus sends 8 (its CLIENT_PROTOCOL_VERSION
  for tmwAthena), or 5 to tmwAthena servers older than 16.4.8, and tmwAthena answers 0x006A with
  code 5 (client too old) to any version below 6 (MIN_CLIENT_VERSION). The spec reads the
  number as it is.

  Strings are fixed 24-byte arrays padded with NULs (ManaPlus MessageOut::writeString); a
  24-character name fills the array and has no NUL. tmwAthena reads up to the first NUL or the
  end of the array (network_to_native of NetString), and so does this spec. ManaPlus sends the
  text the user typed, as UTF-8.
doc-ref:
  - https://wiki.themanaworld.org/index.php/Net:0x0064
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/login/login.cpp
  - https://github.com/themanaworld/tmwa/blob/master/src/proto-base/net-string.hpp
  - https://github.com/themanaworld/tmwa/blob/master/src/mmo/version.hpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/loginhandler.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/network.h
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/messageout.cpp
seq:
  - id: client_version
    -orig-id: client protocol version
    type: u4
    doc: |
      Protocol version of the client. The seed expects 0; ManaPlus sends 8 (5 to tmwAthena
      servers older than 16.4.8), and tmwAthena refuses versions below 6 with 0x006A code 5.
  - id: username
    -orig-id: account name
    type: str
    size: 24
    terminator: 0
    doc: |
      Account name, NUL-padded to 24 bytes (no NUL when it is 24 bytes long). tmwAthena creates
      a new account when the name ends in `_M` or `_F` and account creation is enabled.
      Building writes zero bytes after the NUL; bytes after a NUL are not kept.
  - id: password
    -orig-id: account pass
    type: str
    size: 24
    terminator: 0
    doc: |
      Password in clear text, NUL-padded to 24 bytes (no NUL when it is 24 bytes long). Building
      writes zero bytes after the NUL; bytes after a NUL are not kept.
  - id: can_handle_update_host
    -orig-id: VERSION_2_UPDATEHOST
    type: b1
    -pkttools-default: true
    doc: |
      Flags bit 0 (0x01): the client understands 0x0063 Update Host. tmwAthena sends 0x0063
      only when this bit is set and an update host is configured. ManaPlus always sets it
      (`writeInt8(0x03, "flags")` in src/net/tmwa/loginhandler.cpp), and so does building when
      it is not given.
  - id: default_to_first_char_server
    type: b1
    -pkttools-default: true
    doc: |
      Flags bit 1 (0x02): the client selects the first char-server of 0x0069 by default
      instead of the last. Informational: tmwAthena does not look at it. ManaPlus always sets
      it; the seed says every supported client must send the flags byte 3. Building sets it
      when it is not given.
  - id: unused_flags
    type: b6
    -pkttools-default: 0
    doc: Flags bits 2-7; no meaning is defined and clients send 0 (and building, when not given).
