meta:
  id: tmw_map_server_00ec_trade_ok
  title: TMW map, server 0x00EC Trade OK (SMSG_TRADE_OK)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_TRADE_OK
doc: A side of the trade was locked (3 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/traderecv.cpp
seq:
  - id: side
    -orig-id: fail
    type: u1
    doc: |
      Which side locked: 0 the player, 1 the other player.
