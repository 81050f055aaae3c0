meta:
  id: tmw_map_server_00f0_trade_complete
  title: TMW map, server 0x00F0 Trade Complete (SMSG_TRADE_COMPLETE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_TRADE_COMPLETE
doc: The trade is over (3 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/traderecv.cpp
seq:
  - id: code
    -orig-id: fail
    type: u1
    doc: |
      Outcome: 0 done, 1 failed.
