meta:
  id: tmw_map_server_0139_player_move_to_attack
  title: TMW map, server 0x0139 Player Move To Attack (SMSG_PLAYER_MOVE_TO_ATTACK)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_MOVE_TO_ATTACK
doc: The player walks towards a target to get in attack range (16 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/beingrecv.cpp
seq:
  - id: target_id
    -orig-id: block id
    type: u4
    doc: Being id of the target.
  - id: target_x
    -orig-id: bl x
    type: u2
    doc: Tile column of the target.
  - id: target_y
    -orig-id: bl y
    type: u2
    doc: Tile row of the target.
  - id: x
    -orig-id: sd x
    type: u2
    doc: Tile column of the player.
  - id: y
    -orig-id: sd y
    type: u2
    doc: Tile row of the player.
  - id: range
    -orig-id: range
    type: u2
    doc: Attack range in tiles.
