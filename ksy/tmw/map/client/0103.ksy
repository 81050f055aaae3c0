meta:
  id: tmw_map_client_0103_party_kick
  title: TMW map, client 0x0103 Party Kick (CMSG_PARTY_KICK)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: CMSG_PARTY_KICK
doc: The party leader removes a member (30 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyhandler.cpp
seq:
  - id: account_id
    -orig-id: account id
    type: u4
    doc: |
      Account id of the player (tmwAthena numbers accounts from 2000000); for players it is
      also their being id on the map.
  - id: name
    -orig-id: unused char name
    type: str
    size: 24
    terminator: 0
    doc: |
      Name of the member, NUL-padded to 24 bytes; tmwAthena uses the account id. Building
      writes zero bytes after the NUL; bytes after a NUL are not kept.
