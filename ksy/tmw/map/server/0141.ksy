meta:
  id: tmw_map_server_0141_player_stat_update_3
  title: TMW map, server 0x0141 Player Stat Update 3 (SMSG_PLAYER_STAT_UPDATE_3)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_PLAYER_STAT_UPDATE_3
doc: A base stat and its bonus from equipment (14 bytes).
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
  - id: zero
    -orig-id: zero
    type: u2
    doc: Always 0 from tmwAthena (high half of status_type).
  - id: base
    -orig-id: value status
    type: u4
    doc: Base value of the stat.
  - id: bonus
    -orig-id: value b e
    type: u4
    doc: Bonus from equipment and effects.
