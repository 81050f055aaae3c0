meta:
  id: tmw_map_server_007f_server_ping
  title: TMW map, server 0x007F Server Ping (SMSG_SERVER_PING)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_SERVER_PING
doc: |
  The answer to 0x007e Map Ping (6 bytes): the server's tick. ManaPlus does not handle it and
  logs "Unhandled packet 0x7f".
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
seq:
  - id: tick
    -orig-id: tick
    type: u4
    doc: Server clock in milliseconds (tmwAthena gettick, wraps at 2^32).
