meta:
  id: tmw_map_client_009b_player_change_dir
  title: TMW map, client 0x009B Player Change Dir (CMSG_PLAYER_CHANGE_DIR)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PLAYER_CHANGE_DIR
doc: |
  The player turns to face another direction without moving (5 bytes); the map server tells the
  others with 0x009c.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerhandler.cpp
seq:
  - id: unused
    -orig-id: unused
    type: u2
    doc: Unused head direction; ManaPlus sends 0.
  - id: direction
    -orig-id: client dir
    type: u1
    doc: The new facing direction.
