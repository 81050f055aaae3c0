meta:
  id: tmw_map_client_007e_map_ping
  title: TMW map, client 0x007E Map Ping (CMSG_MAP_PING)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_MAP_PING
doc: |
  The client's ping (6 bytes); the map server answers 0x007f with its own tick. ManaPlus sends it
  once after entering the map and then every few seconds.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/gamehandler.cpp
seq:
  - id: client_tick
    -orig-id: client tick
    type: u4
    doc: Client clock in milliseconds (ManaPlus sends its tick count).
