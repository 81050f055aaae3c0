meta:
  id: flyff_cluster_server
  title: FlyFF cluster server, packets sent by the server
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  imports:
    - '0000'
    - '0014'
    - '00f3'
    - 'ff05'
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
      cases:
        packet_type::welcome: flyff_cluster_server_0000_welcome
        packet_type::pong: flyff_cluster_server_0014_pong
        packet_type::character_list: flyff_cluster_server_00f3_character_list
        packet_type::join_world: flyff_cluster_server_ff05_join_world
    doc: The packet named by packet_type.
enums:
  packet_type:
    0x00:
      id: welcome
      -orig-id: Welcome
      doc: The session id, first packet of every connection (PACKETTYPE_WELCOME in Rhisis).
    0x14:
      id: pong
      -orig-id: Pong
      doc: Answer to the client's ping (PACKETTYPE_PING).
    0xf3:
      id: character_list
      -orig-id: CharacterList
      doc: The account's characters (PACKETTYPE_PLAYER_LIST).
    0xff05:
      id: join_world
      -orig-id: JoinWorld
      doc: Answer to pre join; the client may join the world (PACKETTYPE_PRE_JOIN).
