meta:
  id: tmw_map_client_009f_item_pickup
  title: TMW map, client 0x009F Item Pickup (CMSG_ITEM_PICKUP)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_ITEM_PICKUP
doc: |
  The player picks up an item from the floor (6 bytes); the answer is 0x00a0 (with a pickup_fail
  code) and 0x00a1 for everyone in sight.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerhandler.cpp
seq:
  - id: floor_item_id
    -orig-id: object id
    type: u4
    doc: Id of the floor item (from 0x009d / 0x009e).
