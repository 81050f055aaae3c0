meta:
  id: tmw_map_server_018b_map_quit_response
  title: TMW map, server 0x018B Map Quit Response (SMSG_MAP_QUIT_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_MAP_QUIT_RESPONSE
doc: The answer to 0x018a (4 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/gamerecv.cpp
seq:
  - id: code
    -orig-id: okay
    type: u2
    enum: quit_result
    doc: Whether the client may quit now.
enums:
  quit_result:
    0:
      id: may_quit
      doc: The client may quit.
    1:
      id: not_now
      doc: Not now (e.g. right after a fight).
