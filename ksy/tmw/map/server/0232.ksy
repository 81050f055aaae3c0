meta:
  id: tmw_map_server_0232_player_hp
  title: TMW map, server 0x0232 Player HP (SMSG_PLAYER_HP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_HP
doc: The hit points of a player (10 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
seq:
  - id: account_id
    -orig-id: account id
    type: u4
    doc: |
      Account id of the player (tmwAthena numbers accounts from 2000000); for players it is
      also their being id on the map.
  - id: hp
    -orig-id: hp
    type: u4
    doc: Hit points.
