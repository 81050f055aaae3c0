meta:
  id: tmw_char_client_0066_char_select
  title: TMW char, client 0x0066 Char Select (CMSG_CHAR_SELECT)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: CMSG_CHAR_SELECT
doc: |
  The player picks a character to play (3 bytes). tmwAthena answers 0x0071 Char Map Info with the
  map and the map server to connect to, or 0x0081 when no map server has the character's map.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverhandler.cpp
seq:
  - id: slot
    -orig-id: code
    type: u1
    doc: Slot of the chosen character on the selection screen (0-8, tmw_char_select.slot).
