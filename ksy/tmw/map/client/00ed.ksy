meta:
  id: tmw_map_client_00ed_trade_cancel_request
  title: TMW map, client 0x00ED Trade Cancel Request (CMSG_TRADE_CANCEL_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_TRADE_CANCEL_REQUEST
doc: The player cancels the trade (2 bytes); both sides get 0x00ee.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/tradehandler.cpp
seq: []
