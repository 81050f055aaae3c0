meta:
  id: tmw_map_server_01d8_player_update_1
  title: TMW map, server 0x01D8 Player Update 1 (SMSG_PLAYER_UPDATE_1)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
    - ../../common/position
  endian: le
-orig-id: SMSG_PLAYER_UPDATE_1
doc: |
  A player standing still comes into sight (54 bytes), e.g. the players around when entering a
  map.
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
    -orig-id: species
    type: u2
    doc: |
      Species (class) of the being: 0 for players, the sprite of an NPC, the id of a monster.
  - id: hair_style
    -orig-id: hair style
    type: u2
    doc: Hair style number.
  - id: weapon
    -orig-id: weapon
    type: u2
    doc: Item id of the weapon, 0 for none.
  - id: shield
    -orig-id: shield
    type: u2
    doc: Item id of the shield, 0 for none.
  - id: head_bottom
    -orig-id: head bottom
    type: u2
    doc: Item id worn on the legs, 0 for none.
  - id: head_top
    -orig-id: head top
    type: u2
    doc: Item id worn on the head (hat), 0 for none.
  - id: head_mid
    -orig-id: head mid
    type: u2
    doc: Item id worn on the torso, 0 for none.
  - id: hair_color
    -orig-id: hair color
    type: u2
    doc: Hair colour number.
  - id: clothes_color
    -orig-id: clothes color
    type: u2
    doc: Clothes colour number.
  - id: head_direction
    -orig-id: head dir
    type: u1
    enum: tmw_enums::direction
    doc: Direction of the head.
  - id: unused2
    -orig-id: unused2
    type: u1
    doc: Unused; 0.
  - id: hp
    -orig-id: hp
    type: u4
    doc: |
      Hit points for clients of protocol version 9 and up; 0 (the guild id of eAthena) for
      older ones such as ManaPlus.
  - id: max_hp_low
    -orig-id: part of max hp
    type: u2
    doc: |
      Low 16 bits of the maximum hit points for clients of protocol version 9 and up; 0 (the
      guild emblem of eAthena) for older ones such as ManaPlus, which sends version 8.
  - id: max_hp_high
    -orig-id: manner or part of max hp
    type: u2
    doc: |
      High 16 bits of the maximum hit points for clients of version 9 and up; the manner
      value (0 in TMW) for older ones.
  - id: opt3
    -orig-id: opt3
    type: u2
    doc: |
      Status option group 3 (Opt3 bits: effects such as berserk); 0 when none.
  - id: karma
    -orig-id: karma
    type: u1
    doc: Karma; 0 in TMW.
  - id: sex
    -orig-id: sex
    type: u1
    enum: tmw_enums::sex
    doc: Sex of the account or character.
  - id: position
    -orig-id: pos
    type: tmw_position
    doc: Tile position and facing direction.
  - id: gm_flags
    -orig-id: gm bits
    type: u2
    doc: |
      GM flags: the GM level the player shows (0 for players); to old clients tmwAthena sends
      0x80 for GM levels 60 and 99 and up instead.
  - id: dead_sit
    -orig-id: dead sit
    type: u1
    doc: |
      Posture: 0 standing, 1 dead, 2 sitting.
  - id: base_level
    -orig-id: base level
    type: u1
    doc: |
      Base level; 0 when the player's GM level is exactly 1 (tmwAthena hides it then).
  - id: unused
    -orig-id: unused
    type: u1
    doc: Unused; 0.
