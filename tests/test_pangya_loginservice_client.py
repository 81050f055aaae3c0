"""PangYa LoginService, client to server (ksy/pangya/loginservice/client/).

Vectors (tests/vectors/pangya_loginservice_client.py): the seven client captures in examples/pangya/loginservice/client/ (packetdoc's examples;
file names beside each literal), and packets built from the layouts as the servers read them:
hsreina/pangya-server (src/Server/Sync/SyncServer.pas HandleLoginPlayerLogin, src/Server/Login/
LoginServer.pas HandlePlayerReconnect), Acrisio-Filho/SuperSS-Dev (Server Lib/Login Server/
PACKET/packet_func_ls.cpp packet003/packet008) and pangbox/server (login/msgclient.go).
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector
from vectors import pangya_loginservice_client as V

from conftest import EXAMPLES, ROOT

PROTO = "pangya.loginservice.client"
CAPTURES = EXAMPLES / "pangya" / "loginservice" / "client"

CAPTURED = [V.LOGIN_GB, V.SELECT_SERVER_GB, V.GHOST_TH, V.SET_NICKNAME_TH, V.CHECK_NICKNAME_TH,
            V.SELECT_CHARACTER_TH, V.RECONNECT_PANGBOX]


@pytest.mark.parametrize("vector", CAPTURED, ids=lambda v: v.name)
def test_vectors_are_the_captures(vector):
    assert (ROOT / vector.source).read_bytes() == vector.data


def test_every_client_capture_is_a_vector():
    files = {p.relative_to(ROOT).as_posix() for p in CAPTURES.rglob("*.bin")}
    assert files == {v.source for v in CAPTURED}


def test_login_capture():
    pkt = check_vector(V.LOGIN_GB)
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
    pkt = check_vector(V.SELECT_SERVER_GB)
    assert pkt.opcode == 0x0003
    # SuperSS-Dev packet003 reads the id as one uint32; packetdoc's u2 + "unused" u2 would
    # read 0x00010001 as server 1.
    check_vector(PROTO, bytes.fromhex("03 00 01 00 01 00"), "select_server",
                 {"server_id": 0x00010001})


def test_ghost_is_the_id_alone():
    pkt = check_vector(V.GHOST_TH)
    assert pkt.opcode == 0x0004


def test_nickname_captures():
    assert check_vector(V.SET_NICKNAME_TH).opcode == 0x0006
    assert check_vector(V.CHECK_NICKNAME_TH).opcode == 0x0007


def test_thai_nickname():
    name = "ผู้เล่น".encode("iso8859_11")  # TIS-620, one byte a character
    data = bytes.fromhex("07 00") + len(name).to_bytes(2, "little") + name
    check_vector(PROTO, data, "check_nickname",
                 {"nickname": {"len_value": len(name), "value": "ผู้เล่น"}})


def test_select_character_capture():
    pkt = check_vector(V.SELECT_CHARACTER_TH)
    assert pkt.opcode == 0x0008


def test_select_character_as_superss_dev_reads_it():
    # packet008: readInt32 type id, readUint8 default_hair (at most 9), readUint8
    # default_shirts (must be 0). Type 0x04000000, hair colour 9.
    check_vector(PROTO, bytes.fromhex("08 00 00 00 00 04 09 00"), "select_character", {
        "character_type_id": 0x04000000, "hair_color": 9, "shirt": 0})


def test_reconnect_capture():
    pkt = check_vector(V.RECONNECT_PANGBOX)
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
             for s in pkttools.parse(PROTO, V.RECONNECT_PANGBOX.data).spans()}
    assert spans["body.username.value"] == (4, 7)
    assert spans["body.user_id"] == (11, 4)
    assert spans["body.session_token.len_value"] == (15, 2)
    assert spans["body.session_token.value"] == (17, 7)


# -- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("data, length, packet, path, start", [
    (V.LOGIN_GB.data, 0, None, "packet_id", 0),
    (V.LOGIN_GB.data, 1, None, "packet_id", 0),
    (V.LOGIN_GB.data, 3, "login", "username.len_value", 2),
    (V.LOGIN_GB.data, 6, "login", "username.value", 4),
    (V.LOGIN_GB.data, 9, "login", "password.len_value", 8),
    (V.LOGIN_GB.data, 20, "login", "password.value", 10),
    (V.SELECT_SERVER_GB.data, 5, "select_server", "server_id", 2),
    (V.SELECT_CHARACTER_TH.data, 4, "select_character", "character_type_id", 2),
    (V.SELECT_CHARACTER_TH.data, 6, "select_character", "hair_color", 6),
    (V.SELECT_CHARACTER_TH.data, 7, "select_character", "shirt", 7),
    (V.SET_NICKNAME_TH.data, 3, "set_nickname", "nickname.len_value", 2),
    (V.CHECK_NICKNAME_TH.data, 10, "check_nickname", "nickname.value", 4),
    (V.RECONNECT_PANGBOX.data, 12, "reconnect", "user_id", 11),
    (V.RECONNECT_PANGBOX.data, 16, "reconnect", "session_token.len_value", 15),
    (V.RECONNECT_PANGBOX.data, 23, "reconnect", "session_token.value", 17),
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
    pkt = pkttools.parse(PROTO, V.LOGIN_GB.data[:-5], strict=True)
    assert pkt.fields()["padding"] == "00" * 12


def test_bytes_after_a_fixed_packet_are_trailing():
    pkt = pkttools.parse(PROTO, V.SELECT_SERVER_GB.data + b"\x01")
    assert (pkt.trailing, pkt.trailing_offset) == (b"\x01", 6)
    with pytest.raises(pkttools.TrailingBytesError):
        pkttools.parse(PROTO, V.GHOST_TH.data + b"\x00", strict=True)


def test_unknown_packet_id():
    with pytest.raises(pkttools.UnknownOpcodeError) as info:
        pkttools.parse(PROTO, bytes.fromhex("05 00 00"))
    assert (info.value.opcode, info.value.path, info.value.offset) == (5, "packet_id", 0)


# -- the stream ---------------------------------------------------------------------------------

def test_stream_splits_packets_back_to_back():
    data = (V.CHECK_NICKNAME_TH.data + V.SET_NICKNAME_TH.data + V.SELECT_CHARACTER_TH.data
            + V.SELECT_SERVER_GB.data)
    items = pkttools.split(PROTO, data)
    assert [(type(i).__name__, i.offset, i.packet.name) for i in items] == [
        ("Frame", 0, "check_nickname"), ("Frame", 11, "set_nickname"),
        ("Frame", 22, "select_character"), ("Frame", 30, "select_server")]


def test_stream_login_takes_the_rest():
    # The login request's padding has no length: what follows it is read as padding.
    items = pkttools.split(PROTO, V.LOGIN_GB.data + V.SELECT_SERVER_GB.data)
    assert len(items) == 1 and items[0].packet.name == "login"
    assert items[0].packet.fields()["padding"] == "00" * 17 + V.SELECT_SERVER_GB.data.hex()

