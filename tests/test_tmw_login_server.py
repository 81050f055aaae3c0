"""The Mana World login server, server to client (ksy/tmw/login/server/).

Vectors are built from the layouts in themanaworld/tmwa tools/protocol.py and from tmwAthena's
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

PROTO = "tmw.login.server"

# 0x0063: length 36 = 4 + 31-byte URL + the NUL tmwAthena appends.
UPDATE_HOST = bytes.fromhex(
    "63 00 24 00"
    "68 74 74 70 3a 2f 2f 75 70 64 61 74 65 73 2e 74"      # http://updates.t
    "68 65 6d 61 6e 61 77 6f 72 6c 64 2e 6f 72 67"         # hemanaworld.org
    "00")

# 0x0069 head (47 bytes): length, login_id1, account_id 2000000 (tmwAthena's first account),
# login_id2, unused 0, last_login empty (24 NULs), unused2 0, sex 2 (unspecified).
LOGIN_DATA_HEAD = (
    "3e 2c 1d 4b"                                                                # login_id1
    "80 84 1e 00"                                                                # account_id
    "0d 0c 0b 0a"                                                                # login_id2
    "00 00 00 00"                                                                # unused
    "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"    # last_login
    "00 00"                                                                      # unused2
    "02")                                                                        # sex

# No char-server: length 47. (tmwAthena answers 0x0081 instead, but the layout allows it and
# ManaPlus reads it as an empty list.)
LOGIN_DATA_NONE = bytes.fromhex("69 00 2f 00" + LOGIN_DATA_HEAD)

# One char-server, length 79: 203.0.113.7:6122 "The Mana World", 42 users.
ENTRY_TMW = (
    "cb 00 71 07"                                                    # ip 203.0.113.7
    "ea 17"                                                          # port 6122
    "54 68 65 20 4d 61 6e 61 20 57 6f 72 6c 64 00 00 00 00 00 00"    # "The Mana World"
    "2a 00"                                                          # users 42
    "00 00"                                                          # maintenance
    "00 00")                                                         # is_new
LOGIN_DATA_ONE = bytes.fromhex("69 00 4f 00" + LOGIN_DATA_HEAD + ENTRY_TMW)

# Three char-servers, length 143. The third name fills its 20 bytes (no NUL), and its
# maintenance / is_new are set, which tmwAthena never does but other servers may.
LOGIN_DATA_THREE = bytes.fromhex(
    "69 00 8f 00" + LOGIN_DATA_HEAD + ENTRY_TMW +
    "c6 33 64 14"                                                    # ip 198.51.100.20
    "eb 17"                                                          # port 6123
    "54 65 73 74 69 6e 67 00 00 00 00 00 00 00 00 00 00 00 00 00"    # "Testing"
    "03 00"                                                          # users 3
    "00 00"
    "00 00"
    "0a 00 00 ff"                                                    # ip 10.0.0.255
    "34 12"                                                          # port 0x1234
    "54 4d 57 20 44 65 76 65 6c 6f 70 6d 65 6e 74 20 53 72 76 31"    # "TMW Development Srv1"
    "00 00"                                                          # users 0
    "01 00"                                                          # maintenance 1
    "01 00")                                                         # is_new 1

# 0x006A code 6 with the ban end as stamp_time writes it: 19 characters and a NUL.
LOGIN_ERROR_BANNED = bytes.fromhex(
    "6a 00"
    "06"
    "32 30 32 36 2d 31 32 2d 33 31 20 32 33 3a 35 39 3a 35 39 00")   # "2026-12-31 23:59:59"

# 0x006A code 1 (wrong password): the message is 20 NULs.
LOGIN_ERROR_WRONG_PASSWORD = bytes.fromhex("6a 00 01" + "00" * 20)

# 0x0081 code 1: no char-server connected, or GM level below the minimum.
CONNECTION_PROBLEM_NO_SERVER = bytes.fromhex("81 00 01")

# 0x7531 from a tmwAthena v23.10.22 login server with account creation on: major 23, minor 10,
# patch 22, devel 0, flags 0x01 (registration), which 0x01 (login server), vend 0.
SERVER_VERSION = bytes.fromhex("31 75 17 0a 16 00 01 01 00 00")

HEAD_FIELDS = {
    "login_id1": 0x4B1D2C3E,
    "account_id": 2000000,
    "login_id2": 0x0A0B0C0D,
    "unused": 0,
    "last_login": "",
    "unused2": 0,
    "sex": "unspecified",
}
TMW_SERVER = {"ip": "cb007107", "port": 6122, "name": "The Mana World", "users": 42,
              "maintenance": 0, "is_new": 0, "ip_dotted": "203.0.113.7"}


# -- 0x0063 -----------------------------------------------------------------------------------

def test_update_host_with_the_nul_tmwathena_appends():
    pkt = check_vector(PROTO, UPDATE_HOST, "update_host", {
        "len_packet": 36, "update_host": "http://updates.themanaworld.org"})
    assert pkt.opcode == 0x0063


def test_update_host_without_a_nul():
    # ManaPlus reads length - 4 bytes and cuts at a NUL if there is one: both forms work.
    data = bytes.fromhex("63 00 23 00") + UPDATE_HOST[4:-1]
    check_vector(PROTO, data, "update_host", {
        "len_packet": 35, "update_host": "http://updates.themanaworld.org"})


def test_update_host_empty():
    check_vector(PROTO, bytes.fromhex("63 00 04 00"), "update_host",
                 {"len_packet": 4, "update_host": ""})


# -- 0x0069 -----------------------------------------------------------------------------------

def test_login_data_with_no_char_server():
    check_vector(PROTO, LOGIN_DATA_NONE, "login_data", {
        "len_packet": 47, **HEAD_FIELDS, "char_servers": [], "num_char_servers": 0})


def test_login_data_with_one_char_server():
    pkt = check_vector(PROTO, LOGIN_DATA_ONE, "login_data", {
        "len_packet": 79, **HEAD_FIELDS, "char_servers": [TMW_SERVER], "num_char_servers": 1})
    assert pkt.obj.char_servers[0].ip == bytes([203, 0, 113, 7])
    assert pkt.fields()["sex"].value == 2


def test_login_data_with_three_char_servers():
    check_vector(PROTO, LOGIN_DATA_THREE, "login_data", {
        "len_packet": 143,
        **HEAD_FIELDS,
        "char_servers": [
            TMW_SERVER,
            {"ip": "c6336414", "port": 6123, "name": "Testing", "users": 3,
             "maintenance": 0, "is_new": 0, "ip_dotted": "198.51.100.20"},
            {"ip": "0a0000ff", "port": 0x1234, "name": "TMW Development Srv1", "users": 0,
             "maintenance": 1, "is_new": 1, "ip_dotted": "10.0.0.255"},
        ],
        "num_char_servers": 3,
    })


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
    pkt = check_vector(PROTO, LOGIN_ERROR_BANNED, "login_error", {
        "code": "banned_until", "message": "2026-12-31 23:59:59"})
    assert pkt.fields()["code"].value == 6
    assert len(LOGIN_ERROR_BANNED) == 23


def test_login_error_wrong_password():
    pkt = check_vector(PROTO, LOGIN_ERROR_WRONG_PASSWORD, "login_error", {
        "code": "wrong_password", "message": ""})
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
    pkt = check_vector(PROTO, bytes.fromhex("6a 00 2a" + "00" * 20), "login_error",
                       {"code": 42, "message": ""})
    assert type(pkt.fields()["code"]) is int


def test_login_error_message_that_fills_the_20_bytes():
    message = b"Contact the GM team!"  # 20 characters, no NUL
    check_vector(PROTO, bytes.fromhex("6a 00 06") + message, "login_error",
                 {"code": "banned_until", "message": "Contact the GM team!"})


# -- 0x0081 -----------------------------------------------------------------------------------

def test_connection_problem_no_server():
    pkt = check_vector(PROTO, CONNECTION_PROBLEM_NO_SERVER, "connection_problem",
                       {"code": "no_server"})
    assert pkt.opcode == 0x0081


@pytest.mark.parametrize("code, name", [
    (0, "authentication_failed"), (1, "no_server"), (2, "already_logged_in"),
    (3, "speed_hack"), (8, "duplicated_login")])
def test_connection_problem_codes(code, name):
    pkt = check_vector(PROTO, bytes([0x81, 0x00, code]), "connection_problem", {"code": name})
    assert pkt.fields()["code"].value == code


def test_connection_problem_unknown_code_keeps_its_number():
    pkt = check_vector(PROTO, bytes.fromhex("81 00 4d"), "connection_problem", {"code": 77})
    assert type(pkt.fields()["code"]) is int


# -- 0x7531 -----------------------------------------------------------------------------------

def test_server_version_of_a_tmwathena_login_server():
    pkt = check_vector(PROTO, SERVER_VERSION, "server_version", {
        "major": 23, "minor": 10, "patch": 22, "devel": 0,
        "registration_enabled": True, "unused_flags": 0,
        "is_login_server": True, "is_char_server": False, "is_inter_server": False,
        "is_map_server": False, "unused_which": 0,
        "vendor_point": 0,
    })
    assert pkt.opcode == 0x7531


def test_server_version_of_a_char_server_without_registration():
    # A char-server answers with which = CHAR | INTER (0x06); a vendor build with point 3.
    check_vector(PROTO, bytes.fromhex("31 75 17 0a 16 02 00 06 03 00"), "server_version", {
        "major": 23, "minor": 10, "patch": 22, "devel": 2,
        "registration_enabled": False, "unused_flags": 0,
        "is_login_server": False, "is_char_server": True, "is_inter_server": True,
        "is_map_server": False, "unused_which": 0,
        "vendor_point": 3,
    })


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
