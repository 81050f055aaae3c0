meta:
  id: tmw_map_server_008e_player_chat
  title: TMW map, server 0x008E Player Chat (SMSG_PLAYER_CHAT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_PLAYER_CHAT
doc: |
  A line for the player's own chat window from the server. Variable length: the u2 total length,
  then the text and a NUL. tmwAthena sends its messages to one player with it
  (clif_displaymessage): the message of the day ("Server : ..." lines), GM command output,
  refusals such as "Your message could not be sent.".
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/chatrecv.cpp
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
