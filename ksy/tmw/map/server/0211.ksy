meta:
  id: tmw_map_server_0211_online_list_response
  title: TMW map, server 0x0211 Online List Response (SMSG_ONLINE_LIST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  encoding: UTF-8
  endian: le
-orig-id: SMSG_ONLINE_LIST
doc: |
  The players online. Variable length: the u2 total length, then 31 bytes per player (account id,
  name, level, GM level, sex).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 4 and (_ - 4) % 31 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 4 + 31 per
      entry. tmwAthena rejects a length below 4 or one that leaves a partial entry
      (net_recv_vpacket), and so does this spec.
  - id: players
    type: player
    repeat: expr
    repeat-expr: num_players
    doc: The players, (len_packet - 4) / 31 entries of 31 bytes.
instances:
  num_players:
    value: (len_packet - 4) / 31
    doc: Number of entries, from the packet length.
types:
  player:
    doc: One player online (31 bytes).
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
      - id: level
        -orig-id: level
        type: u1
        doc: Base level.
      - id: gm_level
        -orig-id: gm level
        type: u1
        doc: GM level (0 for players; shown when the GM allows it).
      - id: sex
        -orig-id: gender
        type: u1
        enum: tmw_enums::sex
        doc: Sex of the character.
