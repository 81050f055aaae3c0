meta:
  id: tmw_map_client_018a_client_quit
  title: TMW map, client 0x018A Client Quit (CMSG_CLIENT_QUIT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_CLIENT_QUIT
doc: The client asks to leave the game (4 bytes); the answer is 0x018b.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/gamehandler.cpp
seq:
  - id: unused
    -orig-id: unused
    type: u2
    doc: Unused; tmwAthena writes 0 and ignores it.
