meta:
  id: tmw_map_server_0226_map_mask
  title: TMW map, server 0x0226 Map Mask (SMSG_MAP_MASK)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_MAP_MASK
doc: |
  The map's mask bits (10 bytes): scripts switch map layers on and off with it.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/playerrecv.cpp
seq:
  - id: mask
    -orig-id: mask
    type: u4
    doc: Mask bits.
  - id: unused
    -orig-id: unused
    type: u4
    doc: Unused; 0.
