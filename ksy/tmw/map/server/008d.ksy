meta:
  id: tmw_map_server_008d_being_chat
  title: TMW map, server 0x008D Being Chat (SMSG_BEING_CHAT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_BEING_CHAT
doc: |
  A being (player or NPC) said something nearby. Variable length: the u2 total length, the
  speaker's being id, then the text ("name : text" for players) and a NUL. The speaker gets its
  own line back this way too.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/chatrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      min: 8
    doc: |
      Total length of the packet in bytes, packet id and this field included: 8 for the head
      plus the text. tmwAthena drops a variable-length packet shorter than its head
      (net_recv_vpacket), and so does this spec.
  - id: being_id
    -orig-id: block id
    type: u4
    doc: |
      Id of the being: a player's account id, or the id the map server gave an NPC, monster
      or floor item (from 110000000 in tmwAthena).
  - id: message
    -orig-id: c
    type: str
    size: len_packet - 8
    terminator: 0
    doc: |
      The text, up to the first NUL or the end of the packet. Building writes the text and
      one NUL when the length is derived; bytes after a NUL are not kept.
