meta:
  id: flyff_cluster_client_000b_query_tick_count
  title: Cluster client 0x0B query tick count
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  endian: le
-orig-id: PACKETTYPE_QUERYTICKCOUNT
doc: |
  Asks the server for its tick count, to synchronise the client's clock. Not in the seed; real
  client captures carry it. The server answers with the same packet type carrying the client's
  time and its own 64-bit tick count.

  Official source: `PACKETTYPE_QUERYTICKCOUNT` (0x0000000B), written by
  `CDPLoginClient::QueryTickCount` and read by `CDPLoginSrvr::OnQueryTickCount`; Rhisis reads
  the same `uint` (`QueryTickCountPacket`).
doc-ref:
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/Neuz/DPLoginClient.cpp
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/LOGINSERVER/DPLoginSrvr.cpp
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Game/Protocol/Packets/Cluster/Client/QueryTickCountPacket.cs
seq:
  - id: time
    type: u4
    doc: The client's `timeGetTime()` in milliseconds, echoed by the server's answer.
