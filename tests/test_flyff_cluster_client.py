"""FlyFF cluster server, client to server (ksy/flyff/cluster/client/).

Vectors are packet bodies (after the 13-byte frame header), derived from the layouts and from
the official client's writing code (`CDPLoginClient::SendGetPlayerList`, `SendCreatePlayer`,
`SendDeletePlayer`, `SendPreJoin`, `QueryTickCount`, `Ping` in Source/Neuz/DPLoginClient.*),
checked against what Rhisis and Hellion read. Every body starts with the DPID the client writes
(`DPID_UNKNOWN`, 0xFFFFFFFF), which plain data shows under `frame`. The password is the MD5 hex
string of "secret", as the client stores it; the deletion key the MD5 hex string of "1234".
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector

PROTO = "flyff.cluster.client"
FRAME = {"dpid": 0xFFFFFFFF}
PASSWORD = "5ebe2294ecd0e0f08eab7690d2a6ee69"  # md5("secret")

# -- vectors ----------------------------------------------------------------------------------

CHARACTER_LIST_REQUEST = bytes.fromhex(
    "ffffffff"  # dpid: DPID_UNKNOWN
    "f6000000"  # packet_type: character_list_request
    "08000000 3230313030343132"  # build_date: "20100412"
    "071a5e2c"  # auth_key: 0x2c5e1a07
    "05000000 616c696365"  # username: "alice"
    "20000000 3565626532323934656364306530663038656162373639306432613665653639"  # password
    "01000000"  # server_id: 1
)
CREATE_CHARACTER = bytes.fromhex(
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
)
# Delete as the seed, Rhisis and Hellion have it: ends after auth_key.
DELETE_CHARACTER = bytes.fromhex(
    "ffffffff"  # dpid
    "f5000000"  # packet_type: delete_character
    "05000000 616c696365"  # username: "alice"
    "20000000 3565626532323934656364306530663038656162373639306432613665653639"  # password
    "20000000 3831646339626462353264303464633230303336646264383331336564303535"  # md5("1234")
    "07000000"  # character_id: 7
    "071a5e2c"  # auth_key
)
# Delete as the official v15 client sends it: the character's messenger friends follow.
DELETE_CHARACTER_OFFICIAL = DELETE_CHARACTER + bytes.fromhex(
    "02000000"  # messenger.num_friend_ids: 2
    "ea030000 eb030000"  # messenger.friend_ids: 1002, 1003
)
# Pre join as real clients send it: ends after bank_code.
PRE_JOIN = bytes.fromhex(
    "ffffffff"  # dpid
    "05ff0000"  # packet_type: pre_join
    "05000000 616c696365"  # username: "alice"
    "07000000"  # character_id: 7
    "06000000 426f72656173"  # character_name: "Boreas"
    "d2040000"  # bank_code: 1234
)
# Pre join as the seed lists it: with the auth key after bank_code.
PRE_JOIN_SEED_FORM = PRE_JOIN + bytes.fromhex("071a5e2c")  # auth_key
QUERY_TICK_COUNT = bytes.fromhex(
    "ffffffff"  # dpid
    "0b000000"  # packet_type: query_tick_count
    "3d2c1b0a"  # time: 0x0a1b2c3d
)
PING = bytes.fromhex(
    "ffffffff"  # dpid
    "14000000"  # packet_type: ping
    "eeffc000"  # time: 0x00c0ffee
)

ALICE = {"len_value": 5, "value": "alice"}
PASSWORD_FIELD = {"len_value": 32, "value": PASSWORD}


# -- packets ----------------------------------------------------------------------------------

def test_character_list_request():
    pkt = check_vector(PROTO, CHARACTER_LIST_REQUEST, "character_list_request", {
        "build_date": {"len_value": 8, "value": "20100412"},
        "auth_key": 0x2C5E1A07,
        "username": ALICE,
        "password": PASSWORD_FIELD,
        "server_id": 1,
    }, frame=FRAME)
    assert pkt.opcode == 0xF6


def test_create_character_with_a_one_byte_slot():
    pkt = check_vector(PROTO, CREATE_CHARACTER, "create_character", {
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
    }, frame=FRAME)
    assert pkt.opcode == 0xF4
    spans = {".".join(map(str, s.path)): (s.start, s.size) for s in pkt.spans()}
    assert spans["body.slot"] == (53, 1)
    assert spans["body.name.len_value"] == (54, 4)


DELETE_FIELDS = {
    "username": ALICE,
    "password": PASSWORD_FIELD,
    "password_verification": {"len_value": 32, "value": "81dc9bdb52d04dc20036dbd8313ed055"},
    "character_id": 7,
    "auth_key": 0x2C5E1A07,
}
PRE_JOIN_FIELDS = {
    "username": ALICE,
    "character_id": 7,
    "character_name": {"len_value": 6, "value": "Boreas"},
    "bank_code": 1234,
}


def test_delete_character_as_the_seed_has_it():
    pkt = check_vector(PROTO, DELETE_CHARACTER, "delete_character", DELETE_FIELDS, frame=FRAME)
    assert pkt.opcode == 0xF5


def test_delete_character_with_the_official_clients_friend_ids():
    check_vector(PROTO, DELETE_CHARACTER_OFFICIAL, "delete_character", {
        **DELETE_FIELDS,
        "messenger": {"num_friend_ids": 2, "friend_ids": [1002, 1003]},
    }, frame=FRAME)


def test_pre_join_without_the_auth_key():
    pkt = check_vector(PROTO, PRE_JOIN, "pre_join", PRE_JOIN_FIELDS, frame=FRAME)
    assert pkt.opcode == 0xFF05


def test_pre_join_with_the_seeds_auth_key():
    check_vector(PROTO, PRE_JOIN_SEED_FORM, "pre_join",
                 {**PRE_JOIN_FIELDS, "auth_key": 0x2C5E1A07}, frame=FRAME)


def test_query_tick_count():
    pkt = check_vector(PROTO, QUERY_TICK_COUNT, "query_tick_count", {"time": 0x0A1B2C3D},
                       frame=FRAME)
    assert pkt.opcode == 0x0B


def test_ping():
    pkt = check_vector(PROTO, PING, "ping", {"time": 0x00C0FFEE}, frame=FRAME)
    assert pkt.opcode == 0x14


def test_dpid_is_reported_as_it_is():
    data = b"\x01\x00\x00\x00" + PING[4:]
    pkt = check_vector(PROTO, data, "ping", {"time": 0x00C0FFEE}, frame={"dpid": 1})
    assert pkt.frame.dpid == 1


def test_every_packet_is_listed():
    proto = pkttools.protocol(PROTO)
    assert [(p.opcode, p.name) for p in proto.packets] == [
        (0x0B, "query_tick_count"), (0x14, "ping"), (0xF4, "create_character"),
        (0xF5, "delete_character"), (0xF6, "character_list_request"), (0xFF05, "pre_join")]


# -- bad input --------------------------------------------------------------------------------

def raises(error, data):
    with pytest.raises(error) as info:
        pkttools.parse(PROTO, data)
    assert info.value.protocol == PROTO
    return info.value


def test_string_longer_than_the_packet():
    data = bytearray(CHARACTER_LIST_REQUEST)
    data[8:12] = (0x100).to_bytes(4, "little")  # build_date.len_value
    err = raises(pkttools.TruncatedError, bytes(data))
    assert (err.packet, err.path, err.offset) == ("character_list_request", "build_date.value", 12)
    assert (err.needed, err.available) == (0x100, len(data) - 12)


def test_huge_string_length_ends_at_the_end_of_the_data():
    data = CHARACTER_LIST_REQUEST[:8] + b"\xff\xff\xff\x7f" + b"2010"
    err = raises(pkttools.TruncatedError, data)
    assert (err.path, err.offset, err.needed, err.available) == (
        "build_date.value", 12, 0x7FFFFFFF, 4)


def test_negative_string_length():
    data = bytearray(PRE_JOIN)
    data[21:25] = (-6).to_bytes(4, "little", signed=True)  # character_name.len_value
    err = raises(pkttools.ValidationError, bytes(data))
    assert (err.packet, err.path, err.offset) == ("pre_join", "character_name.len_value", 21)
    assert "min 0" in str(err) and "-6" in str(err)


def test_huge_friend_count_ends_at_the_end_of_the_data():
    data = DELETE_CHARACTER + b"\xff\xff\xff\xff" + b"\xea\x03\x00\x00"
    err = raises(pkttools.TruncatedError, data)
    assert (err.path, err.offset) == ("messenger.friend_ids[1]", len(DELETE_CHARACTER) + 8)


def test_partial_auth_key_of_pre_join():
    err = raises(pkttools.TruncatedError, PRE_JOIN + b"\x07\x1a")
    assert (err.path, err.offset, err.available) == ("auth_key", len(PRE_JOIN), 2)


def test_dpid_without_a_packet_type():
    err = raises(pkttools.TruncatedError, b"\xff\xff\xff\xff")
    assert (err.packet, err.path, err.offset) == (None, "packet_type", 4)


@pytest.mark.parametrize("example", [CHARACTER_LIST_REQUEST, CREATE_CHARACTER, DELETE_CHARACTER,
                                     PRE_JOIN, QUERY_TICK_COUNT, PING],
                         ids=["character_list_request", "create_character",
                              "delete_character", "pre_join", "query_tick_count", "ping"])
def test_every_cut_is_a_truncation_error_where_the_data_ends(example):
    name = pkttools.parse(PROTO, example).name
    for length in range(len(example)):
        err = raises(pkttools.TruncatedError, example[:length])
        assert err.offset + err.available == length, (length, err)
        assert err.packet == (None if length < 8 else name)


def test_unknown_packet_type_keeps_the_bytes():
    data = bytes.fromhex("ffffffff f7000000 00")
    err = raises(pkttools.UnknownOpcodeError, data)
    assert (err.opcode, err.path, err.offset, err.data) == (0xF7, "packet_type", 4, data)
