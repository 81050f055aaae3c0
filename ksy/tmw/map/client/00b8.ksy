meta:
  id: tmw_map_client_00b8_npc_list_choice
  title: TMW map, client 0x00B8 NPC List Choice (CMSG_NPC_LIST_CHOICE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_NPC_LIST_CHOICE
doc: |
  The player's choice in an NPC menu (7 bytes), the answer to 0x00b7.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/npchandler.cpp
seq:
  - id: npc_id
    -orig-id: npc id
    type: u4
    doc: Being id of the NPC.
  - id: choice
    -orig-id: menu entry
    type: u1
    doc: Chosen entry, counting from 1; 0xff cancels the dialog.
