meta:
  id: tmw_map_server_00f6_player_storage_remove
  title: TMW map, server 0x00F6 Player Storage Remove (SMSG_PLAYER_STORAGE_REMOVE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_STORAGE_REMOVE
doc: Items were removed from the storage (8 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/inventoryrecv.cpp
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
