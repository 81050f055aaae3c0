meta:
  id: tmw_map_server_0101_party_settings
  title: TMW map, server 0x0101 Party Settings (SMSG_PARTY_SETTINGS)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PARTY_SETTINGS
doc: |
  The party's sharing settings (6 bytes): experience and item sharing.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/partyrecv.cpp
seq:
  - id: exp_share
    -orig-id: exp
    type: u2
    doc: |
      Experience sharing: 0 each for themselves, 1 shared; 2 when a change was refused
      (clif_party_option).
  - id: item_share
    -orig-id: item
    type: u2
    doc: |
      Item sharing: 0 each for themselves, 1 shared; 2 when a change was refused.
