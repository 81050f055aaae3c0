meta:
  id: flyff_cluster_client_00f6_character_list_request
  title: Cluster client 0xF6 character list request
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  imports:
    - ../../common/string
  endian: le
-orig-id: CharacterListRequest
doc: |
  The first packet the client sends after connecting to the cluster server: it names the
  account and the server it picked and asks for the account's characters. The server answers
  with the character list (server 0xF3); the official server sends the cache server's address
  (0xF2) first.

  Seed: `ClusterHeaders.Incoming.CharacterListRequest (0xF6)`; official source:
  `PACKETTYPE_GETPLAYERLIST`, written by `CDPLoginClient::SendGetPlayerList` and read by
  `CDPLoginSrvr::OnAddConnection`, which drops the connection when `auth_key` is 0 and answers
  an error when `build_date` is not its own version string. The layout agrees in the seed,
  Rhisis, Hellion and the official client and server.
doc-ref:
  - https://github.com/ImranJagari/Hellion/blob/master/doc/packets/Cluster.md
  - https://github.com/ImranJagari/Hellion/blob/master/src/Hellion.Cluster/Client/ClusterClient.Incoming.cs
  - https://github.com/Eastrall/Rhisis/blob/main/src/Rhisis.Game/Protocol/Packets/Cluster/Client/GetPlayerListPacket.cs
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/Neuz/DPLoginClient.cpp
  - https://github.com/SPSquonK/useleSS/blob/original-code/Source/LOGINSERVER/DPLoginSrvr.cpp
seq:
  - id: build_date
    -orig-id: buildDate
    type: flyff_string
    doc: |
      The client's protocol version string, a build date such as "20100412"
      (`GetProtocolVersion()`); the official server refuses a client whose string differs from
      its own.
  - id: auth_key
    -orig-id: authKey
    type: u4
    doc: |
      The session key the login (certifier) server gave the client; the cluster server echoes
      it in the character list. The official server drops a request whose key is 0.
  - id: username
    -orig-id: username
    type: flyff_string
    doc: Account name.
  - id: password
    -orig-id: password
    type: flyff_string
    doc: Account password as the client stores it (an MD5 hex string in practice).
  - id: server_id
    -orig-id: serverId
    type: u4
    doc: Id of the server (cluster) the player picked in the server list (`dwID`).
