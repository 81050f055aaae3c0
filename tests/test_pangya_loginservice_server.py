"""PangYa LoginService, server to client (ksy/pangya/loginservice/server/).

Vectors: the five hex examples of the seed (packetdoc's 0x0001 page), which are also the five
real captures in examples/pangya/loginservice/server/TH.R6.829.01/.
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector

from conftest import EXAMPLES

PROTO = "pangya.loginservice.server"
CAPTURES = EXAMPLES / "pangya" / "loginservice" / "server" / "TH.R6.829.01"

# Seed 004, "Examples", in page order.
INVALID_CREDENTIALS = bytes.fromhex("01 00 e3 6f d2 4d 00")
ALREADY_LOGGED_IN = bytes.fromhex("01 00 e3 f3 d1 4d 00")
NEED_SET_NICKNAME = bytes.fromhex("01 00 d9 ff ff ff ff")
NEED_SELECT_CHARACTER = bytes.fromhex("01 00 da")
SUCCESS = bytes.fromhex(
    "01 00 00 07 00 70 61 6e 67 62 6f 78 d2 c4 49 00"
    "00 00 00 00 25 00 00 00 00 00 00 00 00 00 00 00")


def test_error_invalid_credentials():
    pkt = check_vector(PROTO, INVALID_CREDENTIALS, "login", {
        "status": "error",
        "response": {"error_code": "invalid_credentials"},
    })
    assert pkt.opcode == 0x0001
    code = pkt.fields()["response"]["error_code"]
    assert code.value == 5100143 == 0x4DD26F


def test_error_already_logged_in():
    pkt = check_vector(PROTO, ALREADY_LOGGED_IN, "login", {
        "status": "error",
        "response": {"error_code": "already_logged_in"},
    })
    assert pkt.fields()["response"]["error_code"].value == 5100019
    assert pkt.fields()["status"].value == 0xE3


def test_need_set_nickname_constant():
    pkt = check_vector(PROTO, NEED_SET_NICKNAME, "login", {
        "status": "need_set_nickname",
        "response": {"unused": "ffffffff"},
    })
    assert pkt.obj.response.unused == b"\xff\xff\xff\xff"
    assert pkt.fields()["status"].value == 217


def test_need_select_character_has_no_fields():
    pkt = check_vector(PROTO, NEED_SELECT_CHARACTER, "login", {
        "status": "need_select_character",
        "response": {},
    })
    assert pkt.fields()["status"].value == 218


def test_success():
    pkt = check_vector(PROTO, SUCCESS, "login", {
        "status": "success",
        "response": {
            "username": {"len_value": 7, "value": "pangbox"},
            "user_id": 4834514,
            "unknown": "0000000025000000000000000000",
            "nickname": {"len_value": 0, "value": ""},
        },
    })
    assert pkt.obj.response.unknown == bytes.fromhex("00000000 25000000 00000000 0000")
    assert len(pkt.obj.response.unknown) == 14
    assert pkt.fields()["status"].value == 0


@pytest.mark.parametrize("data", [INVALID_CREDENTIALS, ALREADY_LOGGED_IN, NEED_SET_NICKNAME,
                                  NEED_SELECT_CHARACTER, SUCCESS])
def test_seed_examples_are_the_captures(data):
    captured = {p.read_bytes() for p in CAPTURES.glob("0001-*.bin")}
    assert data in captured


def test_every_0001_capture_parses_completely():
    files = sorted(CAPTURES.glob("0001-*.bin"))
    assert len(files) == 5
    for path in files:
        pkt = pkttools.parse(PROTO, path.read_bytes(), strict=True)
        assert pkt.name == "login" and pkt.trailing == b""


def test_offsets_of_the_success_example():
    pkt = pkttools.parse(PROTO, SUCCESS)
    spans = {".".join(map(str, s.path)): (s.start, s.size) for s in pkt.spans()}
    assert spans["packet_id"] == (0, 2)
    assert spans["body.status"] == (2, 1)
    assert spans["body.response.username.value"] == (5, 7)
    assert spans["body.response.user_id"] == (12, 4)
    assert spans["body.response.unknown"] == (16, 14)
    assert spans["body.response.nickname.len_value"] == (30, 2)


# -- bad input --------------------------------------------------------------------------------

def where_cut(example: bytes, length: int) -> tuple[str, int]:
    """The field a cut example stops in, and the offset that field starts at."""
    fields = {
        INVALID_CREDENTIALS: [("response.error_code", 3)],
        ALREADY_LOGGED_IN: [("response.error_code", 3)],
        NEED_SET_NICKNAME: [("response.unused", 3)],
        NEED_SELECT_CHARACTER: [],
        SUCCESS: [("response.username.len_value", 3), ("response.username.value", 5),
                  ("response.user_id", 12), ("response.unknown", 16),
                  ("response.nickname.len_value", 30)],
    }[example]
    layout = [("packet_id", 0), ("status", 2)] + fields
    return [(path, start) for path, start in layout if start <= length][-1]


@pytest.mark.parametrize("example", [INVALID_CREDENTIALS, ALREADY_LOGGED_IN, NEED_SET_NICKNAME,
                                     NEED_SELECT_CHARACTER, SUCCESS],
                         ids=["invalid_credentials", "already_logged_in", "need_set_nickname",
                              "need_select_character", "success"])
def test_every_cut_is_a_truncation_error_with_field_and_offset(example):
    for length in range(len(example)):
        with pytest.raises(pkttools.TruncatedError) as info:
            pkttools.parse(PROTO, example[:length])
        err = info.value
        path, start = where_cut(example, length)
        assert (err.path, err.offset) == (path, start), length
        assert err.protocol == PROTO
        assert err.packet == (None if length < 2 else "login")
        assert err.available == length - start
        assert f"field {path}" in str(err) and f"offset {start}" in str(err)


def test_empty_input():
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, b"")
    assert (info.value.path, info.value.offset, info.value.packet) == ("packet_id", 0, None)
    assert "needs 2 bytes, only 0 left" in str(info.value)


def test_unknown_packet_id_keeps_the_bytes():
    data = bytes.fromhex("ff 7f 01 02 03")
    with pytest.raises(pkttools.UnknownOpcodeError) as info:
        pkttools.parse(PROTO, data)
    err = info.value
    assert (err.opcode, err.path, err.offset) == (0x7FFF, "packet_id", 0)
    assert err.data == data
    assert "0x7fff" in str(err)


def test_unknown_status_keeps_its_number_and_the_unparsed_bytes():
    data = bytes.fromhex("01 00 63 01 02 03 04")
    pkt = pkttools.parse(PROTO, data)
    assert pkt.fields() == {"status": 99}
    assert pkt.obj.status == 99
    assert (pkt.trailing, pkt.trailing_offset) == (bytes.fromhex("01020304"), 3)
    assert pkt.unmatched_switches() == [
        "response: no case for status = 99; its bytes are not parsed"]
    with pytest.raises(pkttools.TrailingBytesError) as info:
        pkttools.parse(PROTO, data, strict=True)
    assert (info.value.offset, info.value.trailing) == (3, bytes.fromhex("01020304"))


def test_unknown_error_code_keeps_its_number():
    pkt = check_vector(PROTO, bytes.fromhex("01 00 e3 01 00 00 00"), "login", {
        "status": "error", "response": {"error_code": 1}})
    assert type(pkt.fields()["response"]["error_code"]) is int


def test_trailing_bytes_are_kept_and_reported():
    pkt = pkttools.parse(PROTO, SUCCESS + b"\xaa\xbb")
    assert pkt.data == SUCCESS
    assert (pkt.trailing, pkt.trailing_offset) == (b"\xaa\xbb", 32)
    assert pkt.to_dict()["trailing"] == {"offset": 32, "hex": "aabb"}
    with pytest.raises(pkttools.TrailingBytesError) as info:
        pkttools.parse(PROTO, SUCCESS + b"\xaa\xbb", strict=True)
    assert (info.value.packet, info.value.offset) == ("login", 32)
    assert "aa bb" in str(info.value)


def test_wrong_constant_names_the_field():
    with pytest.raises(pkttools.ValidationError) as info:
        pkttools.parse(PROTO, bytes.fromhex("01 00 d9 ff ff ff fe"))
    assert (info.value.path, info.value.offset) == ("response.unused", 3)
    assert "expected ff ff ff ff, got ff ff ff fe" in str(info.value)


def test_thai_names_decode():
    # A TIS-620 name as the Thai server writes it (the 0x0002 capture's first server name).
    name = bytes.fromhex("cac2d2c1")
    data = (bytes.fromhex("01 00 00") + len(name).to_bytes(2, "little") + name
            + bytes(4 + 14) + bytes(2))
    pkt = pkttools.parse(PROTO, data, strict=True)
    assert pkt.fields()["response"]["username"]["value"] == "สยาม"
