meta:
  id: flyff_cluster_server_stream
  title: FlyFF cluster server, a dumped server-to-client TCP stream
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  imports:
    - index
  endian: le
doc: |
  Every byte the cluster server sent on one connection, as a sequence of frames. Each frame is
  the 0x5E mark, the body length, and the body, which `flyff_cluster_server` (index.ksy)
  dispatches on its packet type. Open a raw stream dump with this spec in the Web IDE.

  Server-to-client frames have a 5-byte header with no checksums: Rhisis (`FFPacket`,
  `FlyffPacketProcessor.AppendHeader`) and Hellion (`FFPacket.Buffer`) write 0x5E and the
  `int` body length; the official `CBuffer` writes the same header when no CRC is set up for
  the direction (`HEADERSIZE5`).
doc-ref:
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Protocol/FFPacket.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Protocol/FlyffPacketProcessor.cs
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Core/Network/FFPacket.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Network/Net/Src/buffer.cpp
seq:
  - id: frames
    type: frame
    repeat: eos
    doc: The frames, in the order the server sent them.
types:
  frame:
    doc: One frame, a header and the packet body it announces.
    seq:
      - id: header
        type: frame_header
        doc: The 5-byte frame header.
      - id: body
        size: header.len_body
        type: flyff_cluster_server
        doc: The packet body, starting with its u32 packet type.
  frame_header:
    doc: 0x5E, then the body length.
    seq:
      - id: magic
        contents: [0x5e]
        doc: Frame mark, '^' (`HEADERMARK`).
      - id: len_body
        type: s4
        valid:
          min: 0
        doc: Length of the body in bytes (an `int` in Rhisis and Hellion; never negative).
