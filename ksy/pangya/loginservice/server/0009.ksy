meta:
  id: pangya_loginservice_server_0009_message_server_list
  title: LoginService Server Message Server List
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - ../../common/server_info
  encoding: ISO-8859-11
  endian: le
doc: |
  The list of messenger servers (the MessageService), sent after a successful login next to
  the game server list. A u1 count, then one 92-byte
  `pangya_server_info` per server, the same layout as 0x0002 (packetdoc's common
  `message_server`; SuperSS-Dev pacote009 and pangbox/server write the game server struct).
  packetdoc notes that the client does not show messenger servers in a menu.

  hsreina names the packet id TSLPID.UN_0009 (unknown). The two TH captures, ten months
  apart, carry the same single server (`MessengerServer#1`, id 30301, 203.107.140.34:10102)
  with 88 and 126 users online and different stale bytes after the name.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/server/0009.ksy
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/common/message_server.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/PACKET/packet_func_ls.cpp
  - https://github.com/pangbox/server/blob/master/login/conn.go
  - examples/pangya/loginservice/server/TH.R6.829.01/0009-181031.0013-9dcc.0000.dafc.0004-61a3.bin
  - examples/pangya/loginservice/server/TH.R6.829.01/0009-190812.0316-fe16.0000.eede.0004-3be3.bin
seq:
  - id: num_servers
    -orig-id: count
    type: u1
    doc: Number of servers in the list (SuperSS-Dev sends 0 when no messenger server is up).
  - id: servers
    type: pangya_server_info
    repeat: expr
    repeat-expr: num_servers
    -pkttools-redirect: pangya.messageservice
    doc: |
      The messenger servers. Their addresses lead to the MessageService
      (`pangya.messageservice`).
