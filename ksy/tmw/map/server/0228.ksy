meta:
  id: tmw_map_server_0228_npc_change_title
  title: TMW map, server 0x0228 NPC Change Title (SMSG_NPC_CHANGETITLE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_NPC_CHANGETITLE
doc: |
  The title of the NPC dialog window. Variable length: the u2 total length, the NPC's being id,
  the length of the title, then the title and a NUL.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/npcrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      min: 10
    doc: |
      Total length of the packet in bytes, packet id and this field included: 10 for the head
      plus the text. tmwAthena drops a variable-length packet shorter than its head
      (net_recv_vpacket), and so does this spec.
  - id: npc_id
    -orig-id: npc id
    type: u4
    doc: Being id of the NPC.
  - id: len_title
    -orig-id: string length
    type: u2
    doc: Length of the title in bytes, without the NUL.
  - id: title
    -orig-id: c
    type: str
    size: len_packet - 10
    terminator: 0
    doc: |
      The title, up to the first NUL or the end of the packet. Building writes the text and
      one NUL when the length is derived; bytes after a NUL are not kept.
