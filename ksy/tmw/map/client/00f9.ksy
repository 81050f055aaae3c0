meta:
  id: tmw_map_client_00f9_party_create
  title: TMW map, client 0x00F9 Party Create (CMSG_PARTY_CREATE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  encoding: UTF-8
  endian: le
-orig-id: CMSG_PARTY_CREATE
doc: |
  The player creates a party with itself as leader (26 bytes); the answer is 0x00fa, then 0x00fb
  Party Info. ManaPlus sends it for the /createparty command.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyhandler.cpp
seq:
  - id: party_name
    -orig-id: party name
    type: str
    size: 24
    terminator: 0
    doc: |
      Name of the new party, NUL-padded to 24 bytes. Building writes zero bytes after the
      NUL; bytes after a NUL are not kept.
