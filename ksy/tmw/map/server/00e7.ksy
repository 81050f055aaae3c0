meta:
  id: tmw_map_server_00e7_trade_response
  title: TMW map, server 0x00E7 Trade Response (SMSG_TRADE_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_TRADE_RESPONSE
doc: The state of a trade request (3 bytes), to both players.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/traderecv.cpp
seq:
  - id: code
    -orig-id: type
    type: u1
    enum: trade_response_code
    doc: The state.
enums:
  trade_response_code:
    0:
      id: too_far
      doc: The other player is too far away.
    1:
      id: not_found
      doc: No such player.
    2:
      id: busy
      doc: The other player is already trading.
    3:
      id: accepted
      doc: The trade starts.
    4:
      id: cancelled
      doc: The trade was declined or cancelled.
