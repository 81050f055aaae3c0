meta:
  id: tmw_map_server_00a0_player_inventory_add
  title: TMW map, server 0x00A0 Player Inventory Add (SMSG_PLAYER_INVENTORY_ADD)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: SMSG_PLAYER_INVENTORY_ADD
doc: |
  An item was added to the inventory, or could not be (23 bytes): picked up, bought, traded or
  given by a script.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/inventoryrecv.cpp
seq:
  - id: inventory_index
    -orig-id: ioff2
    type: u2
    doc: |
      Inventory slot of the item plus 2 (tmwAthena IOff2: the first slot is 2).
  - id: amount
    -orig-id: amount
    type: u2
    doc: Number of items.
  - id: item_id
    -orig-id: name id
    type: u2
    doc: Item id (the item database number, e.g. 1201 for a Knife).
  - id: identify
    -orig-id: identify
    type: u1
    doc: |
      Identified flag; tmwAthena always writes 1 (or 0 for unidentified items, which TMW does
      not use).
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
  - id: equip_slots
    -orig-id: epos
    type: u2
    doc: |
      Equipment slot bits (EPOS: 0x0001 legs, 0x0002 weapon, 0x0004 gloves, 0x0008 cape,
      0x0010 misc1, 0x0020 shield, 0x0040 shoes, 0x0080 misc2, 0x0100 hat, 0x0200 torso,
      0x8000 ammo); 0 when none.
  - id: item_type
    -orig-id: item type
    type: u1
    enum: tmw_enums::item_type
    doc: Item type.
  - id: pickup_fail
    -orig-id: pickup fail
    type: u1
    enum: tmw_enums::pickup_fail
    doc: |
      Result: okay, or why the item was not added.
