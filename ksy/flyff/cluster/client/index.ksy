meta:
  id: flyff_cluster_client
  title: FlyFF cluster server, packets sent by the client
  application: FlyFF (Fly For Fun)
  license: GPL-3.0-only
  ks-version: '0.11'
  imports:
    - '000b'
    - '0014'
    - '00f4'
    - '00f5'
    - '00f6'
    - 'ff05'
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
      cases:
        packet_type::query_tick_count: flyff_cluster_client_000b_query_tick_count
        packet_type::ping: flyff_cluster_client_0014_ping
        packet_type::create_character: flyff_cluster_client_00f4_create_character
        packet_type::delete_character: flyff_cluster_client_00f5_delete_character
        packet_type::character_list_request: flyff_cluster_client_00f6_character_list_request
        packet_type::pre_join: flyff_cluster_client_ff05_pre_join
    doc: The packet named by packet_type.
enums:
  packet_type:
    0x0b:
      id: query_tick_count
      -orig-id: PACKETTYPE_QUERYTICKCOUNT
      doc: Asks for the server's tick count (not in the seed).
    0x14:
      id: ping
      -orig-id: PACKETTYPE_PING
      doc: Keep-alive; answered by server 0x14 pong (not in the seed).
    0xf4:
      id: create_character
      -orig-id: CreateCharacter
      doc: Creates a character (PACKETTYPE_CREATE_PLAYER).
    0xf5:
      id: delete_character
      -orig-id: DeleteCharacter
      doc: Deletes a character (PACKETTYPE_DEL_PLAYER).
    0xf6:
      id: character_list_request
      -orig-id: CharacterListRequest
      doc: Asks for the account's characters (PACKETTYPE_GETPLAYERLIST).
    0xff05:
      id: pre_join
      -orig-id: PreJoin
      doc: Enters the game with the selected character (PACKETTYPE_PRE_JOIN).
