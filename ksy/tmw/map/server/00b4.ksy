meta:
  id: tmw_map_server_00b4_npc_message
  title: TMW map, server 0x00B4 NPC Message (SMSG_NPC_MESSAGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_NPC_MESSAGE
doc: |
  A line of an NPC's dialog. Variable length: the u2 total length, the NPC's being id, then the
  text and a NUL. ManaPlus shows it in the NPC dialog window.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/npcrecv.cpp
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
  - id: npc_id
    -orig-id: block id
    type: u4
    doc: Being id of the NPC.
  - id: message
    -orig-id: c
    type: str
    size: len_packet - 8
    terminator: 0
    doc: |
      The line, up to the first NUL or the end of the packet. Building writes the text and
      one NUL when the length is derived; bytes after a NUL are not kept.
