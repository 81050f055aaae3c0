"""PangYa LoginService, client to server (ksy/pangya/loginservice/client/).

Vectors: the seven client captures in examples/pangya/loginservice/client/ (packetdoc's examples;
file names beside each literal), and packets built from the layouts as the servers read them:
hsreina/pangya-server (src/Server/Sync/SyncServer.pas HandleLoginPlayerLogin, src/Server/Login/
LoginServer.pas HandlePlayerReconnect), Acrisio-Filho/SuperSS-Dev (Server Lib/Login Server/
PACKET/packet_func_ls.cpp packet003/packet008) and pangbox/server (login/msgclient.go).
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector

from conftest import EXAMPLES

PROTO = "pangya.loginservice.client"
CAPTURES = EXAMPLES / "pangya" / "loginservice" / "client"

# GB.R7.852.00/0001-181018.1255-0000-7af0.bin: user "john", the MD5 of "test" as 32 upper-case
# hex digits, 17 zero bytes.
LOGIN_GB = bytes.fromhex(
    "01 00"
    "04 00 6a 6f 68 6e"
    "20 00 30 39 38 46 36 42 43 44 34 36 32 31 44 33 37 33 43 41 44 45 34 45 38 33 32 36 32 37"
    "42 34 46 36"
    "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00")
# GB.R7.852.00/0003-181018.1255-0006-036b.bin: game server 20202.
SELECT_SERVER_GB = bytes.fromhex("03 00 ea 4e 00 00")
# TH.R6.829.01/0004-190812.1704-0000-6516.bin: the id alone.
GHOST_TH = bytes.fromhex("04 00")
# TH.R6.829.01/0006-190812.0138-0005-27ef.bin and 0007-190812.0138-0003-6a0f.bin.
SET_NICKNAME_TH = bytes.fromhex("06 00 07 00 70 61 6e 67 62 6f 78")
CHECK_NICKNAME_TH = bytes.fromhex("07 00 07 00 70 61 6e 67 62 6f 78")
# TH.R6.829.01/0008-190812.0139-0007-9e06.bin: character 0x04000009, hair colour 2.
SELECT_CHARACTER_TH = bytes.fromhex("08 00 09 00 00 04 02 00")
# Pangbox/000b-190817-1320-0000-101b.bin: "pangbox", user id 4834514, key "40d232f".
RECONNECT_PANGBOX = bytes.fromhex(
    "0b 00 07 00 70 61 6e 67 62 6f 78 d2 c4 49 00 07 00 34 30 64 32 33 32 66")

CAPTURED = {
    LOGIN_GB: "GB.R7.852.00/0001-181018.1255-0000-7af0.bin",
    SELECT_SERVER_GB: "GB.R7.852.00/0003-181018.1255-0006-036b.bin",
    GHOST_TH: "TH.R6.829.01/0004-190812.1704-0000-6516.bin",
    SET_NICKNAME_TH: "TH.R6.829.01/0006-190812.0138-0005-27ef.bin",
    CHECK_NICKNAME_TH: "TH.R6.829.01/0007-190812.0138-0003-6a0f.bin",
    SELECT_CHARACTER_TH: "TH.R6.829.01/0008-190812.0139-0007-9e06.bin",
    RECONNECT_PANGBOX: "Pangbox/000b-190817-1320-0000-101b.bin",
}


@pytest.mark.parametrize("data, name", list(CAPTURED.items()), ids=list(CAPTURED.values()))
def test_literals_are_the_captures(data, name):
    assert (CAPTURES / name).read_bytes() == data


def test_every_client_capture_is_listed():
    files = {p.relative_to(CAPTURES).as_posix() for p in CAPTURES.rglob("*.bin")}
    assert files == set(CAPTURED.values())


def test_login_capture():
    pkt = check_vector(PROTO, LOGIN_GB, "login", {
        "username": {"len_value": 4, "value": "john"},
        "password": {"len_value": 32, "value": "098F6BCD4621D373CADE4E832627B4F6"},
        "padding": "00" * 17,
    })
    assert pkt.opcode == 0x0001
    assert pkt.obj.password.value.lower() == "098f6bcd4621d373cade4e832627b4f6"  # md5("test")


def test_login_without_padding_as_hsreina_reads_it():
    # hsreina and pangbox/server read the two strings only; a TH client sends the password in
    # plain text (packetdoc). With no padding the packet ends after the password.
    pkt = check_vector(PROTO, bytes.fromhex("01 00 03 00 61 62 63 06 00 73 65 63 72 65 74"),
                       "login", {
                           "username": {"len_value": 3, "value": "abc"},
                           "password": {"len_value": 6, "value": "secret"},
                           "padding": "",
                       })
    assert pkt.trailing == b""


def test_select_server_capture_and_a_four_byte_id():
    pkt = check_vector(PROTO, SELECT_SERVER_GB, "select_server", {"server_id": 20202})
    assert pkt.opcode == 0x0003
    # SuperSS-Dev packet003 reads the id as one uint32; packetdoc's u2 + "unused" u2 would
    # read 0x00010001 as server 1.
    check_vector(PROTO, bytes.fromhex("03 00 01 00 01 00"), "select_server",
                 {"server_id": 0x00010001})


def test_ghost_is_the_id_alone():
    pkt = check_vector(PROTO, GHOST_TH, "ghost", {})
    assert pkt.opcode == 0x0004


def test_nickname_captures():
    assert check_vector(PROTO, SET_NICKNAME_TH, "set_nickname", {
        "nickname": {"len_value": 7, "value": "pangbox"}}).opcode == 0x0006
    assert check_vector(PROTO, CHECK_NICKNAME_TH, "check_nickname", {
        "nickname": {"len_value": 7, "value": "pangbox"}}).opcode == 0x0007


def test_thai_nickname():
    name = "ผู้เล่น".encode("iso8859_11")  # TIS-620, one byte a character
    data = bytes.fromhex("07 00") + len(name).to_bytes(2, "little") + name
    check_vector(PROTO, data, "check_nickname",
                 {"nickname": {"len_value": len(name), "value": "ผู้เล่น"}})


def test_select_character_capture():
    pkt = check_vector(PROTO, SELECT_CHARACTER_TH, "select_character", {
        "character_type_id": 0x04000009,
        "hair_color": 2,
        "shirt": 0,
    })
    assert pkt.opcode == 0x0008


def test_select_character_as_superss_dev_reads_it():
    # packet008: readInt32 type id, readUint8 default_hair (at most 9), readUint8
    # default_shirts (must be 0). Type 0x04000000, hair colour 9.
    check_vector(PROTO, bytes.fromhex("08 00 00 00 00 04 09 00"), "select_character", {
        "character_type_id": 0x04000000, "hair_color": 9, "shirt": 0})


def test_reconnect_capture():
    pkt = check_vector(PROTO, RECONNECT_PANGBOX, "reconnect", {
        "username": {"len_value": 7, "value": "pangbox"},
        "user_id": 4834514,
        "session_token": {"len_value": 7, "value": "40d232f"},
    })
    assert pkt.opcode == 0x000B


def test_reconnect_with_hsreinas_login_key():
    # HandlePlayerReconnect: ReadPStr(userLogin), ReadUInt32(un), ReadPStr(token); the token is
    # the key hsreina's 0x0010 sends ("178d22e").
    check_vector(PROTO, bytes.fromhex("0b 00 04 00 6a 6f 68 6e 2a 00 00 00 07 00 31 37 38 64 32 32 65"),
                 "reconnect", {
                     "username": {"len_value": 4, "value": "john"},
                     "user_id": 42,
                     "session_token": {"len_value": 7, "value": "178d22e"},
                 })


def test_packet_table():
    assert [(p.opcode, p.name) for p in pkttools.protocol(PROTO).packets] == [
        (0x0001, "login"), (0x0003, "select_server"), (0x0004, "ghost"),
        (0x0006, "set_nickname"), (0x0007, "check_nickname"), (0x0008, "select_character"),
        (0x000B, "reconnect")]


def test_offsets_of_the_reconnect_capture():
    spans = {".".join(map(str, s.path)): (s.start, s.size)
             for s in pkttools.parse(PROTO, RECONNECT_PANGBOX).spans()}
    assert spans["body.username.value"] == (4, 7)
    assert spans["body.user_id"] == (11, 4)
    assert spans["body.session_token.len_value"] == (15, 2)
    assert spans["body.session_token.value"] == (17, 7)


# -- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("data, length, packet, path, start", [
    (LOGIN_GB, 0, None, "packet_id", 0),
    (LOGIN_GB, 1, None, "packet_id", 0),
    (LOGIN_GB, 3, "login", "username.len_value", 2),
    (LOGIN_GB, 6, "login", "username.value", 4),
    (LOGIN_GB, 9, "login", "password.len_value", 8),
    (LOGIN_GB, 20, "login", "password.value", 10),
    (SELECT_SERVER_GB, 5, "select_server", "server_id", 2),
    (SELECT_CHARACTER_TH, 4, "select_character", "character_type_id", 2),
    (SELECT_CHARACTER_TH, 6, "select_character", "hair_color", 6),
    (SELECT_CHARACTER_TH, 7, "select_character", "shirt", 7),
    (SET_NICKNAME_TH, 3, "set_nickname", "nickname.len_value", 2),
    (CHECK_NICKNAME_TH, 10, "check_nickname", "nickname.value", 4),
    (RECONNECT_PANGBOX, 12, "reconnect", "user_id", 11),
    (RECONNECT_PANGBOX, 16, "reconnect", "session_token.len_value", 15),
    (RECONNECT_PANGBOX, 23, "reconnect", "session_token.value", 17),
])
def test_cuts_name_field_and_offset(data, length, packet, path, start):
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, data[:length])
    err = info.value
    assert (err.protocol, err.packet, err.path, err.offset) == (PROTO, packet, path, start)
    assert err.available == length - start
    assert f"field {path}" in str(err) and f"offset {start}" in str(err)


def test_a_cut_login_padding_is_still_a_login():
    # The padding runs to the end of the payload, so any cut after the password parses.
    pkt = pkttools.parse(PROTO, LOGIN_GB[:-5], strict=True)
    assert pkt.fields()["padding"] == "00" * 12


def test_bytes_after_a_fixed_packet_are_trailing():
    pkt = pkttools.parse(PROTO, SELECT_SERVER_GB + b"\x01")
    assert (pkt.trailing, pkt.trailing_offset) == (b"\x01", 6)
    with pytest.raises(pkttools.TrailingBytesError):
        pkttools.parse(PROTO, GHOST_TH + b"\x00", strict=True)


def test_unknown_packet_id():
    with pytest.raises(pkttools.UnknownOpcodeError) as info:
        pkttools.parse(PROTO, bytes.fromhex("05 00 00"))
    assert (info.value.opcode, info.value.path, info.value.offset) == (5, "packet_id", 0)


# -- the stream ---------------------------------------------------------------------------------

def test_stream_splits_packets_back_to_back():
    data = CHECK_NICKNAME_TH + SET_NICKNAME_TH + SELECT_CHARACTER_TH + SELECT_SERVER_GB
    items = pkttools.split(PROTO, data)
    assert [(type(i).__name__, i.offset, i.packet.name) for i in items] == [
        ("Frame", 0, "check_nickname"), ("Frame", 11, "set_nickname"),
        ("Frame", 22, "select_character"), ("Frame", 30, "select_server")]


def test_stream_login_takes_the_rest():
    # The login request's padding has no length: what follows it is read as padding.
    items = pkttools.split(PROTO, LOGIN_GB + SELECT_SERVER_GB)
    assert len(items) == 1 and items[0].packet.name == "login"
    assert items[0].packet.fields()["padding"] == "00" * 17 + SELECT_SERVER_GB.hex()

