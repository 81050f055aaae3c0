meta:
  id: tmw_map_server_00fd_party_invite_response
  title: TMW map, server 0x00FD Party Invite Response (SMSG_PARTY_INVITE_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_PARTY_INVITE_RESPONSE
doc: The outcome of a party invitation, to the inviter (27 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyrecv.cpp
seq:
  - id: name
    -orig-id: char name
    type: str
    size: 24
    terminator: 0
    doc: |
      Name of the invited player, NUL-padded to 24 bytes. Building writes zero bytes after
      the NUL; bytes after a NUL are not kept.
  - id: code
    -orig-id: flag
    type: u1
    enum: party_invite_result
    doc: Outcome.
enums:
  party_invite_result:
    0:
      id: already_in_party
      doc: The player is in a party already.
    1:
      id: rejected
      doc: The player declined.
    2:
      id: accepted
      doc: The player joined.
    3:
      id: party_full
      doc: The party is full.
    4:
      id: same_party
      doc: The player is in this party already.
