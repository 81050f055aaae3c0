meta:
  id: tmw_map_server_01f0_player_storage_items
  title: TMW map, server 0x01F0 Player Storage Items (SMSG_PLAYER_STORAGE_ITEMS)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_PLAYER_STORAGE_ITEMS
doc: |
  The stackable items of the storage, when it opens. Variable length: the u2 total length, then
  18 bytes per item.
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
    doc: One storage item (18 bytes).
    seq:
      - id: storage_index
        -orig-id: soff1
        type: u2
        doc: |
          Storage slot of the item plus 1 (tmwAthena SOff1: the first slot is 1).
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
        -orig-id: epos zero
        type: u2
        doc: Always 0 (EPOS bits).
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
