"""FlyFF cluster server, whole dumped TCP streams (ksy/flyff/cluster/<direction>/stream.ksy).

The frame headers are literal hex; the bodies are the packet vectors of
tests/vectors/flyff_cluster_server.py and tests/vectors/flyff_cluster_client.py. Server frames are 0x5E and the
i32 body length (Rhisis `FFPacket`, Hellion `FFPacket.Buffer`). Client frames are 0x5E, the
header checksum, the u32 body length and the body checksum; the checksums here were computed
with the official client's formula (`CBuffer` in Source/_Network/Net/Src/buffer.cpp),
`~(crc32(le32(len)) ^ session_id)` and `~(crc32(body) ^ session_id)`, with the session id
0x12345678 of the welcome vector. The splitter reports them and never checks them.
"""

from __future__ import annotations

import json
import zlib

import pytest

import pkttools
from pkttools.cli import main

from vectors import flyff_cluster_client as client_vectors
from vectors import flyff_cluster_server as server_vectors

CHARACTER_LIST_REQUEST = client_vectors.CHARACTER_LIST_REQUEST.data
PING = client_vectors.PING.data
PRE_JOIN = client_vectors.PRE_JOIN.data
QUERY_TICK_COUNT = client_vectors.QUERY_TICK_COUNT.data
CHARACTER_LIST_TWO = server_vectors.CHARACTER_LIST_TWO.data
JOIN_WORLD = server_vectors.JOIN_WORLD.data
PONG = server_vectors.PONG.data
WELCOME = server_vectors.WELCOME.data
WELCOME_SEED_FORM = server_vectors.WELCOME_SEED_FORM.data

SERVER = "flyff.cluster.server"
CLIENT = "flyff.cluster.client"
SESSION_ID = 0x12345678

SERVER_STREAM = (
    bytes.fromhex("5e 08000000") + WELCOME  # 0: header (len 8), welcome
    + bytes.fromhex("5e fc000000") + CHARACTER_LIST_TWO  # 13: header (len 252), character list
    + bytes.fromhex("5e 08000000") + PONG  # 270: header (len 8), pong
    + bytes.fromhex("5e 04000000") + JOIN_WORLD  # 283: header (len 4), join world
)  # 292 bytes

CLIENT_STREAM = (
    # 0: magic, header_checksum, len_body 73, data_checksum; character list request
    bytes.fromhex("5e 2c61932a 49000000 6acef1b1") + CHARACTER_LIST_REQUEST
    # 86: len_body 12; query tick count
    + bytes.fromhex("5e 23c95986 0c000000 52f7ab35") + QUERY_TICK_COUNT
    # 111: len_body 12; ping
    + bytes.fromhex("5e 23c95986 0c000000 01bc07a9") + PING
    # 136: len_body 35; pre join without the auth key
    + bytes.fromhex("5e 4b76087e 23000000 5e856aeb") + PRE_JOIN
)  # 184 bytes


def kinds(items):
    return [(type(i).__name__, i.offset, len(i.data)) for i in items]


def test_server_stream_splits_into_its_four_frames():
    items = pkttools.split(SERVER, SERVER_STREAM)
    assert kinds(items) == [("Frame", 0, 13), ("Frame", 13, 257), ("Frame", 270, 13),
                            ("Frame", 283, 9)]
    assert [i.packet_offset for i in items] == [5, 18, 275, 288]
    assert [i.error for i in items] == [None] * 4
    assert [i.packet.name for i in items] == ["welcome", "character_list", "pong",
                                              "join_world"]
    assert [i.to_dict()["header"] for i in items] == [
        {"magic": "5e", "len_body": 8}, {"magic": "5e", "len_body": 252},
        {"magic": "5e", "len_body": 8}, {"magic": "5e", "len_body": 4}]
    # each body parses exactly as on its own
    assert [i.packet.data for i in items] == [WELCOME, CHARACTER_LIST_TWO, PONG, JOIN_WORLD]
    assert items[0].packet.fields() == {"session_id": SESSION_ID}
    chars = items[1].packet.fields()["characters"]
    assert [(c["name"]["value"], c["item_ids"]) for c in chars] == [
        ("Aria", [504, 508, 512, 21]), ("Boreas", [502, 21])]
    assert items[2].packet.fields() == {"time": 1000}


