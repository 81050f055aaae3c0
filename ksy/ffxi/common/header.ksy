meta:
  id: ffxi_header
  title: FFXI world server packet header
  application: Final Fantasy XI
  license: AGPL-3.0-only
  ks-version: '0.11'
  endian: le
  bit-endian: le
doc: |
  The 4-byte header that starts every packet the world (zone) server and the client exchange, in
  both directions: a 9-bit packet id and a 7-bit size packed into one little-endian u16, then a
  u16 sync counter.

  The client reads the first u16 `w` as `id = w & 0x1FF` and `size = 4 * (w >> 9)`: the id is
  the low 9 bits, the size the high 7 bits, counted in 4-byte words. This spec reads them as
  `b9` then `b7` with little-endian bit order (lowest bits first); Kaitai's default big-endian
  bit order would give wrong values. Example: `0a 82` is id 0x00A with size 0x41, a packet of
  0x41 * 4 = 0x104 bytes.

  The size counts the whole packet, header included, so a packet is always a multiple of 4 bytes
  (the sender rounds up, padding with zeros; LandSandBoat's `CBasicPacket::setSize` rounds the
  same way). The client limits packets to 260 (0x104) bytes and
  ids to 0x11D; the bit widths allow up to 0x7F words and id 0x1FF.
doc-ref:
  - https://github.com/atom0s/XiPackets/blob/main/world/Header.md
  - https://github.com/LandSandBoat/server/blob/base/src/map/packets/basic.h
seq:
  - id: id
    -orig-id: id
    type: b9
    doc: |
      The packet id (PS2 name `ID`), the low 9 bits of the first u16; it says which packet the
      body is. Also called the opcode.
  - id: size
    -orig-id: size
    type: b7
    doc: |
      The packet size in 4-byte words, header included (PS2 name `Size2`), the high 7 bits of
      the first u16. See `len_packet` for bytes. A packet walk stops at a size of 0: nothing
      follows it.
  - id: sync
    -orig-id: sync
    type: u2
    doc: |
      The sync count (PS2 name `SendCnt`): the sequence number that keeps client and server in
      step over UDP. LandSandBoat writes the number of the datagram that carries the packet.
instances:
  len_packet:
    value: size * 4
    doc: The length of the whole packet in bytes, header included (`size * 4`).
  len_body:
    value: 'size > 0 ? size * 4 - 4 : 0'
    doc: |
      The length of the packet body in bytes: `len_packet` minus the 4 header bytes. A size of 0
      (the end marker of a packet walk, or a broken header) gives an empty body rather than a
      negative length.
