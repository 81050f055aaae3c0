meta:
  id: pangya_loginservice_server
  title: PangYa LoginService, packets sent by the server
  application: PangYa
  license: ISC
  ks-version: '0.11'
  imports:
    - '0001'
  endian: le
doc: |
  One decrypted, decompressed packet payload sent by the PangYa LoginService to the client: the
  u2 packet id, then the packet it names. Open this spec in the Web IDE to read a whole captured
  payload.

  On the wire the payload is encrypted with a per-session key and LZO1X-compressed; this spec
  starts after both are undone (packetdoc's examples are stored that way).
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/server/index.ksy
seq:
  - id: packet_id
    type: u2
    enum: packet_id
    doc: Which packet follows.
  - id: body
    type:
      switch-on: packet_id
      cases:
        packet_id::login: pangya_loginservice_server_0001_login
    doc: The packet named by packet_id.
enums:
  packet_id:
    0x0001:
      id: login
      doc: Answer to the client's login request (TSLPID.LOGIN in hsreina/pangya-server).
