meta:
  id: tmw_map_server_00ee_trade_cancel
  title: TMW map, server 0x00EE Trade Cancel (SMSG_TRADE_CANCEL)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_TRADE_CANCEL
doc: The trade was cancelled (2 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/traderecv.cpp
seq: []
