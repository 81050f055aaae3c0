meta:
  id: tmw_map_client_0102_party_settings_request
  title: TMW map, client 0x0102 Party Settings Request (CMSG_PARTY_SETTINGS)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PARTY_SETTINGS
doc: The party leader changes the sharing settings (6 bytes); the answer is 0x0101.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyhandler.cpp
seq:
  - id: exp_share
    -orig-id: exp
    type: u2
    doc: |
      Experience sharing: 0 each for themselves, 1 shared.
  - id: item_share
    -orig-id: item
    type: u2
    doc: |
      Item sharing: 0 each for themselves, 1 shared.
