meta:
  id: flyff_cluster_server_0014_pong
  title: Cluster server 0x14 pong
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  endian: le
-orig-id: Pong
doc: |
  The answer to the client's ping (client 0x14): the same packet type and the time the ping
  carried, from which the client computes its latency.

  Seed: `ClusterHeaders.Outgoing.Pong (0x14)` with `[int] time`. The official server
  (`CDPLoginSrvr::OnPing`) echoes the ping's `DWORD` and the official client
  (`CDPLoginClient::OnPing`) reads a `DWORD`; Rhisis and Hellion write the `int` they read. The
  bytes are the same; the spec reads the official unsigned value.
doc-ref:
  - https://github.com/ImranJagari/Hellion/blob/master/doc/packets/Cluster.md
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Cluster/Client/ClusterClient.Outgoing.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Game/Protocol/Packets/PongPacket.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/LOGINSERVER/DPLoginSrvr.cpp
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/Neuz/DPLoginClient.cpp
seq:
  - id: time
    -orig-id: time
    type: u4
    doc: The time of the ping being answered (the client's clock, milliseconds).
