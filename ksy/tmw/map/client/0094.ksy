meta:
  id: tmw_map_client_0094_name_request
  title: TMW map, client 0x0094 Name Request (CMSG_NAME_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_NAME_REQUEST
doc: |
  The client asks for the name of a being it sees (6 bytes); the map server answers 0x0095, and
  for players also 0x0195 (party) and, to GMs, 0x020c (IP hash).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/beinghandler.cpp
seq:
  - id: being_id
    -orig-id: block id
    type: u4
    doc: |
      Id of the being: a player's account id, or the id the map server gave an NPC, monster
      or floor item (from 110000000 in tmwAthena).
