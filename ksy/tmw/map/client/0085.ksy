meta:
  id: tmw_map_client_0085_walk_request
  title: TMW map, client 0x0085 Walk Request (CMSG_PLAYER_CHANGE_DEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/position
  endian: le
-orig-id: CMSG_PLAYER_CHANGE_DEST
doc: |
  The player asks to walk to a tile (5 bytes). The map server answers 0x0087 Walk Response with
  the walk it accepted; nothing when the tile cannot be reached.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerhandler.cpp
seq:
  - id: destination
    -orig-id: pos
    type: tmw_position
    doc: Tile to walk to; the direction bits are 0.
