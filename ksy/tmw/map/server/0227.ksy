meta:
  id: tmw_map_server_0227_map_music
  title: TMW map, server 0x0227 Map Music (SMSG_MAP_MUSIC)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_MAP_MUSIC
doc: |
  The client should play another music file. Variable length: the u2 total length, then the file
  name.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/playerrecv.cpp
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
  - id: music
    -orig-id: c
    type: str
    size: len_packet - 4
    terminator: 0
    doc: |
      File name of the music, up to the first NUL or the end of the packet. Building writes
      the text and one NUL when the length is derived; bytes after a NUL are not kept.
