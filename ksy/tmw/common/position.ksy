meta:
  id: tmw_position
  title: TMW map position and facing, packed in 3 bytes
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - enums
  endian: le
  bit-endian: be
doc: |
  A tile position and a facing direction packed into 24 bits, most significant bit first: a
  10-bit x, a 10-bit y and a 4-bit direction, so coordinates run from 0 to 1023. tmwAthena
  writes it as byte0 = x >> 2, byte1 = x << 6 | y >> 4, byte2 = y << 4 | direction
  (NetPosition1), and ManaPlus reads it the same way (MessageIn::readCoordinates). Packets
  that carry it: 0x0073 Map Login Success, 0x0078 Being Visible, 0x007c Being Spawn, 0x01d8 /
  0x01d9 Player Update and, without a meaningful direction, 0x0085 Walk Request.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/src/mmo/clif.t.hpp
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/messagein.cpp
seq:
  - id: x
    -orig-id: x
    type: b10
    doc: Tile column, 0 to 1023 (bits 23-14).
  - id: y
    -orig-id: y
    type: b10
    doc: Tile row, 0 to 1023 (bits 13-4).
  - id: direction
    -orig-id: dir
    type: b4
    enum: tmw_enums::direction
    doc: |
      Facing direction (bits 3-0). tmwAthena only writes 0-7; ManaPlus maps the eight values
      to its own direction flags. The client's 0x0085 Walk Request leaves it 0.
