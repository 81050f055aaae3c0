meta:
  id: tmw_char_server_8000_hold
  title: TMW char, server 0x8000 Hold (special packet) (special hold)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: special hold notify
doc: |
  A 4-byte packet tmwAthena sends first on every char-server and map server connection, right
  after 0x0065 / 0x0072: the id, then a u2 length that is always 4 (tmwAthena used to send the
  account id here). tools/protocol.py calls it "special hold notify": the receiver reads the
  length it names but skips only 4 bytes, which lets a sender wrap other packets in it; tmwAthena
  itself only ever sends it with length 4. ManaPlus skips it (its packet table gives it length
  4).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    doc: Length of the packet; always 4 from tmwAthena.
