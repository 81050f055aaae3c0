"""FlyFF cluster server, server to client (ksy/flyff/cluster/server/).

Packet bodies (after the 5-byte frame header), derived from the layouts and from the writing
code of the implementations: Rhisis `PlayerListPacket` / `FFUserConnection.OnConnected`, Hellion
`ClusterClient.Outgoing.cs`, and the official database server's `CDbManager::SendPlayerList`
with `CRTMessenger::Serialize` for the messenger section. Values are those the implementations
write (Rhisis' default characters: map 1, position 6968/100/3328, stats 15, vagrant start
equipment 504/508/512/21 for a woman).
"""

from pkttools.publish.vectors import for_protocol

vector = for_protocol("flyff.cluster.server")

WELCOME = vector(
    "welcome", "welcome", bytes.fromhex(
        "00000000"  # packet_type: welcome
        "78563412"  # session_id: 0x12345678
    ),
    {"session_id": 0x12345678},
    title="Welcome, as servers send it",
    doc="Rhisis, Hellion and the official server send the type and the session id, 8 bytes.")

WELCOME_SEED_FORM = vector(
    "welcome_seed_form", "welcome", bytes.fromhex(
        "00000000"  # packet_type: welcome
        "78563412"  # session_id: 0x12345678
        "00000000"  # unused_1
        "00000000"  # unused_2
    ),
    {"session_id": 0x12345678, "unused_1": 0, "unused_2": 0},
    title="Welcome in the seed's 16-byte form",
    doc="The seed lists two more [int] 0 after the session id.")

PONG = vector(
    "pong", "pong", bytes.fromhex(
        "14000000"  # packet_type: pong
        "e8030000"  # time: 1000
    ),
    {"time": 1000}, title="Pong")

JOIN_WORLD = vector(
    "join_world", "join_world", bytes.fromhex(
        "05ff0000"  # packet_type: join_world, nothing else
    ),
    {}, title="Join world: the packet type alone")

ARIA = {
    "slot": 0, "block_state": "usable", "map_id": 1, "model_id": "female",
    "name": {"len_value": 4, "value": "Aria"},
    "pos_x": 6968.0, "pos_y": 100.0, "pos_z": 3328.0,
    "character_id": 1, "party_id": 0, "guild_id": 0, "war_id": 0,
    "skin_set_id": 0, "hair_id": 0, "hair_color": 0xFF8B5A2B, "face_id": 0,
    "gender": "female", "job": "vagrant", "level": 1, "job_level": 0,
    "strength": 15, "stamina": 15, "dexterity": 15, "intelligence": 15,
    "mode": "none", "num_items": 4, "item_ids": [504, 508, 512, 21],
}
BOREAS = {
    "slot": 2, "block_state": "usable", "map_id": 1, "model_id": "male",
    "name": {"len_value": 6, "value": "Boreas"},
    "pos_x": 6120.5, "pos_y": 93.25, "pos_z": 3915.75,
    "character_id": 7, "party_id": 0, "guild_id": 12, "war_id": 0,
    "skin_set_id": 0, "hair_id": 3, "hair_color": 0xFF202020, "face_id": 2,
    "gender": "male", "job": "knight", "level": 60, "job_level": 0,
    "strength": 90, "stamina": 60, "dexterity": 25, "intelligence": 15,
    "mode": "none", "num_items": 2, "item_ids": [502, 21],
}

