meta:
  id: tmw_map_client_0089_player_change_act
  title: TMW map, client 0x0089 Player Change Act (CMSG_PLAYER_CHANGE_ACT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: CMSG_PLAYER_CHANGE_ACT
doc: |
  The player acts on a being (7 bytes): a single or continuous attack, sitting down or standing
  up. The map server answers with 0x008a to everyone in sight.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerhandler.cpp
seq:
  - id: target_id
    -orig-id: target id
    type: u4
    doc: Being id of the target (0 for sit and stand).
  - id: action
    -orig-id: action
    type: u1
    enum: tmw_enums::damage_type
    doc: |
      What to do: hit, continuous, sit or stand.
