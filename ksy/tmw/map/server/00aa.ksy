meta:
  id: tmw_map_server_00aa_player_equip_response
  title: TMW map, server 0x00AA Player Equip Response (SMSG_PLAYER_EQUIP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_EQUIP
doc: The answer to 0x00a9 Player Equip (7 bytes).
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
    doc: Slots the item is now worn in (EPOS bits).
  - id: ok
    -orig-id: ok
    type: u1
    doc: 1 when the item was put on, 0 when not.
