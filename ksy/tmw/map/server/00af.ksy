meta:
  id: tmw_map_server_00af_player_inventory_remove
  title: TMW map, server 0x00AF Player Inventory Remove (SMSG_PLAYER_INVENTORY_REMOVE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_INVENTORY_REMOVE
doc: |
  Items were removed from the inventory (6 bytes): dropped, used up, sold, traded or taken by a
  script.
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
