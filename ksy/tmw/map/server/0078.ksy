meta:
  id: tmw_map_server_0078_being_visible
  title: TMW map, server 0x0078 Being Visible (SMSG_BEING_VISIBLE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
    - ../../common/position
  endian: le
-orig-id: SMSG_BEING_VISIBLE
doc: |
  A being that stands still comes into sight (54 bytes): an NPC, a monster, or (in the tmwAthena
  layout for other beings) anything that is not a player; players come as 0x01d8 / 0x01d9. Sent
  when the player enters a map or walks near the being, and when the being appears.
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
    type: u1
    doc: Hair style number.
  - id: look
    -orig-id: look
    type: u1
    doc: Look (sprite variant); 0 for most beings.
  - id: weapon
    -orig-id: weapon
    type: u2
    doc: Item id of the weapon, 0 for none.
  - id: head_bottom
    -orig-id: head bottom
    type: u2
    doc: Item id worn on the legs, 0 for none.
  - id: shield
    -orig-id: shield
    type: u2
    doc: Item id of the shield, 0 for none.
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
    type: u1
    doc: Hair colour number.
  - id: unused1
    -orig-id: unused 1
    type: u1
    doc: Unused byte after hair_color; tmwAthena writes 0.
  - id: shoes_or_clothes_color
    -orig-id: shoes or clothes color
    type: u2
    doc: Clothes colour for players; tmwAthena writes 0 for NPCs and monsters.
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
  - id: sex
    -orig-id: sex
    type: u1
    enum: tmw_enums::sex
    doc: Sex of the being (NPCs and monsters are usually neutral or male).
  - id: position
    -orig-id: pos
    type: tmw_position
    doc: Tile position and facing direction.
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
