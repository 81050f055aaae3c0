meta:
  id: pangya_loginservice_server_0003_session_key
  title: LoginService Server Session Key
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - ../../common/pstring
  encoding: ISO-8859-11
  endian: le
doc: |
  The answer to LoginService client 0x0003 Select Server: the key the client then presents to
  the chosen game server in GameService client 0x0002 Hello.

  Names elsewhere: SuperSS-Dev pacote003 (the key is its "auth key game", made per user and
  game server), pangbox/server ServerGameSessionKey, hsreina TSLPID.PLAYER_SECURITY2 (its game
  server compares the key with a constant).
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/server/0003.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/PACKET/packet_func_ls.cpp
  - https://github.com/pangbox/server/blob/master/login/msgserver.go
  - https://github.com/hsreina/pangya-server/blob/develop/src/Server/Login/LoginServer.pas
seq:
  - id: option
    -orig-id: unknown_a
    type: u4
    -pkttools-default: 0
    doc: |
      SuperSS-Dev writes an `option` here, always 0; pangbox/server (`Unknown`) and hsreina
      write 0 too. packetdoc: "possibly padding?". No source sends another value or says what
      one would mean. Building writes 0 when it is not given.
  - id: session_key
    type: pangya_pstring
    doc: |
      The key for the game server. packetdoc notes that PangYa TH assigns it sequentially;
      hsreina sends a 7-character hex string (`1f766c8`).
