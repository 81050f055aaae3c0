meta:
  id: tmw_map_client_0146_npc_close_request
  title: TMW map, client 0x0146 NPC Close Request (CMSG_NPC_CLOSE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_NPC_CLOSE
doc: |
  The player closed an NPC dialog (6 bytes), after 0x00b6; the script may go on without the
  player.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/npchandler.cpp
seq:
  - id: npc_id
    -orig-id: block id
    type: u4
    doc: Being id of the NPC.
