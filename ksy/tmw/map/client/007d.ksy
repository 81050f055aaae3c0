meta:
  id: tmw_map_client_007d_map_loaded
  title: TMW map, client 0x007D Map Loaded (CMSG_MAP_LOADED)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_MAP_LOADED
doc: |
  The client has loaded the map and is ready for its content (2 bytes, the packet id alone). The
  map server answers with the character's state (skills, inventory, equipment, stats: 0x010f,
  0x01ee, 0x00a4, 0x00bd, 0x00b0, 0x00b1, 0x0141...), then the beings in sight.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/gamehandler.cpp
seq: []
