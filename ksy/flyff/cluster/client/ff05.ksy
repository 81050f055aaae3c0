meta:
  id: flyff_cluster_client_ff05_pre_join
  title: Cluster client 0xFF05 pre join
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  imports:
    - ../../common/string
  endian: le
-orig-id: PreJoin
doc: |
  Sent when the player enters the game with the selected character. The cluster server checks
  the account and the second password and answers with join world (server 0xFF05); the client
  then connects to the world server.

  Seed: `ClusterHeaders.Incoming.PreJoin (0xFF05)`; official source: `PACKETTYPE_PRE_JOIN`,
  written by `CDPLoginClient::SendPreJoin` and read by `CDPLoginSrvr::OnPreJoin`.

  The seed and the wire disagree on the end of the packet: the seed lists `[int] authKey` after
  `bank_code`, but the official client does not send it (its `ar << g_Neuz.m_dwAuthKey` line is
  commented out), and neither the official server, Rhisis nor Hellion reads it. Real packets
  end after `bank_code`. `auth_key` parses when four more bytes are present (the seed's form)
  and is absent otherwise.
doc-ref:
  - https://github.com/ImranJagari/Hellion/blob/master/doc/packets/Cluster.md
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Cluster/Client/ClusterClient.Incoming.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Game/Protocol/Packets/Cluster/Client/PreJoinPacket.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/Neuz/DPLoginClient.cpp
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/LOGINSERVER/DPLoginSrvr.cpp
seq:
  - id: username
    -orig-id: username
    type: flyff_string
    doc: Account name; the server checks it against the account of the connection.
  - id: character_id
    -orig-id: characterId
    type: u4
    doc: Id of the selected character (`u_long idPlayer`).
  - id: character_name
    -orig-id: characterName
    type: flyff_string
    doc: Name of the selected character.
  - id: bank_code
    -orig-id: bankCode
    type: s4
    doc: |
      The second password as typed on the login-protect number pad (`int nSecretNum`),
      version 15 and later; the server decodes it with the pad layout it sent.
  - id: auth_key
    -orig-id: authKey
    type: u4
    if: not _io.eof
    doc: |
      Listed by the seed, but not sent by the official client and read by no server; present
      only in packets built after the seed.
