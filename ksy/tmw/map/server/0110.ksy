meta:
  id: tmw_map_server_0110_skill_failed
  title: TMW map, server 0x0110 Skill Failed (SMSG_SKILL_FAILED)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_SKILL_FAILED
doc: A skill or basic action (emote, trade, party) failed (10 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/skillrecv.cpp
seq:
  - id: skill_id
    -orig-id: skill id
    type: u2
    doc: |
      Skill id (tmwAthena SkillID: 1 basic emote skill, 340-347 magic schools, 350-355 focus
      skills).
  - id: basic_type
    -orig-id: btype
    type: u2
    doc: |
      For skill 1 (basic skills): which basic action failed.
  - id: zero1
    -orig-id: zero1
    type: u2
    doc: Always 0 from tmwAthena.
  - id: zero2
    -orig-id: zero2
    type: u1
    doc: Always 0 from tmwAthena.
  - id: reason
    -orig-id: type
    type: u1
    doc: Why it failed (0 not enough skill, 1 not enough SP, ...).