def test_client_stream_splits_into_its_four_frames():
    items = pkttools.split(CLIENT, CLIENT_STREAM)
    assert kinds(items) == [("Frame", 0, 86), ("Frame", 86, 25), ("Frame", 111, 25),
                            ("Frame", 136, 48)]
    assert [i.packet_offset for i in items] == [13, 99, 124, 149]
    assert [i.error for i in items] == [None] * 4
    assert [i.packet.name for i in items] == ["character_list_request", "query_tick_count",
                                              "ping", "pre_join"]
    assert [i.to_dict()["header"] for i in items] == [
        {"magic": "5e", "header_checksum": 0x2A93612C, "len_body": 73,
         "data_checksum": 0xB1F1CE6A},
        {"magic": "5e", "header_checksum": 0x8659C923, "len_body": 12,
         "data_checksum": 0x35ABF752},
        {"magic": "5e", "header_checksum": 0x8659C923, "len_body": 12,
         "data_checksum": 0xA907BC01},
        {"magic": "5e", "header_checksum": 0x7E08764B, "len_body": 35,
         "data_checksum": 0xEB6A855E},
    ]
    assert all(i.packet.to_dict()["frame"] == {"dpid": 0xFFFFFFFF} for i in items)
    assert items[1].packet.fields() == {"time": 0x0A1B2C3D}


def test_the_client_checksums_follow_the_official_formula():
    # How the vectors' checksums were made; the splitter itself never checks them.
    for item in pkttools.split(CLIENT, CLIENT_STREAM):
        length = item.header.len_body
        body = item.data[13:]
        assert item.header.header_checksum == \
            ~(zlib.crc32(length.to_bytes(4, "little")) ^ SESSION_ID) & 0xFFFFFFFF
        assert item.header.data_checksum == ~(zlib.crc32(body) ^ SESSION_ID) & 0xFFFFFFFF


def test_wrong_checksums_are_reported_not_rejected():
    data = bytearray(CLIENT_STREAM)
    data[1:5] = b"\x00\x00\x00\x00"
    data[9:13] = b"\xff\xff\xff\xff"
    items = pkttools.split(CLIENT, bytes(data))
    assert kinds(items) == kinds(pkttools.split(CLIENT, CLIENT_STREAM))
    assert (items[0].header.header_checksum, items[0].header.data_checksum) == (0, 0xFFFFFFFF)
    assert items[0].error is None and items[0].packet.name == "character_list_request"


def test_optional_trailing_fields_stop_at_the_frame_end():
    # Inside a frame the body is its own stream: pre join ends at its frame, so the next
    # frame's bytes are not read as its auth key; the seed's welcome form fits its length.
    items = pkttools.split(CLIENT, CLIENT_STREAM[136:] + CLIENT_STREAM[:86])
    assert [i.packet.name for i in items] == ["pre_join", "character_list_request"]
    assert "auth_key" not in items[0].packet.fields()
    items = pkttools.split(SERVER, bytes.fromhex("5e 10000000") + WELCOME_SEED_FORM
                           + SERVER_STREAM[270:283])
    assert kinds(items) == [("Frame", 0, 21), ("Frame", 21, 13)]
    assert items[0].packet.fields() == {"session_id": SESSION_ID, "unused_1": 0, "unused_2": 0}


