meta:
  id: flyff_cluster_server_ff05_join_world
  title: Cluster server 0xFF05 join world
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  endian: le
-orig-id: JoinWorld
doc: |
  The answer to pre join (client 0xFF05) when the account and second password check out: the
  client may now join the world server with the selected character. The packet has no fields;
  the packet type is all of it.

  Seed: `ClusterHeaders.Outgoing.JoinWorld (0xFF05)`, with no description and no fields;
  official source: `PACKETTYPE_PRE_JOIN`, handled by `CDPLoginClient::OnPreJoin`, which reads
  nothing. Rhisis (`PreJoinPacketComplete`) and Hellion (`SendJoinWorld`) write the type only.
doc-ref:
  - https://github.com/ImranJagari/Hellion/blob/master/doc/packets/Cluster.md
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Cluster/Client/ClusterClient.Outgoing.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Game/Protocol/Packets/Cluster/Server/PreJoinPacketComplete.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/Neuz/DPLoginClient.cpp
seq: []
