meta:
  id: tmw_map_server_0098_whisper_response
  title: TMW map, server 0x0098 Whisper Response (SMSG_WHISPER_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_WHISPER_RESPONSE
doc: |
  The outcome of the player's 0x0096 Chat Whisper (3 bytes).
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/chatrecv.cpp
seq:
  - id: code
    -orig-id: flag
    type: u1
    enum: whisper_result
    doc: Outcome of the whisper.
enums:
  whisper_result:
    0:
      id: sent
      doc: Delivered.
    1:
      id: offline
      doc: No such player online.
    2:
      id: ignored
      doc: The recipient ignores the sender.
