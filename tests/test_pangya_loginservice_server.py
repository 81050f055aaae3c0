"""PangYa LoginService, server to client (ksy/pangya/loginservice/server/).

Vectors (tests/vectors/pangya_loginservice_server.py): the five hex examples of the seed
(packetdoc's 0x0001 page), which are also the five real captures in
examples/pangya/loginservice/server/TH.R6.829.01/.
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector
from vectors.pangya_loginservice_server import (ALREADY_LOGGED_IN, INVALID_CREDENTIALS,
                                                NEED_SELECT_CHARACTER, NEED_SET_NICKNAME,
                                                SUCCESS, UNKNOWN_ERROR_CODE)

from conftest import EXAMPLES, ROOT

PROTO = "pangya.loginservice.server"
CAPTURES = EXAMPLES / "pangya" / "loginservice" / "server" / "TH.R6.829.01"

def test_error_invalid_credentials():
    pkt = check_vector(INVALID_CREDENTIALS)
    assert pkt.opcode == 0x0001
    code = pkt.fields()["response"]["error_code"]
    assert code.value == 5100143 == 0x4DD26F


def test_error_already_logged_in():
    pkt = check_vector(ALREADY_LOGGED_IN)
    assert pkt.fields()["response"]["error_code"].value == 5100019
    assert pkt.fields()["status"].value == 0xE3


def test_need_set_nickname_constant():
    pkt = check_vector(NEED_SET_NICKNAME)
    assert pkt.obj.response.unused == b"\xff\xff\xff\xff"
    assert pkt.fields()["status"].value == 217


def test_need_select_character_has_no_fields():
    pkt = check_vector(NEED_SELECT_CHARACTER)
    assert pkt.fields()["status"].value == 218


def test_success():
    pkt = check_vector(SUCCESS)
    assert pkt.obj.response.unknown == bytes.fromhex("00000000 25000000 00000000 0000")
    assert len(pkt.obj.response.unknown) == 14
    assert pkt.fields()["status"].value == 0


@pytest.mark.parametrize("vector", [INVALID_CREDENTIALS, ALREADY_LOGGED_IN, NEED_SET_NICKNAME,
                                    NEED_SELECT_CHARACTER, SUCCESS], ids=lambda v: v.name)
def test_seed_examples_are_the_captures(vector):
    captured = {p.read_bytes() for p in CAPTURES.glob("0001-*.bin")}
    assert vector.data in captured
    assert (ROOT / vector.source).read_bytes() == vector.data


def test_every_0001_capture_parses_completely():
    files = sorted(CAPTURES.glob("0001-*.bin"))
    assert len(files) == 5
    for path in files:
        pkt = pkttools.parse(PROTO, path.read_bytes(), strict=True)
        assert pkt.name == "login" and pkt.trailing == b""


def test_offsets_of_the_success_example():
    pkt = pkttools.parse(PROTO, SUCCESS.data)
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
        INVALID_CREDENTIALS.data: [("response.error_code", 3)],
        ALREADY_LOGGED_IN.data: [("response.error_code", 3)],
        NEED_SET_NICKNAME.data: [("response.unused", 3)],
        NEED_SELECT_CHARACTER.data: [],
        SUCCESS.data: [("response.username.len_value", 3), ("response.username.value", 5),
                  ("response.user_id", 12), ("response.unknown", 16),
                  ("response.nickname.len_value", 30)],
    }[example]
    layout = [("packet_id", 0), ("status", 2)] + fields
    return [(path, start) for path, start in layout if start <= length][-1]


@pytest.mark.parametrize("example", [v.data for v in (INVALID_CREDENTIALS, ALREADY_LOGGED_IN,
                                                      NEED_SET_NICKNAME, NEED_SELECT_CHARACTER,
                                                      SUCCESS)],
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
    pkt = check_vector(UNKNOWN_ERROR_CODE)
    assert type(pkt.fields()["response"]["error_code"]) is int


def test_trailing_bytes_are_kept_and_reported():
    pkt = pkttools.parse(PROTO, SUCCESS.data + b"\xaa\xbb")
    assert pkt.data == SUCCESS.data
    assert (pkt.trailing, pkt.trailing_offset) == (b"\xaa\xbb", 32)
    assert pkt.to_dict()["trailing"] == {"offset": 32, "hex": "aabb"}
    with pytest.raises(pkttools.TrailingBytesError) as info:
        pkttools.parse(PROTO, SUCCESS.data + b"\xaa\xbb", strict=True)
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
