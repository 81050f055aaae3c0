meta:
  id: tmw_map_client_00f7_close_storage
  title: TMW map, client 0x00F7 Close Storage (CMSG_CLOSE_STORAGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_CLOSE_STORAGE
doc: The player closes the storage (2 bytes); the answer is 0x00f8.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/inventoryhandler.cpp
seq: []
