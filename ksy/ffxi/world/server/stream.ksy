meta:
  id: ffxi_world_server_stream
  title: Final Fantasy XI world server datagram payload
  application: Final Fantasy XI
  license: AGPL-3.0-only
  ks-version: '0.11'
  imports:
    - index
  endian: le
doc: |
  One UDP datagram sent by the world server, once decrypted and decompressed: a 0x1C-byte
  datagram header, then packets back to back, each a 4-byte header (9-bit id, 7-bit size in
  4-byte words) and its body. A walk over the packets goes from offset 0x1C, takes `size * 4`
  bytes per packet and stops at the end of the data or at a packet whose size is 0 (the end
  marker; LandSandBoat's walk over incoming datagrams, `MapNetworking::parse`, stops the same
  way). Packets whose id has no spec yet keep their id, size and body bytes. `pkttools split`
  splits a payload with this spec; it reports the end marker and what follows it as unframed.

  On the wire the bytes after the datagram header are Blowfish-encrypted and compressed, with a
  16-byte MD5 at the end; this spec starts after all that is undone (out of scope here).
doc-ref:
  - https://github.com/LandSandBoat/server/blob/base/src/map/map_networking.cpp
  - https://github.com/LandSandBoat/server/blob/base/src/common/mmo.h
  - https://github.com/atom0s/XiPackets/blob/main/world/Header.md
# The game layer that decrypts the wire before this stream is split (pkttools/layers/ffxi.py)
-pkttools-layer: ffxi
seq:
  - id: datagram_header
    type: datagram_header
    doc: The 0x1C-byte header of the datagram, before the first packet.
  - id: packets
    type: ffxi_world_server
    repeat: until
    repeat-until: _.header.size == 0 or _io.eof
    doc: |
      The packets, back to back, up to and including the end marker (a packet header whose
      size is 0; its body is empty), or up to the end of the data when there is no marker.
types:
  datagram_header:
    doc: |
      The datagram header the server writes before the packets (`FFXI_HEADER_SIZE`, 0x1C bytes).
      XiPackets does not document it; the fields below are those LandSandBoat's
      `MapNetworking::send_parse` writes. It does not write bytes 0x04-0x07 and 0x0C-0x1B: they
      keep what its buffer held, the client datagram it answers (in the client's header that
      area carries, among others, the two certificate values of server 0x000A).
    seq:
      - id: server_packet_id
        type: u2
        doc: |
          The number of this datagram (LandSandBoat's `server_packet_id`, which it also writes as
          the `sync` of every packet in it).
      - id: client_packet_id
        type: u2
        doc: The number of the last client datagram the server received (an acknowledgement).
      - id: unknown04
        size: 4
        doc: Not written by LandSandBoat's server (see the type's doc).
      - id: timestamp
        type: u4
        doc: The time the server sent the datagram, Unix seconds.
      - id: unknown0c
        size: 16
        doc: Not written by LandSandBoat's server (see the type's doc).
