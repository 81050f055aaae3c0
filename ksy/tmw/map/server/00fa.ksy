meta:
  id: tmw_map_server_00fa_party_create_response
  title: TMW map, server 0x00FA Party Create Response (SMSG_PARTY_CREATE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PARTY_CREATE
doc: The outcome of 0x00f9 (3 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/partyrecv.cpp
seq:
  - id: code
    -orig-id: flag
    type: u1
    enum: party_create_result
    doc: Outcome.
enums:
  party_create_result:
    0:
      id: created
      doc: The party exists now.
    1:
      id: name_taken
      doc: The name is taken.
    2:
      id: already_in_party
      doc: The player is already in a party.
