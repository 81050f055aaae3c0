meta:
  id: tmw_map_server_00ac_player_unequip_response
  title: TMW map, server 0x00AC Player Unequip Response (SMSG_PLAYER_UNEQUIP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_UNEQUIP
doc: An item was taken off (7 bytes), after 0x00ab or when the server removes it.
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
  - id: equip_slots
    -orig-id: epos
    type: u2
    doc: Slots the item was worn in (EPOS bits).
  - id: ok
    -orig-id: ok
    type: u1
    doc: 1 when the item was taken off, 0 when not.
