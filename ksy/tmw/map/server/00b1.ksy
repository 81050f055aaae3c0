meta:
  id: tmw_map_server_00b1_player_stat_update_2
  title: TMW map, server 0x00B1 Player Stat Update 2 (SMSG_PLAYER_STAT_UPDATE_2)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_PLAYER_STAT_UPDATE_2
doc: |
  One of the player's values changed (8 bytes), the same layout as 0x00b0; tmwAthena uses it for
  experience, the experience needed for the next level and money.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/playerrecv.cpp
seq:
  - id: status_type
    -orig-id: sp type
    type: u2
    enum: tmw_enums::status_type
    doc: Which value this packet updates.
  - id: value
    -orig-id: value
    type: u4
    doc: The new value.
