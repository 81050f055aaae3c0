"""FlyFF cluster server, client to server (ksy/flyff/cluster/client/).

Packet bodies (after the 13-byte frame header), derived from the layouts and from the official
client's writing code (`CDPLoginClient::SendGetPlayerList`, `SendCreatePlayer`,
`SendDeletePlayer`, `SendPreJoin`, `QueryTickCount`, `Ping` in Source/Neuz/DPLoginClient.*),
checked against what Rhisis and Hellion read. Every body starts with the DPID the client writes
(`DPID_UNKNOWN`, 0xFFFFFFFF), which plain data shows under `frame`. The password is the MD5 hex
string of "secret", as the client stores it; the deletion key the MD5 hex string of "1234".
"""

from pkttools.publish.vectors import for_protocol

vector = for_protocol("flyff.cluster.client")
FRAME = {"dpid": 0xFFFFFFFF}
PASSWORD = "5ebe2294ecd0e0f08eab7690d2a6ee69"  # md5("secret")
ALICE = {"len_value": 5, "value": "alice"}
PASSWORD_FIELD = {"len_value": 32, "value": PASSWORD}

CHARACTER_LIST_REQUEST = vector(
    "character_list_request", "character_list_request", bytes.fromhex(
        "ffffffff"  # dpid: DPID_UNKNOWN
        "f6000000"  # packet_type: character_list_request
        "08000000 3230313030343132"  # build_date: "20100412"
        "071a5e2c"  # auth_key: 0x2c5e1a07
        "05000000 616c696365"  # username: "alice"
        "20000000 3565626532323934656364306530663038656162373639306432613665653639"  # password
        "01000000"  # server_id: 1
    ),
    {
        "build_date": {"len_value": 8, "value": "20100412"},
        "auth_key": 0x2C5E1A07,
        "username": ALICE,
        "password": PASSWORD_FIELD,
        "server_id": 1,
    }, frame=FRAME,
    title="Character list request",
    doc="As the official client sends it (SendGetPlayerList): build date, auth key, account, "
        "password hash and server id.")

CREATE_CHARACTER = vector(
    "create_character", "create_character", bytes.fromhex(
        "ffffffff"  # dpid
        "f4000000"  # packet_type: create_character
        "05000000 616c696365"  # username: "alice"
        "20000000 3565626532323934656364306530663038656162373639306432613665653639"  # password
        "01"  # slot: 1 (one byte on the wire; the seed says [int])
        "04000000 41726961"  # name: "Aria"
        "00"  # face_id: 0
        "00"  # costume_id: 0
        "00"  # skin_set_id: 0
        "02"  # hair_mesh_id: 2
        "2b5a8bff"  # hair_color: 0xff8b5a2b
        "01"  # gender: female
        "00"  # job: vagrant
        "03"  # head_mesh_id: 3
        "d2040000"  # bank_password: 1234
        "071a5e2c"  # auth_key
    ),
    {
        "username": ALICE,
        "password": PASSWORD_FIELD,
        "slot": 1,
        "name": {"len_value": 4, "value": "Aria"},
        "face_id": 0,
        "costume_id": 0,
        "skin_set_id": 0,
        "hair_mesh_id": 2,
        "hair_color": 0xFF8B5A2B,
        "gender": "female",
        "job": "vagrant",
        "head_mesh_id": 3,
        "bank_password": 1234,
        "auth_key": 0x2C5E1A07,
    }, frame=FRAME,
    title="Create a character (one-byte slot)",
    doc="The slot is one byte on the wire, as real clients send it; the seed says [int].")

DELETE_FIELDS = {
    "username": ALICE,
    "password": PASSWORD_FIELD,
    "password_verification": {"len_value": 32, "value": "81dc9bdb52d04dc20036dbd8313ed055"},
    "character_id": 7,
    "auth_key": 0x2C5E1A07,
}

DELETE_CHARACTER = vector(
    "delete_character", "delete_character", bytes.fromhex(
        "ffffffff"  # dpid
        "f5000000"  # packet_type: delete_character
        "05000000 616c696365"  # username: "alice"
        "20000000 3565626532323934656364306530663038656162373639306432613665653639"  # password
        "20000000 3831646339626462353264303464633230303336646264383331336564303535"  # md5("1234")
        "07000000"  # character_id: 7
        "071a5e2c"  # auth_key
    ),
    DELETE_FIELDS, frame=FRAME,
    title="Delete a character, as the seed has it",
    doc="As the seed, Rhisis and Hellion have it: the body ends after auth_key.")

DELETE_CHARACTER_OFFICIAL = vector(
    "delete_character_official", "delete_character", DELETE_CHARACTER.data + bytes.fromhex(
        "02000000"  # messenger.num_friend_ids: 2
        "ea030000 eb030000"  # messenger.friend_ids: 1002, 1003
    ),
    {**DELETE_FIELDS, "messenger": {"num_friend_ids": 2, "friend_ids": [1002, 1003]}},
    frame=FRAME,
    title="Delete a character, as the official client sends it",
    doc="The official v15 client appends the character's messenger friends.")

PRE_JOIN_FIELDS = {
    "username": ALICE,
    "character_id": 7,
    "character_name": {"len_value": 6, "value": "Boreas"},
    "bank_code": 1234,
}

PRE_JOIN = vector(
    "pre_join", "pre_join", bytes.fromhex(
        "ffffffff"  # dpid
        "05ff0000"  # packet_type: pre_join
        "05000000 616c696365"  # username: "alice"
        "07000000"  # character_id: 7
        "06000000 426f72656173"  # character_name: "Boreas"
        "d2040000"  # bank_code: 1234
    ),
    PRE_JOIN_FIELDS, frame=FRAME,
    title="Pre join, as real clients send it", doc="The body ends after bank_code.")

PRE_JOIN_SEED_FORM = vector(
    "pre_join_seed_form", "pre_join", PRE_JOIN.data + bytes.fromhex("071a5e2c"),  # auth_key
    {**PRE_JOIN_FIELDS, "auth_key": 0x2C5E1A07}, frame=FRAME,
    title="Pre join, as the seed lists it", doc="With the auth key after bank_code.")

QUERY_TICK_COUNT = vector(
    "query_tick_count", "query_tick_count", bytes.fromhex(
        "ffffffff"  # dpid
        "0b000000"  # packet_type: query_tick_count
        "3d2c1b0a"  # time: 0x0a1b2c3d
    ),
    {"time": 0x0A1B2C3D}, frame=FRAME, title="Query tick count")

PING = vector(
    "ping", "ping", bytes.fromhex(
        "ffffffff"  # dpid
        "14000000"  # packet_type: ping
        "eeffc000"  # time: 0x00c0ffee
    ),
    {"time": 0x00C0FFEE}, frame=FRAME, title="Ping")
