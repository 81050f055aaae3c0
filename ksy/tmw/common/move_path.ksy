meta:
  id: tmw_move_path
  title: TMW walk from one tile to another, packed in 5 bytes
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
  bit-endian: be
doc: |
  A source and a destination tile packed into 40 bits, most significant bit first: x and y of
  the start, then x and y of the destination, 10 bits each (NetPosition2 in tmwAthena). The
  map server sends it in 0x0087 Walk Response, 0x007b Being Move and 0x01da Player Move; the
  client walks the path it finds between the two tiles. ManaPlus reads the same bit layout
  (MessageIn::readCoordinatePair).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/src/mmo/clif.t.hpp
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/messagein.cpp
seq:
  - id: src_x
    -orig-id: x0
    type: b10
    doc: Column of the tile the walk starts from.
  - id: src_y
    -orig-id: y0
    type: b10
    doc: Row of the tile the walk starts from.
  - id: dst_x
    -orig-id: x1
    type: b10
    doc: Column of the destination tile.
  - id: dst_y
    -orig-id: y1
    type: b10
    doc: Row of the destination tile.
