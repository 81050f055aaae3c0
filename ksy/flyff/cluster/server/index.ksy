meta:
  id: flyff_cluster_server
  title: FlyFF cluster server, packets sent by the server
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  endian: le
doc: |
  One packet body the cluster server (the character selection server, `LOGINSERVER` in the
  official source) sends to the client, as it stands after the 5-byte frame header: the u32
  packet type, then the packet it names. Open this spec in the Web IDE to read one body;
  `stream.ksy` reads a whole dumped server-to-client TCP stream.
doc-ref:
  - https://github.com/ImranJagari/Hellion/blob/master/doc/packets/Cluster.md
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Core/Data/Headers/ClusterHeaders.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Protocol/PacketType.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/Neuz/DPLoginClient.cpp
seq:
  - id: packet_type
    -orig-id: header
    type: u4
    enum: packet_type
    doc: Which packet follows (the seed's `header`, `PACKETTYPE_*` in the official source).
  - id: body
    type:
      switch-on: packet_type
    doc: The packet named by packet_type.
