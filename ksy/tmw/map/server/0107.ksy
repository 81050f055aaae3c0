meta:
  id: tmw_map_server_0107_party_update_coords
  title: TMW map, server 0x0107 Party Update Coords (SMSG_PARTY_UPDATE_COORDS)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PARTY_UPDATE_COORDS
doc: Position of a party member on the same map (10 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/partyrecv.cpp
seq:
  - id: account_id
    -orig-id: account id
    type: u4
    doc: |
      Account id of the player (tmwAthena numbers accounts from 2000000); for players it is
      also their being id on the map.
  - id: x
    -orig-id: x
    type: u2
    doc: Tile column.
  - id: y
    -orig-id: y
    type: u2
    doc: Tile row.
