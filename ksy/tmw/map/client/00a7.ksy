meta:
  id: tmw_map_client_00a7_player_inventory_use
  title: TMW map, client 0x00A7 Player Inventory Use (CMSG_PLAYER_INVENTORY_USE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PLAYER_INVENTORY_USE
doc: |
  The player uses an item of the inventory (8 bytes); tmwAthena answers 0x01c8 on success, 0x00a8
  on failure.
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
  - id: unused_id
    -orig-id: unused id
    type: u4
    doc: |
      Unused (the account id in eAthena); ManaPlus sends the item's id.
