meta:
  id: tmw_map_client_00eb_trade_add_complete
  title: TMW map, client 0x00EB Trade Add Complete (CMSG_TRADE_ADD_COMPLETE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_TRADE_ADD_COMPLETE
doc: The player locks its side of the trade (2 bytes); both sides get 0x00ec.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/tradehandler.cpp
seq: []
