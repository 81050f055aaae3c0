meta:
  id: tmw_map_server_0106_party_update_hp
  title: TMW map, server 0x0106 Party Update HP (SMSG_PARTY_UPDATE_HP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PARTY_UPDATE_HP
doc: Hit points of a party member on the same map (10 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyrecv.cpp
seq:
  - id: account_id
    -orig-id: account id
    type: u4
    doc: |
      Account id of the player (tmwAthena numbers accounts from 2000000); for players it is
      also their being id on the map.
  - id: hp
    -orig-id: hp
    type: u2
    doc: Hit points.
  - id: max_hp
    -orig-id: max hp
    type: u2
    doc: Maximum hit points.
