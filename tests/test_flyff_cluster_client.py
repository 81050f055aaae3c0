"""FlyFF cluster server, client to server (ksy/flyff/cluster/client/).

Vectors (tests/vectors/flyff_cluster_client.py) are packet bodies (after the 13-byte frame header), derived from the layouts and from
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
from vectors import flyff_cluster_client as V

PROTO = "flyff.cluster.client"
# byte strings of the vectors, for the tests that cut or change them
CHARACTER_LIST_REQUEST = V.CHARACTER_LIST_REQUEST.data
CREATE_CHARACTER = V.CREATE_CHARACTER.data
DELETE_CHARACTER = V.DELETE_CHARACTER.data
PRE_JOIN = V.PRE_JOIN.data
QUERY_TICK_COUNT = V.QUERY_TICK_COUNT.data
PING = V.PING.data


# -- packets ----------------------------------------------------------------------------------

def test_character_list_request():
    pkt = check_vector(V.CHARACTER_LIST_REQUEST)
    assert pkt.opcode == 0xF6


def test_create_character_with_a_one_byte_slot():
    pkt = check_vector(V.CREATE_CHARACTER)
    assert pkt.opcode == 0xF4
    spans = {".".join(map(str, s.path)): (s.start, s.size) for s in pkt.spans()}
    assert spans["body.slot"] == (53, 1)
    assert spans["body.name.len_value"] == (54, 4)


def test_delete_character_as_the_seed_has_it():
    pkt = check_vector(V.DELETE_CHARACTER)
    assert pkt.opcode == 0xF5


def test_delete_character_with_the_official_clients_friend_ids():
    check_vector(V.DELETE_CHARACTER_OFFICIAL)


def test_pre_join_without_the_auth_key():
    pkt = check_vector(V.PRE_JOIN)
    assert pkt.opcode == 0xFF05


def test_pre_join_with_the_seeds_auth_key():
    check_vector(V.PRE_JOIN_SEED_FORM)


def test_query_tick_count():
    pkt = check_vector(V.QUERY_TICK_COUNT)
    assert pkt.opcode == 0x0B


def test_ping():
    pkt = check_vector(V.PING)
    assert pkt.opcode == 0x14


def test_dpid_is_reported_as_it_is():
    data = b"\x01\x00\x00\x00" + PING[4:]
    pkt = check_vector(PROTO, data, "ping", {"time": 0x00C0FFEE}, frame={"dpid": 1})
    assert pkt.dispatcher.dpid == 1


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
