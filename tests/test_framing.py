"""The stream splitter (pkttools.stream.framing), on PangYa streams and on a toy protocol that uses
every feature of stream.ksy: a prologue, length-prefixed frames with a magic byte, an end
marker, and a dispatcher that is its own frame."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import pkttools
from pkttools.stream.framing import Splitter, split

from conftest import ROOT

PROTO = "pangya.loginservice.server"
INVALID_CREDENTIALS = bytes.fromhex("01 00 e3 6f d2 4d 00")
NEED_SET_NICKNAME = bytes.fromhex("01 00 d9 ff ff ff ff")
NEED_SELECT_CHARACTER = bytes.fromhex("01 00 da")
SUCCESS = bytes.fromhex(
    "01 00 00 07 00 70 61 6e 67 62 6f 78 d2 c4 49 00"
    "00 00 00 00 25 00 00 00 00 00 00 00 00 00 00 00")
STREAM = INVALID_CREDENTIALS + NEED_SET_NICKNAME + NEED_SELECT_CHARACTER + SUCCESS


def kinds(items):
    return [(type(i).__name__, i.offset, len(i.data)) for i in items]


def test_self_delimited_packets_split_in_order():
    items = split(PROTO, STREAM)
    assert kinds(items) == [("Frame", 0, 7), ("Frame", 7, 7), ("Frame", 14, 3), ("Frame", 17, 32)]
    assert [i.packet.fields()["status"] for i in items] == [
        "error", "need_set_nickname", "need_select_character", "success"]
    assert items[3].packet.fields()["response"]["username"]["value"] == "pangbox"
    assert all(i.error is None and i.packet_offset == i.offset for i in items)


@pytest.mark.parametrize("seed", range(5))
def test_any_chunking_gives_the_same_items(seed):
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(1, len(STREAM)), rng.randint(1, 20)))
    chunks = [STREAM[a:b] for a, b in zip([0] + cuts, cuts + [len(STREAM)])]
    assert kinds(split(PROTO, chunks)) == kinds(split(PROTO, STREAM))


def test_one_byte_at_a_time():
    splitter = Splitter(PROTO)
    items = []
    for byte in STREAM:
        items += splitter.feed(bytes([byte]))
    items += splitter.close()
    assert kinds(items) == kinds(split(PROTO, STREAM))
    assert splitter.offset == len(STREAM)


def test_feed_returns_frames_as_soon_as_they_are_complete():
    splitter = Splitter(PROTO)
    assert splitter.feed(INVALID_CREDENTIALS[:6]) == []
    done = splitter.feed(INVALID_CREDENTIALS[6:] + SUCCESS[:10])
    assert kinds(done) == [("Frame", 0, 7)]
    assert splitter.offset == 7


def test_cut_stream_keeps_the_incomplete_tail():
    items = split(PROTO, STREAM[:-5])
    assert kinds(items) == [("Frame", 0, 7), ("Frame", 7, 7), ("Frame", 14, 3),
                            ("Incomplete", 17, 27)]
    assert items[-1].data == SUCCESS[:-5]
    assert "ends inside a frame" in items[-1].reason


def test_unknown_id_stops_and_keeps_the_rest():
    data = INVALID_CREDENTIALS + bytes.fromhex("ff 7f aa bb") + SUCCESS
    items = split(PROTO, data)
    assert kinds(items) == [("Frame", 0, 7), ("Unframed", 7, 4 + 32)]
    rest = items[1]
    assert isinstance(rest.error, pkttools.UnknownOpcodeError)
    assert (rest.error.opcode, rest.error.offset, rest.error.path) == (0x7FFF, 7, "packet_id")
    assert "offset 7" in str(rest.error)


def test_split_result_does_not_depend_on_chunking_of_garbage():
    data = INVALID_CREDENTIALS + bytes.fromhex("ff 7f") + SUCCESS
    whole = split(PROTO, data)
    bytewise = split(PROTO, [data[i:i + 1] for i in range(len(data))])
    assert kinds(whole) == kinds(bytewise) == [("Frame", 0, 7), ("Unframed", 7, 34)]


def test_after_a_stop_later_bytes_are_unframed_too():
    splitter = Splitter(PROTO)
    first = splitter.feed(bytes.fromhex("ff 7f"))
    later = splitter.feed(SUCCESS)
    assert kinds(first) == [("Unframed", 0, 2)]
    assert kinds(later) == [("Unframed", 2, 32)]
    assert splitter.close() == []


def test_broken_packet_stops_with_its_field_and_stream_offset():
    data = INVALID_CREDENTIALS + bytes.fromhex("01 00 d9 ff ff ff fe") + SUCCESS
    items = split(PROTO, data)
    assert kinds(items) == [("Frame", 0, 7), ("Unframed", 7, 39)]
    err = items[1].error
    assert isinstance(err, pkttools.ValidationError)
    assert (err.path, err.offset) == ("response.unused", 10)



def test_a_splitter_can_start_at_a_stream_offset():
    # A capture restarts splitting after a gap: items and errors count from that offset.
    data = INVALID_CREDENTIALS + bytes.fromhex("01 00 d9 ff ff ff fe")
    splitter = Splitter(PROTO, offset=1000)
    items = splitter.feed(data) + splitter.close()
    assert kinds(items) == [("Frame", 1000, 7), ("Unframed", 1007, 7)]
    assert items[0].packet_offset == 1000
    assert (items[1].error.path, items[1].error.offset) == ("response.unused", 1010)
    assert splitter.offset == 1014


def test_a_long_frame_fed_in_small_chunks_comes_out_once_whole():
    body = {"packet": "character_list", "fields": {"auth_key": 1, "characters": [],
                                                  "messengers": []}}
    frame = pkttools.build_frame("flyff.cluster.server", body)
    frame = frame[:1] + (len(frame) - 5 + 100_000).to_bytes(4, "little") + frame[5:] \
        + bytes(100_000)  # the same packet with 100 kB of trailing bytes in its body
    splitter = Splitter("flyff.cluster.server")
    outs = [splitter.feed(frame[i:i + 1000]) for i in range(0, len(frame), 1000)]
    assert all(out == [] for out in outs[:-1])
    assert kinds(outs[-1]) == [("Frame", 0, len(frame))]
    assert outs[-1][0].packet.name == "character_list"

def test_no_byte_lost_or_duplicated():
    rng = random.Random(7)
    for _ in range(200):
        data = bytes(rng.choice([0x00, 0x01, 0xd9, 0xda, 0xe3, 0xff, rng.randrange(256)])
                     for _ in range(rng.randrange(0, 60)))
        chunked = Splitter(PROTO)
        items = []
        for i in range(0, len(data), 3):
            items += chunked.feed(data[i:i + 3])
        items += chunked.close()
        assert b"".join(i.data for i in items) == data
        offsets = [i.offset for i in items]
        assert offsets == sorted(offsets)


def test_protocol_without_stream_spec_is_a_usage_error(monkeypatch):
    proto = pkttools.protocol(PROTO)
    monkeypatch.setattr(proto, "stream", None)
    with pytest.raises(pkttools.UsageError, match="no stream spec"):
        Splitter(proto)


def test_cli_split(capsys):
    from pkttools.cli import main

    code = main(["split", PROTO, STREAM.hex(), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert [(d["kind"], d["offset"], d["packet"]["fields"]["status"]) for d in docs] == [
        ("frame", 0, "error"), ("frame", 7, "need_set_nickname"),
        ("frame", 14, "need_select_character"), ("frame", 17, "success")]
    assert "4 packet(s), 0 without a spec, 0 problem(s)" in err

    code = main(["split", PROTO, (STREAM[:-1]).hex()])
    out, err = capsys.readouterr()
    assert code == 1
    assert "incomplete" in out and "offset 17: the stream ends inside a frame" in err


# -- the toy protocol ---------------------------------------------------------------------------
TOY_SPECS = {
    "toy/wire/server/index.ksy": """
        meta: {id: toy_wire_server, title: toy, ks-version: '0.11', imports: ['01'], endian: le}
        doc: toy dispatcher
        seq:
          - {id: opcode, type: u1, enum: opcode, doc: op}
          - id: body
            doc: body
            type: {switch-on: opcode, cases: {'opcode::ping': toy_wire_server_01_ping}}
        enums: {opcode: {1: ping}}
    """,
    "toy/wire/server/01.ksy": """
        meta: {id: toy_wire_server_01_ping, title: ping, ks-version: '0.11', endian: le}
        doc: ping
        doc-ref: nowhere
        seq:
          - {id: value, type: u2, doc: v}
    """,
    # greeting prologue; frames: AA len body; a header with len 0xFF ends the stream
    "toy/wire/server/stream.ksy": """
        meta: {id: toy_wire_server_stream, title: s, ks-version: '0.11', imports: [index],
               endian: le}
        doc: stream
        seq:
          - {id: greeting, size: 2, doc: g}
          - {id: frames, type: frame, repeat: until, repeat-until: '_.header.len_body == 255',
             doc: f}
        types:
          frame:
            doc: frame
            seq:
              - {id: header, type: frame_header, doc: h}
              - {id: body, size: header.len_body, type: toy_wire_server, doc: b}
          frame_header:
            doc: header
            seq:
              - {id: magic, contents: [0xaa], doc: m}
              - {id: len_body, type: u1, doc: l}
    """,
    # A dispatcher that is its own frame (like FFXI): id, len, sized body; no magic.
    "toy/wire/client/index.ksy": """
        meta: {id: toy_wire_client, title: toy, ks-version: '0.11', imports: ['01'], endian: le}
        doc: toy client dispatcher
        seq:
          - {id: header, type: header, doc: h}
          - id: body
            size: header.len_body
            doc: body
            type: {switch-on: header.opcode, cases: {'opcode::pong': toy_wire_client_01_pong}}
        types:
          header:
            doc: header
            seq:
              - {id: opcode, type: u1, enum: opcode, doc: op}
              - {id: len_body, type: u1, doc: l}
        enums: {opcode: {1: pong}}
    """,
    "toy/wire/client/01.ksy": """
        meta: {id: toy_wire_client_01_pong, title: pong, ks-version: '0.11', endian: le}
        doc: pong
        doc-ref: nowhere
        seq:
          - {id: value, type: u2, doc: v}
    """,
    "toy/wire/client/stream.ksy": """
        meta: {id: toy_wire_client_stream, title: s, ks-version: '0.11', imports: [index],
               endian: le}
        doc: stream
        seq:
          - {id: packets, type: toy_wire_client, repeat: eos, doc: p}
    """,
}

TOY_SCRIPT = """
import json, sys
from pkttools.stream.framing import Splitter
from pkttools.stream.items import merge_unframed
proto, chunk = sys.argv[1], int(sys.argv[2])
data = bytes.fromhex(sys.stdin.read())
s = Splitter(proto)
items = []
for i in range(0, len(data), chunk):
    items += s.feed(data[i:i + chunk])
