"""The Mana World map server, server to client (ksy/tmw/map/server/).

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

vector = for_protocol("tmw.map.server")

# -- 0x0073 Map Login Success ---------------------------------------------------
MAP_LOGIN_SUCCESS = vector(
    "map_login_success", "map_login_success", bytes.fromhex(
        "73 00"
        "e4 ad 97 28"                                                 # tick
        "05 81 80"                                                    # position
        "05"                                                          # five1
        "05"                                                          # five2
    ),
    {'tick': 681029092,
     'position': {'x': 22, 'y': 24, 'direction': 'south'},
     'five1': 5,
     'five2': 5},
    title='Map Login Success, from a recorded session',
    doc=('Real bytes: packet 2 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0078 Being Visible -------------------------------------------------------
BEING_VISIBLE = vector(
    "being_visible", "being_visible", bytes.fromhex(
        "78 00"
        "f5 91 8e 06"                                                 # being_id
        "c8 00"                                                       # speed
        "00 00"                                                       # opt1
        "00 00"                                                       # opt2
        "00 00"                                                       # option
        "90 01"                                                       # species
        "00"                                                          # hair_style
        "00"                                                          # look
        "00 00"                                                       # weapon
        "00 00"                                                       # head_bottom
        "00 00"                                                       # shield
        "00 00"                                                       # head_top
        "00 00"                                                       # head_mid
        "00"                                                          # hair_color
        "00"                                                          # unused1
        "00 00"                                                       # shoes_or_clothes_color
        "00 00 00 00"                                                 # hp
        "00 00 00 00"                                                 # max_hp
        "00 00"                                                       # manner
        "00 00"                                                       # opt3
        "00"                                                          # attack_range
        "00"                                                          # sex
        "07 41 70"                                                    # position
        "00"                                                          # unused2
        "00"                                                          # unused3
        "00"                                                          # unused4
        "00"                                                          # unused5
        "00"                                                          # unused6
    ),
    {'being_id': 110006773,
     'speed': 200,
     'opt1': 0,
     'opt2': 0,
     'option': 0,
     'species': 400,
     'hair_style': 0,
     'look': 0,
     'weapon': 0,
     'head_bottom': 0,
     'shield': 0,
     'head_top': 0,
     'head_mid': 0,
     'hair_color': 0,
     'unused1': 0,
     'shoes_or_clothes_color': 0,
     'hp': 0,
     'max_hp': 0,
     'manner': 0,
     'opt3': 0,
     'attack_range': 0,
     'sex': 'female',
     'position': {'x': 29, 'y': 23, 'direction': 'south'},
     'unused2': 0,
     'unused3': 0,
     'unused4': 0,
     'unused5': 0,
     'unused6': 0},
    title='Being Visible, from a recorded session',
    doc=('Real bytes: packet 17 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x007B Being Move ----------------------------------------------------------
BEING_MOVE = vector(
    "being_move", "being_move", bytes.fromhex(
        "7b 00"
        "b5 77 8e 06"                                                 # being_id
        "78 05"                                                       # speed
        "00 00"                                                       # opt1
        "00 00"                                                       # opt2
        "00 00"                                                       # option
        "d3 04"                                                       # species
        "00"                                                          # hair_style
        "00"                                                          # look
        "00 00"                                                       # unused_weapon
        "00 00"                                                       # unused_head_bottom
        "0b 9a b4 28"                                                 # tick
        "00 00"                                                       # unused_shield
        "00 00"                                                       # unused_head_top
        "00 00"                                                       # unused_head_mid
        "00"                                                          # unused_hair_color
        "00"                                                          # unused1
        "00 00"                                                       # unused_clothes_color
        "b8 88 00 00"                                                 # hp
        "b8 88 00 00"                                                 # max_hp
        "00 00"                                                       # manner
        "00 00"                                                       # opt3
        "03"                                                          # attack_range
        "00"                                                          # unused_sex
        "0a 86 70 c8 63"                                              # move_path
        "00"                                                          # unused2
        "00"                                                          # unused3
        "00"                                                          # unused4
        "00"                                                          # unused5
        "00"                                                          # unused6
    ),
    {'being_id': 110000053,
     'speed': 1400,
     'opt1': 0,
     'opt2': 0,
     'option': 0,
     'species': 1235,
     'hair_style': 0,
     'look': 0,
     'unused_weapon': 0,
     'unused_head_bottom': 0,
     'tick': 682924555,
     'unused_shield': 0,
     'unused_head_top': 0,
     'unused_head_mid': 0,
     'unused_hair_color': 0,
     'unused1': 0,
     'unused_clothes_color': 0,
     'hp': 35000,
     'max_hp': 35000,
     'manner': 0,
     'opt3': 0,
     'attack_range': 3,
     'unused_sex': 0,
     'move_path': {'src_x': 42, 'src_y': 103, 'dst_x': 50, 'dst_y': 99},
     'unused2': 0,
     'unused3': 0,
     'unused4': 0,
     'unused5': 0,
     'unused6': 0},
    title='Being Move, from a recorded session',
    doc=('Real bytes: packet 126 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x007C Being Spawn ---------------------------------------------------------
BEING_SPAWN = vector(
    "being_spawn", "being_spawn", bytes.fromhex(
        "7c 00"
        "fb 77 8e 06"                                                 # being_id
        "96 00"                                                       # speed
        "00 00"                                                       # opt1
        "00 00"                                                       # opt2
        "00 00"                                                       # option
        "00 00"                                                       # unknown1
        "00 00"                                                       # unknown2
        "00 00"                                                       # unknown3
        "ea 03"                                                       # species
        "00 00"                                                       # unknown4
        "00 00"                                                       # unknown5
        "00 00"                                                       # unknown6
        "00 00"                                                       # unknown7
        "00 00"                                                       # unknown8
        "00 00"                                                       # unknown9
        "00 00"                                                       # unknown10
        "0d 01 f6"                                                    # position
        "00 00"                                                       # unknown11
    ),
    {'being_id': 110000123,
     'speed': 150,
     'opt1': 0,
     'opt2': 0,
     'option': 0,
     'unknown1': 0,
     'unknown2': 0,
     'unknown3': 0,
     'species': 1002,
     'unknown4': 0,
     'unknown5': 0,
     'unknown6': 0,
     'unknown7': 0,
     'unknown8': 0,
     'unknown9': 0,
     'unknown10': 0,
     'position': {'x': 52, 'y': 31, 'direction': 'east'},
     'unknown11': 0},
    title='Being Spawn',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x007F Server Ping ---------------------------------------------------------
SERVER_PING = vector(
    "server_ping", "server_ping", bytes.fromhex(
        "7f 00"
        "23 ae 97 28"                                                 # tick
    ),
    {'tick': 681029155},
    title='Server Ping, from a recorded session',
    doc=('Real bytes: packet 45 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0080 Being Remove --------------------------------------------------------
BEING_REMOVE = vector(
    "being_remove", "being_remove", bytes.fromhex(
        "80 00"
        "81 84 1e 00"                                                 # being_id
        "02"                                                          # reason
    ),
    {'being_id': 2000001, 'reason': 'quit'},
    title='Being Remove, from a recorded session',
    doc=('Real bytes: packet 71 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-two-players.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
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

# -- 0x0087 Walk Response -------------------------------------------------------
WALK_RESPONSE = vector(
    "walk_response", "walk_response", bytes.fromhex(
        "87 00"
        "ef 22 98 28"                                                 # tick
        "05 81 80 5c 18"                                              # move_path
        "00"                                                          # zero
    ),
    {'tick': 681059055,
     'move_path': {'src_x': 22, 'src_y': 24, 'dst_x': 23, 'dst_y': 24},
     'zero': 0},
    title='Walk Response, from a recorded session',
    doc=('Real bytes: packet 53 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0088 Player Stop ---------------------------------------------------------
PLAYER_STOP = vector(
    "player_stop", "player_stop", bytes.fromhex(
        "88 00"
        "80 84 1e 00"                                                 # being_id
        "2f 00"                                                       # x
        "65 00"                                                       # y
    ),
    {'being_id': 2000000, 'x': 47, 'y': 101},
    title='Player Stop, from a recorded session',
    doc=('Real bytes: packet 174 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x008A Being Action --------------------------------------------------------
BEING_ACTION = vector(
    "being_action", "being_action", bytes.fromhex(
        "8a 00"
        "ae 77 8e 06"                                                 # src_id
        "80 84 1e 00"                                                 # dst_id
        "b5 b0 b4 28"                                                 # tick
        "a0 02 00 00"                                                 # src_delay
        "f8 02 00 00"                                                 # dst_delay
        "36 00"                                                       # damage
        "01 00"                                                       # div
        "00"                                                          # action
        "00 00"                                                       # damage2
    ),
    {'src_id': 110000046,
     'dst_id': 2000000,
     'tick': 682930357,
     'src_delay': 672,
     'dst_delay': 760,
     'damage': 54,
     'div': 1,
     'action': 'hit',
     'damage2': 0},
    title='Being Action, from a recorded session',
    doc=('Real bytes: packet 173 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x008D Being Chat ----------------------------------------------------------
BEING_CHAT = vector(
    "being_chat", "being_chat", bytes.fromhex(
        "8d 00"
        "29 00"                                                       # len_packet
        "80 84 1e 00"                                                 # being_id
        "50 6b 74 20 54 65 73 74 65 72 20 3a 20 48 65 6c 6c 6f 20 66" # message "Pkt Tester : ..."
        "72 6f 6d 20 70 6b 74 74 6f 6f 6c 73 00"),
    {'len_packet': 41, 'being_id': 2000000, 'message': 'Pkt Tester : Hello from pkttools'},
    title='Being Chat, from a recorded session',
    doc=('Real bytes: packet 52 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x008E Player Chat ---------------------------------------------------------
PLAYER_CHAT = vector(
    "player_chat", "player_chat", bytes.fromhex(
        "8e 00"
        "50 00"                                                       # len_packet
        "53 65 72 76 65 72 20 3a 20 23 23 37 54 68 69 73 20 73 65 72" # message "Server : ##7T..."
        "76 65 72 20 69 73 20 46 72 65 65 20 53 6f 66 74 77 61 72 65"
        "2c 20 66 6f 72 20 64 65 74 61 69 6c 73 20 74 79 70 65 20 40"
        "73 6f 75 72 63 65 20 69 6e 20 63 68 61 74 2e 00"),
    {'len_packet': 80,
     'message': 'Server : ##7This server is Free Software, for details type @source in chat.'},
    title='Player Chat, from a recorded session',
    doc=('Real bytes: packet 22 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0091 Player Warp ---------------------------------------------------------
PLAYER_WARP = vector(
    "player_warp", "player_warp", bytes.fromhex(
        "91 00"
        "30 30 31 2d 31 00 00 00 00 00 00 00 00 00 00 00"             # map_name "001-1"
        "2f 00"                                                       # x
        "65 00"                                                       # y
    ),
    {'map_name': '001-1', 'x': 47, 'y': 101},
    title='Player Warp, from a recorded session',
    doc=('Real bytes: packet 105 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x0092 Change Map Server ---------------------------------------------------
CHANGE_MAP_SERVER = vector(
    "change_map_server", "change_map_server", bytes.fromhex(
        "92 00"
        "30 30 31 2d 31 00 00 00 00 00 00 00 00 00 00 00"             # map_name "001-1"
        "34 00"                                                       # x
        "1f 00"                                                       # y
        "7f 00 00 01"                                                 # map_ip
        "02 14"                                                       # map_port
    ),
    {'map_name': '001-1',
     'x': 52,
     'y': 31,
     'map_ip': '7f000001',
     'map_ip_dotted': '127.0.0.1',
     'map_port': 5122},
    title='Change Map Server',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0095 Being Name Response -------------------------------------------------
BEING_NAME_RESPONSE = vector(
    "being_name_response", "being_name_response", bytes.fromhex(
        "95 00"
        "f5 91 8e 06"                                                 # being_id
        "44 72 65 73 73 65 72 00 00 00 00 00 00 00 00 00 00 00 00 00" # name "Dresser"
        "00 00 00 00"),
    {'being_id': 110006773, 'name': 'Dresser'},
    title='Being Name Response, from a recorded session',
    doc=('Real bytes: packet 46 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0097 Whisper -------------------------------------------------------------
WHISPER = vector(
    "whisper", "whisper", bytes.fromhex(
        "97 00"
        "2c 00"                                                       # len_packet
        "50 6b 74 20 46 72 69 65 6e 64 00 00 00 00 00 00 00 00 00 00" # sender "Pkt Friend"
        "00 00 00 00"
        "70 73 73 74 2c 20 6f 76 65 72 20 68 65 72 65 00"             # message "psst, over here"
    ),
    {'len_packet': 44, 'sender': 'Pkt Friend', 'message': 'psst, over here'},
    title='Whisper, from a recorded session',
    doc=('Real bytes: packet 70 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-two-players.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0098 Whisper Response ----------------------------------------------------
WHISPER_RESPONSE = vector(
    "whisper_response", "whisper_response", bytes.fromhex(
        "98 00"
        "01"                                                          # code
    ),
    {'code': 'offline'},
    title='Whisper Response, from a recorded session',
    doc=('Real bytes: packet 129 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x009A GM Chat -------------------------------------------------------------
GM_CHAT = vector(
    "gm_chat", "gm_chat", bytes.fromhex(
        "9a 00"
        "15 00"                                                       # len_packet
        "4b 61 61 6e 20 3a 20 48 69 20 74 68 65 72 65 21 00"          # message "Kaan : Hi there!"
    ),
    {'len_packet': 21, 'message': 'Kaan : Hi there!'},
    title='GM Chat',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x009C Being Change Direction ----------------------------------------------
BEING_CHANGE_DIRECTION = vector(
    "being_change_direction", "being_change_direction", bytes.fromhex(
        "9c 00"
        "fb 77 8e 06"                                                 # being_id
        "00 00"                                                       # zero
        "11"                                                          # direction
    ),
    {'being_id': 110000123, 'zero': 0, 'direction': 17},
    title='Being Change Direction',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x009D Item Visible --------------------------------------------------------
ITEM_VISIBLE = vector(
    "item_visible", "item_visible", bytes.fromhex(
        "9d 00"
        "89 7a 8e 06"                                                 # floor_item_id
        "17 02"                                                       # item_id
        "01"                                                          # identify
        "34 00"                                                       # x
        "1f 00"                                                       # y
        "03 00"                                                       # amount
        "2d"                                                          # sub_x
        "34"                                                          # sub_y
    ),
    {'floor_item_id': 110000777,
     'item_id': 535,
     'identify': 1,
     'x': 52,
     'y': 31,
     'amount': 3,
     'sub_x': 45,
     'sub_y': 52},
    title='Item Visible',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x009E Item Dropped --------------------------------------------------------
ITEM_DROPPED = vector(
    "item_dropped", "item_dropped", bytes.fromhex(
        "9e 00"
        "89 7a 8e 06"                                                 # floor_item_id
        "17 02"                                                       # item_id
        "01"                                                          # identify
        "34 00"                                                       # x
        "1f 00"                                                       # y
        "26"                                                          # sub_x
        "2d"                                                          # sub_y
        "03 00"                                                       # amount
    ),
    {'floor_item_id': 110000777,
     'item_id': 535,
     'identify': 1,
     'x': 52,
     'y': 31,
     'sub_x': 38,
     'sub_y': 45,
     'amount': 3},
    title='Item Dropped',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00A0 Player Inventory Add ------------------------------------------------
PLAYER_INVENTORY_ADD = vector(
    "player_inventory_add", "player_inventory_add", bytes.fromhex(
        "a0 00"
        "02 00"                                                       # inventory_index
        "01 00"                                                       # amount
        "b1 04"                                                       # item_id
        "01"                                                          # identify
        "00"                                                          # attribute
        "00"                                                          # refine
        "00 00"                                                       # card0
        "00 00"                                                       # card1
        "00 00"                                                       # card2
        "00 00"                                                       # card3
        "02 00"                                                       # equip_slots
        "04"                                                          # item_type
        "00"                                                          # pickup_fail
    ),
    {'inventory_index': 2,
     'amount': 1,
     'item_id': 1201,
     'identify': 1,
     'attribute': 0,
     'refine': 0,
     'card0': 0,
     'card1': 0,
     'card2': 0,
     'card3': 0,
     'equip_slots': 2,
     'item_type': 'weapon',
     'pickup_fail': 'okay'},
    title='Player Inventory Add, from a recorded session',
    doc=('Real bytes: packet 56 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x00A1 Item Remove ---------------------------------------------------------
ITEM_REMOVE = vector(
    "item_remove", "item_remove", bytes.fromhex(
        "a1 00"
        "89 7a 8e 06"                                                 # floor_item_id
    ),
    {'floor_item_id': 110000777},
    title='Item Remove',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00A4 Player Equipment ----------------------------------------------------
PLAYER_EQUIPMENT = vector(
    "player_equipment", "player_equipment", bytes.fromhex(
        "a4 00"
        "2c 00"                                                       # len_packet
        "05 00 17 02 02 01 02 00 02 00 00 00 00 00 00 00 00 00 00 00" # items[0]
        "06 00 18 02 02 01 02 00 02 00 00 00 00 00 00 00 00 00 00 00" # items[1]
    ),
    {'len_packet': 44,
     'items': [{'inventory_index': 5,
                'item_id': 535,
                'item_type': 'usable_other',
                'identify': 1,
                'equip_slots': 2,
                'equipped': 2,
                'attribute': 0,
                'refine': 0,
                'card0': 0,
                'card1': 0,
                'card2': 0,
                'card3': 0},
               {'inventory_index': 6,
                'item_id': 536,
                'item_type': 'usable_other',
                'identify': 1,
                'equip_slots': 2,
                'equipped': 2,
                'attribute': 0,
                'refine': 0,
                'card0': 0,
                'card1': 0,
                'card2': 0,
                'card3': 0}],
     'num_items': 2},
    title='Player Equipment with two entries',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00A6 Player Storage Equip ------------------------------------------------
PLAYER_STORAGE_EQUIP = vector(
    "player_storage_equip", "player_storage_equip", bytes.fromhex(
        "a6 00"
        "2c 00"                                                       # len_packet
        "04 00 17 02 02 01 02 00 02 00 00 00 00 00 00 00 00 00 00 00" # items[0]
        "05 00 18 02 02 01 02 00 02 00 00 00 00 00 00 00 00 00 00 00" # items[1]
    ),
    {'len_packet': 44,
     'items': [{'storage_index': 4,
                'item_id': 535,
                'item_type': 'usable_other',
                'identify': 1,
                'equip_slots': 2,
                'equipped': 2,
                'attribute': 0,
                'refine': 0,
                'card0': 0,
                'card1': 0,
                'card2': 0,
                'card3': 0},
               {'storage_index': 5,
                'item_id': 536,
                'item_type': 'usable_other',
                'identify': 1,
                'equip_slots': 2,
                'equipped': 2,
                'attribute': 0,
                'refine': 0,
                'card0': 0,
                'card1': 0,
                'card2': 0,
                'card3': 0}],
     'num_items': 2},
    title='Player Storage Equip with two entries',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00A8 Item Use Response ---------------------------------------------------
ITEM_USE_RESPONSE = vector(
    "item_use_response", "item_use_response", bytes.fromhex(
        "a8 00"
        "05 00"                                                       # inventory_index
        "03 00"                                                       # amount
        "01"                                                          # ok
    ),
    {'inventory_index': 5, 'amount': 3, 'ok': 1},
    title='Item Use Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00AA Player Equip Response -----------------------------------------------
PLAYER_EQUIP_RESPONSE = vector(
    "player_equip_response", "player_equip_response", bytes.fromhex(
        "aa 00"
        "02 00"                                                       # inventory_index
        "02 00"                                                       # equip_slots
        "01"                                                          # ok
    ),
    {'inventory_index': 2, 'equip_slots': 2, 'ok': 1},
    title='Player Equip Response, from a recorded session',
    doc=('Real bytes: packet 65 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x00AC Player Unequip Response ---------------------------------------------
PLAYER_UNEQUIP_RESPONSE = vector(
    "player_unequip_response", "player_unequip_response", bytes.fromhex(
        "ac 00"
        "03 00"                                                       # inventory_index
        "00 02"                                                       # equip_slots
        "01"                                                          # ok
    ),
    {'inventory_index': 3, 'equip_slots': 512, 'ok': 1},
    title='Player Unequip Response, from a recorded session',
    doc=('Real bytes: packet 74 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x00AF Player Inventory Remove ---------------------------------------------
PLAYER_INVENTORY_REMOVE = vector(
    "player_inventory_remove", "player_inventory_remove", bytes.fromhex(
        "af 00"
        "05 00"                                                       # inventory_index
        "03 00"                                                       # amount
    ),
    {'inventory_index': 5, 'amount': 3},
    title='Player Inventory Remove',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00B0 Player Stat Update 1 ------------------------------------------------
PLAYER_STAT_UPDATE_1 = vector(
    "player_stat_update_1", "player_stat_update_1", bytes.fromhex(
        "b0 00"
        "00 00"                                                       # status_type
        "96 00 00 00"                                                 # value
    ),
    {'status_type': 'speed', 'value': 150},
    title='Player Stat Update 1, from a recorded session',
    doc=('Real bytes: packet 3 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00B1 Player Stat Update 2 ------------------------------------------------
PLAYER_STAT_UPDATE_2 = vector(
    "player_stat_update_2", "player_stat_update_2", bytes.fromhex(
        "b1 00"
        "16 00"                                                       # status_type
        "09 00 00 00"                                                 # value
    ),
    {'status_type': 'next_base_exp', 'value': 9},
    title='Player Stat Update 2, from a recorded session',
    doc=('Real bytes: packet 24 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00B3 Char Switch Response ------------------------------------------------
CHAR_SWITCH_RESPONSE = vector(
    "char_switch_response", "char_switch_response", bytes.fromhex(
        "b3 00"
        "01"                                                          # one
    ),
    {'one': 1},
    title='Char Switch Response, from a recorded session',
    doc=('Real bytes: packet 72 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-two-players.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00B4 NPC Message ---------------------------------------------------------
NPC_MESSAGE = vector(
    "npc_message", "npc_message", bytes.fromhex(
        "b4 00"
        "1f 00"                                                       # len_packet
        "f7 91 8e 06"                                                 # npc_id
        "5b 53 65 72 76 65 72 2f 43 6c 69 65 6e 74 20 4e 6f 74 69 63" # message "[Server/Clien..."
        "65 5d 00"),
    {'len_packet': 31, 'npc_id': 110006775, 'message': '[Server/Client Notice]'},
    title='NPC Message, from a recorded session',
    doc=('Real bytes: packet 54 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00B5 NPC Next ------------------------------------------------------------
NPC_NEXT = vector(
    "npc_next", "npc_next", bytes.fromhex(
        "b5 00"
        "f3 91 8e 06"                                                 # npc_id
    ),
    {'npc_id': 110006771},
    title='NPC Next, from a recorded session',
    doc=('Real bytes: packet 119 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00B6 NPC Close -----------------------------------------------------------
NPC_CLOSE = vector(
    "npc_close", "npc_close", bytes.fromhex(
        "b6 00"
        "f7 91 8e 06"                                                 # npc_id
    ),
    {'npc_id': 110006775},
    title='NPC Close, from a recorded session',
    doc=('Real bytes: packet 68 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00B7 NPC Choice ----------------------------------------------------------
NPC_CHOICE = vector(
    "npc_choice", "npc_choice", bytes.fromhex(
        "b7 00"
        "14 00"                                                       # len_packet
        "f3 91 8e 06"                                                 # npc_id
        "50 6b 74 20 54 65 73 74 65 72 3a 00"                         # menu "Pkt Tester:"
    ),
    {'len_packet': 20, 'npc_id': 110006771, 'menu': 'Pkt Tester:'},
    title='NPC Choice, from a recorded session',
    doc=('Real bytes: packet 86 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00BC Player Stat Update 4 ------------------------------------------------
PLAYER_STAT_UPDATE_4 = vector(
    "player_stat_update_4", "player_stat_update_4", bytes.fromhex(
        "bc 00"
        "0d 00"                                                       # status_type
        "01"                                                          # ok
        "0b"                                                          # value
    ),
    {'status_type': 'str', 'ok': 1, 'value': 11},
    title='Player Stat Update 4, from a recorded session',
    doc=('Real bytes: packet 97 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x00BD Player Stat Update 5 ------------------------------------------------
PLAYER_STAT_UPDATE_5 = vector(
    "player_stat_update_5", "player_stat_update_5", bytes.fromhex(
        "bd 00"
        "00 00"                                                       # status_point
        "0a"                                                          # str
        "02"                                                          # str_cost
        "0a"                                                          # agi
        "02"                                                          # agi_cost
        "07"                                                          # vit
        "02"                                                          # vit_cost
        "01"                                                          # int
        "02"                                                          # int_cost
        "01"                                                          # dex
        "02"                                                          # dex_cost
        "01"                                                          # luk
        "02"                                                          # luk_cost
        "0b 00"                                                       # atk
        "00 00"                                                       # atk_bonus
        "02 00"                                                       # matk_max
        "00 00"                                                       # matk_min
        "00 00"                                                       # defence
        "07 00"                                                       # defence_bonus
        "00 00"                                                       # mdef
        "01 00"                                                       # mdef_bonus
        "02 00"                                                       # hit
        "0b 00"                                                       # flee
        "01 00"                                                       # perfect_dodge
        "01 00"                                                       # critical
        "00 00"                                                       # karma
        "00 00"                                                       # manner
    ),
    {'status_point': 0,
     'str': 10,
     'str_cost': 2,
     'agi': 10,
     'agi_cost': 2,
     'vit': 7,
     'vit_cost': 2,
     'int': 1,
     'int_cost': 2,
     'dex': 1,
     'dex_cost': 2,
     'luk': 1,
     'luk_cost': 2,
     'atk': 11,
     'atk_bonus': 0,
     'matk_max': 2,
     'matk_min': 0,
     'defence': 0,
     'defence_bonus': 7,
     'mdef': 0,
     'mdef_bonus': 1,
     'hit': 2,
     'flee': 11,
     'perfect_dodge': 1,
     'critical': 1,
     'karma': 0,
     'manner': 0},
    title='Player Stat Update 5, from a recorded session',
    doc=('Real bytes: packet 27 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00BE Player Stat Update 6 ------------------------------------------------
PLAYER_STAT_UPDATE_6 = vector(
    "player_stat_update_6", "player_stat_update_6", bytes.fromhex(
        "be 00"
        "20 00"                                                       # status_type
        "03"                                                          # value
    ),
    {'status_type': 'str_cost', 'value': 3},
    title='Player Stat Update 6, from a recorded session',
    doc=('Real bytes: packet 92 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x00C0 Being Emotion -------------------------------------------------------
BEING_EMOTION = vector(
    "being_emotion", "being_emotion", bytes.fromhex(
        "c0 00"
        "80 84 1e 00"                                                 # being_id
        "c0"                                                          # emote
    ),
    {'being_id': 2000000, 'emote': 192},
    title='Being Emotion, from a recorded session',
    doc=('Real bytes: packet 51 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00C4 NPC Buy Sell Choice -------------------------------------------------
NPC_BUY_SELL_CHOICE = vector(
    "npc_buy_sell_choice", "npc_buy_sell_choice", bytes.fromhex(
        "c4 00"
        "ad 77 8e 06"                                                 # npc_id
    ),
    {'npc_id': 110000045},
    title='NPC Buy Sell Choice',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00C6 NPC Buy -------------------------------------------------------------
NPC_BUY = vector(
    "npc_buy", "npc_buy", bytes.fromhex(
        "c6 00"
        "1a 00"                                                       # len_packet
        "32 00 00 00 2d 00 00 00 02 17 02"                            # items[0]
        "32 00 00 00 2d 00 00 00 02 18 02"                            # items[1]
    ),
    {'len_packet': 26,
     'items': [{'base_price': 50, 'price': 45, 'item_type': 'usable_other', 'item_id': 535},
               {'base_price': 50, 'price': 45, 'item_type': 'usable_other', 'item_id': 536}],
     'num_items': 2},
    title='NPC Buy with two entries',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00C7 NPC Sell ------------------------------------------------------------
NPC_SELL = vector(
    "npc_sell", "npc_sell", bytes.fromhex(
        "c7 00"
        "18 00"                                                       # len_packet
        "05 00 32 00 00 00 2d 00 00 00"                               # items[0]
        "06 00 32 00 00 00 2d 00 00 00"                               # items[1]
    ),
    {'len_packet': 24,
     'items': [{'inventory_index': 5, 'base_price': 50, 'price': 45},
               {'inventory_index': 6, 'base_price': 50, 'price': 45}],
     'num_items': 2},
    title='NPC Sell with two entries',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00CA NPC Buy Response ----------------------------------------------------
NPC_BUY_RESPONSE = vector(
    "npc_buy_response", "npc_buy_response", bytes.fromhex(
        "ca 00"
        "01"                                                          # code
    ),
    {'code': 'no_money'},
    title='NPC Buy Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00CB NPC Sell Response ---------------------------------------------------
NPC_SELL_RESPONSE = vector(
    "npc_sell_response", "npc_sell_response", bytes.fromhex(
        "cb 00"
        "01"                                                          # code
    ),
    {'code': 'failed'},
    title='NPC Sell Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00CD Admin Kick Ack ------------------------------------------------------
ADMIN_KICK_ACK = vector(
    "admin_kick_ack", "admin_kick_ack", bytes.fromhex(
        "cd 00"
        "81 84 1e 00"                                                 # account_id
    ),
    {'account_id': 2000001},
    title='Admin Kick Ack',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00E5 Trade Request Notify ------------------------------------------------
TRADE_REQUEST_NOTIFY = vector(
    "trade_request_notify", "trade_request_notify", bytes.fromhex(
        "e5 00"
        "4b 61 61 6e 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" # requester "Kaan"
        "00 00 00 00"),
    {'requester': 'Kaan'},
    title='Trade Request Notify',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00E7 Trade Response ------------------------------------------------------
TRADE_RESPONSE = vector(
    "trade_response", "trade_response", bytes.fromhex(
        "e7 00"
        "01"                                                          # code
    ),
    {'code': 'not_found'},
    title='Trade Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00E9 Trade Item Add ------------------------------------------------------
TRADE_ITEM_ADD = vector(
    "trade_item_add", "trade_item_add", bytes.fromhex(
        "e9 00"
        "03 00 00 00"                                                 # amount
        "17 02"                                                       # item_id
        "01"                                                          # identify
        "00"                                                          # attribute
        "00"                                                          # refine
        "00 00"                                                       # card0
        "00 00"                                                       # card1
        "00 00"                                                       # card2
        "00 00"                                                       # card3
    ),
    {'amount': 3,
     'item_id': 535,
     'identify': 1,
     'attribute': 0,
     'refine': 0,
     'card0': 0,
     'card1': 0,
     'card2': 0,
     'card3': 0},
    title='Trade Item Add',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00EC Trade OK ------------------------------------------------------------
TRADE_OK = vector(
    "trade_ok", "trade_ok", bytes.fromhex(
        "ec 00"
        "00"                                                          # side
    ),
    {'side': 0},
    title='Trade OK',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00EE Trade Cancel --------------------------------------------------------
TRADE_CANCEL = vector(
    "trade_cancel", "trade_cancel", bytes.fromhex(
        "ee 00"),
    {},
    title='Trade Cancel',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00F0 Trade Complete ------------------------------------------------------
TRADE_COMPLETE = vector(
    "trade_complete", "trade_complete", bytes.fromhex(
        "f0 00"
        "00"                                                          # code
    ),
    {'code': 0},
    title='Trade Complete',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00F2 Player Storage Status -----------------------------------------------
PLAYER_STORAGE_STATUS = vector(
    "player_storage_status", "player_storage_status", bytes.fromhex(
        "f2 00"
        "0c 00"                                                       # used
        "2c 01"                                                       # size
    ),
    {'used': 12, 'size': 300},
    title='Player Storage Status',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00F4 Player Storage Add --------------------------------------------------
PLAYER_STORAGE_ADD = vector(
    "player_storage_add", "player_storage_add", bytes.fromhex(
        "f4 00"
        "04 00"                                                       # storage_index
        "03 00 00 00"                                                 # amount
        "17 02"                                                       # item_id
        "01"                                                          # identify
        "00"                                                          # attribute
        "00"                                                          # refine
        "00 00"                                                       # card0
        "00 00"                                                       # card1
        "00 00"                                                       # card2
        "00 00"                                                       # card3
    ),
    {'storage_index': 4,
     'amount': 3,
     'item_id': 535,
     'identify': 1,
     'attribute': 0,
     'refine': 0,
     'card0': 0,
     'card1': 0,
     'card2': 0,
     'card3': 0},
    title='Player Storage Add',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00F6 Player Storage Remove -----------------------------------------------
PLAYER_STORAGE_REMOVE = vector(
    "player_storage_remove", "player_storage_remove", bytes.fromhex(
        "f6 00"
        "04 00"                                                       # storage_index
        "03 00 00 00"                                                 # amount
    ),
    {'storage_index': 4, 'amount': 3},
    title='Player Storage Remove',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00F8 Player Storage Close ------------------------------------------------
PLAYER_STORAGE_CLOSE = vector(
    "player_storage_close", "player_storage_close", bytes.fromhex(
        "f8 00"),
    {},
    title='Player Storage Close',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00FA Party Create Response -----------------------------------------------
PARTY_CREATE_RESPONSE = vector(
    "party_create_response", "party_create_response", bytes.fromhex(
        "fa 00"
        "00"                                                          # code
    ),
    {'code': 'created'},
    title='Party Create Response, from a recorded session',
    doc=('Real bytes: packet 130 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00FB Party Info ----------------------------------------------------------
PARTY_INFO = vector(
    "party_info", "party_info", bytes.fromhex(
        "fb 00"
        "4a 00"                                                       # len_packet
        "50 6b 74 50 61 72 74 79 00 00 00 00 00 00 00 00 00 00 00 00" # party_name "PktParty"
        "00 00 00 00"
        "80 84 1e 00 50 6b 74 20 54 65 73 74 65 72 00 00 00 00 00 00" # members[0]
        "00 00 00 00 00 00 00 00 30 32 39 2d 32 00 00 00 00 00 00 00"
        "00 00 00 00 00 00"),
    {'len_packet': 74,
     'party_name': 'PktParty',
     'members': [{'account_id': 2000000,
                  'char_name': 'Pkt Tester',
                  'map_name': '029-2',
                  'leader': 0,
                  'online': 0}],
     'num_members': 1},
    title='Party Info, from a recorded session',
    doc=('Real bytes: packet 131 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00FD Party Invite Response -----------------------------------------------
PARTY_INVITE_RESPONSE = vector(
    "party_invite_response", "party_invite_response", bytes.fromhex(
        "fd 00"
        "53 6f 72 66 69 6e 61 00 00 00 00 00 00 00 00 00 00 00 00 00" # name "Sorfina"
        "00 00 00 00"
        "01"                                                          # code
    ),
    {'name': 'Sorfina', 'code': 'rejected'},
    title='Party Invite Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00FE Party Invited -------------------------------------------------------
PARTY_INVITED = vector(
    "party_invited", "party_invited", bytes.fromhex(
        "fe 00"
        "82 84 1e 00"                                                 # inviter_id
        "43 61 6e 64 6f 72 20 43 72 65 77 00 00 00 00 00 00 00 00 00" # party_name "Candor Crew"
        "00 00 00 00"),
    {'inviter_id': 2000002, 'party_name': 'Candor Crew'},
    title='Party Invited',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0101 Party Settings ------------------------------------------------------
PARTY_SETTINGS = vector(
    "party_settings", "party_settings", bytes.fromhex(
        "01 01"
        "00 00"                                                       # exp_share
        "00 00"                                                       # item_share
    ),
    {'exp_share': 0, 'item_share': 0},
    title='Party Settings, from a recorded session',
    doc=('Real bytes: packet 132 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0105 Party Leave Notify --------------------------------------------------
PARTY_LEAVE_NOTIFY = vector(
    "party_leave_notify", "party_leave_notify", bytes.fromhex(
        "05 01"
        "81 84 1e 00"                                                 # account_id
        "53 6f 72 66 69 6e 61 00 00 00 00 00 00 00 00 00 00 00 00 00" # name "Sorfina"
        "00 00 00 00"
        "00"                                                          # flag
    ),
    {'account_id': 2000001, 'name': 'Sorfina', 'flag': 0},
    title='Party Leave Notify',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0106 Party Update HP -----------------------------------------------------
PARTY_UPDATE_HP = vector(
    "party_update_hp", "party_update_hp", bytes.fromhex(
        "06 01"
        "81 84 1e 00"                                                 # account_id
        "50 00"                                                       # hp
        "78 00"                                                       # max_hp
    ),
    {'account_id': 2000001, 'hp': 80, 'max_hp': 120},
    title='Party Update HP',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0107 Party Update Coords -------------------------------------------------
PARTY_UPDATE_COORDS = vector(
    "party_update_coords", "party_update_coords", bytes.fromhex(
        "07 01"
        "81 84 1e 00"                                                 # account_id
        "34 00"                                                       # x
        "1f 00"                                                       # y
    ),
    {'account_id': 2000001, 'x': 52, 'y': 31},
    title='Party Update Coords',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0109 Party Message Notify ------------------------------------------------
PARTY_MESSAGE_NOTIFY = vector(
    "party_message_notify", "party_message_notify", bytes.fromhex(
        "09 01"
        "13 00"                                                       # len_packet
        "80 84 1e 00"                                                 # account_id
        "50 61 72 74 79 20 74 69 6d 65 00"                            # message "Party time"
    ),
    {'len_packet': 19, 'account_id': 2000000, 'message': 'Party time'},
    title='Party Message Notify, from a recorded session',
    doc=('Real bytes: packet 133 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x010E Player Skill Up -----------------------------------------------------
PLAYER_SKILL_UP = vector(
    "player_skill_up", "player_skill_up", bytes.fromhex(
        "0e 01"
        "54 01"                                                       # skill_id
        "01 00"                                                       # level
        "05 00"                                                       # sp
        "02 00"                                                       # range
        "00"                                                          # can_raise
    ),
    {'skill_id': 340, 'level': 1, 'sp': 5, 'range': 2, 'can_raise': 0},
    title='Player Skill Up',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x010F Player Skills -------------------------------------------------------
PLAYER_SKILLS = vector(
    "player_skills", "player_skills", bytes.fromhex(
        "0f 01"
        "04 00"                                                       # len_packet
    ),
    {'len_packet': 4, 'skills': [], 'num_skills': 0},
    title='Player Skills, from a recorded session',
    doc=('Real bytes: packet 23 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

PLAYER_SKILLS_SAMPLE = vector(
    "player_skills_sample", "player_skills", bytes.fromhex(
        "0f 01"
        "4e 00"                                                       # len_packet
        "54 01 04 00 01 00 01 00 05 00 02 00 30 30 31 2d 31 00 00 00" # skills[0]
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
        "55 01 04 00 01 00 02 00 05 00 02 00 30 32 39 2d 32 00 00 00" # skills[1]
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
    {'len_packet': 78,
     'skills': [{'skill_id': 340,
                 'target_type': 4,
                 'flags': 1,
                 'level': 1,
                 'sp': 5,
                 'range': 2,
                 'unused': '001-1',
                 'can_raise': 0},
                {'skill_id': 341,
                 'target_type': 4,
                 'flags': 1,
                 'level': 2,
                 'sp': 5,
                 'range': 2,
                 'unused': '029-2',
                 'can_raise': 0}],
     'num_skills': 2},
    title='Player Skills with two entries',
    doc=('Packed from the layout in tmwAthena tools/protocol.py with sample values, to show '
         'entries the recorded one does not have.'))

# -- 0x0110 Skill Failed --------------------------------------------------------
SKILL_FAILED = vector(
    "skill_failed", "skill_failed", bytes.fromhex(
        "10 01"
        "54 01"                                                       # skill_id
        "0a 00"                                                       # basic_type
        "00 00"                                                       # zero1
        "00"                                                          # zero2
        "1f"                                                          # reason
    ),
    {'skill_id': 340, 'basic_type': 10, 'zero1': 0, 'zero2': 0, 'reason': 31},
    title='Skill Failed',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0119 Player Status Change ------------------------------------------------
PLAYER_STATUS_CHANGE = vector(
    "player_status_change", "player_status_change", bytes.fromhex(
        "19 01"
        "80 84 1e 00"                                                 # being_id
        "00 00"                                                       # opt1
        "00 00"                                                       # opt2
        "00 00"                                                       # option
        "00"                                                          # zero
    ),
    {'being_id': 2000000, 'opt1': 0, 'opt2': 0, 'option': 0, 'zero': 0},
    title='Player Status Change, from a recorded session',
    doc=('Real bytes: packet 36 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0139 Player Move To Attack -----------------------------------------------
PLAYER_MOVE_TO_ATTACK = vector(
    "player_move_to_attack", "player_move_to_attack", bytes.fromhex(
        "39 01"
        "82 84 1e 00"                                                 # target_id
        "35 00"                                                       # target_x
        "1f 00"                                                       # target_y
        "34 00"                                                       # x
        "1f 00"                                                       # y
        "02 00"                                                       # range
    ),
    {'target_id': 2000002, 'target_x': 53, 'target_y': 31, 'x': 52, 'y': 31, 'range': 2},
    title='Player Move To Attack',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x013A Player Attack Range -------------------------------------------------
PLAYER_ATTACK_RANGE = vector(
    "player_attack_range", "player_attack_range", bytes.fromhex(
        "3a 01"
        "01 00"                                                       # attack_range
    ),
    {'attack_range': 1},
    title='Player Attack Range, from a recorded session',
    doc=('Real bytes: packet 34 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x013B Player Arrow Message ------------------------------------------------
PLAYER_ARROW_MESSAGE = vector(
    "player_arrow_message", "player_arrow_message", bytes.fromhex(
        "3b 01"
        "03 00"                                                       # type
    ),
    {'type': 'equipped'},
    title='Player Arrow Message',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x013C Player Arrow Equip --------------------------------------------------
PLAYER_ARROW_EQUIP = vector(
    "player_arrow_equip", "player_arrow_equip", bytes.fromhex(
        "3c 01"
        "05 00"                                                       # inventory_index
    ),
    {'inventory_index': 5},
    title='Player Arrow Equip',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0141 Player Stat Update 3 ------------------------------------------------
PLAYER_STAT_UPDATE_3 = vector(
    "player_stat_update_3", "player_stat_update_3", bytes.fromhex(
        "41 01"
        "0d 00"                                                       # status_type
        "00 00"                                                       # zero
        "0a 00 00 00"                                                 # base
        "00 00 00 00"                                                 # bonus
    ),
    {'status_type': 'str', 'zero': 0, 'base': 10, 'bonus': 0},
    title='Player Stat Update 3, from a recorded session',
    doc=('Real bytes: packet 28 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0142 NPC Int Input -------------------------------------------------------
NPC_INT_INPUT = vector(
    "npc_int_input", "npc_int_input", bytes.fromhex(
        "42 01"
        "ad 77 8e 06"                                                 # npc_id
    ),
    {'npc_id': 110000045},
    title='NPC Int Input',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0148 Being Resurrect -----------------------------------------------------
BEING_RESURRECT = vector(
    "being_resurrect", "being_resurrect", bytes.fromhex(
        "48 01"
        "80 84 1e 00"                                                 # being_id
        "01 00"                                                       # type
    ),
    {'being_id': 2000000, 'type': 1},
    title='Being Resurrect, from a recorded session',
    doc=('Real bytes: packet 197 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x018B Map Quit Response ---------------------------------------------------
MAP_QUIT_RESPONSE = vector(
    "map_quit_response", "map_quit_response", bytes.fromhex(
        "8b 01"
        "01 00"                                                       # code
    ),
    {'code': 'not_now'},
    title='Map Quit Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0195 Player Guild Party Info ---------------------------------------------
PLAYER_GUILD_PARTY_INFO = vector(
    "player_guild_party_info", "player_guild_party_info", bytes.fromhex(
        "95 01"
        "80 84 1e 00"                                                 # being_id
        "50 6b 74 50 61 72 74 79 00 00 00 00 00 00 00 00 00 00 00 00" # party_name "PktParty"
        "00 00 00 00"
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" # guild_name
        "00 00 00 00"
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" # guild_position
        "00 00 00 00"
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" # guild_position_again
        "00 00 00 00"),
    {'being_id': 2000000,
     'party_name': 'PktParty',
     'guild_name': '',
     'guild_position': '',
     'guild_position_again': ''},
    title='Player Guild Party Info, from a recorded session',
    doc=('Real bytes: packet 56 of the server side of the second map connection in '
         'tests/data/tmw/manaplus-tmwa-two-players.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0196 Being Status Change -------------------------------------------------
BEING_STATUS_CHANGE = vector(
    "being_status_change", "being_status_change", bytes.fromhex(
        "96 01"
        "46 00"                                                       # status_change
        "fb 77 8e 06"                                                 # being_id
        "01"                                                          # active
    ),
    {'status_change': 70, 'being_id': 110000123, 'active': 1},
    title='Being Status Change',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0199 PvP Map Mode --------------------------------------------------------
PVP_MAP_MODE = vector(
    "pvp_map_mode", "pvp_map_mode", bytes.fromhex(
        "99 01"
        "01 00"                                                       # mode
    ),
    {'mode': 1},
    title='PvP Map Mode',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x019A PvP Set -------------------------------------------------------------
PVP_SET = vector(
    "pvp_set", "pvp_set", bytes.fromhex(
        "9a 01"
        "80 84 1e 00"                                                 # being_id
        "00 00 00 00"                                                 # rank
        "00 00 00 00"                                                 # channel
    ),
    {'being_id': 2000000, 'rank': 0, 'channel': 0},
    title='PvP Set, from a recorded session',
    doc=('Real bytes: packet 16 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x019B Being Self Effect ---------------------------------------------------
BEING_SELF_EFFECT = vector(
    "being_self_effect", "being_self_effect", bytes.fromhex(
        "9b 01"
        "80 84 1e 00"                                                 # being_id
        "00 00 00 00"                                                 # effect
    ),
    {'being_id': 2000000, 'effect': 0},
    title='Being Self Effect, from a recorded session',
    doc=('Real bytes: packet 90 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x01B1 Trade Item Add Response ---------------------------------------------
TRADE_ITEM_ADD_RESPONSE = vector(
    "trade_item_add_response", "trade_item_add_response", bytes.fromhex(
        "b1 01"
        "05 00"                                                       # inventory_index
        "03 00"                                                       # amount
        "01"                                                          # code
    ),
    {'inventory_index': 5, 'amount': 3, 'code': 'overweight'},
    title='Trade Item Add Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x01C8 Player Inventory Use Response ---------------------------------------
PLAYER_INVENTORY_USE_RESPONSE = vector(
    "player_inventory_use_response", "player_inventory_use_response", bytes.fromhex(
        "c8 01"
        "04 00"                                                       # inventory_index
        "f5 01"                                                       # item_id
        "80 84 1e 00"                                                 # being_id
        "04 00"                                                       # amount
        "01"                                                          # ok
    ),
    {'inventory_index': 4, 'item_id': 501, 'being_id': 2000000, 'amount': 4, 'ok': 1},
    title='Player Inventory Use Response, from a recorded session',
    doc=('Real bytes: packet 78 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x01D4 NPC Str Input -------------------------------------------------------
NPC_STR_INPUT = vector(
    "npc_str_input", "npc_str_input", bytes.fromhex(
        "d4 01"
        "ad 77 8e 06"                                                 # npc_id
    ),
    {'npc_id': 110000045},
    title='NPC Str Input',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x01D7 Being Change Looks 2 ------------------------------------------------
BEING_CHANGE_LOOKS2 = vector(
    "being_change_looks2", "being_change_looks2", bytes.fromhex(
        "d7 01"
        "80 84 1e 00"                                                 # being_id
        "02"                                                          # look_type
        "00 00"                                                       # value
        "00 00"                                                       # shield
    ),
    {'being_id': 2000000, 'look_type': 'weapon', 'value': 0, 'shield': 0},
    title='Being Change Looks 2, from a recorded session',
    doc=('Real bytes: packet 37 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x01D8 Player Update 1 -----------------------------------------------------
PLAYER_UPDATE_1 = vector(
    "player_update_1", "player_update_1", bytes.fromhex(
        "d8 01"
        "80 84 1e 00"                                                 # being_id
        "96 00"                                                       # speed
        "00 00"                                                       # opt1
        "00 00"                                                       # opt2
        "00 00"                                                       # option
        "01 00"                                                       # species
        "05 00"                                                       # hair_style
        "00 00"                                                       # weapon
        "00 00"                                                       # shield
        "00 00"                                                       # head_bottom
        "00 00"                                                       # head_top
        "00 00"                                                       # head_mid
        "00 00"                                                       # hair_color
        "00 00"                                                       # clothes_color
        "00"                                                          # head_direction
        "00"                                                          # unused2
        "00 00 00 00"                                                 # hp
        "00 00"                                                       # max_hp_low
        "00 00"                                                       # max_hp_high
        "00 00"                                                       # opt3
        "00"                                                          # karma
        "03"                                                          # sex
        "06 81 c0"                                                    # position
        "00 00"                                                       # gm_flags
        "00"                                                          # dead_sit
        "01"                                                          # base_level
        "00"                                                          # unused
    ),
    {'being_id': 2000000,
     'speed': 150,
     'opt1': 0,
     'opt2': 0,
     'option': 0,
     'species': 1,
     'hair_style': 5,
     'weapon': 0,
     'shield': 0,
     'head_bottom': 0,
     'head_top': 0,
     'head_mid': 0,
     'hair_color': 0,
     'clothes_color': 0,
     'head_direction': 'south',
     'unused2': 0,
     'hp': 0,
     'max_hp_low': 0,
     'max_hp_high': 0,
     'opt3': 0,
     'karma': 0,
     'sex': 'neutral',
     'position': {'x': 26, 'y': 28, 'direction': 'south'},
     'gm_flags': 0,
     'dead_sit': 0,
     'base_level': 1,
     'unused': 0},
    title='Player Update 1, from a recorded session',
    doc=('Real bytes: packet 91 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x01D9 Player Update 2 -----------------------------------------------------
PLAYER_UPDATE_2 = vector(
    "player_update_2", "player_update_2", bytes.fromhex(
        "d9 01"
        "81 84 1e 00"                                                 # being_id
        "96 00"                                                       # speed
        "00 00"                                                       # opt1
        "00 00"                                                       # opt2
        "00 00"                                                       # option
        "00 00"                                                       # species
        "05 00"                                                       # hair_style
        "00 00"                                                       # weapon
        "00 00"                                                       # shield
        "00 00"                                                       # head_bottom
        "00 00"                                                       # head_top
        "00 00"                                                       # head_mid
        "0d 00"                                                       # hair_color
        "00 00"                                                       # clothes_color
        "00"                                                          # head_direction
        "00"                                                          # unused2
        "00 00 00 00"                                                 # hp
        "00 00"                                                       # max_hp_low
        "00 00"                                                       # max_hp_high
        "00 00"                                                       # opt3
        "00"                                                          # karma
        "03"                                                          # sex
        "05 81 80"                                                    # position
        "00 00"                                                       # gm_flags
        "00"                                                          # dead_sit
        "01"                                                          # base_level
    ),
    {'being_id': 2000001,
     'speed': 150,
     'opt1': 0,
     'opt2': 0,
     'option': 0,
     'species': 0,
     'hair_style': 5,
     'weapon': 0,
     'shield': 0,
     'head_bottom': 0,
     'head_top': 0,
     'head_mid': 0,
     'hair_color': 13,
     'clothes_color': 0,
     'head_direction': 'south',
     'unused2': 0,
     'hp': 0,
     'max_hp_low': 0,
     'max_hp_high': 0,
     'opt3': 0,
     'karma': 0,
     'sex': 'neutral',
     'position': {'x': 22, 'y': 24, 'direction': 'south'},
     'gm_flags': 0,
     'dead_sit': 0,
     'base_level': 1},
    title='Player Update 2, from a recorded session',
    doc=('Real bytes: packet 55 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-two-players.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x01DA Player Move ---------------------------------------------------------
PLAYER_MOVE = vector(
    "player_move", "player_move", bytes.fromhex(
        "da 01"
        "fb 77 8e 06"                                                 # being_id
        "96 00"                                                       # speed
        "00 00"                                                       # opt1
        "00 00"                                                       # opt2
        "00 00"                                                       # option
        "ea 03"                                                       # species
        "04 00"                                                       # hair_style
        "b1 04"                                                       # weapon
        "00 00"                                                       # shield
        "71 03"                                                       # head_bottom
        "e4 ad 97 28"                                                 # tick
        "00 00"                                                       # head_top
        "b2 04"                                                       # head_mid
        "03 00"                                                       # hair_color
        "01 00"                                                       # clothes_color
        "01"                                                          # head_direction
        "00"                                                          # unused2
        "50 00 00 00"                                                 # hp "P"
        "1d 00"                                                       # max_hp_low
        "24 00"                                                       # max_hp_high
        "00 00"                                                       # opt3
        "00"                                                          # karma
        "01"                                                          # sex
        "0d 01 f0 dc 21"                                              # move_path
        "80 00"                                                       # gm_flags
        "05"                                                          # five
        "0c"                                                          # base_level
        "00"                                                          # unused
    ),
    {'being_id': 110000123,
     'speed': 150,
     'opt1': 0,
     'opt2': 0,
     'option': 0,
     'species': 1002,
     'hair_style': 4,
     'weapon': 1201,
     'shield': 0,
     'head_bottom': 881,
     'tick': 681029092,
     'head_top': 0,
     'head_mid': 1202,
     'hair_color': 3,
     'clothes_color': 1,
     'head_direction': 'south_west',
     'unused2': 0,
     'hp': 80,
     'max_hp_low': 29,
     'max_hp_high': 36,
     'opt3': 0,
     'karma': 0,
     'sex': 'male',
     'move_path': {'src_x': 52, 'src_y': 31, 'dst_x': 55, 'dst_y': 33},
     'gm_flags': 128,
     'five': 5,
     'base_level': 12,
     'unused': 0},
    title='Player Move',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x01DE Skill Damage --------------------------------------------------------
SKILL_DAMAGE = vector(
    "skill_damage", "skill_damage", bytes.fromhex(
        "de 01"
        "54 01"                                                       # skill_id
        "81 84 1e 00"                                                 # src_id
        "fb 77 8e 06"                                                 # dst_id
        "e4 ad 97 28"                                                 # tick
        "90 01 00 00"                                                 # src_delay
        "fa 00 00 00"                                                 # dst_delay
        "11 00 00 00"                                                 # damage
        "34 00"                                                       # skill_level
        "01 00"                                                       # div
        "42"                                                          # hit_type
    ),
    {'skill_id': 340,
     'src_id': 2000001,
     'dst_id': 110000123,
     'tick': 681029092,
     'src_delay': 400,
     'dst_delay': 250,
     'damage': 17,
     'skill_level': 52,
     'div': 1,
     'hit_type': 66},
    title='Skill Damage',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x01EE Player Inventory ----------------------------------------------------
PLAYER_INVENTORY = vector(
    "player_inventory", "player_inventory", bytes.fromhex(
        "ee 01"
        "28 00"                                                       # len_packet
        "05 00 17 02 02 01 03 00 02 00 00 00 00 00 00 00 00 00"       # items[0]
        "06 00 18 02 02 01 04 00 02 00 00 00 00 00 00 00 00 00"       # items[1]
    ),
    {'len_packet': 40,
     'items': [{'inventory_index': 5,
                'item_id': 535,
                'item_type': 'usable_other',
                'identify': 1,
                'amount': 3,
                'equip_slots': 2,
                'card0': 0,
                'card1': 0,
                'card2': 0,
                'card3': 0},
               {'inventory_index': 6,
                'item_id': 536,
                'item_type': 'usable_other',
                'identify': 1,
                'amount': 4,
                'equip_slots': 2,
                'card0': 0,
                'card1': 0,
                'card2': 0,
                'card3': 0}],
     'num_items': 2},
    title='Player Inventory with two entries',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x01F0 Player Storage Items ------------------------------------------------
PLAYER_STORAGE_ITEMS = vector(
    "player_storage_items", "player_storage_items", bytes.fromhex(
        "f0 01"
        "28 00"                                                       # len_packet
        "04 00 17 02 02 01 03 00 02 00 00 00 00 00 00 00 00 00"       # items[0]
        "05 00 18 02 02 01 04 00 02 00 00 00 00 00 00 00 00 00"       # items[1]
    ),
    {'len_packet': 40,
     'items': [{'storage_index': 4,
                'item_id': 535,
                'item_type': 'usable_other',
                'identify': 1,
                'amount': 3,
                'equip_slots': 2,
                'card0': 0,
                'card1': 0,
                'card2': 0,
                'card3': 0},
               {'storage_index': 5,
                'item_id': 536,
                'item_type': 'usable_other',
                'identify': 1,
                'amount': 4,
                'equip_slots': 2,
                'card0': 0,
                'card1': 0,
                'card2': 0,
                'card3': 0}],
     'num_items': 2},
    title='Player Storage Items with two entries',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x020C Being IP Response ---------------------------------------------------
BEING_IP_RESPONSE = vector(
    "being_ip_response", "being_ip_response", bytes.fromhex(
        "0c 02"
        "fb 77 8e 06"                                                 # being_id
        "7f 00 00 01"                                                 # ip_hash
    ),
    {'being_id': 110000123, 'ip_hash': '7f000001', 'ip_hash_dotted': '127.0.0.1'},
    title='Being IP Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0211 Online List Response ------------------------------------------------
ONLINE_LIST_RESPONSE = vector(
    "online_list_response", "online_list_response", bytes.fromhex(
        "11 02"
        "23 00"                                                       # len_packet
        "80 84 1e 00 50 6b 74 20 54 65 73 74 65 72 00 00 00 00 00 00" # players[0]
        "00 00 00 00 00 00 00 00 01 00 03"),
    {'len_packet': 35,
     'players': [{'account_id': 2000000,
                  'char_name': 'Pkt Tester',
                  'level': 1,
                  'gm_level': 0,
                  'sex': 'neutral'}],
     'num_players': 1},
    title='Online List Response, from a recorded session',
    doc=('Real bytes: packet 15 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0212 NPC Command ---------------------------------------------------------
NPC_COMMAND = vector(
    "npc_command", "npc_command", bytes.fromhex(
        "12 02"
        "f7 91 8e 06"                                                 # npc_id
        "09 00"                                                       # command
        "00 00 00 00"                                                 # id
        "00 00"                                                       # x
        "00 00"                                                       # y
    ),
    {'npc_id': 110006775, 'command': 9, 'id': 0, 'x': 0, 'y': 0},
    title='NPC Command, from a recorded session',
    doc=('Real bytes: packet 58 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0214 Quest Set Var -------------------------------------------------------
QUEST_SET_VAR = vector(
    "quest_set_var", "quest_set_var", bytes.fromhex(
        "14 02"
        "01 00"                                                       # variable
        "01 00 00 00"                                                 # value
    ),
    {'variable': 1, 'value': 1},
    title='Quest Set Var, from a recorded session',
    doc=('Real bytes: packet 127 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0215 Quest Player Vars ---------------------------------------------------
QUEST_PLAYER_VARS = vector(
    "quest_player_vars", "quest_player_vars", bytes.fromhex(
        "15 02"
        "04 00"                                                       # len_packet
    ),
    {'len_packet': 4, 'vars': [], 'num_vars': 0},
    title='Quest Player Vars, from a recorded session',
    doc=('Real bytes: packet 14 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

QUEST_PLAYER_VARS_WITH_ENTRIES = vector(
    "quest_player_vars_with_entries", "quest_player_vars", bytes.fromhex(
        "15 02"
        "22 00"                                                       # len_packet
        "01 00 01 00 00 00"                                           # vars[0]
        "02 00 00 00 00 00"                                           # vars[1]
        "03 00 00 00 00 00"                                           # vars[2]
        "04 00 00 00 00 00"                                           # vars[3]
        "18 00 00 00 00 00"                                           # vars[4]
    ),
    {'len_packet': 34,
     'vars': [{'variable': 1, 'value': 1},
              {'variable': 2, 'value': 0},
              {'variable': 3, 'value': 0},
              {'variable': 4, 'value': 0},
              {'variable': 24, 'value': 0}],
     'num_vars': 5},
    title='Quest Player Vars, from a recorded session',
    doc=('Real bytes: packet 14 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-two-players.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0225 Being Move 3 --------------------------------------------------------
BEING_MOVE3 = vector(
    "being_move3", "being_move3", bytes.fromhex(
        "25 02"
        "12 00"                                                       # len_packet
        "fb 77 8e 06"                                                 # being_id
        "96 00"                                                       # speed
        "34 00"                                                       # x
        "1f 00"                                                       # y
        "06 06 07 00"                                                 # steps
    ),
    {'len_packet': 18,
     'being_id': 110000123,
     'speed': 150,
     'x': 52,
     'y': 31,
     'steps': ['east', 'east', 'south_east', 'south']},
    title='Being Move 3',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0226 Map Mask ------------------------------------------------------------
MAP_MASK = vector(
    "map_mask", "map_mask", bytes.fromhex(
        "26 02"
        "01 00 00 00"                                                 # mask
        "00 00 00 00"                                                 # unused
    ),
    {'mask': 1, 'unused': 0},
    title='Map Mask, from a recorded session',
    doc=('Real bytes: packet 13 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0227 Map Music -----------------------------------------------------------
MAP_MUSIC = vector(
    "map_music", "map_music", bytes.fromhex(
        "27 02"
        "16 00"                                                       # len_packet
        "4d 61 67 69 63 6b 20 2d 20 52 65 61 6c 2e 6f 67 67 00"       # music "Magick - Real..."
    ),
    {'len_packet': 22, 'music': 'Magick - Real.ogg'},
    title='Map Music',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0228 NPC Change Title ----------------------------------------------------
NPC_CHANGE_TITLE = vector(
    "npc_change_title", "npc_change_title", bytes.fromhex(
        "28 02"
        "15 00"                                                       # len_packet
        "f7 91 8e 06"                                                 # npc_id
        "0b 00"                                                       # len_title
        "47 61 6d 65 20 52 75 6c 65 73 00"                            # title "Game Rules"
    ),
    {'len_packet': 21, 'npc_id': 110006775, 'len_title': 11, 'title': 'Game Rules'},
    title='NPC Change Title, from a recorded session',
    doc=('Real bytes: packet 59 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0229 Script Message ------------------------------------------------------
SCRIPT_MESSAGE = vector(
    "script_message", "script_message", bytes.fromhex(
        "29 02"
        "16 00"                                                       # len_packet
        "03"                                                          # type
        "4b 61 61 6e 20 3a 20 48 69 20 74 68 65 72 65 21 00"          # message "Kaan : Hi there!"
    ),
    {'len_packet': 22, 'type': 3, 'message': 'Kaan : Hi there!'},
    title='Script Message',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0230 Player Client Command -----------------------------------------------
PLAYER_CLIENT_COMMAND = vector(
    "player_client_command", "player_client_command", bytes.fromhex(
        "30 02"
        "0a 00"                                                       # len_packet
        "40 68 65 6c 70 00"                                           # command "@help"
    ),
    {'len_packet': 10, 'command': '@help'},
    title='Player Client Command',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0231 Map Set Tiles Type --------------------------------------------------
MAP_SET_TILES_TYPE = vector(
    "map_set_tiles_type", "map_set_tiles_type", bytes.fromhex(
        "31 02"
        "0a 00"                                                       # x1
        "0b 00"                                                       # y1
        "0c 00"                                                       # x2
        "0e 00"                                                       # y2
        "03 00 00 00"                                                 # mask
        "00 00 00 00"                                                 # unused_layer
        "30 30 31 2d 31 00 00 00 00 00 00 00 00 00 00 00"             # map_name "001-1"
    ),
    {'x1': 10, 'y1': 11, 'x2': 12, 'y2': 14, 'mask': 3, 'unused_layer': 0, 'map_name': '001-1'},
    title='Map Set Tiles Type',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0232 Player HP -----------------------------------------------------------
PLAYER_HP = vector(
    "player_hp", "player_hp", bytes.fromhex(
        "32 02"
        "81 84 1e 00"                                                 # account_id
        "50 00 00 00"                                                 # hp "P"
    ),
    {'account_id': 2000001, 'hp': 80},
    title='Player HP',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0233 Player HP Full ------------------------------------------------------
PLAYER_HP_FULL = vector(
    "player_hp_full", "player_hp_full", bytes.fromhex(
        "33 02"
        "81 84 1e 00"                                                 # account_id
        "50 00 00 00"                                                 # hp "P"
        "78 00 00 00"                                                 # max_hp "x"
    ),
    {'account_id': 2000001, 'hp': 80, 'max_hp': 120},
    title='Player HP Full',
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
    doc=('Real bytes: packet 1 of the server side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))
