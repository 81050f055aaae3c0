meta:
  id: tmw_map_server_00be_player_stat_update_6
  title: TMW map, server 0x00BE Player Stat Update 6 (SMSG_PLAYER_STAT_UPDATE_6)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_PLAYER_STAT_UPDATE_6
doc: How many status points raising a stat costs now (5 bytes).
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
    type: u1
    doc: Status points needed for the next raise.