@pytest.mark.parametrize("proto, stream, cut, start", [
    (SERVER, SERVER_STREAM, 100, 13),  # inside the character list body
    (SERVER, SERVER_STREAM, 272, 270),  # inside the pong's header
    (CLIENT, CLIENT_STREAM, 120, 111),  # inside the ping's header
    (CLIENT, CLIENT_STREAM, 170, 136),  # inside the pre join body
])
def test_truncated_frame_is_the_incomplete_tail(proto, stream, cut, start):
    items = pkttools.split(proto, stream[:cut])
    whole = [k for k in kinds(pkttools.split(proto, stream)) if k[1] < start]
    assert kinds(items) == whole + [("Incomplete", start, cut - start)]
    assert items[-1].data == stream[start:cut]
    assert "ends inside a frame" in items[-1].reason


def test_body_that_does_not_parse_is_a_located_error():
    # The character list frame announces 20 bytes: the body ends inside characters[0].
    body = CHARACTER_LIST_TWO[:20]
    items = pkttools.split(SERVER, bytes.fromhex("5e 14000000") + body + SERVER_STREAM[270:])
    assert kinds(items) == [("Frame", 0, 25), ("Frame", 25, 13), ("Frame", 38, 9)]
    err = items[0].error
    assert items[0].packet is None and isinstance(err, pkttools.TruncatedError)
    assert (err.packet, err.path, err.offset) == ("character_list", "characters[0].map_id", 25)
    assert items[1].packet.name == "pong"


def test_negative_frame_length_skips_to_the_next_frame():
    data = bytes.fromhex("5e ffffffff") + SERVER_STREAM[270:]
    items = pkttools.split(SERVER, data)
    assert kinds(items) == [("Unframed", 0, 5), ("Frame", 5, 13), ("Frame", 18, 9)]
    assert "next magic byte" in items[0].reason
    assert (items[0].error.path, items[0].error.offset) == ("header", 0)
    assert "min 0" in str(items[0].error)


def test_huge_frame_length_waits_without_reading_or_allocating():
    data = bytes.fromhex("5e ffffff7f") + PONG
    items = pkttools.split(SERVER, data)
    assert kinds(items) == [("Incomplete", 0, 13)]
    items = pkttools.split(CLIENT, bytes.fromhex("5e 00000000 ffffffff 00000000") + PING)
    assert kinds(items) == [("Incomplete", 0, 25)]


def test_one_byte_at_a_time_gives_the_same_frames():
    for proto, stream in ((SERVER, SERVER_STREAM), (CLIENT, CLIENT_STREAM)):
        chunks = [stream[i:i + 1] for i in range(len(stream))]
        assert kinds(pkttools.split(proto, chunks)) == kinds(pkttools.split(proto, stream))


def test_cli_split_and_parse(tmp_path, capsys):
    dump = tmp_path / "cluster-server.bin"
    dump.write_bytes(SERVER_STREAM)
    assert main(["split", SERVER, str(dump), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(d["offset"], d["packet"]["packet"]) for d in lines] == [
        (0, "welcome"), (13, "character_list"), (270, "pong"), (283, "join_world")]
    assert "4 packet(s), 0 without a spec, 0 problem(s)" in err

    dump.write_bytes(CLIENT_STREAM[:170])
    assert main(["split", CLIENT, str(dump)]) == 1
    out, err = capsys.readouterr()
    assert "character_list_request" in out and "incomplete" in out
    assert "offset 136: the stream ends inside a frame" in err

    assert main(["parse", SERVER, PONG.hex(), "--format", "json"]) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out)[0]["fields"] == {"time": 1000}


def test_garbage_between_frames_is_kept_and_skipped():
    data = SERVER_STREAM[:13] + b"\x00garbage" + SERVER_STREAM[270:]
    items = pkttools.split(SERVER, data)
    assert kinds(items) == [("Frame", 0, 13), ("Unframed", 13, 8), ("Frame", 21, 13),
                            ("Frame", 34, 9)]
    assert items[1].data == b"\x00garbage"
    assert b"".join(i.data for i in items) == data
