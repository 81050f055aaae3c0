"""The command line's input and output: one JSON shape for `parse`, enum forms, JSON Lines into
`build`, hex dumps, arguments that are both a file and hex, and output that cannot be written."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys

import pytest

from pkttools.cli import main

from conftest import ROOT

TMW = "tmw.login.server"
# 0x006A login_error, code 6 (banned_until), "2026-12-31 23:59:59" (23 bytes)
BANNED = "6a 00 06 32 30 32 36 2d 31 32 2d 33 31 20 32 33 3a 35 39 3a 35 39 00"
# 0x0081 connection_problem, code 1 (no_server)
NO_SERVER = "81 00 01"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# -- parse --format json: a list, one item per input ------------------------------------------

def test_parse_json_is_a_list_with_an_item_per_input(capsys, tmp_path):
    good, cut = tmp_path / "good.bin", tmp_path / "cut.bin"
    good.write_bytes(bytes.fromhex(NO_SERVER))
    cut.write_bytes(bytes.fromhex(BANNED)[:10])
    code, out, err = run(capsys, "parse", TMW, good, cut, "--format", "json")
    assert code == 1
    docs = json.loads(out)
    assert docs[0] == {"input": str(good), "protocol": TMW, "opcode": 0x81,
                       "packet": "connection_problem", "fields": {"code": "no_server"}}
    assert docs[1] == {"input": str(cut), "error": {
        "kind": "TruncatedError", "protocol": TMW, "packet": "login_error",
        "path": "message", "offset": 3,
        "message": "tmw.login.server login_error: field message: offset 3 (0x3): truncated: "
                   "needs 20 bytes, only 7 left"}}
    assert err.count("\n") == 1 and "cut.bin" in err


def test_parse_json_of_one_input_is_a_list_too(capsys):
    code, out, _ = run(capsys, "parse", TMW, "ff ff", "--format", "json")
    [doc] = json.loads(out)
    assert code == 1 and doc["input"] == "hex"
    assert (doc["error"]["kind"], doc["error"]["opcode"], doc["error"]["offset"]) == \
        ("UnknownOpcodeError", 0xFFFF, 0)


@pytest.mark.parametrize("form, code", [
    ("name", "banned_until"), ("number", 6), ("both", {"name": "banned_until", "value": 6})])
def test_parse_enums_and_build_takes_them_back(capsys, form, code):
    status, out, _ = run(capsys, "parse", TMW, BANNED, "--format", "json", "--enums", form)
    assert status == 0 and json.loads(out)[0]["fields"]["code"] == code
    assert run(capsys, "build", TMW, out)[:2] == (0, BANNED.replace(" ", "") + "\n")


def test_build_refuses_an_error_item(capsys):
    _, out, _ = run(capsys, "parse", TMW, "ff ff", "--format", "json")
    code, _, err = run(capsys, "build", TMW, out)
    assert code == 2 and "hex did not parse" in err and "no packet to build" in err


# -- split --format jsonl into build ----------------------------------------------------------

def test_split_jsonl_builds_back_the_stream(capsys):
    stream = BANNED.replace(" ", "") + NO_SERVER.replace(" ", "") + "6a00"  # a cut tail
    code, out, _ = run(capsys, "split", TMW, stream, "--format", "jsonl", "--enums", "both")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 3
    assert json.loads(lines[1])["packet"]["fields"]["code"] == {"name": "no_server", "value": 1}
    code, out, _ = run(capsys, "build", TMW, out)
    assert code == 0 and "".join(out.split()) == stream


def test_build_reads_json_lines_from_a_file(capsysbinary, tmp_path):
    lines = tmp_path / "packets.jsonl"
    lines.write_text('{"packet": "connection_problem", "fields": {"code": 1}}\n'
                     '{"packet": "login_error", "fields": {"code": "wrong_password"}}\n')
    assert main(["build", TMW, str(lines), "--raw"]) == 0
    assert capsysbinary.readouterr().out == bytes.fromhex("81 00 01 6a 00 01") + bytes(20)


def test_build_says_where_json_is_broken(capsys):
    code, _, err = run(capsys, "build", TMW, '{"packet": "x"}\n{"packet": ')
    assert code == 2 and "argument is not JSON: Expecting value: line 2 column 12" in err


# -- hex dumps and ambiguous arguments ----------------------------------------------------------

XXD = ("00000000: 6a00 0632 3032 362d 3132 2d33 3120 3233  j..2026-12-31 23\n"
       "00000010: 3a35 393a 3539 00                        :59:59.\n")


def test_a_dump_on_stdin_and_in_a_file(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(XXD.encode())))
    code, out, _ = run(capsys, "parse", TMW, "--format", "json")
    assert code == 0 and json.loads(out)[0]["fields"]["message"] == "2026-12-31 23:59:59"
    dump = tmp_path / "banned.xxd"  # no .hex/.txt suffix: read as hex because it is a dump
    dump.write_text(XXD)
    code, out, _ = run(capsys, "parse", TMW, dump, "--format", "json")
    assert code == 0 and json.loads(out)[0]["fields"]["code"] == "banned_until"


def test_a_file_named_like_hex_is_ambiguous(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "81000a").write_bytes(bytes.fromhex(NO_SERVER))
    code, _, err = run(capsys, "parse", TMW, "81000a")
    assert code == 2 and err.count("\n") == 1
    assert "'81000a' is both a file and hex text: for the file, give --input raw (or " \
           "./81000a); for the bytes, write the hex with spaces or 0x (e.g. '81 00 0a')" in err
    for argv in (["81000a", "--input", "raw"], ["./81000a"]):
        code, out, _ = run(capsys, "parse", TMW, *argv, "--format", "json")
        assert code == 0 and json.loads(out)[0]["fields"]["code"] == "no_server"
    code, out, _ = run(capsys, "parse", TMW, "81 00 0a", "--format", "json")
    assert code == 0 and json.loads(out)[0]["fields"]["code"] == 10


# -- output that cannot be written --------------------------------------------------------------

def test_out_that_is_a_file(capsys, tmp_path):
    target = tmp_path / "docs"
    target.write_text("")
    for command in ("webide", "docs"):
        code, _, err = run(capsys, command, TMW, "--out", target)
        assert code == 2 and err == f"pkttools: error: --out {target} is a file, not a folder\n"


@pytest.fixture
def read_only(tmp_path):
    """A folder nobody may write into: chmod for users, `chattr +i` for root (who ignores
    modes), or a skip where neither holds."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if os.access(folder, os.W_OK) and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(folder)],
                                   capture_output=True).returncode == 0
    try:
        (folder / "probe").write_text("")
    except OSError:
        yield folder
    else:
        pytest.skip("cannot make a read-only folder here")
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)])
        folder.chmod(0o755)


