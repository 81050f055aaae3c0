meta:
  id: tmw_map_client_00ff_party_invited_response
  title: TMW map, client 0x00FF Party Invited Response (CMSG_PARTY_INVITED)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PARTY_INVITED
doc: The player accepts or declines a party invitation (10 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyhandler.cpp
seq:
  - id: inviter_id
    -orig-id: account id
    type: u4
    doc: Account id of the inviting player, from 0x00fe.
  - id: accept
    -orig-id: flag
    type: u4
    doc: 1 accepts, 0 declines.
