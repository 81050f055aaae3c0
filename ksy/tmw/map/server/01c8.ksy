meta:
  id: tmw_map_server_01c8_player_inventory_use_response
  title: TMW map, server 0x01C8 Player Inventory Use Response (SMSG_PLAYER_INVENTORY_USE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_INVENTORY_USE
doc: An item was used (13 bytes), the success answer to 0x00a7.
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
  - id: item_id
    -orig-id: name id
    type: u2
    doc: Item id (the item database number, e.g. 1201 for a Knife).
  - id: being_id
    -orig-id: block id
    type: u4
    doc: |
      Id of the being: a player's account id, or the id the map server gave an NPC, monster
      or floor item (from 110000000 in tmwAthena).
  - id: amount
    -orig-id: amount
    type: u2
    doc: Items left in the stack.
  - id: ok
    -orig-id: ok
    type: u1
    doc: 1 when the item was used.
