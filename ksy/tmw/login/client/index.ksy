meta:
  id: tmw_login_client
  title: The Mana World login server, packets sent by the client
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
doc: |
  One packet sent by a TMW client to the login server (tmwAthena): the u2 packet id, then the
  packet it names. TMW has no frame header and no encryption: a TCP stream is these packets
  back to back, and each packet spec knows its own length (stream.ksy).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/packetsout.inc
seq:
  - id: packet_id
    type: u2
    enum: packet_id
    doc: Which packet follows (little-endian, like every TMW integer).
  - id: body
    type:
      switch-on: packet_id
    doc: The packet named by packet_id.
