meta:
  id: tmw_map_server_00e9_trade_item_add
  title: TMW map, server 0x00E9 Trade Item Add (SMSG_TRADE_ITEM_ADD)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_TRADE_ITEM_ADD
doc: The other player added an item or money to the trade (19 bytes). Item id 0 means money.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/traderecv.cpp
seq:
  - id: amount
    -orig-id: amount
    type: u4
    doc: How many items, or how much money.
  - id: item_id
    -orig-id: name id
    type: u2
    doc: Item id (the item database number, e.g. 1201 for a Knife).
  - id: identify
    -orig-id: identify
    type: u1
    doc: |
      Identified flag; tmwAthena always writes 1 (or 0 for unidentified items, which TMW does
      not use).
  - id: attribute
    -orig-id: broken or attribute
    type: u1
    doc: Attribute (broken) flag; tmwAthena writes 0.
  - id: refine
    -orig-id: refine
    type: u1
    doc: Refine level; unused by TMW, 0.
  - id: card0
    -orig-id: card0
    type: u2
    doc: First card slot; unused by TMW, 0.
  - id: card1
    -orig-id: card1
    type: u2
    doc: Second card slot; unused by TMW, 0.
  - id: card2
    -orig-id: card2
    type: u2
    doc: Third card slot; unused by TMW, 0.
  - id: card3
    -orig-id: card3
    type: u2
    doc: Fourth card slot; unused by TMW, 0.
