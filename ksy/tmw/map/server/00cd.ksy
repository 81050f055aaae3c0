meta:
  id: tmw_map_server_00cd_admin_kick_ack
  title: TMW map, server 0x00CD Admin Kick Ack (SMSG_ADMIN_KICK_ACK)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_ADMIN_KICK_ACK
doc: |
  A GM's kick worked (6 bytes): the account id of the kicked player.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/adminrecv.cpp
seq:
  - id: account_id
    -orig-id: account id
    type: u4
    doc: |
      Account id of the player (tmwAthena numbers accounts from 2000000); for players it is
      also their being id on the map.
