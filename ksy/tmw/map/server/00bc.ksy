meta:
  id: tmw_map_server_00bc_player_stat_update_4
  title: TMW map, server 0x00BC Player Stat Update 4 (SMSG_PLAYER_STAT_UPDATE_4)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_PLAYER_STAT_UPDATE_4
doc: |
  The answer to 0x00bb (6 bytes): whether the stat was raised and its new value.
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
  - id: ok
    -orig-id: ok
    type: u1
    doc: 1 when the stat was raised, 0 when not.
  - id: value
    -orig-id: val
    type: u1
    doc: |
      The stat's new base value (saturated at 255).
