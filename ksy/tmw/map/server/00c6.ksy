meta:
  id: tmw_map_server_00c6_npc_buy
  title: TMW map, server 0x00C6 NPC Buy (SMSG_NPC_BUY)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_NPC_BUY
doc: |
  What a shop sells. Variable length: the u2 total length, then 11 bytes per item: prices, type
  and item id. The player buys with 0x00c8.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/buysellrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 4 and (_ - 4) % 11 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 4 + 11 per
      entry. tmwAthena rejects a length below 4 or one that leaves a partial entry
      (net_recv_vpacket), and so does this spec.
  - id: items
    type: item
    repeat: expr
    repeat-expr: num_items
    doc: The items, (len_packet - 4) / 11 entries of 11 bytes.
instances:
  num_items:
    value: (len_packet - 4) / 11
    doc: Number of entries, from the packet length.
types:
  item:
    doc: One item for sale (11 bytes).
    seq:
      - id: base_price
        -orig-id: base price
        type: u4
        doc: Price in the item database.
      - id: price
        -orig-id: actual price
        type: u4
        doc: Price the shop asks (after discounts).
      - id: item_type
        -orig-id: type
        type: u1
        enum: tmw_enums::item_type
        doc: Item type.
      - id: item_id
        -orig-id: name id
        type: u2
        doc: Item id (the item database number, e.g. 1201 for a Knife).
