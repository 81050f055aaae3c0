meta:
  id: tmw_map_server_00a8_item_use_response
  title: TMW map, server 0x00A8 Item Use Response (SMSG_ITEM_USE_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_ITEM_USE_RESPONSE
doc: Using an item failed (7 bytes); success comes as 0x01c8.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/inventoryrecv.cpp
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
  - id: ok
    -orig-id: ok
    type: u1
    doc: 1 when the item was used, 0 when not (tmwAthena sends 0 here).
