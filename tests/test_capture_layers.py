"""Encrypted services straight from captures, through their game layers (pkttools/layers):
PangYa's LoginService with and without its hello, FFXI's world server with its session key;
bad keys and corrupt frames reported where they are, with their bytes; `pkttools decrypt` and
`pkttools encrypt` round-trip every test vector."""

from __future__ import annotations

import random

import pytest

import pkttools
from pkttools.cli import main
from pkttools.layers import ffxi, pangya
from pkttools.publish.vectors import load

import exchange
from pcapgen import Conversation, link_frame, udp_packet, write_pcap

PACKETS = exchange.tcp_packets()["pangya.loginservice"]


def pangya_capture(tmp_path, *, hello: bool, corrupt: int | None = None):
    """A LoginService connection as the game sends it (exchange.on_the_wire)."""
    packets, frames = exchange.on_the_wire("pangya.loginservice", PACKETS, random.Random(3),
                                           hello=hello)
    if corrupt is not None:  # flip a byte inside the body of one server frame
        bad = bytearray(frames["server"][corrupt])
        bad[6] ^= 0xFF
        frames["server"][corrupt] = bytes(bad)
    conv = Conversation(server=("10.0.0.1", 10101)).handshake()
    conv.send("server", frames["server"][0])
    conv.send("client", b"".join(frames["client"][:2]), 7)
    conv.send("server", b"".join(frames["server"][1:]), 11)
    conv.send("client", b"".join(frames["client"][2:]))
    conv.close()
    path = tmp_path / "pangya.pcap"
    with open(path, "wb") as out:
        write_pcap(out, conv.frames())
    return path, packets, frames


def by_direction(items):
    out = {"client": [], "server": []}
    for item in items:
        out[item.direction].append(item)
    return out


@pytest.mark.parametrize("hello", [True, False], ids=["with-hello", "without-hello"])
def test_pangya_capture_comes_out_fully_parsed(tmp_path, hello):
    path, packets, frames = pangya_capture(tmp_path, hello=hello)
    cap = pkttools.read_capture(path)
    items = by_direction(list(cap))
    for direction in ("server", "client"):
        got = items[direction]
        assert [i.kind for i in got] == ["frame"] * len(packets[direction])
        assert [i.packet.data for i in got] == packets[direction]
        assert [i.offset for i in got] == [sum(map(len, frames[direction][:n]))
                                           for n in range(len(frames[direction]))]
    assert cap.summary.problems == 0, cap.summary.format()
    notes = cap.summary.connections[0].notes
    if hello:
        assert notes == ["hello: key 0x0b"]
    else:
        assert notes[0] == "the server stream does not start with a hello: finding the key by trial"
        assert any("key 0x0b found by trial" in n for n in notes)
    assert "      " + notes[-1] in cap.summary.format()


def test_pangya_wrong_key_is_reported_with_the_bytes_kept(tmp_path):
    path, packets, frames = pangya_capture(tmp_path, hello=False)
    cap = pkttools.read_capture(path, keys={"pangya.loginservice": 3})
    items = list(cap)
    bad = [i for i in items if i.kind == "unframed"]
    assert bad and all(i.content.error is not None for i in bad)
    assert sum(len(i.content.data) for i in items) == sum(map(len, frames["server"] +
                                                            frames["client"]))
    assert str(bad[0].content.error).startswith("pangya.loginservice.client: offset 0 (0x0): "
                                                "parse error: client frame: check byte")
    assert all("does not fit key 0x03" in str(i.content.error) for i in bad)
    assert cap.summary.problems > 0


def test_pangya_corrupt_frame_is_reported_and_the_rest_parses(tmp_path):
    path, packets, frames = pangya_capture(tmp_path, hello=True, corrupt=2)
    items = by_direction(list(pkttools.read_capture(path)))["server"]
    assert [i.kind for i in items] == ["frame", "frame", "unframed", "frame"]
    offset = sum(map(len, frames["server"][:2]))
    assert items[2].offset == offset and items[2].content.data == frames["server"][2]
    assert f"offset {offset} " in str(items[2].content.error)


def test_capture_cli_key_option(tmp_path, capsys):
    path, _, _ = pangya_capture(tmp_path, hello=False)
    assert main(["capture", str(path), "--key", "pangya.loginservice=11"]) == 0
    out, err = capsys.readouterr()
    assert "select_character" in out and "found by trial" not in err
    assert main(["capture", str(path), "--key", "pangya.loginservice=99"]) == 2
    assert "a PangYa key is a number from 0 to 15, not 99" in capsys.readouterr().err
    assert main(["capture", str(path), "--key", "tmw.login=1"]) == 2
    assert "tmw.login has no game layer" in capsys.readouterr().err


def ffxi_capture(tmp_path):
    frames = []
    for i, (sender, wire, _, _) in enumerate(exchange.ffxi_datagrams()):
        src, dst = (("10.0.0.2", 50000), ("10.0.0.1", 54230))
        if sender == "server":
            src, dst = dst, src
        frame = link_frame(udp_packet(src, dst, wire), 1)
        frames.append((1.0 + i, frame, len(frame)))
    path = tmp_path / "ffxi.pcap"
    with open(path, "wb") as out:
        write_pcap(out, frames)
    return path


