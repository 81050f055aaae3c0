meta:
  id: tmw_char_server_stream
  title: The Mana World char-server, a whole server-to-client TCP stream
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - index
  endian: le
doc: |
  Every byte the server sent on one char connection, in order. Packets follow each other
  with nothing in between and each packet spec knows its length (fixed, or the u2 total length
  at offset 2), so the stream is the dispatcher repeated to the end.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/src/wire/packets.hpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/network.cpp
seq:
  - id: packets
    type: tmw_char_server
    repeat: eos
    doc: The packets, in the order they were sent.
