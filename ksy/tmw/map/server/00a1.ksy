meta:
  id: tmw_map_server_00a1_item_remove
  title: TMW map, server 0x00A1 Item Remove (SMSG_ITEM_REMOVE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_ITEM_REMOVE
doc: |
  An item disappeared from the floor (6 bytes): picked up or expired.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/itemrecv.cpp
seq:
  - id: floor_item_id
    -orig-id: block id
    type: u4
    doc: Id of the floor item.
