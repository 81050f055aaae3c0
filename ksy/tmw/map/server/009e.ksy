meta:
  id: tmw_map_server_009e_item_dropped
  title: TMW map, server 0x009E Item Dropped (SMSG_ITEM_DROPPED)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_ITEM_DROPPED
doc: |
  An item falls to the floor in sight (17 bytes): dropped by a player or a monster. Same fields
  as 0x009d in another order.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/itemrecv.cpp
seq:
  - id: floor_item_id
    -orig-id: block id
    type: u4
    doc: Id of the floor item (a being id; 0x009f picks it up by it).
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
  - id: x
    -orig-id: x
    type: u2
    doc: Tile column.
  - id: y
    -orig-id: y
    type: u2
    doc: Tile row.
  - id: sub_x
    -orig-id: subx
    type: u1
    doc: Position inside the tile, x (0-15).
  - id: sub_y
    -orig-id: suby
    type: u1
    doc: Position inside the tile, y (0-15).
  - id: amount
    -orig-id: amount
    type: u2
    doc: Number of items.
