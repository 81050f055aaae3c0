meta:
  id: tmw_map_client_00f5_move_from_storage
  title: TMW map, client 0x00F5 Move From Storage (CMSG_MOVE_FROM_STORAGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_MOVE_FROM_STORAGE
doc: The player takes items out of the storage (8 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/inventoryhandler.cpp
seq:
  - id: storage_index
    -orig-id: soff1
    type: u2
    doc: |
      Storage slot of the item plus 1 (tmwAthena SOff1: the first slot is 1).
  - id: amount
    -orig-id: amount
    type: u4
    doc: How many.
