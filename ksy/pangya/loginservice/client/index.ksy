meta:
  id: pangya_loginservice_client
  title: PangYa LoginService, packets sent by the client
  application: PangYa
  license: ISC
  ks-version: '0.11'
  endian: le
doc: |
  One decrypted, decompressed packet payload sent by the PangYa client to the LoginService:
  the u2 packet id, then the packet it names. Open this spec in the Web IDE to read a whole
  captured payload.

  On the wire the payload is encrypted and framed (packetdoc's protocol page); this spec starts
  after that is undone, as packetdoc's examples are stored. The packets are the ones packetdoc
  documents for this direction; hsreina/pangya-server (TCLPID), pangbox/server and SuperSS-Dev
  handle the same ids.
doc-ref:
  - https://github.com/pangbox/packetdoc/blob/master/src/packets/loginservice/client/index.ksy
  - https://github.com/pangbox/packetdoc/blob/master/src/protocol.md
  - https://github.com/hsreina/pangya-server/blob/develop/src/Packets/PacketsDef.pas
  - https://github.com/pangbox/server/blob/master/login/msgclient.go
seq:
  - id: packet_id
    type: u2
    enum: packet_id
    doc: Which packet follows.
  - id: body
    type:
      switch-on: packet_id
    doc: The packet named by packet_id.