CHARACTER_LIST_TWO = vector(
    "character_list_two", "character_list", bytes.fromhex(
        "f3000000"  # packet_type: character_list
        "071a5e2c"  # auth_key: 0x2c5e1a07
        "02000000"  # num_characters: 2
        # characters[0]: a new woman vagrant, Rhisis' default character
        "00000000"  # slot: 0
        "01000000"  # block_state: usable
        "01000000"  # map_id: 1
        "0c000000"  # model_id: female (12)
        "04000000 41726961"  # name: "Aria"
        "00c0d945 0000c842 00005045"  # pos: 6968.0, 100.0, 3328.0
        "01000000"  # character_id: 1
        "00000000 00000000 00000000"  # party_id, guild_id, war_id: 0
        "00000000"  # skin_set_id: 0
        "00000000"  # hair_id: 0
        "2b5a8bff"  # hair_color: 0xff8b5a2b
        "00000000"  # face_id: 0
        "01"  # gender: female
        "00000000"  # job: vagrant
        "01000000"  # level: 1
        "00000000"  # job_level: 0
        "0f000000 0f000000 0f000000 0f000000"  # strength, stamina, dexterity, intelligence: 15
        "00000000"  # mode: none
        "04000000"  # num_items: 4
        "f8010000 fc010000 00020000 15000000"  # item_ids: 504, 508, 512, 21
        # characters[1]: a level 60 knight in a guild
        "02000000"  # slot: 2
        "01000000"  # block_state: usable
        "01000000"  # map_id: 1
        "0b000000"  # model_id: male (11)
        "06000000 426f72656173"  # name: "Boreas"
        "0044bf45 0080ba42 00bc7445"  # pos: 6120.5, 93.25, 3915.75
        "07000000"  # character_id: 7
        "00000000"  # party_id: 0
        "0c000000"  # guild_id: 12
        "00000000"  # war_id: 0
        "00000000"  # skin_set_id: 0
        "03000000"  # hair_id: 3
        "202020ff"  # hair_color: 0xff202020
        "02000000"  # face_id: 2
        "00"  # gender: male
        "06000000"  # job: knight
        "3c000000"  # level: 60
        "00000000"  # job_level: 0
        "5a000000 3c000000 19000000 0f000000"  # strength 90, stamina 60, dexterity 25, int 15
        "00000000"  # mode: none
        "02000000"  # num_items: 2
        "f6010000 15000000"  # item_ids: 502, 21
        "00000000"  # num_messengers: 0
    ),
    {
        "auth_key": 0x2C5E1A07,
        "num_characters": 2,
        "characters": [ARIA, BOREAS],
        "num_messengers": 0,
        "messengers": [],
    },
    title="Character list with two characters",
    doc="Two characters with 4 and 2 equipped items and no messenger entry, as Rhisis and "
        "Hellion send it.")

CHARACTER_LIST_MESSENGER = vector(
    "character_list_messenger", "character_list", bytes.fromhex(
        "f3000000"  # packet_type: character_list
        "071a5e2c"  # auth_key
        "01000000"  # num_characters: 1
        "01000000"  # slot: 1
        "00000000"  # block_state: blocked
        "01000000"  # map_id: 1
        "0b000000"  # model_id: male
        "05000000 4379727573"  # name: "Cyrus"
        "00c0d945 0000c842 00005045"  # pos: 6968.0, 100.0, 3328.0
        "09000000"  # character_id: 9
        "00000000 00000000 00000000"  # party_id, guild_id, war_id: 0
        "00000000"  # skin_set_id: 0
        "01000000"  # hair_id: 1
        "000000ff"  # hair_color: 0xff000000
        "01000000"  # face_id: 1
        "00"  # gender: male
        "01000000"  # job: mercenary
        "0f000000"  # level: 15
        "00000000"  # job_level: 0
        "14000000 12000000 0f000000 0f000000"  # strength 20, stamina 18, dexterity 15, int 15
        "00000100"  # mode: event_oldboy (0x10000)
        "00000000"  # num_items: 0
        "01000000"  # num_messengers: 1
        # messengers[0]
        "01"  # slot: 1
        "03000000"  # state: absent
        "02000000"  # num_friends: 2
        "ea030000 00000000 00000000"  # friend 1002, not blocked, online
        "eb030000 01000000 01000000"  # friend 1003, blocked, offline
    ),
    {
        "auth_key": 0x2C5E1A07,
        "num_characters": 1,
        "characters": [{
            "slot": 1, "block_state": "blocked", "map_id": 1, "model_id": "male",
            "name": {"len_value": 5, "value": "Cyrus"},
            "pos_x": 6968.0, "pos_y": 100.0, "pos_z": 3328.0,
            "character_id": 9, "party_id": 0, "guild_id": 0, "war_id": 0,
            "skin_set_id": 0, "hair_id": 1, "hair_color": 0xFF000000, "face_id": 1,
            "gender": "male", "job": "mercenary", "level": 15, "job_level": 0,
            "strength": 20, "stamina": 18, "dexterity": 15, "intelligence": 15,
            "mode": "event_oldboy", "num_items": 0, "item_ids": [],
        }],
        "num_messengers": 1,
        "messengers": [{
            "slot": 1, "state": "absent", "num_friends": 2,
            "friends": [
                {"friend_id": 1002, "blocked": 0, "state": "online"},
                {"friend_id": 1003, "blocked": 1, "state": "offline"},
            ],
        }],
    },
    title="Character list with a blocked character and a messenger entry",
    doc="As the official database server writes it (CDbManager::SendPlayerList, "
        "CRTMessenger::Serialize).")

CHARACTER_LIST_EMPTY = vector(
    "character_list_empty", "character_list",
    bytes.fromhex("f3000000 00000000 00000000 00000000"),
    {
        "auth_key": 0, "num_characters": 0, "characters": [], "num_messengers": 0,
        "messengers": []},
    title="Empty character list",
    doc="Hellion writes a long 0 (count and messenger count), Rhisis two ints: the same bytes.")
