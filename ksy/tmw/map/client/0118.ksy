meta:
  id: tmw_map_client_0118_player_stop_attack
  title: TMW map, client 0x0118 Player Stop Attack (CMSG_PLAYER_STOP_ATTACK)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PLAYER_STOP_ATTACK
doc: The player stops a continuous attack (2 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerhandler.cpp
seq: []
