meta:
  id: tmw_map_client_0072_map_server_connect
  title: TMW map, client 0x0072 Map Server Connect (CMSG_MAP_SERVER_CONNECT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: CMSG_MAP_SERVER_CONNECT
doc: |
  The first packet on the map server connection (19 bytes): the account, the character chosen on
  the char-server and the first session key. tmwAthena answers with the 4-byte 0x8000 hold
  packet, then, once the char-server confirmed the keys, with 0x0073 Map Login Success (or closes
  the connection).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/gamehandler.cpp
seq:
  - id: account_id
    -orig-id: account id
    type: u4
    doc: |
      Account id of the player (tmwAthena numbers accounts from 2000000); for players it is
      also their being id on the map.
  - id: char_id
    -orig-id: char id
    type: u4
    doc: Character id from 0x0071 Char Map Info.
  - id: login_id1
    -orig-id: login id1
    type: u4
    doc: |
      First session key from the login server's 0x0069 Login Data.
  - id: login_id2
    -orig-id: client tick
    type: u4
    doc: |
      Second session key from 0x0069 Login Data: ManaPlus sends login_id2 here.
      tools/protocol.py calls the field "client tick"; tmwAthena keeps it (pc_setnewpc)
      without checking it.
  - id: sex
    -orig-id: sex
    type: u1
    enum: tmw_enums::sex
    doc: Sex of the account.
