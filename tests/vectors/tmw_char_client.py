"""The Mana World char-server, client to server (ksy/tmw/char/client/).

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

vector = for_protocol("tmw.char.client")

# -- 0x0061 Change Password -----------------------------------------------------
CHANGE_PASSWORD = vector(
    "change_password", "change_password", bytes.fromhex(
        "61 00"
        "73 65 63 72 65 74 31 00 00 00 00 00 00 00 00 00 00 00 00 00" # old_password "secret1"
        "00 00 00 00"
        "73 65 63 72 65 74 32 32 00 00 00 00 00 00 00 00 00 00 00 00" # new_password "secret22"
        "00 00 00 00"),
    {'old_password': 'secret1', 'new_password': 'secret22'},
    title='Change Password',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0065 Char Server Connect -------------------------------------------------
CHAR_SERVER_CONNECT = vector(
    "char_server_connect", "char_server_connect", bytes.fromhex(
        "65 00"
        "80 84 1e 00"                                                 # account_id
        "25 ef 7c 34"                                                 # login_id1
        "21 a9 c3 b5"                                                 # login_id2
        "08 00"                                                       # client_protocol_version
        "00"                                                          # sex
    ),
    {'account_id': 2000000,
     'login_id1': 880602917,
     'login_id2': 3049498913,
     'client_protocol_version': 8,
     'sex': 'female'},
    title='Char Server Connect, from a recorded session',
    doc=('Real bytes: packet 1 of the client side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0066 Char Select ---------------------------------------------------------
CHAR_SELECT = vector(
    "char_select", "char_select", bytes.fromhex(
        "66 00"
        "00"                                                          # slot
    ),
    {'slot': 0},
    title='Char Select, from a recorded session',
    doc=('Real bytes: packet 6 of the client side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0067 Char Create ---------------------------------------------------------
CHAR_CREATE = vector(
    "char_create", "char_create", bytes.fromhex(
        "67 00"
        "50 6b 74 20 54 65 73 74 65 72 00 00 00 00 00 00 00 00 00 00" # name "Pkt Tester"
        "00 00 00 00"
        "0a 0a 07 01 01 01"                                           # stats
        "00"                                                          # slot
        "0d 00"                                                       # hair_color
        "05 00"                                                       # hair_style
    ),
    {'name': 'Pkt Tester',
     'stats': {'str': 10, 'agi': 10, 'vit': 7, 'int': 1, 'dex': 1, 'luk': 1},
     'slot': 0,
     'hair_color': 13,
     'hair_style': 5},
    title='Char Create, from a recorded session',
    doc=('Real bytes: packet 2 of the client side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0068 Char Delete ---------------------------------------------------------
CHAR_DELETE = vector(
    "char_delete", "char_delete", bytes.fromhex(
        "68 00"
        "f1 49 02 00"                                                 # char_id
        "61 40 61 2e 63 6f 6d 00 00 00 00 00 00 00 00 00 00 00 00 00" # email "a@a.com"
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
    {'char_id': 150001, 'email': 'a@a.com'},
    title='Char Delete, from a recorded session',
    doc=('Real bytes: packet 5 of the client side of the first char connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x7530 Server Version Request ----------------------------------------------
SERVER_VERSION_REQUEST = vector(
    "server_version_request", "server_version_request", bytes.fromhex(
        "30 75"),
    {},
    title='Server Version Request',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x7532 Client Disconnect ---------------------------------------------------
CLIENT_DISCONNECT = vector(
    "client_disconnect", "client_disconnect", bytes.fromhex(
        "32 75"),
    {},
    title='Client Disconnect',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))
