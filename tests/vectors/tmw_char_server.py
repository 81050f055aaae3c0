"""The Mana World char-server, server to client (ksy/tmw/char/server/).

Two kinds of bytes. Packets the recorded sessions carried are real: the first packet of each
id on that side in the captures of tests/data/tmw/ (ManaPlus 2.1.3.17 against tmwAthena
built from themanaworld/tmwa f5c8730; each vector's doc names its file, and the README
says how they were recorded). The other packets are packed from the layouts of
themanaworld/tmwa tools/protocol.py (offsets, sizes, types) with sample values (being ids
from 110000000, accounts from 2000000, characters from 150000, as tmwAthena numbers them).
Every integer is little-endian; positions are packed bit fields, most significant bit
first; IPv4 addresses are the four bytes in network order.
"""

from pkttools.publish.vectors import for_protocol

vector = for_protocol("tmw.char.server")

# -- 0x0062 Change Password Response --------------------------------------------
CHANGE_PASSWORD_RESPONSE = vector(
    "change_password_response", "change_password_response", bytes.fromhex(
        "62 00"
        "01"                                                          # status
    ),
    {'status': 'success'},
    title='Change Password Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x006B Char Login (character list) -----------------------------------------
CHAR_LOGIN = vector(
    "char_login", "char_login", bytes.fromhex(
        "6b 00"
        "18 00"                                                       # len_packet
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" # unused
    ),
    {'len_packet': 24,
     'unused': '0000000000000000000000000000000000000000',
     'characters': [],
     'num_characters': 0},
    title='Char Login (character list), from a recorded session',
    doc=('Real bytes: packet 2 of the server side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

CHAR_LOGIN_WITH_ENTRIES = vector(
    "char_login_with_entries", "char_login", bytes.fromhex(
        "6b 00"
        "82 00"                                                       # len_packet
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" # unused
        "f0 49 02 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00" # characters[0]
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
        "00 00 2a 00 2a 00 0b 00 0b 00 96 00 01 00 05 00 00 00 01 00"
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 50 6b 74 20 54 65"
        "73 74 65 72 00 00 00 00 00 00 00 00 00 00 00 00 00 00 0a 0a"
        "07 01 01 01 00 03"),
    {'len_packet': 130,
     'unused': '0000000000000000000000000000000000000000',
     'characters': [{'char_id': 150000,
                     'base_exp': 0,
                     'zeny': 0,
                     'job_exp': 0,
                     'job_level': 1,
                     'shoes': 0,
                     'gloves': 0,
                     'cape': 0,
                     'misc1': 0,
                     'option': 0,
                     'unused': 0,
                     'karma': 0,
                     'manner': 0,
                     'status_point': 0,
                     'hp': 42,
                     'max_hp': 42,
                     'sp': 11,
                     'max_sp': 11,
                     'speed': 150,
                     'species': 1,
                     'hair_style': 5,
                     'weapon': 0,
                     'base_level': 1,
                     'skill_point': 0,
                     'head_bottom': 0,
                     'shield': 0,
                     'head_top': 0,
                     'head_mid': 0,
                     'hair_color': 0,
                     'misc2': 0,
                     'name': 'Pkt Tester',
                     'stats': {'str': 10, 'agi': 10, 'vit': 7, 'int': 1, 'dex': 1, 'luk': 1},
                     'slot': 0,
                     'sex': 'neutral'}],
     'num_characters': 1},
    title='Char Login (character list), from a recorded session',
    doc=('Real bytes: packet 2 of the server side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-two-players.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x006C Char Login Error ----------------------------------------------------
CHAR_LOGIN_ERROR = vector(
    "char_login_error", "char_login_error", bytes.fromhex(
        "6c 00"
        "42"                                                          # code
    ),
    {'code': 'authentication_failed'},
    title='Char Login Error',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x006D Char Create Succeeded -----------------------------------------------
CHAR_CREATE_SUCCEEDED = vector(
    "char_create_succeeded", "char_create_succeeded", bytes.fromhex(
        "6d 00"
        "f0 49 02 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00" # character
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
        "30 00 2a 00 2a 00 0b 00 0b 00 96 00 00 00 05 00 00 00 01 00"
        "00 00 00 00 00 00 00 00 00 00 0d 00 00 00 50 6b 74 20 54 65"
        "73 74 65 72 00 00 00 00 00 00 00 00 00 00 00 00 00 00 0a 0a"
        "07 01 01 01 00 03"),
    {'character': {'char_id': 150000,
                   'base_exp': 0,
                   'zeny': 0,
                   'job_exp': 0,
                   'job_level': 1,
                   'shoes': 0,
                   'gloves': 0,
                   'cape': 0,
                   'misc1': 0,
                   'option': 0,
                   'unused': 0,
                   'karma': 0,
                   'manner': 0,
                   'status_point': 48,
                   'hp': 42,
                   'max_hp': 42,
                   'sp': 11,
                   'max_sp': 11,
                   'speed': 150,
                   'species': 0,
                   'hair_style': 5,
                   'weapon': 0,
                   'base_level': 1,
                   'skill_point': 0,
                   'head_bottom': 0,
                   'shield': 0,
                   'head_top': 0,
                   'head_mid': 0,
                   'hair_color': 13,
                   'misc2': 0,
                   'name': 'Pkt Tester',
                   'stats': {'str': 10, 'agi': 10, 'vit': 7, 'int': 1, 'dex': 1, 'luk': 1},
                   'slot': 0,
                   'sex': 'neutral'}},
    title='Char Create Succeeded, from a recorded session',
    doc=('Real bytes: packet 3 of the server side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x006E Char Create Failed --------------------------------------------------
CHAR_CREATE_FAILED = vector(
    "char_create_failed", "char_create_failed", bytes.fromhex(
        "6e 00"
        "01"                                                          # code
    ),
    {'code': 'name_taken'},
    title='Char Create Failed, from a recorded session',
    doc=('Real bytes: packet 4 of the server side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x006F Char Delete Succeeded -----------------------------------------------
CHAR_DELETE_SUCCEEDED = vector(
    "char_delete_succeeded", "char_delete_succeeded", bytes.fromhex(
        "6f 00"),
    {},
    title='Char Delete Succeeded, from a recorded session',
    doc=('Real bytes: packet 6 of the server side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0070 Char Delete Failed --------------------------------------------------
CHAR_DELETE_FAILED = vector(
    "char_delete_failed", "char_delete_failed", bytes.fromhex(
        "70 00"
        "00"                                                          # code
    ),
    {'code': 0},
    title='Char Delete Failed',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0071 Char Map Info -------------------------------------------------------
CHAR_MAP_INFO = vector(
    "char_map_info", "char_map_info", bytes.fromhex(
        "71 00"
        "f0 49 02 00"                                                 # char_id
        "30 32 39 2d 32 00 00 00 00 00 00 00 00 00 00 00"             # map_name "029-2"
        "7f 00 00 01"                                                 # map_ip
        "02 14"                                                       # map_port
    ),
    {'char_id': 150000,
     'map_name': '029-2',
     'map_ip': '7f000001',
     'map_ip_dotted': '127.0.0.1',
     'map_port': 5122},
    title='Char Map Info, from a recorded session',
    doc=('Real bytes: packet 7 of the server side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0081 Connection Problem --------------------------------------------------
CONNECTION_PROBLEM = vector(
    "connection_problem", "connection_problem", bytes.fromhex(
        "81 00"
        "01"                                                          # code
    ),
    {'code': 'no_server'},
    title='Connection Problem',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x7531 Server Version ------------------------------------------------------
SERVER_VERSION = vector(
    "server_version", "server_version", bytes.fromhex(
        "31 75"
        "03 00 00 00 00 00 00 00"                                     # version
    ),
    {'major': 3,
     'minor': 0,
     'patch': 0,
     'devel': 0,
     'registration_enabled': False,
     'unused_flags': 0,
     'is_login_server': False,
     'is_char_server': False,
     'is_inter_server': False,
     'is_map_server': False,
     'unused_which': 0,
     'vendor_point': 0},
    title='Server Version',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x8000 Hold (special packet) -----------------------------------------------
HOLD = vector(
    "hold", "hold", bytes.fromhex(
        "00 80"
        "04 00"                                                       # len_packet
    ),
    {'len_packet': 4},
    title='Hold (special packet), from a recorded session',
    doc=('Real bytes: packet 1 of the server side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))
