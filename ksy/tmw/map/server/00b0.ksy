meta:
  id: tmw_map_server_00b0_player_stat_update_1
  title: TMW map, server 0x00B0 Player Stat Update 1 (SMSG_PLAYER_STAT_UPDATE_1)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_PLAYER_STAT_UPDATE_1
doc: |
  One of the player's values changed (8 bytes): speed, hp, sp, experience, weight, level, status
  or skill points, stats of equipment and more (status_type names which).
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
