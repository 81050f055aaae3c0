meta:
  id: tmw_map_client_00e6_trade_response_request
  title: TMW map, client 0x00E6 Trade Response Request (CMSG_TRADE_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_TRADE_RESPONSE
doc: The player accepts or declines a trade offered by 0x00e5 (3 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/tradehandler.cpp
seq:
  - id: answer
    -orig-id: type
    type: u1
    enum: trade_answer
    doc: The answer.
enums:
  trade_answer:
    3:
      id: accept
      doc: Accept the trade.
    4:
      id: decline
      doc: Decline the trade.
