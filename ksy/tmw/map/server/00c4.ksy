meta:
  id: tmw_map_server_00c4_npc_buy_sell_choice
  title: TMW map, server 0x00C4 NPC Buy Sell Choice (SMSG_NPC_BUY_SELL_CHOICE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_NPC_BUY_SELL_CHOICE
doc: |
  The clicked NPC is a shop (6 bytes): the client asks "buy or sell?" and answers 0x00c5.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/buysellrecv.cpp
seq:
  - id: npc_id
    -orig-id: block id
    type: u4
    doc: Being id of the shop NPC.