def test_out_in_a_read_only_folder(capsys, read_only):
    code, out, err = run(capsys, "webide", TMW, "--out", read_only / "bundle", "--no-check")
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"pkttools: error: {read_only / 'bundle'}") and "Traceback" not in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("argv", [
    ["parse", TMW, BANNED],
    ["parse", TMW, BANNED, "--format", "json"],
    ["build", TMW, '{"packet": "connection_problem", "fields": {"code": 1}}', "--raw"],
    ["split", TMW, BANNED, "--format", "jsonl"],
])
def test_a_full_disk(argv):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "pkttools", *argv], cwd=ROOT,
                              stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 1
    assert proc.stderr == "pkttools: error: stdout: No space left on device\n"


def test_a_closed_pipe(tmp_path):
    # `pkttools split ... | head`: the reader has what it wants; no message, no traceback.
    stream = tmp_path / "stream.bin"
    stream.write_bytes(bytes.fromhex(BANNED) * 5000)
    proc = subprocess.Popen([sys.executable, "-m", "pkttools", "split", TMW, str(stream),
                             "--format", "jsonl"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()
    assert proc.wait() == 0
    assert proc.stderr.read() == ""


def test_a_closed_stdout():
    proc = subprocess.run([sys.executable, "-m", "pkttools", "parse", TMW, BANNED], cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          preexec_fn=lambda: os.close(1))
    assert proc.returncode == 1 and proc.stderr == "pkttools: error: stdout: closed\n"
