"""FlyFF cluster server, server to client (ksy/flyff/cluster/server/).

Vectors are packet bodies (after the 5-byte frame header), derived from the layouts and from the
writing code of the implementations: Rhisis `PlayerListPacket` / `FFUserConnection.OnConnected`,
Hellion `ClusterClient.Outgoing.cs`, and the official database server's
`CDbManager::SendPlayerList` with `CRTMessenger::Serialize` for the messenger section. Values
are those the implementations write (Rhisis' default characters: map 1, position 6968/100/3328,
stats 15, vagrant start equipment 504/508/512/21 for a woman).
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector

PROTO = "flyff.cluster.server"

# -- vectors ----------------------------------------------------------------------------------

# Welcome as Rhisis, Hellion and the official server send it: type and session id, 8 bytes.
WELCOME = bytes.fromhex(
    "00000000"  # packet_type: welcome
    "78563412"  # session_id: 0x12345678
)
# Welcome as the seed lists it: two more [int] 0 after the session id, 16 bytes.
WELCOME_SEED_FORM = bytes.fromhex(
    "00000000"  # packet_type: welcome
    "78563412"  # session_id: 0x12345678
    "00000000"  # unused_1
    "00000000"  # unused_2
)
PONG = bytes.fromhex(
    "14000000"  # packet_type: pong
    "e8030000"  # time: 1000
)
JOIN_WORLD = bytes.fromhex(
    "05ff0000"  # packet_type: join_world, nothing else
)

# Two characters with 4 and 2 equipped items, no messenger entry (as Rhisis and Hellion send).
CHARACTER_LIST_TWO = bytes.fromhex(
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
)

# One blocked character and its messenger entry, as the official database server writes it.
CHARACTER_LIST_MESSENGER = bytes.fromhex(
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
)

# No character: Hellion writes a long 0 (count and messenger count), Rhisis two ints: same bytes.
CHARACTER_LIST_EMPTY = bytes.fromhex("f3000000 00000000 00000000 00000000")

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


# -- packets ----------------------------------------------------------------------------------

def test_welcome_as_servers_send_it():
    pkt = check_vector(PROTO, WELCOME, "welcome", {"session_id": 0x12345678})
    assert pkt.opcode == 0x00
    assert len(WELCOME) == 8  # the only size the official client takes the id from


def test_welcome_in_the_seeds_16_byte_form():
    check_vector(PROTO, WELCOME_SEED_FORM, "welcome",
                 {"session_id": 0x12345678, "unused_1": 0, "unused_2": 0})


def test_pong():
    pkt = check_vector(PROTO, PONG, "pong", {"time": 1000})
    assert pkt.opcode == 0x14


def test_join_world_has_no_fields():
    pkt = check_vector(PROTO, JOIN_WORLD, "join_world", {})
    assert pkt.opcode == 0xFF05


def test_character_list_with_two_characters():
    pkt = check_vector(PROTO, CHARACTER_LIST_TWO, "character_list", {
        "auth_key": 0x2C5E1A07,
        "num_characters": 2,
        "characters": [ARIA, BOREAS],
        "num_messengers": 0,
        "messengers": [],
    })
    assert pkt.opcode == 0xF3
    fields = pkt.fields()
    assert fields["characters"][0]["model_id"].value == 12 == 0x0B + 1
    assert fields["characters"][1]["job"].value == 6
    assert fields["characters"][0]["block_state"].value == 1


def test_character_list_with_a_messenger_entry():
    pkt = check_vector(PROTO, CHARACTER_LIST_MESSENGER, "character_list", {
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
    })
    assert pkt.fields()["characters"][0]["mode"].value == 0x10000


def test_empty_character_list():
    check_vector(PROTO, CHARACTER_LIST_EMPTY, "character_list", {
        "auth_key": 0, "num_characters": 0, "characters": [], "num_messengers": 0,
        "messengers": []})


def test_offsets_in_the_character_list():
    pkt = pkttools.parse(PROTO, CHARACTER_LIST_TWO)
    spans = {".".join(map(str, s.path)): (s.start, s.size) for s in pkt.spans()}
    assert spans["packet_type"] == (0, 4)
    assert spans["body.characters.0.name.value"] == (32, 4)
    assert spans["body.characters.0.gender"] == (80, 1)
    assert spans["body.characters.0.num_items"] == (113, 4)
    assert spans["body.characters.0.item_ids"] == (117, 16)
    assert spans["body.characters.1"] == (133, 115)
    assert spans["body.characters.1.item_ids.1"] == (244, 4)
    assert spans["body.num_messengers"] == (248, 4)


def test_unknown_codes_keep_their_numbers():
    data = bytearray(CHARACTER_LIST_TWO)
    data[81:85] = (99).to_bytes(4, "little")  # characters[0].job
    data[16:20] = (2).to_bytes(4, "little")  # characters[0].block_state
    pkt = pkttools.parse(PROTO, bytes(data), strict=True)
    character = pkt.fields()["characters"][0]
    assert (character["job"], character["block_state"]) == (99, 2)
    assert type(character["job"]) is int


def test_windows_1252_name():
    name = "Éloïse".encode("cp1252")
    data = bytearray(CHARACTER_LIST_TWO)
    data[28:36] = len(name).to_bytes(4, "little") + name
    pkt = pkttools.parse(PROTO, bytes(data), strict=True)
    assert pkt.fields()["characters"][0]["name"] == {"len_value": 6, "value": "Éloïse"}


# -- bad input --------------------------------------------------------------------------------

def raises(error, data):
    with pytest.raises(error) as info:
        pkttools.parse(PROTO, data)
    assert info.value.protocol == PROTO
    return info.value


def test_negative_character_count():
    err = raises(pkttools.ValidationError, bytes.fromhex("f3000000 071a5e2c ffffffff"))
    assert (err.packet, err.path, err.offset) == ("character_list", "num_characters", 8)
    assert "min 0" in str(err) and "-1" in str(err)


def test_negative_item_count():
    data = bytearray(CHARACTER_LIST_TWO)
    data[113:117] = (-4).to_bytes(4, "little", signed=True)
    err = raises(pkttools.ValidationError, bytes(data))
    assert (err.path, err.offset) == ("characters[0].num_items", 113)


def test_negative_messenger_and_friend_counts():
    err = raises(pkttools.ValidationError, CHARACTER_LIST_EMPTY[:12] + b"\xff\xff\xff\xff")
    assert (err.path, err.offset) == ("num_messengers", 12)
    data = bytearray(CHARACTER_LIST_MESSENGER)
    data[127:131] = (-2).to_bytes(4, "little", signed=True)
    err = raises(pkttools.ValidationError, bytes(data))
    assert (err.path, err.offset) == ("messengers[0].num_friends", 127)


def test_negative_string_length():
    data = bytearray(CHARACTER_LIST_TWO)
    data[28:32] = (-1).to_bytes(4, "little", signed=True)
    err = raises(pkttools.ValidationError, bytes(data))
    assert (err.path, err.offset) == ("characters[0].name.len_value", 28)


def test_string_longer_than_the_packet():
    data = bytearray(CHARACTER_LIST_TWO)
    data[28:32] = (1000).to_bytes(4, "little")
    err = raises(pkttools.TruncatedError, bytes(data))
    assert (err.path, err.offset) == ("characters[0].name.value", 32)
    assert (err.needed, err.available) == (1000, len(data) - 32)


def test_huge_character_count_ends_at_the_end_of_the_data():
    # 0x7FFFFFFF characters announced, one character present: the second one runs out.
    data = CHARACTER_LIST_TWO[:8] + b"\xff\xff\xff\x7f" + CHARACTER_LIST_TWO[12:133]
    err = raises(pkttools.TruncatedError, data)
    assert (err.path, err.offset, err.available) == ("characters[1].slot", 133, 0)


def test_huge_item_count_ends_at_the_end_of_the_data():
    data = CHARACTER_LIST_TWO[:113] + b"\xff\xff\xff\x7f" + CHARACTER_LIST_TWO[117:121]
    err = raises(pkttools.TruncatedError, data)
    assert (err.path, err.offset) == ("characters[0].item_ids[1]", 121)


@pytest.mark.parametrize("example", [WELCOME, PONG, CHARACTER_LIST_TWO,
                                     CHARACTER_LIST_MESSENGER],
                         ids=["welcome", "pong", "character_list_two", "character_list_messenger"])
def test_every_cut_is_a_truncation_error_where_the_data_ends(example):
    for length in range(len(example)):
        err = raises(pkttools.TruncatedError, example[:length])
        assert err.offset + err.available == length, (length, err)
        assert err.path
        assert err.packet == (None if length < 4 else pkttools.parse(PROTO, example).name)


def test_welcome_without_its_session_id():
    err = raises(pkttools.TruncatedError, WELCOME[:4])
    assert (err.packet, err.path, err.offset) == ("welcome", "session_id", 4)


def test_welcome_with_a_partial_seed_int():
    err = raises(pkttools.TruncatedError, WELCOME + b"\x00\x00")
    assert (err.path, err.offset, err.available) == ("unused_1", 8, 2)


def test_unknown_packet_type_keeps_the_bytes():
    data = bytes.fromhex("f2000000 09000000 3132372e302e302e31")  # cache address, not specified
    err = raises(pkttools.UnknownOpcodeError, data)
    assert (err.opcode, err.path, err.offset, err.data) == (0xF2, "packet_type", 0, data)


def test_bytes_after_join_world():
    pkt = pkttools.parse(PROTO, JOIN_WORLD + b"\xaa")
    assert (pkt.trailing, pkt.trailing_offset) == (b"\xaa", 4)
    with pytest.raises(pkttools.TrailingBytesError) as info:
        pkttools.parse(PROTO, JOIN_WORLD + b"\xaa", strict=True)
    assert (info.value.packet, info.value.offset) == ("join_world", 4)
