meta:
  id: pangya_loginservice_server_0000_hello
  title: LoginService Server Hello
  application: PangYa
  license: ISC
  ks-version: '0.11'
  endian: le
doc: |
  The first packet of every LoginService connection, sent as soon as the client connects and
  before it says anything. It is the only packet that travels in the clear: it carries the
  key that encrypts every later packet of the connection, both ways.

  On the wire the payload sits in a server frame without encryption or compression: `00`
  (no salt), the u2 body length, `00` (where an encrypted body has its check byte), then
  this payload. pangcrypt's README shows the whole frame as a LoginService sends it:
  `00 0b 00 00 | 00 00 0c 00 00 00 75 27 00 00` (key 0x0c).

  SuperSS-Dev builds it in login_server::onAcceptCompleted (packet 0x0000, the key and the
  server's uid as int32, sent with makeRaw); pangbox/server's ConnectMessage writes the same
  14 bytes as seven u16 fields (the key in the fourth, server id 10101), hsreina's
  TLoginServer.OnClientConnect as a literal string (key byte, server id 9999). pangbox's
  pantrant reads the key of a LoginService hello at byte 6 of the frame. Game and message
  servers send hellos of other layouts.
doc-ref:
  - https://github.com/pangbox/pangcrypt/blob/master/README.md
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Login%20Server/Login%20Server/login_server.cpp
  - https://github.com/Acrisio-Filho/SuperSS-Dev/blob/master/Server%20Lib/Projeto%20IOCP/PACKET/packet.cpp
  - https://github.com/pangbox/server/blob/master/login/msgserver.go
  - https://github.com/pangbox/server/blob/master/login/conn.go
  - https://github.com/hsreina/pangya-server/blob/develop/src/Server/Login/LoginServer.pas
  - https://github.com/pangbox/pantrant/blob/master/pcap/stream.go
seq:
  - id: key
    -orig-id: m_key
    type: u4
    doc: |
      The connection's encryption key, 0 to 15: it picks one of the 16 rows of the two
      encryption tables (servers draw it at random per connection). SuperSS-Dev writes it as
      an int32; pangbox/server as a u16 followed by a zero u16, hsreina as a byte and three
      zero bytes.
  - id: server_uid
    -orig-id: uid
    type: u4
    doc: |
      The login server's id: SuperSS-Dev writes its configured uid, pangbox/server 10101
      (0x2775, its `ServerID` u16 and a zero u16), hsreina 9999 (0x270F).
