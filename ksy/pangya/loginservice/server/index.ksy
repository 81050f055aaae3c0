meta:
  id: pangya_loginservice_server
  title: PangYa LoginService, packets sent by the server
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - '0000'
    - '0001'
    - '0002'
    - '0003'
    - '0006'
    - '0009'
    - '0010'
  endian: le
doc: |
  One decrypted, decompressed packet payload sent by the PangYa LoginService to the client: the
  u2 packet id, then the packet it names. Open this spec in the Web IDE to read a whole captured
  payload.

  On the wire the payload is encrypted with a per-session key and LZO1X-compressed; this spec
  starts after both are undone (packetdoc's examples are stored that way). The first packet
  of a connection, the hello (0x0000), is neither: it carries the key.

  The packets are the ones packetdoc documents for this direction. Servers also send ids it
  does not document (pangbox/server and SuperSS-Dev: 0x000E nickname check result, 0x0011
  character selected; hsreina and pangbox/server: 0x0040 GameGuard check, 0x004D lobby list;
  SuperSS-Dev: 0x000F tutorial); those are unknown opcodes here.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/server/index.ksy
  - https://github.com/pangbox/server/blob/master/login/msgserver.go
  - https://github.com/hsreina/pangya-server/blob/develop/src/Packets/PacketsDef.pas
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/Login%20Server/login_server.cpp
seq:
  - id: packet_id
    type: u2
    enum: packet_id
    doc: Which packet follows.
  - id: body
    type:
      switch-on: packet_id
      cases:
        packet_id::hello: pangya_loginservice_server_0000_hello
        packet_id::login: pangya_loginservice_server_0001_login
        packet_id::game_server_list: pangya_loginservice_server_0002_game_server_list
        packet_id::session_key: pangya_loginservice_server_0003_session_key
        packet_id::chat_macro_list: pangya_loginservice_server_0006_chat_macro_list
        packet_id::message_server_list: pangya_loginservice_server_0009_message_server_list
        packet_id::login_key: pangya_loginservice_server_0010_login_key
    doc: The packet named by packet_id.
enums:
  packet_id:
    0x0000:
      id: hello
      doc: |
        The first packet of a connection, in the clear: the encryption key (SuperSS-Dev's
        initial packet, pangbox/server ConnectMessage).
    0x0001:
      id: login
      doc: Answer to the client's login request (TSLPID.LOGIN in hsreina/pangya-server).
    0x0002:
      id: game_server_list
      doc: The game servers (TSLPID.SERVERS_LIST in hsreina/pangya-server).
    0x0003:
      id: session_key
      doc: |
        Key for the game server the client selected (TSLPID.PLAYER_SECURITY2 in hsreina,
        ServerGameSessionKey in pangbox/server).
    0x0006:
      id: chat_macro_list
      doc: The user's nine chat macros (TSLPID.PLAYER_MACROS in hsreina).
    0x0009:
      id: message_server_list
      doc: The messenger servers (TSLPID.UN_0009 in hsreina).
    0x0010:
      id: login_key
      doc: |
        The user's login key, for reconnecting (TSLPID.PLAYER_SECURITY1 in hsreina,
        ServerLoginSessionKey in pangbox/server).
