meta:
  id: tmw_map_client_00c5_npc_buy_sell_request
  title: TMW map, client 0x00C5 NPC Buy Sell Request (CMSG_NPC_BUY_SELL_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_NPC_BUY_SELL_REQUEST
doc: |
  The player chooses to buy from or sell to a shop NPC (7 bytes); the answer is 0x00c6 or 0x00c7.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/npchandler.cpp
seq:
  - id: npc_id
    -orig-id: block id
    type: u4
    doc: Being id of the shop NPC.
  - id: type
    -orig-id: type
    type: u1
    enum: shop_mode
    doc: Buy or sell.
enums:
  shop_mode:
    0:
      id: buy
      doc: Buy from the shop.
    1:
      id: sell
      doc: Sell to the shop.
