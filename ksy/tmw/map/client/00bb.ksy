meta:
  id: tmw_map_client_00bb_stat_update_request
  title: TMW map, client 0x00BB Stat Update Request (CMSG_STAT_UPDATE_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/enums
  endian: le
-orig-id: CMSG_STAT_UPDATE_REQUEST
doc: The player spends status points on a stat (5 bytes); the answer is 0x00bc.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerhandler.cpp
seq:
  - id: status_type
    -orig-id: asp
    type: u2
    enum: tmw_enums::status_type
    doc: Which stat to raise (str 13 to luk 18).
  - id: amount
    -orig-id: unused
    type: u1
    doc: How many points; tmwAthena raises by one whatever it says, ManaPlus sends 1.
