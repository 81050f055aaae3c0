meta:
  id: tmw_map_client_0090_npc_talk
  title: TMW map, client 0x0090 NPC Talk (CMSG_NPC_TALK)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_NPC_TALK
doc: |
  The player clicks an NPC to talk to it, trade with it or read it (7 bytes). The map server runs
  the NPC's script, which answers with NPC dialog packets (0x00b4 message, 0x00b5 next, 0x00b7
  menu, 0x0142 / 0x01d4 input, 0x00b6 close) or a shop (0x00c4). No answer when the player is too
  far or already talking.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/npchandler.cpp
seq:
  - id: npc_id
    -orig-id: block id
    type: u4
    doc: Being id of the NPC.
  - id: unused
    -orig-id: unused
    type: u1
    doc: Unused; ManaPlus sends 0.
