meta:
  id: flyff_cluster_client
  title: FlyFF cluster server, packets sent by the client
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  endian: le
doc: |
  One packet body the client sends to the cluster server (the character selection server,
  `LOGINSERVER` in the official source), as it stands after the 13-byte frame header: the
  sender's DPID, the u32 packet type, then the packet it names. Open this spec in the Web IDE
  to read one body; `stream.ksy` reads a whole dumped client-to-server TCP stream.

  The official client writes every packet with `BEFORESENDSOLE(ar, type, DPID_UNKNOWN)`, so the
  body starts with the DPID before the packet type; the official server, Rhisis and Hellion
  skip those four bytes before reading the type.
doc-ref:
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Network/Net/Include/dpmng.h
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/LOGINSERVER/DPLoginSrvr.cpp
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.ClusterServer/ClusterUser.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Protocol/PacketType.cs
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Core/Data/Headers/ClusterHeaders.cs
seq:
  - id: dpid
    type: u4
    doc: |
      DirectPlay id of the receiver as the client addresses it: always 0xFFFFFFFF
      (`DPID_UNKNOWN`) from real clients. Reported as it is, not checked.
  - id: packet_type
    -orig-id: header
    type: u4
    enum: packet_type
    doc: Which packet follows (the seed's `header`, `PACKETTYPE_*` in the official source).
  - id: body
    type:
      switch-on: packet_type
    doc: The packet named by packet_type.
