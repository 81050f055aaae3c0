meta:
  id: tmw_map_server_0073_map_login_success
  title: TMW map, server 0x0073 Map Login Success (SMSG_MAP_LOGIN_SUCCESS)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/position
  endian: le
-orig-id: SMSG_MAP_LOGIN_SUCCESS
doc: |
  The map server accepts the player (11 bytes): its clock and the character's position. The
  client loads the map named in 0x0071 (or 0x0091) and sends 0x007d Map Loaded when it is ready.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/gamerecv.cpp
seq:
  - id: tick
    -orig-id: tick
    type: u4
    doc: Server clock in milliseconds (tmwAthena gettick, wraps at 2^32).
  - id: position
    -orig-id: pos
    type: tmw_position
    doc: Tile position and facing direction.
  - id: five1
    -orig-id: five1
    type: u1
    doc: |
      Always 5 from tmwAthena (eAthena's x size of the client's view); ManaPlus skips it.
  - id: five2
    -orig-id: five2
    type: u1
    doc: |
      Always 5 from tmwAthena (eAthena's y size of the client's view); ManaPlus skips it.
