meta:
  id: tmw_map_server_00c7_npc_sell
  title: TMW map, server 0x00C7 NPC Sell (SMSG_NPC_SELL)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_NPC_SELL
doc: |
  What the shop buys from the player. Variable length: the u2 total length, then 10 bytes per
  inventory item with its prices. The player sells with 0x00c9.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/buysellrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 4 and (_ - 4) % 10 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 4 + 10 per
      entry. tmwAthena rejects a length below 4 or one that leaves a partial entry
      (net_recv_vpacket), and so does this spec.
  - id: items
    type: item
    repeat: expr
    repeat-expr: num_items
    doc: The items, (len_packet - 4) / 10 entries of 10 bytes.
instances:
  num_items:
    value: (len_packet - 4) / 10
    doc: Number of entries, from the packet length.
types:
  item:
    doc: One inventory item the shop buys (10 bytes).
    seq:
      - id: inventory_index
        -orig-id: ioff2
        type: u2
        doc: |
          Inventory slot of the item plus 2 (tmwAthena IOff2: the first slot is 2).
      - id: base_price
        -orig-id: base price
        type: u4
        doc: Price in the item database.
      - id: price
        -orig-id: actual price
        type: u4
        doc: Price the shop pays.
