meta:
  id: flyff_cluster_server_0000_welcome
  title: Cluster server 0x00 welcome
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  endian: le
-orig-id: Welcome
doc: |
  The first packet of every connection, sent by the server as soon as the client connects: it
  carries the session (protocol) id, which the official client mixes into the checksums of the
  frames it sends from then on.

  The seed lists `[int] sessionId` and then two more `[int] 0 // ? not used`. The wire does
  not carry them: Rhisis (`FFUserConnection.OnConnected`), Hellion (`SendSessionId`) and the
  official server (`CClientSock::SendProtocolId`) write the packet type and the id only, 8 bytes
  in all, and the official client takes the id only from a body of exactly 8 bytes whose type
  is 0 (`CDPSock` receive loop), so it would ignore the seed's 16-byte form. This spec reads
  the 8-byte form; `unused_1` and `unused_2` parse when those bytes are present (the seed's
  form) and are absent otherwise.
doc-ref:
  - https://github.com/ImranJagari/Hellion/blob/master/doc/packets/Cluster.md
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Cluster/Client/ClusterClient.Outgoing.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Protocol/FFUserConnection.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Network/Net/Src/clientsock.cpp
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/_Network/Net/Src/dpsock.cpp
seq:
  - id: session_id
    -orig-id: sessionId
    type: u4
    doc: |
      The session id (`m_dwProtocolId` in the official source, a `GetTickCount()` value there;
      Rhisis sends its connection's `SessionId`). The client's frame checksums use it.
  - id: unused_1
    type: u4
    if: not _io.eof
    doc: |
      The seed's first `[int] 0 // ? not used`; no server sends it, and the official client
      ignores a welcome that carries it.
  - id: unused_2
    type: u4
    if: not _io.eof
    doc: The seed's second `[int] 0 // ? not used`; as `unused_1`.
