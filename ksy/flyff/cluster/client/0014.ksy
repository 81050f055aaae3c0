meta:
  id: flyff_cluster_client_0014_ping
  title: Cluster client 0x14 ping
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  endian: le
-orig-id: PACKETTYPE_PING
doc: |
  Keep-alive and latency probe; the server answers with pong (server 0x14) carrying the same
  time. Not in the seed; real client captures carry it.

  Official source: `PACKETTYPE_PING` (0x00000014), written by `CDPLoginClient::Ping` as a
  `DWORD` and read by `CDPLoginSrvr::OnPing` as a `DWORD`. Rhisis (`PingPacket`) and Hellion
  (`OnPing`) read it as an `int`; the bytes are the same, and the spec reads the official
  unsigned value.
doc-ref:
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/Neuz/DPLoginClient.h
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/LOGINSERVER/DPLoginSrvr.cpp
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Game/Protocol/Packets/PingPacket.cs
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Cluster/Client/ClusterClient.Incoming.cs
seq:
  - id: time
    type: u4
    doc: The client's `GetCurrentTime()` in milliseconds when it sent the ping.
