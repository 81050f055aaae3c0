meta:
  id: pangya_loginservice_client_0006_set_nickname
  title: LoginService Client Set Nickname
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - ../../common/pstring
  encoding: ISO-8859-11
  endian: le
-orig-id: PLAYER_SET_NICKNAME
doc: |
  Sets the nickname on a first login, after the server asked for one (LoginService server
  0x0001 with status need_set_nickname) and the client checked it with 0x0007. The server then
  asks for a character (0x0001 need_select_character) or completes the login.

  In hsreina/pangya-server the packet id is TCLPID.PLAYER_SET_NICKNAME.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/client/0006.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/PACKET/packet_func_ls.cpp
  - https://github.com/pangbox/server/blob/master/login/conn.go
  - examples/pangya/loginservice/client/TH.R6.829.01/0006-190812.0138-0005-27ef.bin
seq:
  - id: nickname
    type: pangya_pstring
    doc: The nickname to set.
