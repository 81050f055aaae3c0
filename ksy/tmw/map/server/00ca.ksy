meta:
  id: tmw_map_server_00ca_npc_buy_response
  title: TMW map, server 0x00CA NPC Buy Response (SMSG_NPC_BUY_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_NPC_BUY_RESPONSE
doc: The outcome of 0x00c8 (3 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/buysellrecv.cpp
seq:
  - id: code
    -orig-id: fail
    type: u1
    enum: buy_result
    doc: Outcome of the purchase.
enums:
  buy_result:
    0:
      id: okay
      doc: Bought.
    1:
      id: no_money
      doc: Not enough money.
    2:
      id: overweight
      doc: Too heavy.
    3:
      id: too_many_items
      doc: No room in the inventory.
