meta:
  id: tmw_char_client_0065_char_server_connect
  title: TMW char, client 0x0065 Char Server Connect (CMSG_CHAR_SERVER_CONNECT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: CMSG_CHAR_SERVER_CONNECT
doc: |
  The first packet on the char-server connection (17 bytes): the account id and the two session
  keys the login server handed out in 0x0069. tmwAthena answers at once with the 4-byte 0x8000
  hold packet, then, once the keys match what the login server told it (inter-server 0x2712 /
  0x2713), with 0x006b Character List, or 0x006c Char Login Error when the server is full; keys
  that match nothing close the connection.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverhandler.cpp
seq:
  - id: account_id
    -orig-id: account id
    type: u4
    doc: |
      Account id of the player (tmwAthena numbers accounts from 2000000); for players it is
      also their being id on the map.
  - id: login_id1
    -orig-id: login id1
    type: u4
    doc: |
      First session key from the login server's 0x0069 Login Data.
  - id: login_id2
    -orig-id: login id2
    type: u4
    doc: |
      Second session key from the login server's 0x0069 Login Data.
  - id: client_protocol_version
    -orig-id: unused client protocol version
    type: u2
    doc: |
      Protocol version of the client; tmwAthena ignores it. ManaPlus sends 8 (its
      CLIENT_PROTOCOL_VERSION).
  - id: sex
    -orig-id: sex
    type: u1
    enum: tmw_enums::sex
    doc: |
      Sex of the account as the login server reported it; tmwAthena uses it for characters
      without a sex of their own.
