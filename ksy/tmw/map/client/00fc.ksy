meta:
  id: tmw_map_client_00fc_party_invite
  title: TMW map, client 0x00FC Party Invite (CMSG_PARTY_INVITE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PARTY_INVITE
doc: The player invites another player to its party (6 bytes); the invited player gets 0x00fe.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyhandler.cpp
seq:
  - id: account_id
    -orig-id: account id
    type: u4
    doc: Account id (being id) of the player to invite.
