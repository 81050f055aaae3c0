"""Splitting TMW login TCP streams (ksy/tmw/login/*/stream.ksy) with pkttools.split.

TMW has no frame header: packets follow each other and each packet's spec says how long it is
(fixed layouts, or the u2 total length at offset 2). The streams below are the packets of the
login flow in the order ManaPlus and tmwAthena send them; the packet vectors are the ones of
tests/vectors/tmw_login_client.py and tests/vectors/tmw_login_server.py.
"""

from __future__ import annotations

import random

import pytest

import pkttools
from pkttools.stream.framing import Splitter
from pkttools.stream.items import Frame, Incomplete, Unframed

from vectors import tmw_login_client as client_vectors
from vectors import tmw_login_server as server_vectors

LOGIN_REQUEST = client_vectors.LOGIN_REQUEST.data
SERVER_VERSION_REQUEST = client_vectors.SERVER_VERSION_REQUEST.data
CONNECTION_PROBLEM_NO_SERVER = server_vectors.CONNECTION_PROBLEM_NO_SERVER.data
LOGIN_DATA_ONE = server_vectors.LOGIN_DATA_ONE.data
LOGIN_DATA_THREE = server_vectors.LOGIN_DATA_THREE.data
LOGIN_ERROR_BANNED = server_vectors.LOGIN_ERROR_BANNED.data
SERVER_VERSION = server_vectors.SERVER_VERSION.data
UPDATE_HOST = server_vectors.UPDATE_HOST.data

CLIENT = "tmw.login.client"
SERVER = "tmw.login.server"

# What ManaPlus sends on the login connection: 0x7530, then 0x0064 once 0x7531 arrived.
CLIENT_STREAM = bytes.fromhex(
    "30 75"
    "64 00 08 00 00 00"
    "70 6c 61 79 65 72 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
    "73 65 63 72 65 74 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
    "03")

# A successful login as tmwAthena answers it: 0x0063 (36 bytes), then 0x0069 (79 bytes).
SERVER_STREAM = bytes.fromhex(
    "63 00 24 00"
    "68 74 74 70 3a 2f 2f 75 70 64 61 74 65 73 2e 74 68 65 6d 61 6e 61 77 6f 72 6c 64 2e 6f 72 67"
    "00"
    "69 00 4f 00 3e 2c 1d 4b 80 84 1e 00 0d 0c 0b 0a 00 00 00 00"
    "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
    "00 00 02"
    "cb 00 71 07 ea 17"
    "54 68 65 20 4d 61 6e 61 20 57 6f 72 6c 64 00 00 00 00 00 00"
    "2a 00 00 00 00 00")


def kinds(items):
    return [(type(i).__name__, i.offset, len(i.data)) for i in items]


def test_the_streams_are_the_packet_vectors_back_to_back():
    assert CLIENT_STREAM == SERVER_VERSION_REQUEST + LOGIN_REQUEST
    assert SERVER_STREAM == UPDATE_HOST + LOGIN_DATA_ONE


def test_lengths_come_from_the_packet_specs():
    # No length table: the stream spec repeats the dispatcher, whose packets delimit themselves.
    for name in (CLIENT, SERVER):
        stream = pkttools.protocol(name).stream
        assert stream["frame"] == {"kind": "self", "type": pkttools.protocol(name).type_key}
        assert stream["prologue"] == [] and stream["until"] is None


def test_client_stream_version_request_then_login_request():
    items = pkttools.split(CLIENT, CLIENT_STREAM)
    assert kinds(items) == [("Frame", 0, 2), ("Frame", 2, 55)]
    assert [i.packet.name for i in items] == ["server_version_request", "login_request"]
    assert items[1].packet.fields() == {
        "client_version": 8, "username": "player", "password": "secret",
        "can_handle_update_host": True, "default_to_first_char_server": True,
        "unused_flags": 0}
    assert all(i.error is None for i in items)


def test_server_stream_update_host_then_login_data():
    items = pkttools.split(SERVER, SERVER_STREAM)
    assert kinds(items) == [("Frame", 0, 36), ("Frame", 36, 79)]
    host, data = (i.packet for i in items)
    assert (host.name, host.fields()["update_host"]) == (
        "update_host", "http://updates.themanaworld.org")
    assert data.name == "login_data"
    assert [(s["ip_dotted"], s["port"], s["name"]) for s in data.fields()["char_servers"]] == [
        ("203.0.113.7", 6122, "The Mana World")]


def test_server_stream_of_every_answer():
    stream = (SERVER_VERSION + UPDATE_HOST + LOGIN_DATA_THREE + LOGIN_ERROR_BANNED
              + CONNECTION_PROBLEM_NO_SERVER)
    items = pkttools.split(SERVER, stream)
    assert kinds(items) == [("Frame", 0, 10), ("Frame", 10, 36), ("Frame", 46, 143),
                            ("Frame", 189, 23), ("Frame", 212, 3)]
    assert [i.packet.name for i in items] == [
        "server_version", "update_host", "login_data", "login_error", "connection_problem"]


@pytest.mark.parametrize("seed", range(5))
def test_any_chunking_gives_the_same_frames(seed):
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(1, len(SERVER_STREAM)), rng.randint(1, 30)))
    chunks = [SERVER_STREAM[a:b] for a, b in zip([0] + cuts, cuts + [len(SERVER_STREAM)])]
    assert kinds(pkttools.split(SERVER, chunks)) == [("Frame", 0, 36), ("Frame", 36, 79)]


