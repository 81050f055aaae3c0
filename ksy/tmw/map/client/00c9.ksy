meta:
  id: tmw_map_client_00c9_npc_sell_request
  title: TMW map, client 0x00C9 NPC Sell Request (CMSG_NPC_SELL_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_NPC_SELL_REQUEST
doc: |
  The player sells items to a shop. Variable length: the u2 total length, then 4 bytes (inventory
  slot, count) per item. The answer is 0x00cb.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/npchandler.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 4 and (_ - 4) % 4 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 4 + 4 per
      entry. tmwAthena rejects a length below 4 or one that leaves a partial entry
      (net_recv_vpacket), and so does this spec.
  - id: items
    type: item
    repeat: expr
    repeat-expr: num_items
    doc: The items, (len_packet - 4) / 4 entries of 4 bytes.
instances:
  num_items:
    value: (len_packet - 4) / 4
    doc: Number of entries, from the packet length.
types:
  item:
    doc: One inventory item to sell (4 bytes).
    seq:
      - id: inventory_index
        -orig-id: ioff2
        type: u2
        doc: |
          Inventory slot of the item plus 2 (tmwAthena IOff2: the first slot is 2).
      - id: amount
        -orig-id: count
        type: u2
        doc: How many to sell.
