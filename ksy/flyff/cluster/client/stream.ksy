meta:
  id: flyff_cluster_client_stream
  title: FlyFF cluster server, a dumped client-to-server TCP stream
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  imports:
    - index
  endian: le
doc: |
  Every byte the client sent to the cluster server on one connection, as a sequence of frames.
  Each frame is a 13-byte header (0x5E, header checksum, body length, body checksum) and the
  body, which `flyff_cluster_client` (index.ksy) reads: DPID, packet type, packet. Open a raw
  stream dump with this spec in the Web IDE.

  The official client writes both checksums (`CBuffer` with `__CRC`, `HEADERSIZE13`) as
  `~(crc32(le32(len)) ^ session_id)` and `~(crc32(body) ^ session_id)`, where `session_id` is
  the id of the server's welcome packet. Rhisis (`FlyffPacketProcessor`, `HeaderSize => 13`)
  and Hellion (skips 17 bytes: header and DPID) ignore them and serve real clients, and client
  builds differ in how they compute them, so the spec reports both values as they are and
  never checks them.
doc-ref:
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Network/Net/Src/buffer.cpp
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Network/Net/Include/buffer.h
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Network/Net/Src/clientsock.cpp
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Protocol/FlyffPacketProcessor.cs
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Cluster/Client/ClusterClient.cs
seq:
  - id: frames
    type: frame
    repeat: eos
    doc: The frames, in the order the client sent them.
types:
  frame:
    doc: One frame, a header and the packet body it announces.
    seq:
      - id: header
        type: frame_header
        doc: The 13-byte frame header.
      - id: body
        size: header.len_body
        type: flyff_cluster_client
        doc: The packet body, starting with the DPID and the u32 packet type.
  frame_header:
    doc: 0x5E, the header checksum, the body length and the body checksum.
    seq:
      - id: magic
        contents: [0x5e]
        doc: Frame mark, '^' (`HEADERMARK`).
      - id: header_checksum
        type: u4
        doc: |
          Checksum of the length field (official: `~(crc32(le32(len_body)) ^ session_id)`);
          reported, not checked.
      - id: len_body
        type: u4
        doc: Length of the body in bytes (`DWORD`).
      - id: data_checksum
        type: u4
        doc: |
          Checksum of the body (official: `~(crc32(body) ^ session_id)`); reported, not
          checked.