def test_a_frame_comes_back_when_its_last_byte_arrives():
    splitter = Splitter(SERVER)
    assert splitter.feed(SERVER_STREAM[:35]) == []
    assert kinds(splitter.feed(SERVER_STREAM[35:40])) == [("Frame", 0, 36)]
    assert splitter.feed(SERVER_STREAM[40:-1]) == []  # 0x0069's length says 79: one missing
    assert kinds(splitter.feed(SERVER_STREAM[-1:])) == [("Frame", 36, 79)]
    assert splitter.close() == []


# -- cut streams ------------------------------------------------------------------------------

@pytest.mark.parametrize("cut", [37, 38, 39, 60, 100, 114])
def test_server_stream_cut_inside_login_data_keeps_the_tail(cut):
    # 37: inside the packet id, 39: inside the length, 60 / 100 / 114: inside the body.
    items = pkttools.split(SERVER, SERVER_STREAM[:cut])
    assert kinds(items) == [("Frame", 0, 36), ("Incomplete", 36, cut - 36)]
    tail = items[1]
    assert isinstance(tail, Incomplete)
    assert tail.data == SERVER_STREAM[36:cut]
    assert "ends inside a frame" in tail.reason


def test_client_stream_cut_inside_the_login_request_keeps_the_tail():
    items = pkttools.split(CLIENT, CLIENT_STREAM[:30])
    assert kinds(items) == [("Frame", 0, 2), ("Incomplete", 2, 28)]
    assert items[1].data == LOGIN_REQUEST[:28]


# -- bad input --------------------------------------------------------------------------------

def test_id_without_a_spec_is_stepped_over_by_its_declared_length():
    # 0x006B (the char-server's character list) has no spec on the login server, but its
    # dispatcher declares its length (`-pkttools-packet-lengths: 0x006b: variable`, from
    # tmwAthena's protocol.py): the u2 at offset 2, here 24. The frame keeps its bytes and
    # says it has no spec; the login data after it parses.
    char_list = bytes.fromhex("6b 00 18 00") + bytes(range(20))
    data = UPDATE_HOST + char_list + LOGIN_DATA_ONE
    items = pkttools.split(SERVER, data)
    assert kinds(items) == [("Frame", 0, 36), ("Frame", 36, 24), ("Frame", 60, 79)]
    skipped = items[1]
    assert skipped.packet is None and skipped.data == char_list
    err = skipped.error
    assert isinstance(err, pkttools.UnknownOpcodeError)
    assert (err.opcode, err.path, err.offset) == (0x006B, "packet_id", 36)
    assert "declared length, 24 bytes" in str(err)
    assert items[2].packet.name == "login_data"
    bytewise = Splitter(SERVER)
    got = [i for b in data for i in bytewise.feed(bytes([b]))] + bytewise.close()
    assert kinds(got) == kinds(items)


def test_fixed_declared_length_and_an_id_nobody_knows():
    # 0x0080 (a map-server packet) is 7 bytes; 0xFFFF is no packet of tmwAthena's: its length
    # is unknown, so nothing after it splits, and the rest is kept.
    data = bytes.fromhex("8000") + bytes(5) + bytes.fromhex("ff ff") + LOGIN_DATA_ONE
    items = pkttools.split(SERVER, data)
    assert kinds(items) == [("Frame", 0, 7), ("Unframed", 7, 2 + 79)]
    rest = items[1]
    assert isinstance(rest, Unframed) and rest.data == data[7:]
    assert "unknown packet id" in rest.reason
    assert (rest.error.opcode, rest.error.offset) == (0xFFFF, 7)


def test_client_stream_unknown_id():
    data = SERVER_VERSION_REQUEST + bytes.fromhex("ff ff") + LOGIN_REQUEST
    items = pkttools.split(CLIENT, data)
    assert kinds(items) == [("Frame", 0, 2), ("Unframed", 2, 57)]
    assert (items[1].error.opcode, items[1].error.offset) == (0xFFFF, 2)


@pytest.mark.parametrize("packet, length", [(UPDATE_HOST, 3), (LOGIN_DATA_ONE, 46)])
def test_variable_length_smaller_than_the_header_stops_the_split(packet, length):
    bad = packet[:2] + length.to_bytes(2, "little") + packet[4:]
    data = SERVER_VERSION + bad + CONNECTION_PROBLEM_NO_SERVER
    items = pkttools.split(SERVER, data)
    assert kinds(items) == [("Frame", 0, 10), ("Unframed", 10, len(bad) + 3)]
    err = items[1].error
    assert isinstance(err, pkttools.ValidationError)
    assert (err.path, err.offset) == ("len_packet", 12)
    assert f"got {length}" in str(err)


def test_login_data_length_that_does_not_fit_the_entry_size_stops_the_split():
    bad = LOGIN_DATA_ONE[:2] + (79 + 5).to_bytes(2, "little") + LOGIN_DATA_ONE[4:] + bytes(5)
    items = pkttools.split(SERVER, UPDATE_HOST + bad)
    assert kinds(items) == [("Frame", 0, 36), ("Unframed", 36, 84)]
    err = items[1].error
    assert isinstance(err, pkttools.ValidationError)
    assert (err.packet, err.path, err.offset) == ("login_data", "len_packet", 38)
    assert "got 84" in str(err)


def test_no_byte_lost_or_duplicated():
    rng = random.Random(11)
    pieces = [SERVER_VERSION, UPDATE_HOST, LOGIN_DATA_ONE, LOGIN_DATA_THREE, LOGIN_ERROR_BANNED,
              CONNECTION_PROBLEM_NO_SERVER, bytes.fromhex("69 00 10 00"), bytes([0x63])]
    for _ in range(100):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randrange(0, 6)))
        items = pkttools.split(SERVER, [data[i:i + 7] for i in range(0, len(data), 7)])
        assert b"".join(i.data for i in items) == data
        assert all(isinstance(i, (Frame, Unframed, Incomplete)) for i in items)
