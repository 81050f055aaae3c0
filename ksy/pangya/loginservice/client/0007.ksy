meta:
  id: pangya_loginservice_client_0007_check_nickname
  title: LoginService Client Check Nickname
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - ../../common/pstring
  encoding: ISO-8859-11
  endian: le
-orig-id: PLAYER_CONFIRM
doc: |
  Asks whether a nickname may be used, before setting it with 0x0006. The answer is server
  packet 0x000E, which packetdoc does not document (SuperSS-Dev: a u32 result, then the
  nickname on success or a u32 error code; pangbox/server: a u32 and the nickname).
  SuperSS-Dev refuses a nickname equal to the user name, shorter than 4 characters, with a
  space or one of several punctuation characters, or containing GM or ADM (unless the user is
  a GM).

  In hsreina/pangya-server the packet id is TCLPID.PLAYER_CONFIRM.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/client/0007.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/PACKET/packet_func_ls.cpp
  - https://github.com/pangbox/server/blob/master/login/conn.go
  - examples/pangya/loginservice/client/TH.R6.829.01/0007-190812.0138-0003-6a0f.bin
seq:
  - id: nickname
    type: pangya_pstring
    doc: The nickname to check.
