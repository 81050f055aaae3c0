meta:
  id: tmw_map_server_01b1_trade_item_add_response
  title: TMW map, server 0x01B1 Trade Item Add Response (SMSG_TRADE_ITEM_ADD_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_TRADE_ITEM_ADD_RESPONSE
doc: The outcome of 0x00e8 (7 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/traderecv.cpp
seq:
  - id: inventory_index
    -orig-id: ioff2
    type: u2
    doc: |
      Inventory slot of the item plus 2 (tmwAthena IOff2: the first slot is 2).
  - id: amount
    -orig-id: amount
    type: u2
    doc: Number of items.
  - id: code
    -orig-id: fail
    type: u1
    enum: trade_add_result
    doc: Outcome of adding the item or money.
enums:
  trade_add_result:
    0:
      id: added
      doc: Added to the offer.
    1:
      id: overweight
      doc: The other player could not carry it.
    2:
      id: no_room
      doc: The other player has no free inventory slot.
