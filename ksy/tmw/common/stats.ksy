meta:
  id: tmw_stats
  title: TMW six base attributes of a character, one byte each
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
doc: |
  Strength, agility, vitality, intelligence, dexterity and luck, one unsigned byte each in
  that order (Stats6 in tmwAthena's tools/protocol.py). The client sends them in 0x0067
  Create Character, where tmwAthena wants each between min_stat_value and max_stat_value
  (1 and 9 by default, 10 in TMW's server data) and a sum of total_stat_sum (30), else it
  answers 0x006e code 3; the char-server sends them back in the character record
  (tmw_char_select), saturated at 255.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverhandler.cpp
seq:
  - id: str
    -orig-id: str
    type: u1
    doc: Strength.
  - id: agi
    -orig-id: agi
    type: u1
    doc: Agility.
  - id: vit
    -orig-id: vit
    type: u1
    doc: Vitality.
  - id: int
    -orig-id: int_
    type: u1
    doc: Intelligence.
  - id: dex
    -orig-id: dex
    type: u1
    doc: Dexterity.
  - id: luk
    -orig-id: luk
    type: u1
    doc: Luck.
