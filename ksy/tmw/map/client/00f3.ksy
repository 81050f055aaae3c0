meta:
  id: tmw_map_client_00f3_move_to_storage
  title: TMW map, client 0x00F3 Move To Storage (CMSG_MOVE_TO_STORAGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_MOVE_TO_STORAGE
doc: The player moves items from the inventory to the open storage (8 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/inventoryhandler.cpp
seq:
  - id: inventory_index
    -orig-id: ioff2
    type: u2
    doc: |
      Inventory slot of the item plus 2 (tmwAthena IOff2: the first slot is 2).
  - id: amount
    -orig-id: amount
    type: u4
    doc: How many.
