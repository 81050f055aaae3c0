meta:
  id: tmw_map_server_0142_npc_int_input
  title: TMW map, server 0x0142 NPC Int Input (SMSG_NPC_INT_INPUT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_NPC_INT_INPUT
doc: The NPC asks for a number (6 bytes); the client answers 0x0143.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/npcrecv.cpp
seq:
  - id: npc_id
    -orig-id: block id
    type: u4
    doc: Being id of the NPC.