items += s.close()
assert b"".join(i.data for i in items) == data
out = []
for it in merge_unframed(items):
    d = it.to_dict()
    d["type"] = type(it).__name__
    d["data"] = it.data.hex()
    d["error_path"] = getattr(getattr(it, "error", None), "path", None)
    d["error_offset"] = getattr(getattr(it, "error", None), "offset", None)
    out.append(d)
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def toy(tmp_path_factory) -> Path:
    """A scratch project holding only the toy specs, built with the real build.py."""
    import shutil

    root = tmp_path_factory.mktemp("toy")
    shutil.copy(ROOT / "build.py", root / "build.py")
    shutil.copytree(ROOT / "tools", root / "tools")
    shutil.copytree(ROOT / "pkttools", root / "pkttools",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    for rel, text in TOY_SPECS.items():
        path = root / "ksy" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    built = subprocess.run([sys.executable, "build.py", "-q"], cwd=root, capture_output=True,
                           text=True)
    assert built.returncode == 0, built.stderr
    return root


def run_toy(toy: Path, proto: str, data: bytes, chunk: int = 1 << 20) -> list[dict]:
    proc = subprocess.run([sys.executable, "-c", TOY_SCRIPT, proto, str(chunk)], cwd=toy,
                          input=data.hex(), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def toy_kinds(items):
    return [(i["type"], i["offset"], i["length"]) for i in items]


GREETING = bytes.fromhex("4849")
PING = lambda v: bytes.fromhex("aa 03 01") + v.to_bytes(2, "little")  # noqa: E731


@pytest.mark.parametrize("chunk", [1, 2, 5, 1000])
def test_prologue_and_length_prefixed_frames(toy, chunk):
    data = GREETING + PING(1) + PING(0x1234)
    items = run_toy(toy, "toy.wire.server", data, chunk)
    assert toy_kinds(items) == [("Prologue", 0, 2), ("Frame", 2, 5), ("Frame", 7, 5)]
    assert items[0]["name"] == "greeting" and items[0]["hex"] == "4849"
    assert items[1]["header"] == {"magic": "aa", "len_body": 3}
    assert items[2]["packet"]["fields"] == {"value": 0x1234}


def test_garbage_is_skipped_to_the_next_magic(toy):
    data = GREETING + PING(1) + bytes.fromhex("00 11 22") + PING(2)
    items = run_toy(toy, "toy.wire.server", data, 1)
    assert toy_kinds(items) == [("Prologue", 0, 2), ("Frame", 2, 5), ("Unframed", 7, 3),
                                ("Frame", 10, 5)]
    assert items[2]["data"] == "001122"
    assert items[2]["error_path"] == "header" and items[2]["error_offset"] == 7


def test_body_error_keeps_the_frame_and_goes_on(toy):
    # a frame whose body is an unknown opcode, then a frame whose body is too short
    data = GREETING + bytes.fromhex("aa 03 09 00 00") + bytes.fromhex("aa 02 01 00") + PING(5)
    items = run_toy(toy, "toy.wire.server", data)
    assert toy_kinds(items) == [("Prologue", 0, 2), ("Frame", 2, 5), ("Frame", 7, 4),
                                ("Frame", 11, 5)]
    assert items[1]["packet"] is None and "unknown opcode" in items[1]["error"]
    assert items[1]["error_offset"] == 4  # the opcode byte, in stream offsets
    assert items[2]["error_path"] == "value" and items[2]["error_offset"] == 10
    assert items[3]["packet"]["fields"] == {"value": 5}


def test_end_marker_stops_and_keeps_what_follows(toy):
    data = GREETING + PING(1) + bytes.fromhex("aa ff") + PING(2)
    items = run_toy(toy, "toy.wire.server", data, 2)
    assert toy_kinds(items) == [("Prologue", 0, 2), ("Frame", 2, 5), ("Unframed", 7, 7)]
    assert items[2]["reason"] == "after the end marker" and items[2]["error"] is None


def test_incomplete_frame_and_prologue(toy):
    assert toy_kinds(run_toy(toy, "toy.wire.server", GREETING[:1])) == [("Incomplete", 0, 1)]
    items = run_toy(toy, "toy.wire.server", GREETING + PING(1)[:4], 1)
    assert toy_kinds(items) == [("Prologue", 0, 2), ("Incomplete", 2, 4)]


def test_dispatcher_as_its_own_frame(toy):
    pong = bytes.fromhex("01 02 34 12")
    unknown = bytes.fromhex("07 01 ee")
    items = run_toy(toy, "toy.wire.client", pong + unknown + pong, 1)
    assert toy_kinds(items) == [("Frame", 0, 4), ("Frame", 4, 3), ("Frame", 7, 4)]
    assert items[0]["packet"]["fields"] == {"value": 0x1234}
    assert items[0]["packet"]["frame"] == {"header": {"opcode": "pong", "len_body": 2}}
    assert items[1]["packet"] is None and items[1]["data"] == "0701ee"
    assert "opcode 0x0007" in items[1]["error"]
