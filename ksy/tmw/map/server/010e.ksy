meta:
  id: tmw_map_server_010e_player_skill_up
  title: TMW map, server 0x010E Player Skill Up (SMSG_PLAYER_SKILL_UP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_SKILL_UP
doc: A skill was raised (11 bytes), the answer to 0x0112.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/skillrecv.cpp
seq:
  - id: skill_id
    -orig-id: skill id
    type: u2
    doc: |
      Skill id (tmwAthena SkillID: 1 basic emote skill, 340-347 magic schools, 350-355 focus
      skills).
  - id: level
    -orig-id: level
    type: u2
    doc: New level of the skill.
  - id: sp
    -orig-id: sp
    type: u2
    doc: Spell points the skill costs.
  - id: range
    -orig-id: range
    type: u2
    doc: Range of the skill in tiles.
  - id: can_raise
    -orig-id: can raise
    type: u1
    doc: 1 when it can be raised further.
