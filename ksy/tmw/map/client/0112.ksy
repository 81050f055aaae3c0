meta:
  id: tmw_map_client_0112_skill_levelup_request
  title: TMW map, client 0x0112 Skill Levelup Request (CMSG_SKILL_LEVELUP_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_SKILL_LEVELUP_REQUEST
doc: The player spends a skill point on a skill (4 bytes); the answer is 0x010e.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerhandler.cpp
seq:
  - id: skill_id
    -orig-id: skill id
    type: u2
    doc: |
      Skill id (tmwAthena SkillID: 1 basic emote skill, 340-347 magic schools, 350-355 focus
      skills).
