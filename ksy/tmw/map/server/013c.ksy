meta:
  id: tmw_map_server_013c_player_arrow_equip
  title: TMW map, server 0x013C Player Arrow Equip (SMSG_PLAYER_ARROW_EQUIP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_ARROW_EQUIP
doc: Which inventory slot holds the equipped ammunition (4 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/inventoryrecv.cpp
seq:
  - id: inventory_index
    -orig-id: ioff2
    type: u2
    doc: |
      Inventory slot of the item plus 2 (tmwAthena IOff2: the first slot is 2).
