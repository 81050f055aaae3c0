meta:
  id: tmw_map_server_0095_being_name_response
  title: TMW map, server 0x0095 Being Name Response (SMSG_BEING_NAME_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_BEING_NAME_RESPONSE
doc: The name of a being (30 bytes), the answer to 0x0094.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/beingrecv.cpp
seq:
  - id: being_id
    -orig-id: block id
    type: u4
    doc: |
      Id of the being: a player's account id, or the id the map server gave an NPC, monster
      or floor item (from 110000000 in tmwAthena).
  - id: name
    -orig-id: char name
    type: str
    size: 24
    terminator: 0
    doc: |
      Name of the being, NUL-padded to 24 bytes. Building writes zero bytes after the NUL;
      bytes after a NUL are not kept.
