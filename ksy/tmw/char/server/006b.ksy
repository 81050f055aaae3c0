meta:
  id: tmw_char_server_006b_char_login
  title: TMW char, server 0x006B Char Login (character list) (SMSG_CHAR_LOGIN)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/char_select
  endian: le
-orig-id: SMSG_CHAR_LOGIN
doc: |
  The account's characters on this char-server, the answer to 0x0065 Char Server Connect.
  Variable length: a 24-byte head (packet id, u2 total length, 20 unused bytes), then one
  106-byte record (tmw_char_select) per character, so the length is 24 + 106 n; tmwAthena sends
  at most 9. An account without characters gets the head alone (length 24).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 24 and (_ - 24) % 106 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 24 + 106 per
      entry. tmwAthena rejects a length below 24 or one that leaves a partial entry
      (net_recv_vpacket), and so does this spec.
  - id: unused
    -orig-id: unused
    size: 20
    doc: 20 unused bytes; tmwAthena writes zeros and ManaPlus skips them.
  - id: characters
    type: tmw_char_select
    repeat: expr
    repeat-expr: num_characters
    doc: The characters, (len_packet - 24) / 106 entries of 106 bytes.
instances:
  num_characters:
    value: (len_packet - 24) / 106
    doc: Number of entries, from the packet length.
