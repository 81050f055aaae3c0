"""The `pkttools` command line: list, parse (table and JSON), input forms, errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from pkttools.cli import main

from conftest import EXAMPLES, ROOT

PROTO = "pangya.loginservice.server"
SUCCESS_HEX = ("01 00 00 07 00 70 61 6e 67 62 6f 78 d2 c4 49 00 "
               "00 00 00 00 25 00 00 00 00 00 00 00 00 00 00 00")
CAPTURES = EXAMPLES / "pangya" / "loginservice" / "server" / "TH.R6.829.01"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_protocols(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert PROTO in out and "server" in out


def test_list_packets(capsys):
    code, out, _ = run(capsys, "list", PROTO)
    assert code == 0
    assert "0x0001" in out and "login" in out and "LoginService Server Login Packet" in out
    assert "ksy/pangya/loginservice/server/0001.ksy" in out


def test_parse_json_success(capsys):
    code, out, err = run(capsys, "parse", PROTO, SUCCESS_HEX, "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == [{
        "input": "hex", "protocol": PROTO, "opcode": 1, "packet": "login",
        "fields": {
            "status": "success",
            "response": {
                "username": {"len_value": 7, "value": "pangbox"},
                "user_id": 4834514,
                "unknown": "0000000025000000000000000000",
                "nickname": {"len_value": 0, "value": ""},
            },
        },
    }]


@pytest.mark.parametrize("hex_text, status, code", [
    ("01 00 e3 6f d2 4d 00", "error", "invalid_credentials"),
    ("01 00 e3 f3 d1 4d 00", "error", "already_logged_in"),
])
def test_parse_json_errors(capsys, hex_text, status, code):
    rc, out, _ = run(capsys, "parse", PROTO, hex_text, "--format", "json")
    assert rc == 0
    [doc] = json.loads(out)
    assert doc["fields"] == {"status": status, "response": {"error_code": code}}


def test_parse_json_other_seed_examples(capsys, tmp_path):
    first, second = tmp_path / "a.bin", tmp_path / "b.bin"
    first.write_bytes(bytes.fromhex("01 00 d9 ff ff ff ff"))
    second.write_bytes(bytes.fromhex("0100da"))
    rc, out, _ = run(capsys, "parse", PROTO, str(first), str(second), "--format", "json")
    assert rc == 0
    docs = json.loads(out)
    assert [d["fields"] for d in docs] == [
        {"status": "need_set_nickname", "response": {"unused": "ffffffff"}},
        {"status": "need_select_character", "response": {}},
    ]


def test_hex_arguments_without_quotes_are_one_packet(capsys):
    rc, out, _ = run(capsys, "parse", PROTO, "01", "00", "e3", "6f", "d2", "4d", "00",
                     "--format", "json")
    assert rc == 0
    assert json.loads(out)[0]["fields"]["response"]["error_code"] == "invalid_credentials"


def test_long_hex_argument_is_not_taken_for_a_file_name(capsys):
    long_hex = "01 00 00 07 00" + " 61" * 7 + " 00" * 4 + " 00" * 14 + " 00 01" + " 62" * 300
    rc, out, _ = run(capsys, "parse", PROTO, long_hex.replace(" ", ""), "--format", "json")
    assert rc == 0
    assert json.loads(out)[0]["fields"]["response"]["nickname"]["len_value"] == 256


def test_parse_table_shows_path_type_value_offset(capsys):
    code, out, _ = run(capsys, "parse", PROTO, SUCCESS_HEX)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{PROTO} 0x0001 login")
    row = next(line for line in lines if "response.user_id" in line).split()
    assert row == ["0x000c", "4", "response.user_id", "u4", "4834514", "(0x49c4d2)"]
    row = next(line for line in lines if "response.username.value" in line)
    assert '"pangbox"' in row and row.startswith("0x0005")
    assert "success (0)" in out


@pytest.mark.parametrize("spelling", [
    "0100da", "01 00 da", "01:00:da", "0x01 0x00 0xda", "0x01,0x00,0xda", "0x0100da",
    "01 00\nda\n", "\\x01\\x00\\xda",
])
def test_hex_spellings(capsys, spelling):
    code, out, _ = run(capsys, "parse", PROTO, spelling, "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["fields"]["status"] == "need_select_character"


def test_binary_file_and_stdin(capsys, monkeypatch):
    path = next(CAPTURES.glob("0001-190812.0139-000a-*.bin"))
    code, out, _ = run(capsys, "parse", PROTO, str(path), "--format", "json")
    assert code == 0 and json.loads(out)[0]["fields"]["response"]["user_id"] == 4834514

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    code, out, _ = run(capsys, "parse", PROTO, "-", "--format", "json")
    assert code == 0 and json.loads(out)[0]["packet"] == "login"

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"01 00 da\n")))
    code, out, _ = run(capsys, "parse", PROTO, "--format", "json")
    assert code == 0 and json.loads(out)[0]["fields"]["status"] == "need_select_character"


def test_truncated_input_is_one_line_with_field_and_offset(capsys):
    code, out, err = run(capsys, "parse", PROTO, "01 00 00 07 00 70 61")
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert "field response.username.value" in err and "offset 5 (0x5)" in err
    assert "truncated" in err


def test_unknown_opcode_exit_1(capsys):
    code, _, err = run(capsys, "parse", PROTO, "ff 7f 00")
    assert code == 1
    assert "unknown opcode" in err and "field packet_id" in err and "offset 0" in err


def test_trailing_bytes_warn_and_strict_fails(capsys):
    code, out, err = run(capsys, "parse", PROTO, "0100da ee", "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["trailing"] == {"offset": 3, "hex": "ee"}
    assert "1 byte(s) after the packet at offset 3" in err
    code, out, err = run(capsys, "parse", PROTO, "0100da ee", "--strict")
    assert code == 1 and "trailing bytes" in err and "offset 3" in err


def test_unknown_status_warns(capsys):
    code, out, err = run(capsys, "parse", PROTO, "01 00 63 01 02")
    assert code == 0
    assert "99 (not in enum status)" in out
    assert "no case for status = 99" in err


@pytest.mark.parametrize("argv", [
    ["parse", "no.such.protocol", "00"],
    ["parse", PROTO, "zz"],
    ["parse", PROTO, "0x1"],
    ["list", "no.such.protocol"],
])
def test_usage_errors_exit_2(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2 and err.startswith("pkttools: error:")
    assert err.count("\n") == 1


@pytest.mark.parametrize("argv", [["frobnicate"], ["parse"], ["parse", PROTO, "--format", "xml"]])
def test_argparse_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "pkttools: error:" in capsys.readouterr().err


def test_argparse_usage_error_exit_status():
    proc = subprocess.run([sys.executable, "-m", "pkttools", "frobnicate"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "pkttools: error:" in proc.stderr


def test_entry_point_json():
    proc = subprocess.run([sys.executable, "-m", "pkttools", "parse", PROTO,
                           "01 00 e3 6f d2 4d 00", "--format", "json"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["fields"]["response"]["error_code"] == \
        "invalid_credentials"


def test_split_with_a_prologue_and_an_end_marker(capsys):
    from test_ffxi_world_server import PAYLOAD

    code = main(["split", "ffxi.world.server", PAYLOAD.hex()])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.splitlines()[2].split()[2] == "prologue"
    assert "after the end marker" in err and "0 problem(s)" in err


def test_bit_fields_show_their_bit_offsets(capsys):
    from vectors.tmw_login_client import LOGIN_REQUEST

    code = main(["parse", "tmw.login.client", LOGIN_REQUEST.data.hex()])
    out, _ = capsys.readouterr()
    assert code == 0
    rows = {line.split()[2]: line.split()[:2] for line in out.splitlines()[2:]}
    assert rows["can_handle_update_host"] == ["0x0036.0", "1b"]
    assert rows["default_to_first_char_server"] == ["0x0036.1", "1b"]


def test_valid_expression_is_named_in_the_error(capsys):
    code = main(["parse", "tmw.login.server", "69 00 32 00" + " 00" * 46])
    _, err = capsys.readouterr()
    assert code == 1
    assert "field len_packet" in err and "does not satisfy `_ >= 47" in err


def test_split_lists_packets_without_a_spec_and_succeeds(capsys):
    from test_ffxi_world_server import PAYLOAD

    code = main(["split", "ffxi.world.server", PAYLOAD.hex(), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 0 and "1 without a spec" in err
    unknown = [json.loads(line) for line in out.splitlines()
               if json.loads(line).get("packet", "x") is None]
    assert len(unknown) == 1 and unknown[0]["hex"].startswith("df14")


@pytest.mark.parametrize("fmt, out", [("table", "offset    length    kind"), ("json", "[]"),
                                      ("jsonl", "")])
def test_split_of_an_empty_stream_is_an_empty_table_not_a_traceback(tmp_path, capsys, fmt, out):
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")
    assert main(["split", "tmw.login.server", str(empty), "--format", fmt]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(out) if out else captured.out == ""
    assert captured.err == "pkttools: tmw.login.server: 0 bytes, 0 packet(s), 0 without a " \
                           "spec, 0 problem(s)\n"
