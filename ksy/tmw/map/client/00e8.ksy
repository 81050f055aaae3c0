meta:
  id: tmw_map_client_00e8_trade_item_add_request
  title: TMW map, client 0x00E8 Trade Item Add Request (CMSG_TRADE_ITEM_ADD_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_TRADE_ITEM_ADD_REQUEST
doc: |
  The player offers an item or money in a trade (8 bytes); the answer is 0x01b1, and 0x00e9 to
  the other player.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/tradehandler.cpp
seq:
  - id: inventory_index
    -orig-id: zeny or ioff2
    type: u2
    doc: Inventory slot plus 2 of the item; 0 offers money (amount is then the sum).
  - id: amount
    -orig-id: amount
    type: u4
    doc: How many items, or how much money.
