meta:
  id: tmw_map_server_00b6_npc_close
  title: TMW map, server 0x00B6 NPC Close (SMSG_NPC_CLOSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_NPC_CLOSE
doc: |
  The NPC's dialog ends (6 bytes); the client shows a Close button and answers 0x0146 when the
  player closes it.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/npcrecv.cpp
seq:
  - id: npc_id
    -orig-id: block id
    type: u4
    doc: Being id of the NPC.
