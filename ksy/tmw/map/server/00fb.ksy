meta:
  id: tmw_map_server_00fb_party_info
  title: TMW map, server 0x00FB Party Info (SMSG_PARTY_INFO)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_PARTY_INFO
doc: |
  The player's party and its members. Variable length: the u2 total length, the party name in 24
  bytes, then 46 bytes per member (account id, name, map, leader and online flags).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 28 and (_ - 28) % 46 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 28 + 46 per
      entry. tmwAthena rejects a length below 28 or one that leaves a partial entry
      (net_recv_vpacket), and so does this spec.
  - id: party_name
    -orig-id: party name
    type: str
    size: 24
    terminator: 0
    doc: |
      Party name, NUL-padded to 24 bytes. Building writes zero bytes after the NUL; bytes
      after a NUL are not kept.
  - id: members
    type: member
    repeat: expr
    repeat-expr: num_members
    doc: The members, (len_packet - 28) / 46 entries of 46 bytes.
instances:
  num_members:
    value: (len_packet - 28) / 46
    doc: Number of entries, from the packet length.
types:
  member:
    doc: One party member (46 bytes).
    seq:
      - id: account_id
        -orig-id: account id
        type: u4
        doc: |
          Account id of the player (tmwAthena numbers accounts from 2000000); for players
          it is also their being id on the map.
      - id: char_name
        -orig-id: char name
        type: str
        size: 24
        terminator: 0
        doc: |
          Character name, NUL-padded to 24 bytes. Building writes zero bytes after the
          NUL; bytes after a NUL are not kept.
      - id: map_name
        -orig-id: map name
        type: str
        size: 16
        terminator: 0
        doc: |
          Map the member is on, NUL-padded to 16 bytes. Building writes zero bytes after
          the NUL; bytes after a NUL are not kept.
      - id: leader
        -orig-id: leader
        type: u1
        doc: |
          0 for the party leader, 1 for the others (tmwAthena writes the inverse of "is
          leader").
      - id: online
        -orig-id: online
        type: u1
        doc: |
          0 when online, 1 when offline (tmwAthena writes the inverse of "online").
