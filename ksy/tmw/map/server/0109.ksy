meta:
  id: tmw_map_server_0109_party_message_notify
  title: TMW map, server 0x0109 Party Message Notify (SMSG_PARTY_MESSAGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_PARTY_MESSAGE
doc: |
  A party member said something. Variable length: the u2 total length, the speaker's account id,
  then the message and a NUL.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyrecv.cpp
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
  - id: account_id
    -orig-id: account id
    type: u4
    doc: |
      Account id of the player (tmwAthena numbers accounts from 2000000); for players it is
      also their being id on the map.
  - id: message
    -orig-id: c
    type: str
    size: len_packet - 8
    terminator: 0
    doc: |
      The message, up to the first NUL or the end of the packet. Building writes the text and
      one NUL when the length is derived; bytes after a NUL are not kept.
