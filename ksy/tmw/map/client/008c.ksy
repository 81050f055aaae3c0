meta:
  id: tmw_map_client_008c_chat_message
  title: TMW map, client 0x008C Chat Message (CMSG_CHAT_MESSAGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: CMSG_CHAT_MESSAGE
doc: |
  The player says something to everyone nearby. Variable length: the u2 total length, then the
  text; ManaPlus sends the text alone and a NUL. tmwAthena checks it (clif_validate_chat), runs
  it as a GM command when it starts with @, and sends it as "name : text" in 0x008d to every
  player around, the speaker included.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/chathandler.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      min: 4
    doc: |
      Total length of the packet in bytes, packet id and this field included: 4 for the head
      plus the text. tmwAthena drops a variable-length packet shorter than its head
      (net_recv_vpacket), and so does this spec.
  - id: message
    -orig-id: c
    type: str
    size: len_packet - 4
    terminator: 0
    doc: |
      The text, up to the first NUL or the end of the packet. Building writes the text and
      one NUL when the length is derived; bytes after a NUL are not kept.
