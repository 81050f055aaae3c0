meta:
  id: tmw_map_server_00b5_npc_next
  title: TMW map, server 0x00B5 NPC Next (SMSG_NPC_NEXT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_NPC_NEXT
doc: |
  The NPC waits for the player to click "Next" (6 bytes); the client answers 0x00b9.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/npcrecv.cpp
seq:
  - id: npc_id
    -orig-id: block id
    type: u4
    doc: Being id of the NPC.
