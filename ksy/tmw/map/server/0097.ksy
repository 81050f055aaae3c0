meta:
  id: tmw_map_server_0097_whisper
  title: TMW map, server 0x0097 Whisper (SMSG_WHISPER)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_WHISPER
doc: |
  A whisper for the player. Variable length: the u2 total length, the sender's name in 24 bytes,
  then the message and a NUL. Also used for messages of the server's whisper name (e.g.
  "Server").
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/chatrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      min: 28
    doc: |
      Total length of the packet in bytes, packet id and this field included: 28 for the head
      plus the text. tmwAthena drops a variable-length packet shorter than its head
      (net_recv_vpacket), and so does this spec.
  - id: sender
    -orig-id: char name
    type: str
    size: 24
    terminator: 0
    doc: |
      Name of the sender, NUL-padded to 24 bytes. Building writes zero bytes after the NUL;
      bytes after a NUL are not kept.
  - id: message
    -orig-id: c
    type: str
    size: len_packet - 28
    terminator: 0
    doc: |
      The message, up to the first NUL or the end of the packet. Building writes the text and
      one NUL when the length is derived; bytes after a NUL are not kept.
