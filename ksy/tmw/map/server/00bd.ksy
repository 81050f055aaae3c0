meta:
  id: tmw_map_server_00bd_player_stat_update_5
  title: TMW map, server 0x00BD Player Stat Update 5 (SMSG_PLAYER_STAT_UPDATE_5)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_STAT_UPDATE_5
doc: |
  All of the player's stats at once (44 bytes), sent after 0x007d Map Loaded and when several
  change: status points, each base stat with the points needed to raise it, attack, defence,
  accuracy, evasion and critical rate.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerrecv.cpp
seq:
  - id: status_point
    -orig-id: status point
    type: u2
    doc: Unspent status points.
  - id: str
    -orig-id: str attr
    type: u1
    doc: Base str value.
  - id: str_cost
    -orig-id: str upd
    type: u1
    doc: Status points needed to raise str.
  - id: agi
    -orig-id: agi attr
    type: u1
    doc: Base agi value.
  - id: agi_cost
    -orig-id: agi upd
    type: u1
    doc: Status points needed to raise agi.
  - id: vit
    -orig-id: vit attr
    type: u1
    doc: Base vit value.
  - id: vit_cost
    -orig-id: vit upd
    type: u1
    doc: Status points needed to raise vit.
  - id: int
    -orig-id: int attr
    type: u1
    doc: Base int value.
  - id: int_cost
    -orig-id: int upd
    type: u1
    doc: Status points needed to raise int.
  - id: dex
    -orig-id: dex attr
    type: u1
    doc: Base dex value.
  - id: dex_cost
    -orig-id: dex upd
    type: u1
    doc: Status points needed to raise dex.
  - id: luk
    -orig-id: luk attr
    type: u1
    doc: Base luk value.
  - id: luk_cost
    -orig-id: luk upd
    type: u1
    doc: Status points needed to raise luk.
  - id: atk
    -orig-id: atk sum
    type: u2
    doc: Attack (base plus weapon).
  - id: atk_bonus
    -orig-id: watk2
    type: u2
    doc: Attack from refinement; 0 in TMW.
  - id: matk_max
    -orig-id: matk1
    type: u2
    doc: Magic attack, maximum.
  - id: matk_min
    -orig-id: matk2
    type: u2
    doc: Magic attack, minimum.
  - id: defence
    -orig-id: def
    type: u2
    doc: Defence from equipment.
  - id: defence_bonus
    -orig-id: def2
    type: u2
    doc: Defence from vitality.
  - id: mdef
    -orig-id: mdef
    type: u2
    doc: Magic defence from equipment.
  - id: mdef_bonus
    -orig-id: mdef2
    type: u2
    doc: Magic defence from stats.
  - id: hit
    -orig-id: hit
    type: u2
    doc: Accuracy.
  - id: flee
    -orig-id: flee
    type: u2
    doc: Evasion.
  - id: perfect_dodge
    -orig-id: flee2
    type: u2
    doc: Perfect dodge (times 10).
  - id: critical
    -orig-id: critical
    type: u2
    doc: Critical rate (times 10).
  - id: karma
    -orig-id: karma
    type: u2
    doc: Karma; 0 in TMW.
  - id: manner
    -orig-id: manner
    type: u2
    doc: Manner; 0 in TMW.
