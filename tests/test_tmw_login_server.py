"""The Mana World login server, server to client (ksy/tmw/login/server/).

Vectors (tests/vectors/tmw_login_server.py) are built from the layouts in themanaworld/tmwa tools/protocol.py and from tmwAthena's
writing code in src/login/login.cpp: send_packet_repeatonly<0x0063> (URL plus one NUL), the
0x2742 handler that fills 0x0069 (unused 0, empty last-login, sex UNSPECIFIED, maintenance and
is_new 0), parse_login's 0x006A / 0x0081 answers, and the 0x7530 handler (CURRENT_LOGIN_SERVER
_VERSION with flags = new_account). Every integer is little-endian; IPv4 addresses are the four
bytes in network order.
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector
from vectors import tmw_login_server as V

PROTO = "tmw.login.server"

UPDATE_HOST = V.UPDATE_HOST.data
LOGIN_DATA_NONE = V.LOGIN_DATA_NONE.data
LOGIN_DATA_ONE = V.LOGIN_DATA_ONE.data
LOGIN_DATA_THREE = V.LOGIN_DATA_THREE.data
LOGIN_ERROR_BANNED = V.LOGIN_ERROR_BANNED.data


# -- 0x0063 -----------------------------------------------------------------------------------

def test_update_host_with_the_nul_tmwathena_appends():
    pkt = check_vector(V.UPDATE_HOST)
    assert pkt.opcode == 0x0063


def test_update_host_without_a_nul():
    # ManaPlus reads length - 4 bytes and cuts at a NUL if there is one: both forms work.
    assert V.UPDATE_HOST_WITHOUT_NUL.data == bytes.fromhex("63 00 23 00") + UPDATE_HOST[4:-1]
    check_vector(V.UPDATE_HOST_WITHOUT_NUL)


def test_update_host_empty():
    check_vector(V.UPDATE_HOST_EMPTY)


# -- 0x0069 -----------------------------------------------------------------------------------

def test_login_data_with_no_char_server():
    check_vector(V.LOGIN_DATA_NONE)


def test_login_data_with_one_char_server():
    pkt = check_vector(V.LOGIN_DATA_ONE)
    assert pkt.obj.char_servers[0].ip == bytes([203, 0, 113, 7])
    assert pkt.fields()["sex"].value == 2


def test_login_data_with_three_char_servers():
    check_vector(V.LOGIN_DATA_THREE)


def test_login_data_offsets_of_the_entries():
    spans = {".".join(map(str, s.path)): (s.start, s.size)
             for s in pkttools.parse(PROTO, LOGIN_DATA_THREE).spans()}
    assert spans["body.len_packet"] == (2, 2)
    assert spans["body.last_login"] == (20, 24)
    assert spans["body.sex"] == (46, 1)
    for i in range(3):
        base = 47 + 32 * i
        assert spans[f"body.char_servers.{i}"] == (base, 32)
        assert spans[f"body.char_servers.{i}.ip"] == (base, 4)
        assert spans[f"body.char_servers.{i}.port"] == (base + 4, 2)
        assert spans[f"body.char_servers.{i}.name"] == (base + 6, 20)
        assert spans[f"body.char_servers.{i}.is_new"] == (base + 30, 2)


def test_login_data_sex_outside_the_enum_keeps_its_number():
    data = bytearray(LOGIN_DATA_NONE)
    data[46] = 7
    pkt = pkttools.parse(PROTO, bytes(data), strict=True)
    assert pkt.fields()["sex"] == 7 and type(pkt.fields()["sex"]) is int


# -- 0x006A -----------------------------------------------------------------------------------

def test_login_error_ban_with_its_date():
    pkt = check_vector(V.LOGIN_ERROR_BANNED)
    assert pkt.fields()["code"].value == 6
    assert len(LOGIN_ERROR_BANNED) == 23


def test_login_error_wrong_password():
    pkt = check_vector(V.LOGIN_ERROR_WRONG_PASSWORD)
    assert pkt.fields()["code"].value == 1


@pytest.mark.parametrize("code, name", [
    (0, "unregistered_id"), (1, "wrong_password"), (2, "expired_id"),
    (3, "rejected_from_server"), (4, "permanently_blocked"), (5, "client_too_old"),
    (6, "banned_until"), (7, "server_full"), (8, "no_message"), (9, "name_taken"),
    (10, "wrong_name"), (11, "incorrect_email"), (99, "id_erased")])
def test_login_error_codes(code, name):
    pkt = pkttools.parse(PROTO, bytes([0x6A, 0x00, code]) + bytes(20), strict=True)
    assert pkt.fields()["code"] == name and pkt.fields()["code"].value == code


def test_login_error_unknown_code_keeps_its_number():
    pkt = check_vector(V.LOGIN_ERROR_UNKNOWN_CODE)
    assert type(pkt.fields()["code"]) is int


def test_login_error_message_that_fills_the_20_bytes():
    assert len(V.LOGIN_ERROR_FULL_MESSAGE.data) == 3 + 20
    check_vector(V.LOGIN_ERROR_FULL_MESSAGE)


# -- 0x0081 -----------------------------------------------------------------------------------

def test_connection_problem_no_server():
    pkt = check_vector(V.CONNECTION_PROBLEM_NO_SERVER)
    assert pkt.opcode == 0x0081


@pytest.mark.parametrize("code, name", [
    (0, "authentication_failed"), (1, "no_server"), (2, "already_logged_in"),
    (3, "speed_hack"), (8, "duplicated_login")])
def test_connection_problem_codes(code, name):
    pkt = check_vector(PROTO, bytes([0x81, 0x00, code]), "connection_problem", {"code": name})
    assert pkt.fields()["code"].value == code


def test_connection_problem_unknown_code_keeps_its_number():
    pkt = check_vector(V.CONNECTION_PROBLEM_UNKNOWN_CODE)
    assert type(pkt.fields()["code"]) is int


# -- 0x7531 -----------------------------------------------------------------------------------

def test_server_version_of_a_tmwathena_login_server():
    pkt = check_vector(V.SERVER_VERSION)
    assert pkt.opcode == 0x7531


def test_server_version_of_a_char_server_without_registration():
    # A char-server answers with which = CHAR | INTER (0x06); a vendor build with point 3.
    check_vector(V.SERVER_VERSION_CHAR_SERVER)


def test_packet_table():
    proto = pkttools.protocol(PROTO)
    assert [(p.opcode, p.name) for p in proto.packets] == [
        (0x0063, "update_host"), (0x0069, "login_data"), (0x006A, "login_error"),
        (0x0081, "connection_problem"), (0x7531, "server_version")]


# -- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("length", [0, 3])
def test_update_host_length_smaller_than_its_header(length):
    data = bytes.fromhex("63 00") + length.to_bytes(2, "little") + b"http"
    with pytest.raises(pkttools.ValidationError) as info:
        pkttools.parse(PROTO, data)
    err = info.value
    assert (err.packet, err.path, err.offset) == ("update_host", "len_packet", 2)
    assert f"min 4, but got {length}" in str(err)


@pytest.mark.parametrize("length", [0, 4, 10, 46])
def test_login_data_length_smaller_than_its_header(length):
    data = bytes.fromhex("69 00") + length.to_bytes(2, "little") + LOGIN_DATA_NONE[4:]
    with pytest.raises(pkttools.ValidationError) as info:
        pkttools.parse(PROTO, data)
    err = info.value
    assert (err.packet, err.path, err.offset) == ("login_data", "len_packet", 2)
    assert f"got {length}" in str(err)


@pytest.mark.parametrize("length", [48, 50, 78, 80, 142])
def test_login_data_length_that_is_not_whole_entries(length):
    data = bytes.fromhex("69 00") + length.to_bytes(2, "little") + LOGIN_DATA_THREE[4:]
    with pytest.raises(pkttools.ValidationError) as info:
        pkttools.parse(PROTO, data)
    err = info.value
    assert (err.packet, err.path, err.offset) == ("login_data", "len_packet", 2)
    assert f"got {length}" in str(err)


def test_login_data_cut_inside_an_entry():
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, LOGIN_DATA_THREE[:100])  # second entry's name is at 85..105
    err = info.value
    assert (err.path, err.offset, err.needed, err.available) == (
        "char_servers[1].name", 85, 20, 15)


def test_login_data_length_larger_than_the_data():
    # Length says three entries, the data holds one: the second entry is missing.
    data = bytes.fromhex("69 00 8f 00") + LOGIN_DATA_ONE[4:]
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, data)
    assert (info.value.path, info.value.offset) == ("char_servers[1].ip", 79)


def test_login_error_cut_in_the_message():
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, LOGIN_ERROR_BANNED[:10])
    assert (info.value.path, info.value.offset, info.value.available) == ("message", 3, 7)


def test_unknown_packet_id_keeps_the_bytes():
    data = bytes.fromhex("6b 00 18 00")  # 0x006B comes from the char-server, not here
    with pytest.raises(pkttools.UnknownOpcodeError) as info:
        pkttools.parse(PROTO, data)
    err = info.value
    assert (err.opcode, err.path, err.offset, err.data) == (0x006B, "packet_id", 0, data)
