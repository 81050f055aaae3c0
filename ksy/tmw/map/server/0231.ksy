meta:
  id: tmw_map_server_0231_map_set_tiles_type
  title: TMW map, server 0x0231 Map Set Tiles Type (SMSG_MAP_SET_TILES_TYPE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_MAP_SET_TILES_TYPE
doc: The collision of a rectangle of tiles changed (34 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/maprecv.cpp
seq:
  - id: x1
    -orig-id: x1
    type: u2
    doc: First tile column.
  - id: y1
    -orig-id: y1
    type: u2
    doc: First tile row.
  - id: x2
    -orig-id: x2
    type: u2
    doc: Last tile column.
  - id: y2
    -orig-id: y2
    type: u2
    doc: Last tile row.
  - id: mask
    -orig-id: mask
    type: u4
    doc: New collision bits.
  - id: unused_layer
    -orig-id: unused layer
    type: u4
    doc: Layer; unused, 0.
  - id: map_name
    -orig-id: map
    type: str
    size: 16
    terminator: 0
    doc: |
      Map name, NUL-padded to 16 bytes. Building writes zero bytes after the NUL; bytes after
      a NUL are not kept.
