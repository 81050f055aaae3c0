meta:
  id: tmw_map_server_0229_script_message
  title: TMW map, server 0x0229 Script Message (SMSG_SCRIPT_MESSAGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_SCRIPT_MESSAGE
doc: |
  A message from a script for the client's chat. Variable length: the u2 total length, a type
  byte, then the text and a NUL.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/chatrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      min: 5
    doc: |
      Total length of the packet in bytes, packet id and this field included: 5 for the head
      plus the text. tmwAthena drops a variable-length packet shorter than its head
      (net_recv_vpacket), and so does this spec.
  - id: type
    -orig-id: message type
    type: u1
    doc: Message type (ManaPlus ChatMsgType).
  - id: message
    -orig-id: c
    type: str
    size: len_packet - 5
    terminator: 0
    doc: |
      The text, up to the first NUL or the end of the packet. Building writes the text and
      one NUL when the length is derived; bytes after a NUL are not kept.
