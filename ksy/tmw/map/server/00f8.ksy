meta:
  id: tmw_map_server_00f8_player_storage_close
  title: TMW map, server 0x00F8 Player Storage Close (SMSG_PLAYER_STORAGE_CLOSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_STORAGE_CLOSE
doc: The storage was closed (2 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/inventoryrecv.cpp
seq: []
