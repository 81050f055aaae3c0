meta:
  id: pangya_loginservice_server_0002_game_server_list
  title: LoginService Server Game Server List
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - ../../common/server_info
  encoding: ISO-8859-11
  endian: le
doc: |
  The list of game servers, sent after a successful login when the user already has a
  character; the user picks one and the client answers with LoginService client 0x0003 Select
  Server. A u1 count, then one 92-byte `pangya_server_info` per server (so at most 255).

  SuperSS-Dev sends it after 0x0010 Login Key and 0x0001 Login (pacote002), pangbox/server
  after the messenger server list 0x0009, hsreina after 0x0010 and 0x0006. In hsreina the
  packet id is TSLPID.SERVERS_LIST.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/server/0002.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/PACKET/packet_func_ls.cpp
  - https://github.com/pangbox/server/blob/master/login/msgserver.go
  - https://github.com/hsreina/pangya-server/blob/develop/src/Server/Sync/SyncServer.pas
  - examples/pangya/loginservice/server/TH.R6.829.01/0002-190812.0431-0003-0803.bin
seq:
  - id: num_servers
    -orig-id: count
    type: u1
    doc: Number of servers in the list.
  - id: servers
    type: pangya_server_info
    repeat: expr
    repeat-expr: num_servers
    -pkttools-redirect: pangya.gameservice
    doc: |
      The game servers, in the order the client lists them. Their addresses lead to the
      GameService (`pangya.gameservice`), where the client goes after 0x0003 Select Server.