def test_ffxi_capture_with_its_key(tmp_path):
    cap = pkttools.read_capture(ffxi_capture(tmp_path), keys={"ffxi.world": exchange.FFXI_KEY})
    items = list(cap)
    server = [i for i in items if i.direction == "server"]
    assert [i.kind for i in server] == ["prologue", "frame", "unframed",
                                        "prologue", "frame", "frame"]
    assert [i.packet.name for i in server if i.packet] == ["login", "group_list2", "login"]
    client = [i for i in items if i.direction == "client"]
    assert [(i.kind, i.content.data[0x1C:]) for i in client] == [
        ("unparsed", b"client datagram, not parsed")]
    assert cap.summary.problems == 0, cap.summary.format()


def test_ffxi_capture_without_its_key(tmp_path, capsys):
    path = ffxi_capture(tmp_path)
    items = list(pkttools.read_capture(path))
    assert [i.kind for i in items] == ["unframed"] * 3
    assert "encrypted, and no session key was given" in str(items[1].content.error)
    assert main(["capture", str(path)]) == 1
    assert "frames that did not parse" in capsys.readouterr().err


# -- decrypt / encrypt -------------------------------------------------------------------------
def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("direction", ["client", "server"])
def test_pangya_every_vector_round_trips(direction, capsys, monkeypatch):
    import io

    vectors = [v for v in load() if v.protocol == f"pangya.loginservice.{direction}"
               and v.packet != "hello"]
    plain = "\n".join(v.data.hex() for v in vectors) + "\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(plain))
    assert main(["encrypt", "pangya.loginservice", "--direction", direction, "--key", "5",
                 "--salt", "0x21"]) == 0
    wire = _lines(capsys.readouterr().out)
    assert len(wire) == len(vectors)
    assert wire[0] == (pangya.encrypt_client if direction == "client" else
                       pangya.encrypt_server)(vectors[0].data, 5, 0x21).hex()
    assert main(["decrypt", "pangya.loginservice", "--direction", direction, "--key", "5",
                 "".join(wire)]) == 0
    assert _lines(capsys.readouterr().out) == [v.data.hex() for v in vectors]


def test_pangya_decrypt_reads_the_key_from_the_hello(capsys):
    hello = pkttools.build("pangya.loginservice.server",
                           {"packet": "hello", "fields": {"key": 9, "server_uid": 1}})
    login = next(v.data for v in load() if v.label == "pangya.loginservice.server/success")
    stream = pangya.frame_hello(hello) + pangya.encrypt_server(login, 9, 200)
    assert main(["decrypt", "pangya.loginservice", "--direction", "server", stream.hex()]) == 0
    out, err = capsys.readouterr()
    assert _lines(out) == [hello.hex(), login.hex()]
    assert "pkttools: note: hello: key 0x09" in err


def test_pangya_decrypt_reports_what_does_not_decrypt(capsys):
    login = next(v.data for v in load() if v.label == "pangya.loginservice.server/success")
    frame = bytearray(pangya.encrypt_server(login, 9, 200))
    frame[5] ^= 1
    assert main(["decrypt", "pangya.loginservice", "--direction", "server", "--key", "9",
                 bytes(frame).hex()]) == 1
    assert f"pkttools: offset 0: {len(frame)} byte(s) do not decrypt" in capsys.readouterr().err


def test_ffxi_every_vector_round_trips_in_a_datagram(capsys, monkeypatch):
    import io

    header = bytes(range(0x1C))
    datagrams = [header + v.data for v in load() if v.protocol == "ffxi.world.server"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(d.hex() for d in datagrams)))
    key = exchange.FFXI_KEY.hex()
    assert main(["encrypt", "ffxi.world", "--direction", "server", "--key", key]) == 0
    wire = _lines(capsys.readouterr().out)
    assert wire[0] == ffxi.Session(key=exchange.FFXI_KEY).encode("server", datagrams[0]).hex()
    assert main(["decrypt", "ffxi.world", "--direction", "server", "--key", key, *wire[:1]]) == 0
    assert _lines(capsys.readouterr().out) == [datagrams[0].hex()]
    for plain, encrypted in zip(datagrams, wire):
        assert ffxi.Session(key=exchange.FFXI_KEY).feed("server", bytes.fromhex(encrypted))[
            0].plain == plain


def test_decrypt_usage_errors(capsys):
    assert main(["decrypt", "tmw.login", "--direction", "server", "00"]) == 2
    assert "tmw.login has no game layer" in capsys.readouterr().err
    assert main(["decrypt", "ffxi.world", "--direction", "server", "--key", "00", "00"]) == 2
    assert "an FFXI session key is 20 bytes" in capsys.readouterr().err
    assert main(["encrypt", "ffxi.world", "--direction", "server", "--salt", "1",
                 "--key", exchange.FFXI_KEY.hex(), bytes(40).hex()]) == 2
    assert "ffxi.world takes no --salt" in capsys.readouterr().err
