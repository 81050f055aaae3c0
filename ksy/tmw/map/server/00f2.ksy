meta:
  id: tmw_map_server_00f2_player_storage_status
  title: TMW map, server 0x00F2 Player Storage Status (SMSG_PLAYER_STORAGE_STATUS)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_STORAGE_STATUS
doc: How full the storage is (6 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/inventoryrecv.cpp
seq:
  - id: used
    -orig-id: current slots
    type: u2
    doc: Slots in use.
  - id: size
    -orig-id: max slots
    type: u2
    doc: Slots in all.
