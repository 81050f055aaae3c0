meta:
  id: tmw_map_client_0096_chat_whisper
  title: TMW map, client 0x0096 Chat Whisper (CMSG_CHAT_WHISPER)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: CMSG_CHAT_WHISPER
doc: |
  The player whispers to another player. Variable length: the u2 total length, the recipient's
  name in 24 bytes, then the message. tmwAthena answers 0x0098 with the outcome and delivers the
  text as 0x0097; ManaPlus sends the message without a NUL.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/chathandler.cpp
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
  - id: recipient
    -orig-id: target name
    type: str
    size: 24
    terminator: 0
    doc: |
      Name of the player to whisper to, NUL-padded to 24 bytes. Building writes zero bytes
      after the NUL; bytes after a NUL are not kept.
  - id: message
    -orig-id: c
    type: str
    size: len_packet - 28
    terminator: 0
    doc: |
      The message, up to the first NUL or the end of the packet. Building writes the text and
      one NUL when the length is derived; bytes after a NUL are not kept.
