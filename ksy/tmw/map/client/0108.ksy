meta:
  id: tmw_map_client_0108_party_message
  title: TMW map, client 0x0108 Party Message (CMSG_PARTY_MESSAGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: CMSG_PARTY_MESSAGE
doc: |
  The player talks to its party. Variable length: the u2 total length, then the message; ManaPlus
  sends it without a NUL. tmwAthena sends it to every member as 0x0109.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyhandler.cpp
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
      The message, up to the first NUL or the end of the packet. Building writes the text and
      one NUL when the length is derived; bytes after a NUL are not kept.
