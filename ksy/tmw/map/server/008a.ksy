meta:
  id: tmw_map_server_008a_being_action
  title: TMW map, server 0x008A Being Action (SMSG_BEING_ACTION)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_BEING_ACTION
doc: |
  A being acted on another (29 bytes): a hit with its damage, a pick-up, sitting or standing.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/beingrecv.cpp
seq:
  - id: src_id
    -orig-id: src id
    type: u4
    doc: Being id of the actor.
  - id: dst_id
    -orig-id: dst id
    type: u4
    doc: Being id of the target (0 when none).
  - id: tick
    -orig-id: tick
    type: u4
    doc: Server clock in milliseconds (tmwAthena gettick, wraps at 2^32).
  - id: src_delay
    -orig-id: sdelay
    type: u4
    doc: Attack motion delay of the actor in ms.
  - id: dst_delay
    -orig-id: ddelay
    type: u4
    doc: Damage motion delay of the target in ms.
  - id: damage
    -orig-id: damage
    type: u2
    doc: Damage dealt.
  - id: div
    -orig-id: div
    type: u2
    doc: Number of hits.
  - id: action
    -orig-id: damage type
    type: u1
    enum: tmw_enums::damage_type
    doc: Kind of action.
  - id: damage2
    -orig-id: damage2
    type: u2
    doc: Damage of the second (left hand) hit; 0 in TMW.
