meta:
  id: toy_login_server
  title: Toy login server, packets sent by the server
  ks-version: '0.11'
  endian: le
doc: |
  A user's own protocol: a u1 opcode, then the packet it names. The packets are the files beside
  this one (`<opcode>.ksy`); pkttools fills in the switch and the enum.
seq:
  - id: opcode
    type: u1
    enum: opcode
    doc: Which packet follows.
  - id: body
    type:
      switch-on: opcode
    doc: The packet named by opcode.
