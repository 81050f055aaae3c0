meta:
  id: tmw_map_client_0143_npc_int_response
  title: TMW map, client 0x0143 NPC Int Response (CMSG_NPC_INT_RESPONSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_NPC_INT_RESPONSE
doc: The number the player typed for an NPC (10 bytes), the answer to 0x0142.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/npchandler.cpp
seq:
  - id: npc_id
    -orig-id: block id
    type: u4
    doc: Being id of the NPC.
  - id: value
    -orig-id: input int value
    type: u4
    doc: The number.
