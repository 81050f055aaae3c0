meta:
  id: tmw_map_client_0210_online_list
  title: TMW map, client 0x0210 Online List (CMSG_ONLINE_LIST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_ONLINE_LIST
doc: |
  The client asks for the list of players online (2 bytes); the answer is 0x0211. ManaPlus sends
  it when its online list window refreshes.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerhandler.cpp
seq: []
