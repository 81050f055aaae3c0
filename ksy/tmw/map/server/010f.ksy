meta:
  id: tmw_map_server_010f_player_skills
  title: TMW map, server 0x010F Player Skills (SMSG_PLAYER_SKILLS)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_PLAYER_SKILLS
doc: |
  The player's skills (sent after 0x007d Map Loaded and when they change). Variable length: the
  u2 total length, then 37 bytes per skill.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/skillrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 4 and (_ - 4) % 37 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 4 + 37 per
      entry. tmwAthena rejects a length below 4 or one that leaves a partial entry
      (net_recv_vpacket), and so does this spec.
  - id: skills
    type: skill
    repeat: expr
    repeat-expr: num_skills
    doc: The skills, (len_packet - 4) / 37 entries of 37 bytes.
instances:
  num_skills:
    value: (len_packet - 4) / 37
    doc: Number of entries, from the packet length.
types:
  skill:
    doc: One skill (37 bytes).
    seq:
      - id: skill_id
        -orig-id: skill id
        type: u2
        doc: |
          Skill id (tmwAthena SkillID: 1 basic emote skill, 340-347 magic schools,
          350-355 focus skills).
      - id: target_type
        -orig-id: type or inf
        type: u2
        doc: |
          How the skill is targeted (eAthena inf: 0 passive, 1 enemy, 4 self...).
      - id: flags
        -orig-id: flags
        type: u2
        doc: |
          tmwAthena SkillFlags bits: 0x01 a pool (focusable) skill, 0x02 in the active
          pool, 0x04 just activated; ManaPlus ignores them.
      - id: level
        -orig-id: level
        type: u2
        doc: Current level of the skill.
      - id: sp
        -orig-id: sp
        type: u2
        doc: Spell points the skill costs.
      - id: range
        -orig-id: range
        type: u2
        doc: Range in tiles.
      - id: unused
        -orig-id: unused
        type: str
        size: 24
        terminator: 0
        doc: |
          24 unused bytes (the skill name in eAthena); tmwAthena writes zeros. Building
          writes zero bytes after the NUL; bytes after a NUL are not kept.
      - id: can_raise
        -orig-id: can raise
        type: u1
        doc: 1 when a skill point can raise it.
