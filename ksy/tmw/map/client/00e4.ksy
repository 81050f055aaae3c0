meta:
  id: tmw_map_client_00e4_trade_request
  title: TMW map, client 0x00E4 Trade Request (CMSG_TRADE_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_TRADE_REQUEST
doc: The player asks another player to trade (6 bytes); the other gets 0x00e5, the asker 0x00e7.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/tradehandler.cpp
seq:
  - id: target_id
    -orig-id: block id
    type: u4
    doc: Being id (account id) of the player to trade with.
