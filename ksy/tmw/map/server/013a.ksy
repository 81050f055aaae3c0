meta:
  id: tmw_map_server_013a_player_attack_range
  title: TMW map, server 0x013A Player Attack Range (SMSG_PLAYER_ATTACK_RANGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_ATTACK_RANGE
doc: |
  The player's attack range changed (4 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/inventoryrecv.cpp
seq:
  - id: attack_range
    -orig-id: attack range
    type: u2
    doc: Attack range in tiles.
