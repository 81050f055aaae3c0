meta:
  id: tmw_map_client_0100_party_leave
  title: TMW map, client 0x0100 Party Leave (CMSG_PARTY_LEAVE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PARTY_LEAVE
doc: The player leaves its party (2 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyhandler.cpp
seq: []
