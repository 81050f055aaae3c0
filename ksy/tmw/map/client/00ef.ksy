meta:
  id: tmw_map_client_00ef_trade_ok_request
  title: TMW map, client 0x00EF Trade OK Request (CMSG_TRADE_OK)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_TRADE_OK
doc: The player confirms the locked trade (2 bytes); when both did, both get 0x00f0.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/tradehandler.cpp
seq: []
