meta:
  id: tmw_map_server_007b_being_move
  title: TMW map, server 0x007B Being Move (SMSG_BEING_MOVE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/move_path
  endian: le
-orig-id: SMSG_BEING_MOVE
doc: |
  A being that is walking comes into sight or starts walking (60 bytes): like 0x0078, with a walk
  (start and destination tiles) instead of a position, and the server tick of the step. Used for
  monsters and NPCs; players walking come as 0x01da.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/beingrecv.cpp
seq:
  - id: being_id
    -orig-id: block id
    type: u4
    doc: |
      Id of the being: a player's account id, or the id the map server gave an NPC, monster
      or floor item (from 110000000 in tmwAthena).
  - id: speed
    -orig-id: speed
    type: u2
    doc: Walking speed in milliseconds per tile (150 is the default for players).
  - id: opt1
    -orig-id: opt1
    type: u2
    doc: |
      Status option group 1 (Opt1: stone, freeze, stun, sleep as values); 0 when none.
  - id: opt2
    -orig-id: opt2
    type: u2
    doc: |
      Status option group 2 (Opt2 bits: poison, curse, silence, blind...); 0 when none.
  - id: option
    -orig-id: option
    type: u2
    doc: |
      Status option bits (Opt0: sight, hide, cloak, invisible...); 0 when none.
  - id: species
    -orig-id: mob class
    type: u2
    doc: |
      Species (class) of the being: 0 for players, the sprite of an NPC, the id of a monster.
  - id: hair_style
    -orig-id: hair style
    type: u1
    doc: Hair style number.
  - id: look
    -orig-id: look
    type: u1
    doc: Look (sprite variant) of the being; 0 for most.
  - id: unused_weapon
    -orig-id: unused weapon
    type: u2
    doc: Unused; tmwAthena writes 0.
  - id: unused_head_bottom
    -orig-id: unused head bottom
    type: u2
    doc: Unused; tmwAthena writes 0.
  - id: tick
    -orig-id: tick
    type: u4
    doc: Server tick when the walk started (ms).
  - id: unused_shield
    -orig-id: unused shield
    type: u2
    doc: Unused; tmwAthena writes 0.
  - id: unused_head_top
    -orig-id: unused head top
    type: u2
    doc: Unused; tmwAthena writes 0.
  - id: unused_head_mid
    -orig-id: unused head mid
    type: u2
    doc: Unused; tmwAthena writes 0.
  - id: unused_hair_color
    -orig-id: unused hair color
    type: u1
    doc: Unused; tmwAthena writes 0.
  - id: unused1
    -orig-id: unused 1
    type: u1
    doc: Unused; tmwAthena writes 0.
  - id: unused_clothes_color
    -orig-id: unused clothes color
    type: u2
    doc: Unused; tmwAthena writes 0.
  - id: hp
    -orig-id: hp
    type: u4
    doc: Hit points.
  - id: max_hp
    -orig-id: max hp
    type: u4
    doc: Maximum hit points.
  - id: manner
    -orig-id: manner
    type: u2
    doc: Manner; unused by TMW, 0.
  - id: opt3
    -orig-id: opt3
    type: u2
    doc: |
      Status option group 3 (Opt3 bits: effects such as berserk); 0 when none.
  - id: attack_range
    -orig-id: attack range
    type: u1
    doc: Attack range in tiles.
  - id: unused_sex
    -orig-id: unused sex
    type: u1
    doc: Unused; tmwAthena writes 0.
  - id: move_path
    -orig-id: pos2
    type: tmw_move_path
    doc: Start and destination tiles of the walk.
  - id: unused2
    -orig-id: unused 2
    type: u1
    doc: Unused; tmwAthena writes 0.
  - id: unused3
    -orig-id: unused 3
    type: u1
    doc: Unused; tmwAthena writes 0.
  - id: unused4
    -orig-id: unused 4
    type: u1
    doc: Unused; tmwAthena writes 0.
  - id: unused5
    -orig-id: unused 5
    type: u1
    doc: Unused; tmwAthena writes 0.
  - id: unused6
    -orig-id: unused 6
    type: u1
    doc: Unused; tmwAthena writes 0.
