meta:
  id: pangya_loginservice_server_0010_login_key
  title: LoginService Server Login Key
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - ../../common/pstring
  encoding: ISO-8859-11
  endian: le
doc: |
  The user's login key, sent on a successful login before the server lists. The client
  presents it again to reconnect (LoginService client 0x000B Reconnect, `session_token`) and,
  per packetdoc, to the game server in GameService client 0x0002 Hello.

  SuperSS-Dev sends it first in succes_login (pacote010, its "auth key login"), pangbox/server
  names it ServerLoginSessionKey, hsreina TSLPID.PLAYER_SECURITY1 (a constant 7-character hex
  string that its game server checks).
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/server/0010.ksy
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/client/000b.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/PACKET/packet_func_ls.cpp
  - https://github.com/pangbox/server/blob/master/login/conn.go
  - https://github.com/hsreina/pangya-server/blob/develop/src/Server/Sync/SyncServer.pas
seq:
  - id: login_key
    type: pangya_pstring
    doc: |
      The key. packetdoc notes that PangYa TH assigns it sequentially; the Pangbox client
      0x000B capture carries `40d232f`, hsreina sends `178d22e`.
