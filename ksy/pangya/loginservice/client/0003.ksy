meta:
  id: pangya_loginservice_client_0003_select_server
  title: LoginService Client Select Server
  application: PangYa
  license: ISC
  ks-version: '0.11'
  endian: le
-orig-id: PLAYER_SELECT_SERVER
doc: |
  Sent when the user clicks a game server in the server list (LoginService server 0x0002).
  The server answers with 0x0003 Session Key, the key for that game server.

  In hsreina/pangya-server the packet id is TCLPID.PLAYER_SELECT_SERVER.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/client/0003.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/PACKET/packet_func_ls.cpp
  - https://github.com/pangbox/server/blob/master/login/msgclient.go
  - examples/pangya/loginservice/client/GB.R7.852.00/0003-181018.1255-0006-036b.bin
seq:
  - id: server_id
    -orig-id: server_id
    type: u4
    doc: |
      ID of the chosen game server, as the server list gave it (`pangya_server_info`
      server_id, a u4). SuperSS-Dev reads one u32 (`server_uid`) and pangbox/server one
      uint32. packetdoc reads a u2 server_id and a u2 it calls unused ("appears to always be
      zero"; the outcome does not change with other values); with ids below 65536 both
      readings agree. The GB capture selects server 20202 (`ea 4e 00 00`).
