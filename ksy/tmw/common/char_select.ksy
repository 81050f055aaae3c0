meta:
  id: tmw_char_select
  title: TMW character record of the char-server's character list (106 bytes)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  imports:
    - stats
  encoding: UTF-8
  endian: le
doc: |
  One character of an account as the char-server shows it on the character selection screen:
  0x006b Character List has one per character, 0x006d Create Character Succeeded the new one.
  tmwAthena fills it in mmo_char_send006b (src/char/char.cpp): the four equipment slots
  shoes, gloves, cape and misc1 / misc2 hold the item ids the character wears there (0 for
  none), hp and sp are capped at 0x7fff, speed is always the default walk speed (150) and
  weapon is always 0.

  ManaPlus reads the same 106 bytes (CharServerRecv::readPlayerData) with a few fields split
  differently: option and unused as one u32, hair_style as a u8 style and a u8 "look", and
  hair_color as a u8 colour and an unused byte. tmwAthena writes hair_style and hair_color as
  u16 values below 256, so both readings agree on the wire.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/tmwa/charserverrecv.cpp
seq:
  - id: char_id
    -orig-id: char id
    type: u4
    doc: Character id (tmwAthena numbers characters from 150000); 0x0066 selects by slot, 0x0068 deletes by this id.
  - id: base_exp
    -orig-id: base exp
    type: u4
    doc: Base experience points.
  - id: zeny
    -orig-id: zeny
    type: u4
    doc: Money (GP).
  - id: job_exp
    -orig-id: job exp
    type: u4
    doc: Job experience points.
  - id: job_level
    -orig-id: job level
    type: u4
    doc: Job level.
  - id: shoes
    -orig-id: shoes
    type: u2
    doc: Item id worn in the shoes slot, 0 for none.
  - id: gloves
    -orig-id: gloves
    type: u2
    doc: Item id worn in the gloves slot, 0 for none.
  - id: cape
    -orig-id: cape
    type: u2
    doc: Item id worn in the cape slot, 0 for none.
  - id: misc1
    -orig-id: misc1
    type: u2
    doc: Item id worn in the first misc slot, 0 for none.
  - id: option
    -orig-id: option
    type: u2
    doc: Status option bits (Opt0; 0 for a plain character).
  - id: unused
    -orig-id: unused
    type: u2
    doc: Always 0 from tmwAthena (ManaPlus reads it as the high half of a u32 option).
  - id: karma
    -orig-id: karma
    type: u4
    doc: Karma; unused by TMW, 0.
  - id: manner
    -orig-id: manner
    type: u4
    doc: Manner; unused by TMW, 0.
  - id: status_point
    -orig-id: status point
    type: u2
    doc: Unspent status points.
  - id: hp
    -orig-id: hp
    type: u2
    doc: Hit points, capped at 32767.
  - id: max_hp
    -orig-id: max hp
    type: u2
    doc: Maximum hit points, capped at 32767.
  - id: sp
    -orig-id: sp
    type: u2
    doc: Spell points (mana), capped at 32767.
  - id: max_sp
    -orig-id: max sp
    type: u2
    doc: Maximum spell points, capped at 32767.
  - id: speed
    -orig-id: speed
    type: u2
    doc: Walking speed in ms per tile; tmwAthena always sends its default, 150.
  - id: species
    -orig-id: species
    type: u2
    doc: Species (class) of the character; 0 for every TMW player.
  - id: hair_style
    -orig-id: hair style
    type: u2
    doc: Hair style number.
  - id: weapon
    -orig-id: weapon
    type: u2
    doc: Weapon; tmwAthena always sends 0 (TMW does not show it here).
  - id: base_level
    -orig-id: base level
    type: u2
    doc: Base level.
  - id: skill_point
    -orig-id: skill point
    type: u2
    doc: Unspent skill points.
  - id: head_bottom
    -orig-id: head bottom
    type: u2
    doc: Item id worn on the legs, 0 for none.
  - id: shield
    -orig-id: shield
    type: u2
    doc: Item id worn as a shield, 0 for none.
  - id: head_top
    -orig-id: head top
    type: u2
    doc: Item id worn on the head (hat), 0 for none.
  - id: head_mid
    -orig-id: head mid
    type: u2
    doc: Item id worn on the torso, 0 for none.
  - id: hair_color
    -orig-id: hair color
    type: u2
    doc: Hair colour number.
  - id: misc2
    -orig-id: misc2
    type: u2
    doc: Item id worn in the second misc slot, 0 for none.
  - id: name
    -orig-id: char name
    type: str
    size: 24
    terminator: 0
    doc: |
      Character name, NUL-padded to 24 bytes. Building writes zero bytes after the NUL; bytes
      after a NUL are not kept.
  - id: stats
    -orig-id: stats
    type: tmw_stats
    doc: The six base attributes.
  - id: slot
    -orig-id: char num
    type: u1
    doc: Slot of the character on the selection screen (0-8); 0x0066 selects by it.
  - id: sex
    -orig-id: sex
    type: u1
    enum: sex
    doc: |
      Sex of the character (the account's sex when the character has none); the same numbers
      as tmw_enums::sex, repeated here because the compiler orders the imports of a type with
      two imports differently depending on who imports it.
enums:
  sex:
    0:
      id: female
      -orig-id: FEMALE
      doc: Female.
    1:
      id: male
      -orig-id: MALE
      doc: Male.
    2:
      id: unspecified
      -orig-id: UNSPECIFIED
      doc: Not specified.
    3:
      id: neutral
      -orig-id: NEUTRAL
      doc: Neutral.
