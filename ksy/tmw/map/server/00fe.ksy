meta:
  id: tmw_map_server_00fe_party_invited
  title: TMW map, server 0x00FE Party Invited (SMSG_PARTY_INVITED)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: SMSG_PARTY_INVITED
doc: Someone invites the player to a party (30 bytes); the player answers 0x00ff.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyrecv.cpp
seq:
  - id: inviter_id
    -orig-id: account id
    type: u4
    doc: Account id of the inviting player.
  - id: party_name
    -orig-id: party name
    type: str
    size: 24
    terminator: 0
    doc: |
      Party name, NUL-padded to 24 bytes. Building writes zero bytes after the NUL; bytes
      after a NUL are not kept.
