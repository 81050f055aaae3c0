meta:
  id: tmw_map_server_013b_player_arrow_message
  title: TMW map, server 0x013B Player Arrow Message (SMSG_PLAYER_ARROW_MESSAGE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_PLAYER_ARROW_MESSAGE
doc: |
  An ammunition message (4 bytes): 0 no arrows equipped; 3 arrows equipped (ManaPlus ignores it).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/playerrecv.cpp
seq:
  - id: type
    -orig-id: type
    type: u2
    enum: arrow_message
    doc: Which message.
enums:
  arrow_message:
    0:
      id: no_arrows
      doc: No ammunition equipped.
    3:
      id: equipped
      doc: Ammunition equipped.
