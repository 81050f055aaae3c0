meta:
  id: tmw_map_client_00a2_player_inventory_drop
  title: TMW map, client 0x00A2 Player Inventory Drop (CMSG_PLAYER_INVENTORY_DROP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PLAYER_INVENTORY_DROP
doc: The player drops items from the inventory (6 bytes).
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
    type: u2
    doc: How many of the stack to drop.
