meta:
  id: tmw_map_client_00b9_npc_next_request
  title: TMW map, client 0x00B9 NPC Next Request (CMSG_NPC_NEXT_REQUEST)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_NPC_NEXT_REQUEST
doc: |
  The player clicked "Next" in an NPC dialog (6 bytes), the answer to 0x00b5.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/npchandler.cpp
seq:
  - id: npc_id
    -orig-id: npc id
    type: u4
    doc: Being id of the NPC.
