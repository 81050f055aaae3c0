meta:
  id: tmw_char_client_0067_char_create
  title: TMW char, client 0x0067 Char Create (CMSG_CHAR_CREATE)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - ../../common/stats
  encoding: UTF-8
  endian: le
-orig-id: CMSG_CHAR_CREATE
doc: |
  The player creates a character in a free slot (37 bytes). tmwAthena checks the name, the stats,
  the slot and the hair, and answers 0x006d Char Create Succeeded with the new character's record
  or 0x006e Char Create Failed with a code.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverhandler.cpp
seq:
  - id: name
    -orig-id: char name
    type: str
    size: 24
    terminator: 0
    doc: |
      Name of the new character, NUL-padded to 24 bytes; tmwAthena refuses control
      characters, leading or trailing spaces, letters outside char_name_letters and names
      shorter than min_name_length. Building writes zero bytes after the NUL; bytes after a
      NUL are not kept.
  - id: stats
    -orig-id: stats
    type: tmw_stats
    doc: The six base attributes chosen by the player.
  - id: slot
    -orig-id: slot
    type: u1
    doc: Slot for the new character (0-8).
  - id: hair_color
    -orig-id: hair color
    type: u2
    doc: Hair colour number (up to max_hair_color).
  - id: hair_style
    -orig-id: hair style
    type: u2
    doc: Hair style number (up to max_hair_style).
