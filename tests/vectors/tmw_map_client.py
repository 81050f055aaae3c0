"""The Mana World map server, client to server (ksy/tmw/map/client/).

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

vector = for_protocol("tmw.map.client")

# -- 0x0072 Map Server Connect --------------------------------------------------
MAP_SERVER_CONNECT = vector(
    "map_server_connect", "map_server_connect", bytes.fromhex(
        "72 00"
        "80 84 1e 00"                                                 # account_id
        "f0 49 02 00"                                                 # char_id
        "25 ef 7c 34"                                                 # login_id1
        "21 a9 c3 b5"                                                 # login_id2
        "00"                                                          # sex
    ),
    {'account_id': 2000000,
     'char_id': 150000,
     'login_id1': 880602917,
     'login_id2': 3049498913,
     'sex': 'female'},
    title='Map Server Connect, from a recorded session',
    doc=('Real bytes: packet 1 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x007D Map Loaded ----------------------------------------------------------
MAP_LOADED = vector(
    "map_loaded", "map_loaded", bytes.fromhex(
        "7d 00"),
    {},
    title='Map Loaded, from a recorded session',
    doc=('Real bytes: packet 3 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x007E Map Ping ------------------------------------------------------------
MAP_PING = vector(
    "map_ping", "map_ping", bytes.fromhex(
        "7e 00"
        "ac 23 00 00"                                                 # client_tick
    ),
    {'client_tick': 9132},
    title='Map Ping, from a recorded session',
    doc=('Real bytes: packet 4 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0085 Walk Request --------------------------------------------------------
WALK_REQUEST = vector(
    "walk_request", "walk_request", bytes.fromhex(
        "85 00"
        "05 c1 80"                                                    # destination
    ),
    {'destination': {'x': 23, 'y': 24, 'direction': 'south'}},
    title='Walk Request, from a recorded session',
    doc=('Real bytes: packet 12 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0089 Player Change Act ---------------------------------------------------
PLAYER_CHANGE_ACT = vector(
    "player_change_act", "player_change_act", bytes.fromhex(
        "89 00"
        "82 84 1e 00"                                                 # target_id
        "01"                                                          # action
    ),
    {'target_id': 2000002, 'action': 'pick_up'},
    title='Player Change Act',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x008C Chat Message --------------------------------------------------------
CHAT_MESSAGE = vector(
    "chat_message", "chat_message", bytes.fromhex(
        "8c 00"
        "18 00"                                                       # len_packet
        "48 65 6c 6c 6f 20 66 72 6f 6d 20 70 6b 74 74 6f 6f 6c 73 00" # message "Hello from pk..."
    ),
    {'len_packet': 24, 'message': 'Hello from pkttools'},
    title='Chat Message, from a recorded session',
    doc=('Real bytes: packet 11 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0090 NPC Talk ------------------------------------------------------------
NPC_TALK = vector(
    "npc_talk", "npc_talk", bytes.fromhex(
        "90 00"
        "f3 91 8e 06"                                                 # npc_id
        "00"                                                          # unused
    ),
    {'npc_id': 110006771, 'unused': 0},
    title='NPC Talk, from a recorded session',
    doc=('Real bytes: packet 18 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0094 Name Request --------------------------------------------------------
NAME_REQUEST = vector(
    "name_request", "name_request", bytes.fromhex(
        "94 00"
        "f5 91 8e 06"                                                 # being_id
    ),
    {'being_id': 110006773},
    title='Name Request, from a recorded session',
    doc=('Real bytes: packet 5 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0096 Chat Whisper --------------------------------------------------------
CHAT_WHISPER = vector(
    "chat_whisper", "chat_whisper", bytes.fromhex(
        "96 00"
        "2a 00"                                                       # len_packet
        "4e 6f 62 6f 64 79 00 00 00 00 00 00 00 00 00 00 00 00 00 00" # recipient "Nobody"
        "00 00 00 00"
        "41 72 65 20 79 6f 75 20 74 68 65 72 65 3f"                   # message "Are you there?"
    ),
    {'len_packet': 42, 'recipient': 'Nobody', 'message': 'Are you there?'},
    title='Chat Whisper, from a recorded session',
    doc=('Real bytes: packet 33 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x009B Player Change Dir ---------------------------------------------------
PLAYER_CHANGE_DIR = vector(
    "player_change_dir", "player_change_dir", bytes.fromhex(
        "9b 00"
        "00 00"                                                       # unused
        "08"                                                          # direction
    ),
    {'unused': 0, 'direction': 8},
    title='Player Change Dir, from a recorded session',
    doc=('Real bytes: packet 41 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x009F Item Pickup ---------------------------------------------------------
ITEM_PICKUP = vector(
    "item_pickup", "item_pickup", bytes.fromhex(
        "9f 00"
        "89 7a 8e 06"                                                 # floor_item_id
    ),
    {'floor_item_id': 110000777},
    title='Item Pickup',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00A2 Player Inventory Drop -----------------------------------------------
PLAYER_INVENTORY_DROP = vector(
    "player_inventory_drop", "player_inventory_drop", bytes.fromhex(
        "a2 00"
        "05 00"                                                       # inventory_index
        "03 00"                                                       # amount
    ),
    {'inventory_index': 5, 'amount': 3},
    title='Player Inventory Drop',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00A7 Player Inventory Use ------------------------------------------------
PLAYER_INVENTORY_USE = vector(
    "player_inventory_use", "player_inventory_use", bytes.fromhex(
        "a7 00"
        "04 00"                                                       # inventory_index
        "f5 01 00 00"                                                 # unused_id
    ),
    {'inventory_index': 4, 'unused_id': 501},
    title='Player Inventory Use, from a recorded session',
    doc=('Real bytes: packet 17 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x00A9 Player Equip --------------------------------------------------------
PLAYER_EQUIP = vector(
    "player_equip", "player_equip", bytes.fromhex(
        "a9 00"
        "02 00"                                                       # inventory_index
        "00 00"                                                       # equip_slots
    ),
    {'inventory_index': 2, 'equip_slots': 0},
    title='Player Equip, from a recorded session',
    doc=('Real bytes: packet 14 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x00AB Player Unequip ------------------------------------------------------
PLAYER_UNEQUIP = vector(
    "player_unequip", "player_unequip", bytes.fromhex(
        "ab 00"
        "03 00"                                                       # inventory_index
    ),
    {'inventory_index': 3},
    title='Player Unequip, from a recorded session',
    doc=('Real bytes: packet 16 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x00B2 Player Reboot -------------------------------------------------------
PLAYER_REBOOT = vector(
    "player_reboot", "player_reboot", bytes.fromhex(
        "b2 00"
        "01"                                                          # type
    ),
    {'type': 'switch_character'},
    title='Player Reboot, from a recorded session',
    doc=('Real bytes: packet 13 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-two-players.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00B8 NPC List Choice -----------------------------------------------------
NPC_LIST_CHOICE = vector(
    "npc_list_choice", "npc_list_choice", bytes.fromhex(
        "b8 00"
        "f3 91 8e 06"                                                 # npc_id
        "01"                                                          # choice
    ),
    {'npc_id': 110006771, 'choice': 1},
    title='NPC List Choice, from a recorded session',
    doc=('Real bytes: packet 25 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00B9 NPC Next Request ----------------------------------------------------
NPC_NEXT_REQUEST = vector(
    "npc_next_request", "npc_next_request", bytes.fromhex(
        "b9 00"
        "f3 91 8e 06"                                                 # npc_id
    ),
    {'npc_id': 110006771},
    title='NPC Next Request, from a recorded session',
    doc=('Real bytes: packet 30 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00BB Stat Update Request -------------------------------------------------
STAT_UPDATE_REQUEST = vector(
    "stat_update_request", "stat_update_request", bytes.fromhex(
        "bb 00"
        "0d 00"                                                       # status_type
        "01"                                                          # amount
    ),
    {'status_type': 'str', 'amount': 1},
    title='Stat Update Request, from a recorded session',
    doc=('Real bytes: packet 19 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng (ManaPlus 2.1.3.17 and tmwAthena,'
         ' see tests/data/tmw/README.md).'))

# -- 0x00BF Player Emote --------------------------------------------------------
PLAYER_EMOTE = vector(
    "player_emote", "player_emote", bytes.fromhex(
        "bf 00"
        "c0"                                                          # emote
    ),
    {'emote': 192},
    title='Player Emote, from a recorded session',
    doc=('Real bytes: packet 10 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00C5 NPC Buy Sell Request ------------------------------------------------
NPC_BUY_SELL_REQUEST = vector(
    "npc_buy_sell_request", "npc_buy_sell_request", bytes.fromhex(
        "c5 00"
        "ad 77 8e 06"                                                 # npc_id
        "01"                                                          # type
    ),
    {'npc_id': 110000045, 'type': 'sell'},
    title='NPC Buy Sell Request',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00C8 NPC Buy Request -----------------------------------------------------
NPC_BUY_REQUEST = vector(
    "npc_buy_request", "npc_buy_request", bytes.fromhex(
        "c8 00"
        "0c 00"                                                       # len_packet
        "03 00 17 02"                                                 # items[0]
        "04 00 18 02"                                                 # items[1]
    ),
    {'len_packet': 12,
     'items': [{'amount': 3, 'item_id': 535}, {'amount': 4, 'item_id': 536}],
     'num_items': 2},
    title='NPC Buy Request with two entries',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00C9 NPC Sell Request ----------------------------------------------------
NPC_SELL_REQUEST = vector(
    "npc_sell_request", "npc_sell_request", bytes.fromhex(
        "c9 00"
        "0c 00"                                                       # len_packet
        "05 00 03 00"                                                 # items[0]
        "06 00 04 00"                                                 # items[1]
    ),
    {'len_packet': 12,
     'items': [{'inventory_index': 5, 'amount': 3}, {'inventory_index': 6, 'amount': 4}],
     'num_items': 2},
    title='NPC Sell Request with two entries',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00E4 Trade Request -------------------------------------------------------
TRADE_REQUEST = vector(
    "trade_request", "trade_request", bytes.fromhex(
        "e4 00"
        "82 84 1e 00"                                                 # target_id
    ),
    {'target_id': 2000002},
    title='Trade Request',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00E6 Trade Response Request ----------------------------------------------
TRADE_RESPONSE_REQUEST = vector(
    "trade_response_request", "trade_response_request", bytes.fromhex(
        "e6 00"
        "04"                                                          # answer
    ),
    {'answer': 'decline'},
    title='Trade Response Request',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00E8 Trade Item Add Request ----------------------------------------------
TRADE_ITEM_ADD_REQUEST = vector(
    "trade_item_add_request", "trade_item_add_request", bytes.fromhex(
        "e8 00"
        "05 00"                                                       # inventory_index
        "03 00 00 00"                                                 # amount
    ),
    {'inventory_index': 5, 'amount': 3},
    title='Trade Item Add Request',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00EB Trade Add Complete --------------------------------------------------
TRADE_ADD_COMPLETE = vector(
    "trade_add_complete", "trade_add_complete", bytes.fromhex(
        "eb 00"),
    {},
    title='Trade Add Complete',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00ED Trade Cancel Request ------------------------------------------------
TRADE_CANCEL_REQUEST = vector(
    "trade_cancel_request", "trade_cancel_request", bytes.fromhex(
        "ed 00"),
    {},
    title='Trade Cancel Request',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00EF Trade OK Request ----------------------------------------------------
TRADE_OK_REQUEST = vector(
    "trade_ok_request", "trade_ok_request", bytes.fromhex(
        "ef 00"),
    {},
    title='Trade OK Request',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00F3 Move To Storage -----------------------------------------------------
MOVE_TO_STORAGE = vector(
    "move_to_storage", "move_to_storage", bytes.fromhex(
        "f3 00"
        "05 00"                                                       # inventory_index
        "03 00 00 00"                                                 # amount
    ),
    {'inventory_index': 5, 'amount': 3},
    title='Move To Storage',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00F5 Move From Storage ---------------------------------------------------
MOVE_FROM_STORAGE = vector(
    "move_from_storage", "move_from_storage", bytes.fromhex(
        "f5 00"
        "04 00"                                                       # storage_index
        "03 00 00 00"                                                 # amount
    ),
    {'storage_index': 4, 'amount': 3},
    title='Move From Storage',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00F7 Close Storage -------------------------------------------------------
CLOSE_STORAGE = vector(
    "close_storage", "close_storage", bytes.fromhex(
        "f7 00"),
    {},
    title='Close Storage',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00F9 Party Create --------------------------------------------------------
PARTY_CREATE = vector(
    "party_create", "party_create", bytes.fromhex(
        "f9 00"
        "50 6b 74 50 61 72 74 79 00 00 00 00 00 00 00 00 00 00 00 00" # party_name "PktParty"
        "00 00 00 00"),
    {'party_name': 'PktParty'},
    title='Party Create, from a recorded session',
    doc=('Real bytes: packet 34 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x00FC Party Invite --------------------------------------------------------
PARTY_INVITE = vector(
    "party_invite", "party_invite", bytes.fromhex(
        "fc 00"
        "81 84 1e 00"                                                 # account_id
    ),
    {'account_id': 2000001},
    title='Party Invite',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x00FF Party Invited Response ----------------------------------------------
PARTY_INVITED_RESPONSE = vector(
    "party_invited_response", "party_invited_response", bytes.fromhex(
        "ff 00"
        "82 84 1e 00"                                                 # inviter_id
        "01 00 00 00"                                                 # accept
    ),
    {'inviter_id': 2000002, 'accept': 1},
    title='Party Invited Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0100 Party Leave ---------------------------------------------------------
PARTY_LEAVE = vector(
    "party_leave", "party_leave", bytes.fromhex(
        "00 01"),
    {},
    title='Party Leave',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0102 Party Settings Request ----------------------------------------------
PARTY_SETTINGS_REQUEST = vector(
    "party_settings_request", "party_settings_request", bytes.fromhex(
        "02 01"
        "01 00"                                                       # exp_share
        "00 00"                                                       # item_share
    ),
    {'exp_share': 1, 'item_share': 0},
    title='Party Settings Request',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0103 Party Kick ----------------------------------------------------------
PARTY_KICK = vector(
    "party_kick", "party_kick", bytes.fromhex(
        "03 01"
        "81 84 1e 00"                                                 # account_id
        "53 6f 72 66 69 6e 61 00 00 00 00 00 00 00 00 00 00 00 00 00" # name "Sorfina"
        "00 00 00 00"),
    {'account_id': 2000001, 'name': 'Sorfina'},
    title='Party Kick',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0108 Party Message -------------------------------------------------------
PARTY_MESSAGE = vector(
    "party_message", "party_message", bytes.fromhex(
        "08 01"
        "0e 00"                                                       # len_packet
        "50 61 72 74 79 20 74 69 6d 65"                               # message "Party time"
    ),
    {'len_packet': 14, 'message': 'Party time'},
    title='Party Message, from a recorded session',
    doc=('Real bytes: packet 35 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x0112 Skill Levelup Request -----------------------------------------------
SKILL_LEVELUP_REQUEST = vector(
    "skill_levelup_request", "skill_levelup_request", bytes.fromhex(
        "12 01"
        "54 01"                                                       # skill_id
    ),
    {'skill_id': 340},
    title='Skill Levelup Request',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0118 Player Stop Attack --------------------------------------------------
PLAYER_STOP_ATTACK = vector(
    "player_stop_attack", "player_stop_attack", bytes.fromhex(
        "18 01"),
    {},
    title='Player Stop Attack',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0143 NPC Int Response ----------------------------------------------------
NPC_INT_RESPONSE = vector(
    "npc_int_response", "npc_int_response", bytes.fromhex(
        "43 01"
        "ad 77 8e 06"                                                 # npc_id
        "d2 04 00 00"                                                 # value
    ),
    {'npc_id': 110000045, 'value': 1234},
    title='NPC Int Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0146 NPC Close Request ---------------------------------------------------
NPC_CLOSE_REQUEST = vector(
    "npc_close_request", "npc_close_request", bytes.fromhex(
        "46 01"
        "f7 91 8e 06"                                                 # npc_id
    ),
    {'npc_id': 110006775},
    title='NPC Close Request, from a recorded session',
    doc=('Real bytes: packet 14 of the client side of the first map connection in '
         'tests/data/tmw/manaplus-tmwa-session.pcapng (ManaPlus 2.1.3.17 and tmwAthena, see '
         'tests/data/tmw/README.md).'))

# -- 0x018A Client Quit ---------------------------------------------------------
CLIENT_QUIT = vector(
    "client_quit", "client_quit", bytes.fromhex(
        "8a 01"
        "00 00"                                                       # unused
    ),
    {'unused': 0},
    title='Client Quit',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x01D5 NPC Str Response ----------------------------------------------------
NPC_STR_RESPONSE = vector(
    "npc_str_response", "npc_str_response", bytes.fromhex(
        "d5 01"
        "13 00"                                                       # len_packet
        "ad 77 8e 06"                                                 # npc_id
        "50 6b 74 20 54 65 73 74 65 72 00"                            # text "Pkt Tester"
    ),
    {'len_packet': 19, 'npc_id': 110000045, 'text': 'Pkt Tester'},
    title='NPC Str Response',
    doc=('Packed from the layout in tmwAthena tools/protocol.py (offsets and sizes) with sample '
         'values; no recorded session carried this packet.'))

# -- 0x0210 Online List ---------------------------------------------------------
ONLINE_LIST = vector(
    "online_list", "online_list", bytes.fromhex(
        "10 02"),
    {},
    title='Online List, from a recorded session',
    doc=('Real bytes: packet 2 of the client side of the first map connection in '
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
