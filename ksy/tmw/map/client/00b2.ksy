meta:
  id: tmw_map_client_00b2_player_reboot
  title: TMW map, client 0x00B2 Player Reboot (CMSG_PLAYER_REBOOT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_PLAYER_REBOOT
doc: |
  The player respawns after dying (type 0) or asks to go back to character selection (type 1), 3
  bytes; the answer to the second is 0x00b3.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/map/clif.cpp
seq:
  - id: type
    -orig-id: flag
    type: u1
    enum: reboot_type
    doc: What to do.
enums:
  reboot_type:
    0:
      id: respawn
      doc: Respawn at the save point after dying.
    1:
      id: switch_character
      doc: Go back to the character selection.
