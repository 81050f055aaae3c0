meta:
  id: tmw_map_server_00cb_npc_sell_response
  title: TMW map, server 0x00CB NPC Sell Response (SMSG_NPC_SELL_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_NPC_SELL_RESPONSE
doc: The outcome of 0x00c9 (3 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/buysellrecv.cpp
seq:
  - id: code
    -orig-id: fail
    type: u1
    enum: sell_result
    doc: |
      Outcome of the sale: 0 sold, 1 refused.
enums:
  sell_result:
    0:
      id: okay
      doc: Sold.
    1:
      id: failed
      doc: Not sold.
