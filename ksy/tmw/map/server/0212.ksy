meta:
  id: tmw_map_server_0212_npc_command
  title: TMW map, server 0x0212 NPC Command (SMSG_NPC_COMMAND)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_NPC_COMMAND
doc: |
  A script drives the NPC dialog or camera in ManaPlus (16 bytes): commands such as moving the
  camera, setting the NPC's sprite or direction, closing the dialog.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/npcrecv.cpp
seq:
  - id: npc_id
    -orig-id: npc id
    type: u4
    doc: Being id of the NPC.
  - id: command
    -orig-id: command
    type: u2
    doc: Command number (ManaPlus NpcCommand).
  - id: id
    -orig-id: id
    type: u4
    doc: Argument of the command.
  - id: x
    -orig-id: x
    type: u2
    doc: First coordinate argument.
  - id: y
    -orig-id: y
    type: u2
    doc: Second coordinate argument.
