"""PangYa LoginService, server to client (ksy/pangya/loginservice/server/).

Vectors (tests/vectors/pangya_loginservice_server.py): the five hex examples of the seed (packetdoc's 0x0001 page), which are also the five
real captures in examples/pangya/loginservice/server/TH.R6.829.01/ (tests/vectors/
pangya_loginservice_server.py); the TH captures of 0x0002 and 0x0009 (below, with their file
names); and packets as server implementations write them: hsreina/pangya-server
(src/Server/Sync/SyncServer.pas GameServerList, src/Server/Login/LoginServer.pas
HandlePlayerServerSelect, src/Packets/Server/PlayerMacrosPacket.pas) and Acrisio-Filho/
SuperSS-Dev (Server Lib/Login Server/PACKET/packet_func_ls.cpp pacote002/009).
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector
from vectors.pangya_loginservice_server import (ALREADY_LOGGED_IN, INVALID_CREDENTIALS,
                                                NEED_SELECT_CHARACTER, NEED_SET_NICKNAME,
                                                SUCCESS, UNKNOWN_ERROR_CODE)
from vectors import pangya_loginservice_server as V

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



# -- 0x0002 game server list, 0x0009 message server list --------------------------------------

def test_game_server_list_capture():
    pkt = check_vector(V.GAME_SERVER_LIST)
    assert pkt.opcode == 0x0002 and len(V.GAME_SERVER_LIST.data) == 3 + 11 * 92
    names = [server.name.value for server in pkt.obj.servers]
    assert names[:2] == ["สุขุมวิท", "สยาม"]
    # The server reuses one buffer for the names: after "สยาม" and its NUL comes the tail of
    # the longer "สุขุมวิท" written before it.
    assert pkt.obj.servers[1].name.after_nul[:3].decode("iso8859_11") == "วิท"


def test_game_server_list_offsets():
    spans = {".".join(map(str, s.path)): (s.start, s.size)
             for s in pkttools.parse(PROTO, V.GAME_SERVER_LIST.data).spans()}
    assert spans["body.num_servers"] == (2, 1)
    assert spans["body.servers.0.name"] == (3, 40)
    assert spans["body.servers.0.server_id"] == (43, 4)
    assert spans["body.servers.0.ip_address"] == (55, 18)
    assert spans["body.servers.0.port"] == (73, 4)
    assert spans["body.servers.0.flags"] == (77, 4)
    assert spans["body.servers.0.num_angelic_wings"] == (81, 4)
    assert spans["body.servers.0.boosts"] == (85, 2)
    assert spans["body.servers.0.icon"] == (93, 2)
    assert spans["body.servers.1.name"] == (95, 40)
    assert spans["body.servers.10.icon"] == (1013, 2)


def test_message_server_list_captures():
    check_vector(V.MESSAGE_SERVER_LIST_2018)
    pkt = check_vector(V.MESSAGE_SERVER_LIST_2019)
    assert pkt.opcode == 0x0009
    assert type(pkt.fields()["servers"][0]["icon"]) is int  # 0 is no icon of the enum


@pytest.mark.parametrize("data", [V.GAME_SERVER_LIST.data, V.MESSAGE_SERVER_LIST_2018.data,
                                  V.MESSAGE_SERVER_LIST_2019.data])
def test_server_list_literals_are_the_captures(data):
    captured = {p.read_bytes() for p in CAPTURES.glob("000[29]-*.bin")}
    assert data in captured


def test_game_server_list_as_hsreina_writes_it():
    check_vector(V.HSREINA_GAME_SERVER_LIST)


def test_build_a_server_list_from_fields():
    # Lengths and counts are derived; the bytes after each text's NUL are filled with zeros.
    server = {"name": {"value": "Free#1"}, "server_id": 1, "max_users": 100,
              "num_users": 0, "ip_address": {"value": "10.0.0.1"}, "port": 20201,
              "flags": 0, "num_angelic_wings": 0, "boosts": 0x4, "event_map": 0,
              "app_rate": 0, "scratchy_rate": 0, "icon": "tiki"}
    out = pkttools.build(PROTO, {"packet": "message_server_list", "fields": {"servers": [server]}})
    assert out[:3] == bytes.fromhex("09 00 01") and len(out) == 3 + 92
    assert out[3:9] == b"Free#1" and out[9:43] == bytes(34)
    assert out[55:63] == b"10.0.0.1" and out[63:73] == bytes(10)
    assert out[73:77] == bytes.fromhex("e9 4e 00 00") and out[-2:] == bytes.fromhex("06 00")
    back = pkttools.parse(PROTO, out, strict=True).fields()["servers"][0]
    assert back["name"] == {"value": "Free#1", "after_nul": "00" * 33}
    with pytest.raises(pkttools.FieldValueError) as info:  # 41 bytes with the NUL
        pkttools.build(PROTO, {"packet": "message_server_list", "fields": {"servers": [
            dict(server, name={"value": "x" * 40})]}})
    assert info.value.path == "servers[0].name"


@pytest.mark.parametrize("packet_id, name", [(0x0002, "game_server_list"),
                                             (0x0009, "message_server_list")])
def test_empty_server_lists_as_superss_dev_sends_them(packet_id, name):
    # pacote002 / pacote009 with no server online: the count byte alone.
    check_vector(PROTO, packet_id.to_bytes(2, "little") + b"\x00", name,
                 {"num_servers": 0, "servers": []})


@pytest.mark.parametrize("length, path, start", [
    (2, "num_servers", 2),
    (3, "servers[0].name", 3),
    (42, "servers[0].name", 3),
    (50, "servers[0].max_users", 47),
    (60, "servers[0].ip_address", 55),
    (75, "servers[0].port", 73),
    (94, "servers[0].icon", 93),
    (100, "servers[1].name", 95),
    (1014, "servers[10].icon", 1013),
])
def test_cut_game_server_list_names_field_and_offset(length, path, start):
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, V.GAME_SERVER_LIST.data[:length])
    err = info.value
    assert (err.packet, err.path, err.offset) == ("game_server_list", path, start)
    assert err.available == length - start
    assert f"field {path}" in str(err) and f"offset {start}" in str(err)


def test_cut_message_server_list():
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, V.MESSAGE_SERVER_LIST_2019.data[:75])
    assert (info.value.path, info.value.offset) == ("servers[0].port", 73)


def test_stale_bytes_after_the_nul_are_bytes_not_text():
    data = bytearray(V.GAME_SERVER_LIST.data)
    data[3 + 20] = 0xFF  # in the stale bytes after the first name's NUL: ISO-8859-11 lacks it
    pkt = pkttools.parse(PROTO, bytes(data), strict=True)
    assert pkt.fields()["servers"][0]["name"]["after_nul"][22:24] == "ff"
    assert pkttools.build(PROTO, pkt.to_dict()) == bytes(data)


def test_a_byte_iso_8859_11_lacks_in_a_name_is_a_decode_error():
    data = bytearray(V.GAME_SERVER_LIST.data)
    data[3 + 2] = 0xFF  # inside the first name, before its NUL
    with pytest.raises(pkttools.DecodeError) as info:
        pkttools.parse(PROTO, bytes(data))
    assert (info.value.path, info.value.offset) == ("servers[0].name.value", 5)


# -- 0x0003 session key, 0x0010 login key, 0x0006 chat macros ---------------------------------

def test_session_key_as_hsreina_writes_it():
    pkt = check_vector(V.SESSION_KEY)
    assert pkt.opcode == 0x0003


def test_login_keys():
    pkt = check_vector(V.LOGIN_KEY)
    assert pkt.opcode == 0x0010
    check_vector(V.LOGIN_KEY_PANGBOX)


def test_chat_macros_as_hsreina_writes_them():
    pkt = check_vector(V.CHAT_MACROS)
    assert pkt.opcode == 0x0006 and len(V.CHAT_MACROS.data) == 2 + 9 * 64


def test_chat_macro_that_fills_64_bytes_and_thai_text():
    full = "x" * 64
    thai = "ขอบคุณ"  # TIS-620, one byte a character
    data = (bytes.fromhex("06 00") + full.encode() + thai.encode("iso8859_11").ljust(64, b"\x00")
            + bytes(7 * 64))
    check_vector(PROTO, data, "chat_macro_list", {"macros": [full, thai] + [""] * 7})


@pytest.mark.parametrize("data, length, path, start", [
    (V.SESSION_KEY.data, 4, "option", 2),
    (V.SESSION_KEY.data, 7, "session_key.len_value", 6),
    (V.SESSION_KEY.data, 10, "session_key.value", 8),
    (V.LOGIN_KEY.data, 3, "login_key.len_value", 2),
    (V.LOGIN_KEY.data, 8, "login_key.value", 4),
    (V.CHAT_MACROS.data, 2, "macros[0]", 2),
    (V.CHAT_MACROS.data, 65, "macros[0]", 2),
    (V.CHAT_MACROS.data, 2 + 8 * 64 + 10, "macros[8]", 2 + 8 * 64),
])
def test_cut_key_and_macro_packets(data, length, path, start):
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, data[:length])
    err = info.value
    assert (err.path, err.offset) == (path, start)
    assert err.available == length - start


def test_packet_table_is_the_packet_files():
    # The opcode table has one source, the packet files of the folder (file name = opcode).
    table = {p.opcode: p.name for p in pkttools.protocol(PROTO).packets}
    files = sorted(ROOT.glob("ksy/pangya/loginservice/server/[0-9a-f]*.ksy"))
    assert sorted(table) == [int(f.stem, 16) for f in files]
    assert {0x0001: "login", 0x0002: "game_server_list", 0x0003: "session_key",
            0x0006: "chat_macro_list", 0x0009: "message_server_list",
            0x0010: "login_key"}.items() <= table.items()
