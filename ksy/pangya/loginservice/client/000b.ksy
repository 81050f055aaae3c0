meta:
  id: pangya_loginservice_client_000b_reconnect
  title: LoginService Client Reconnect
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - ../../common/pstring
  encoding: ISO-8859-11
  endian: le
-orig-id: PLAYER_RECONNECT
doc: |
  Logs in again with the key of an earlier login instead of a password. packetdoc: it is not
  known what makes a client send it, but PangYa TH accepts it when it is sent; the server
  answers with an error in LoginService server 0x0001 (e.g. bad_reconnect_token) or with the
  usual packets after a login, including a new 0x0010 Login Key and the server lists.
  SuperSS-Dev (requestReLogin) checks the key and sends them without 0x0001 and 0x0006.

  In hsreina/pangya-server the packet id is TCLPID.PLAYER_RECONNECT.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/client/000b.ksy
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/Login%20Server/login_server.cpp
  - https://github.com/hsreina/pangya-server/blob/develop/src/Server/Login/LoginServer.pas
  - examples/pangya/loginservice/client/Pangbox/000b-190817-1320-0000-101b.bin
seq:
  - id: username
    type: pangya_pstring
    doc: User name of the earlier login.
  - id: user_id
    type: u4
    doc: |
      User id of the earlier login, as LoginService server 0x0001 gave it (the Pangbox capture
      sends 4834514, the user id of the TH login success capture). SuperSS-Dev names the
      variable `server_uid`.
  - id: session_token
    type: pangya_pstring
    doc: |
      The key from LoginService server 0x0010 Login Key (SuperSS-Dev `auth_key_login`).
