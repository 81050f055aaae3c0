meta:
  id: tmw_map_server_00a6_player_storage_equip
  title: TMW map, server 0x00A6 Player Storage Equip (SMSG_PLAYER_STORAGE_EQUIP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_PLAYER_STORAGE_EQUIP
doc: |
  Every equippable item of the storage, when the storage opens. Variable length: the u2 total
  length, then 20 bytes per item (as 0x00a4, with storage slots).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/inventoryrecv.cpp
seq:
  - id: len_packet
    -orig-id: packet length
    type: u2
    valid:
      expr: _ >= 4 and (_ - 4) % 20 == 0
    doc: |
      Total length of the packet in bytes, packet id and this field included: 4 + 20 per
      entry. tmwAthena rejects a length below 4 or one that leaves a partial entry
      (net_recv_vpacket), and so does this spec.
  - id: items
    type: item
    repeat: expr
    repeat-expr: num_items
    doc: The items, (len_packet - 4) / 20 entries of 20 bytes.
instances:
  num_items:
    value: (len_packet - 4) / 20
    doc: Number of entries, from the packet length.
types:
  item:
    doc: One equippable item (20 bytes).
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
      - id: equip_slots
        -orig-id: epos id
        type: u2
        doc: Slots the item can be worn in (EPOS bits).
      - id: equipped
        -orig-id: epos stor
        type: u2
        doc: Always 0 in storage (EPOS bits).
      - id: attribute
        -orig-id: broken or attribute
        type: u1
        doc: Attribute (broken) flag; tmwAthena writes 0.
      - id: refine
        -orig-id: refine
        type: u1
        doc: Refine level; unused by TMW, 0.
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
