meta:
  id: tmw_char_server_006e_char_create_failed
  title: TMW char, server 0x006E Char Create Failed (SMSG_CHAR_CREATE_FAILED)
  application: The Mana World (tmwAthena server, ManaPlus client)
  license: CC0-1.0
  ks-version: '0.11'
  endian: le
-orig-id: SMSG_CHAR_CREATE_FAILED
doc: |
  The answer to a refused 0x0067 Char Create (3 bytes). tmwAthena's make_new_char sets the code;
  ManaPlus shows "most likely the name is already taken" for 0, 1 and unknown codes, and a
  message of its own for 2 to 5.
doc-ref:
  - https://github.com/themanaworld/tmwa/blob/master/tools/protocol.py
  - https://github.com/themanaworld/tmwa/blob/master/src/char/char.cpp
  - https://github.com/ManaPlus/ManaPlus/blob/master/src/net/ea/charserverrecv.cpp
seq:
  - id: code
    -orig-id: code
    type: u1
    enum: char_create_error_code
    doc: Why the character was not created.
enums:
  char_create_error_code:
    0:
      id: refused
      doc: Refused (no specific reason).
    1:
      id: name_taken
      doc: |
        The name is taken (or is the server's whisper name).
    2:
      id: bad_name
      doc: |
        The name is too short, has control characters, spaces at its ends or letters
        outside char_name_letters.
    3:
      id: bad_stats
      doc: The stats do not add up to total_stat_sum, or one is out of range.
    4:
      id: bad_hair
      doc: Hair style or colour out of range.
    5:
      id: bad_slot
      doc: The slot is out of range or taken.
