meta:
  id: pangya_loginservice_client_0001_login
  title: LoginService Client Login
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - ../../common/pstring
  encoding: ISO-8859-11
  endian: le
-orig-id: PLAYER_LOGIN
doc: |
  Sent when the user clicks Login: the client connects to the LoginService, receives the
  hello, sends this packet and waits for the answer, LoginService server 0x0001 Login
  (SuperSS-Dev and pangbox/server send 0x0010 Login Key just before a successful one).

  The packet has no length of its own and ends in padding whose size depends on the client
  build, so it runs to the end of the payload: in a stream of packets back to back (stream.ksy)
  everything after a login request is read as its padding.

  In hsreina/pangya-server the packet id is TCLPID.PLAYER_LOGIN.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/client/0001.ksy
  - https://github.com/pangbox/server/blob/master/login/msgclient.go
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/Login%20Server/login_server.cpp
  - https://github.com/hsreina/pangya-server/blob/develop/src/Server/Sync/SyncServer.pas
  - examples/pangya/loginservice/client/GB.R7.852.00/0001-181018.1255-0000-7af0.bin
seq:
  - id: username
    type: pangya_pstring
    doc: User name as typed in the login dialog.
  - id: password
    type: pangya_pstring
    doc: |
      Password. packetdoc: plain text in some releases (TH), an MD5 hash in others. The GB
      R7.852 capture sends 32 upper-case hex digits, the MD5 of `test`
      (`098F6BCD4621D373CADE4E832627B4F6`); hsreina stores what it receives as the MD5
      password, SuperSS-Dev (JP) receives plain text and hashes it itself.
  - id: padding
    size-eos: true
    -pkttools-default: '0000000000000000000000000000000000'
    doc: |
      The rest of the packet. packetdoc: 17 zero bytes from the US client, 18 bytes of a fixed
      pattern from the TH client, not read by the server (any bytes are accepted); the GB
      R7.852 capture has 17 zero bytes. hsreina and pangbox/server read only the two strings.
      SuperSS-Dev (a JP server) reads a u1 count, that many u64 "options" and a pstring MAC
      address here, which the GB capture does not fit (a zero count and an empty address
      would take 3 of its 17 bytes). Building writes the 17 zero bytes of the US and GB
      clients when it is not given.
