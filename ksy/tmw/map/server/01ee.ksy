meta:
  id: tmw_map_server_01ee_player_inventory
  title: TMW map, server 0x01EE Player Inventory (SMSG_PLAYER_INVENTORY)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_PLAYER_INVENTORY
doc: |
  The stackable (not equippable) items of the inventory, sent after 0x007d Map Loaded. Variable
  length: the u2 total length, then 18 bytes per item. Equipment comes in 0x00a4.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/inventoryrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 4 and (_ - 4) % 18 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 4 + 18 per
      entry. tmwAthena rejects a length below 4 or one that leaves a partial entry
      (net_recv_vpacket), and so does this spec.
  - id: items
    type: item
    repeat: expr
    repeat-expr: num_items
    doc: The items, (len_packet - 4) / 18 entries of 18 bytes.
instances:
  num_items:
    value: (len_packet - 4) / 18
    doc: Number of entries, from the packet length.
types:
  item:
    doc: One inventory item (18 bytes).
    seq:
      - id: inventory_index
        -orig-id: ioff2
        type: u2
        doc: |
          Inventory slot of the item plus 2 (tmwAthena IOff2: the first slot is 2).
      - id: item_id
        -orig-id: name id
        type: u2
        doc: Item id (the item database number, e.g. 1201 for a Knife).
      - id: item_type
        -orig-id: item type
        type: u1
        enum: tmw_enums::item_type
        doc: Item type.
      - id: identify
        -orig-id: identify
        type: u1
        doc: |
          Identified flag; tmwAthena always writes 1 (or 0 for unidentified items, which
          TMW does not use).
      - id: amount
        -orig-id: amount
        type: u2
        doc: Number of items.
      - id: equip_slots
        -orig-id: epos
        type: u2
        doc: Equipment slots (EPOS bits); 0 for these items.
      - id: card0
        -orig-id: card0
        type: u2
        doc: First card slot; unused by TMW, 0.
      - id: card1
        -orig-id: card1
        type: u2
        doc: Second card slot; unused by TMW, 0.
      - id: card2
        -orig-id: card2
        type: u2
        doc: Third card slot; unused by TMW, 0.
      - id: card3
        -orig-id: card3
        type: u2
        doc: Fourth card slot; unused by TMW, 0.
