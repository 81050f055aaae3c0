meta:
  id: tmw_map_server_01de_skill_damage
  title: TMW map, server 0x01DE Skill Damage (SMSG_SKILL_DAMAGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_SKILL_DAMAGE
doc: A skill hit a being (33 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/beingrecv.cpp
seq:
  - id: skill_id
    -orig-id: skill id
    type: u2
    doc: |
      Skill id (tmwAthena SkillID: 1 basic emote skill, 340-347 magic schools, 350-355 focus
      skills).
  - id: src_id
    -orig-id: src id
    type: u4
    doc: Being id of the caster.
  - id: dst_id
    -orig-id: dst id
    type: u4
    doc: Being id of the target.
  - id: tick
    -orig-id: tick
    type: u4
    doc: Server clock in milliseconds (tmwAthena gettick, wraps at 2^32).
  - id: src_delay
    -orig-id: sdelay
    type: u4
    doc: Attack motion delay of the caster in ms.
  - id: dst_delay
    -orig-id: ddelay
    type: u4
    doc: Damage motion delay of the target in ms.
  - id: damage
    -orig-id: damage
    type: u4
    doc: Damage dealt.
  - id: skill_level
    -orig-id: skill level
    type: u2
    doc: Level of the skill.
  - id: div
    -orig-id: div
    type: u2
    doc: Number of hits.
  - id: hit_type
    -orig-id: type or hit
    type: u1
    doc: Hit type (tmwAthena DamageType number, or the hit count).
