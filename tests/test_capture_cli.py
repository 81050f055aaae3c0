"""`pkttools capture`: rows, JSON, filters, the summary, exit status, progress bar."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pkttools.cli import main

import exchange
from pcapgen import Conversation, write_pcap

from conftest import ROOT

PACKETS = exchange.tcp_packets()


@pytest.fixture
def capture_file(tmp_path):
    conv = Conversation().handshake()
    conv.send("server", b"".join(PACKETS["flyff.cluster"]["server"]), 11)
    conv.send("client", b"".join(PACKETS["flyff.cluster"]["client"]), 11)
    conv.close()
    tmw = Conversation(client=("10.0.0.3", 50000), server=("10.0.0.1", 6901)).handshake()
    tmw.send("client", b"".join(PACKETS["tmw.login"]["client"]))
    tmw.send("server", b"".join(PACKETS["tmw.login"]["server"]))
    tmw.close()
    path = tmp_path / "two.pcap"
    with open(path, "wb") as out:
        write_pcap(out, conv.frames() + tmw.frames(start=1_700_000_001.0))
    return path


def run(capsys, *args):
    status = main(["capture", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def test_table(capture_file, capsys):
    status, out, err = run(capsys, capture_file)
    rows = out.splitlines()
    assert rows[0].split() == ["record", "time", "conn", "dir", "opcode", "packet", "summary"]
    assert len(rows) == 1 + 8 + 5
    assert rows[1].split()[2:6] == ["1", "S>C", "0x0000", "welcome"]
    # The 13-byte welcome frame ends in the second 11-byte segment: record 5, 4 ms in.
    assert rows[1].split()[:2] == ["5", "0.004000"]
    assert rows[-1].split()[2:6] == ["2", "S>C", "0x0069", "login_data"]
    assert "session_id=305419896" in rows[1]
    assert status == 0
    assert err.startswith(f"pkttools: {capture_file} (pcap): 57 record(s), 2 connection(s) "
                          f"on known ports, 13 packet(s)\npackets:\n")
    assert "  1  tmw.login.server login_data" in err
    assert "#2 tcp 10.0.0.3:50000 > 10.0.0.1:6901 tmw.login [closed]" in err


def test_jsonl_and_json(capture_file, capsys):
    status, out, _ = run(capsys, capture_file, "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(lines) == 13
    assert lines[0]["packet"]["fields"] == {"session_id": 0x12345678}
    assert (lines[0]["direction"], lines[0]["record"], lines[0]["kind"]) == ("server", 5, "frame")
    status, out, _ = run(capsys, capture_file, "--format", "json")
    assert json.loads(out) == lines
    status, out, _ = run(capsys, capture_file, "--format", "json", "--filter", "0x7531")
    assert [d["packet"]["packet"] for d in json.loads(out)] == ["server_version"]


def test_enum_numbers_in_json(capture_file, capsys):
    # tmw.login.server 0x0069 sex: unspecified (2) as a name, a number, or both
    for form, sex in [("name", "unspecified"), ("number", 2),
                      ("both", {"name": "unspecified", "value": 2})]:
        status, out, _ = run(capsys, capture_file, "--format", "jsonl", "--enums", form,
                             "--filter", "login_data")
        [item] = [json.loads(line) for line in out.splitlines()]
        assert status == 0 and item["packet"]["fields"]["sex"] == sex


@pytest.mark.parametrize("terms, names", [
    (["ping"], ["ping"]),
    (["0x14"], ["pong", "ping"]),
    (["flyff.cluster.server.pong"], ["pong"]),
    (["flyff.cluster.pong,login_request", "--filter", "welcome"],
     ["welcome", "pong", "login_request"]),
])
def test_filter(capture_file, capsys, terms, names):
    status, out, err = run(capsys, capture_file, "--filter", *terms)
    assert [row.split()[5] for row in out.splitlines()[1:]] == names
    assert "13 packet(s)" in err  # the summary counts everything


@pytest.mark.parametrize("args, message", [
    (["--filter", "pingg"], "--filter 'pingg': no protocol has a packet of that name"),
    (["--filter", "tmw.login.pong"],
     "--filter 'tmw.login.pong': no protocol or service 'tmw.login' has a packet 'pong'"),
    (["--port", "abc=tmw.login"], "port 'abc' is not a number"),
    (["--port", "6901=wow.login"], "unknown service 'wow.login'"),
    (["--protocol", "flyff.cluster.nope"], "unknown service 'flyff.cluster.nope'"),
])
def test_usage_errors(capture_file, capsys, args, message):
    status, out, err = run(capsys, capture_file, *args)
    assert status == 2 and out == ""
    assert err.startswith(f"pkttools: error: {message}") and len(err.splitlines()) == 1


def test_protocol_option_keeps_one_service(capture_file, capsys):
    status, out, err = run(capsys, capture_file, "--protocol", "tmw.login")
    assert {row.split()[2] for row in out.splitlines()[1:]} == {"1"}
    assert "1 connection(s) on known ports, 5 packet(s)" in err
    assert "tcp 10.0.0.2:40000 > 10.0.0.1:28000" in err  # FlyFF listed as not on a known port


def test_bad_files(tmp_path, capsys):
    status, _, err = run(capsys, tmp_path / "missing.pcap")
    assert (status, err.strip()) == (2, f"pkttools: error: {tmp_path / 'missing.pcap'}: no "
                                        f"such file")
    junk = tmp_path / "junk.pcap"
    junk.write_bytes(b"not a capture at all")
    status, _, err = run(capsys, junk)
    assert status == 1 and err.startswith(f"pkttools: {junk}: not a pcap or pcapng capture")


def test_problems_exit_1(tmp_path, capsys):
    conv = Conversation().handshake()
    segs = conv.send("server", b"".join(PACKETS["flyff.cluster"]["server"]), 30)
    conv.segments.remove(segs[2])
    conv.close()
    path = tmp_path / "gap.pcap"
    with open(path, "wb") as out:
        write_pcap(out, conv.frames())
    status, out, err = run(capsys, path)
    assert status == 1
    assert "(gap)" in out and "30 bytes at offset 60: missing from the capture" in out
    assert "gaps: 1 (30 bytes missing)" in err


def test_progress_bar_is_forced_or_off(capture_file, capsys):
    status, out, err = run(capsys, capture_file, "--progress")
    assert status == 0 and "capture: " in err and "B/s" in err
    status, out, err = run(capsys, capture_file, "--no-progress")
    assert "B/s" not in err
    status, out, err = run(capsys, capture_file)  # not a terminal: no bar
    assert "B/s" not in err


def test_stdin_and_the_installed_command(capture_file):
    proc = subprocess.run([sys.executable, "-m", "pkttools", "capture", "-", "--format",
                           "jsonl", "--filter", "pre_join"], input=capture_file.read_bytes(),
                          capture_output=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["packet"]["fields"]["character_name"]["value"]
            for line in proc.stdout.splitlines()] == ["Boreas"]
    assert b"<stdin> (pcap)" in proc.stderr
