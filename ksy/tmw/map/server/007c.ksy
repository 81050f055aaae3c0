meta:
  id: tmw_map_server_007c_being_spawn
  title: TMW map, server 0x007C Being Spawn (SMSG_BEING_SPAWN)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/position
  endian: le
-orig-id: SMSG_BEING_SPAWN
doc: |
  A being is created (41 bytes): monsters when they spawn, NPCs when a script makes them appear.
  Followed by 0x0078 or 0x007b when the client is to draw it.
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
  - id: unknown1
    -orig-id: unknown 1
    type: u2
    doc: Not used by tmwAthena, written as 0.
  - id: unknown2
    -orig-id: unknown 2
    type: u2
    doc: Not used by tmwAthena, written as 0.
  - id: unknown3
    -orig-id: unknown 3
    type: u2
    doc: Not used by tmwAthena, written as 0.
  - id: species
    -orig-id: species
    type: u2
    doc: |
      Species (class) of the being: 0 for players, the sprite of an NPC, the id of a monster.
  - id: unknown4
    -orig-id: unknown 4
    type: u2
    doc: Not used by tmwAthena, written as 0.
  - id: unknown5
    -orig-id: unknown 5
    type: u2
    doc: Not used by tmwAthena, written as 0.
  - id: unknown6
    -orig-id: unknown 6
    type: u2
    doc: Not used by tmwAthena, written as 0.
  - id: unknown7
    -orig-id: unknown 7
    type: u2
    doc: Not used by tmwAthena, written as 0.
  - id: unknown8
    -orig-id: unknown 8
    type: u2
    doc: Not used by tmwAthena, written as 0.
  - id: unknown9
    -orig-id: unknown 9
    type: u2
    doc: Not used by tmwAthena, written as 0.
  - id: unknown10
    -orig-id: unknown 10
    type: u2
    doc: Not used by tmwAthena, written as 0.
  - id: position
    -orig-id: pos
    type: tmw_position
    doc: Tile position and facing direction.
  - id: unknown11
    -orig-id: unknown 11
    type: u2
    doc: Not used by tmwAthena, written as 0.
