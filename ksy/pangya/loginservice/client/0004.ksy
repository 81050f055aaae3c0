meta:
  id: pangya_loginservice_client_0004_ghost
  title: LoginService Client Ghost
  application: PangYa
  license: ISC
  ks-version: '0.11'
  endian: le
doc: |
  Ends the user's previous session: the client sends it by itself when the login answer is
  error code 5100019 (already_logged_in, LoginService server 0x0001), and the server then goes
  on with the login. When the account is still connected (error 5100107,
  duplicate_connection), ghosting gets the client disconnected at once (packetdoc).

  The packet id alone, no fields, as in the TH capture and in hsreina's note of the exchange
  (server `01 00 E2 F3 D1 4D 00 00 00`, client `04 00`). SuperSS-Dev handles it (packet004) by
  asking the game server to drop the old session; it reads nothing from the packet. hsreina's
  TCLPID table has no entry for it.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/client/0004.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/PACKET/packet_func_ls.cpp
  - https://github.com/hsreina/pangya-server/blob/develop/src/Server/Sync/SyncServer.pas
  - examples/pangya/loginservice/client/TH.R6.829.01/0004-190812.1704-0000-6516.bin
seq: []
