meta:
  id: tmw_map_server_0233_player_hp_full
  title: TMW map, server 0x0233 Player HP Full (SMSG_PLAYER_HP_FULL)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_HP_FULL
doc: The hit points and maximum hit points of a player (14 bytes).
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
  - id: max_hp
    -orig-id: max hp
    type: u4
    doc: Maximum hit points.
