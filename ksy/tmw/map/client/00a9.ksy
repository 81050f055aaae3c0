meta:
  id: tmw_map_client_00a9_player_equip
  title: TMW map, client 0x00A9 Player Equip (CMSG_PLAYER_EQUIP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PLAYER_EQUIP
doc: The player puts on an item (6 bytes); the answer is 0x00aa.
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
  - id: equip_slots
    -orig-id: epos ignored
    type: u2
    doc: |
      Slots to wear it in (EPOS bits); tmwAthena ignores it and uses the item's own.
