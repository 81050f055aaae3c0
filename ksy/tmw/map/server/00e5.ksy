meta:
  id: tmw_map_server_00e5_trade_request_notify
  title: TMW map, server 0x00E5 Trade Request Notify (SMSG_TRADE_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_TRADE_REQUEST
doc: Someone asks the player to trade (26 bytes); the player answers 0x00e6.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/traderecv.cpp
seq:
  - id: requester
    -orig-id: char name
    type: str
    size: 24
    terminator: 0
    doc: |
      Name of the player who asks, NUL-padded to 24 bytes. Building writes zero bytes after
      the NUL; bytes after a NUL are not kept.
