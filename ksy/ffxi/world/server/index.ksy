meta:
  id: ffxi_world_server
  title: Final Fantasy XI world server, packets sent by the server
  application: Final Fantasy XI
  license: AGPL-3.0-only
  ks-version: '0.11'
  imports:
    - ../../common/header
  endian: le
doc: |
  One packet sent by the FFXI world (zone) server to the client, as it lies in a decrypted,
  decompressed datagram payload: the 4-byte header (9-bit id, 7-bit size in 4-byte words, sync
  count), then the body, which is exactly `size * 4 - 4` bytes. The body is read from a
  substream of that length, so a packet spec can never read into the next packet, and a packet
  whose id has no spec here keeps its body as raw bytes.

  Open `stream.ksy` to read a whole datagram payload (the 0x1C-byte datagram header and the
  packets back to back); open this spec to read one packet.
doc-ref:
  - https://github.com/atom0s/XiPackets/blob/main/world/Header.md
  - https://github.com/atom0s/XiPackets/blob/main/world/server/README.md
seq:
  - id: header
    type: ffxi_header
    doc: The packet header; `header.id` says which packet the body is (see `packet_id`).
  - id: body
    size: header.len_body
    -pkttools-size-align: 4
    type:
      switch-on: packet_id
    doc: |
      The packet body: the `size * 4 - 4` bytes after the header, parsed by the packet named by
      the header's id. Raw bytes when no spec exists for the id yet. Senders round a packet up
      to whole 4-byte words with zero bytes; `-pkttools-size-align` tells pkttools to do the
      same when it builds one (a name of 0x00E2 shorter than 16 bytes is padded so).
instances:
  packet_id:
    value: header.id
    enum: packet_id
    doc: |
      `header.id` as a packet name, which the body switches on. The enum lives here rather than
      on the id field of the shared header (`ksy/ffxi/common/header.ksy`) because the client
      uses the same header with its own packet ids (client 0x00A is a different packet).
