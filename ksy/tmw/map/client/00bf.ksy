meta:
  id: tmw_map_client_00bf_player_emote
  title: TMW map, client 0x00BF Player Emote (CMSG_PLAYER_EMOTE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PLAYER_EMOTE
doc: |
  The player shows an emote above its head (3 bytes); tmwAthena sends 0x00c0 to everyone in
  sight. ManaPlus also sends it (emote 0xc0) right after entering the map to ask for the server's
  emote state.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/playerhandler.cpp
seq:
  - id: emote
    -orig-id: emote
    type: u1
    doc: |
      Emote number (1-based index into the client's emote list).
