meta:
  id: tmw_map_server_0105_party_leave_notify
  title: TMW map, server 0x0105 Party Leave Notify (SMSG_PARTY_LEAVE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_PARTY_LEAVE
doc: A member left the party or was removed (31 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/partyrecv.cpp
seq:
  - id: account_id
    -orig-id: account id
    type: u4
    doc: |
      Account id of the player (tmwAthena numbers accounts from 2000000); for players it is
      also their being id on the map.
  - id: name
    -orig-id: char name
    type: str
    size: 24
    terminator: 0
    doc: |
      Name of the member, NUL-padded to 24 bytes. Building writes zero bytes after the NUL;
      bytes after a NUL are not kept.
  - id: flag
    -orig-id: flag
    type: u1
    doc: 0 left, 1 was removed.
