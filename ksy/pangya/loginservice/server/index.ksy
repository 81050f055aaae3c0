meta:
  id: pangya_loginservice_server
  title: PangYa LoginService, packets sent by the server
  application: PangYa
  license: ISC
  ks-version: '0.11'
  endian: le
doc: |
  One decrypted, decompressed packet payload sent by the PangYa LoginService to the client: the
  u2 packet id, then the packet it names. Open this spec in the Web IDE to read a whole captured
  payload.

  On the wire the payload is encrypted with a per-session key and LZO1X-compressed; this spec
  starts after both are undone (packetdoc's examples are stored that way).

  The packets are the ones packetdoc documents for this direction. Servers also send ids it
  does not document (pangbox/server and SuperSS-Dev: 0x000E nickname check result, 0x0011
  character selected; hsreina and pangbox/server: 0x0040 GameGuard check, 0x004D lobby list;
  SuperSS-Dev: 0x000F tutorial); those are unknown opcodes here.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/server/index.ksy
  - https://github.com/pangbox/server/blob/master/login/msgserver.go
  - https://github.com/hsreina/pangya-server/blob/develop/src/Packets/PacketsDef.pas
seq:
  - id: packet_id
    type: u2
    enum: packet_id
    doc: Which packet follows.
  - id: body
    type:
      switch-on: packet_id
    doc: The packet named by packet_id.
