"""PangYa LoginService, server to client (ksy/pangya/loginservice/server/).

Vectors: the five hex examples of the seed (packetdoc's 0x0001 page), which are also the five
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

def fixed(text: str, after: str, width: int) -> str:
    """A fixed-width text field as the spec reads it: the text, its NUL, then the bytes the
    sender left after the NUL (hex), every byte one ISO-8859-11 character."""
    value = text + "\x00" + bytes.fromhex(after).decode("iso8859_11")
    assert len(value.encode("iso8859_11")) == width
    return value


# 0002-190812.0431-0003-0803.bin: eleven game servers of the Thai service, 92 bytes each.
GAME_SERVER_LIST = bytes.fromhex(
    "02 00 0b"
    # servers[0]
    "ca d8 a2 d8 c1 c7 d4 b7 00 51 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "e9 4e 00 00 b0 04 00 00 16 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 36 00 00 39 0a"
    "e9 4e 00 00 00 08 00 00 03 00 00 00 04 00 00 00 00 00 00 00 09 00"
    # servers[1]
    "ca c2 d2 c1 00 c7 d4 b7 00 51 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "ea 4e 00 00 b0 04 00 00 02 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 37 00 00 39 0a"
    "e9 4e 00 00 00 08 00 00 00 00 00 00 04 00 00 00 00 00 00 00 03 00"
    # servers[2]
    "e0 b4 e7 a1 cd cd bf bf d4 c8 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "ed 4e 00 00 b0 04 00 00 03 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 38 00 00 39 0a"
    "e9 4e 00 00 00 08 00 00 00 00 00 00 04 00 00 00 00 00 00 00 01 00"
    # servers[3]
    "e0 b4 e7 a1 cd d5 ca d2 b9 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "ee 4e 00 00 b0 04 00 00 00 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 37 00 00 39 0a"
    "ea 4e 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 06 00"
    # servers[4]
    "e0 b4 e7 a1 b9 cd a1 00 b9 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "ef 4e 00 00 b0 04 00 00 01 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 38 00 00 39 0a"
    "ea 4e 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 07 00"
    # servers[5]
    "e0 b4 e7 a1 e2 ca b4 00 b9 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "f1 4e 00 00 b0 04 00 00 00 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 37 00 00 39 0a"
    "eb 4e 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 09 00"
    # servers[6]
    "e0 b4 e7 a1 e3 b5 e9 00 b9 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "f3 4e 00 00 b0 04 00 00 01 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 39 00 00 39 0a"
    "e9 4e 00 00 00 08 00 00 00 00 00 00 02 00 00 00 00 00 00 00 03 00"
    # servers[7]
    "c1 d7 cd e3 cb c1 e8 00 b9 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "f4 4e 00 00 b0 04 00 00 00 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 36 00 00 39 0a"
    "ea 4e 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 07 00"
    # servers[8]
    "c5 d2 b4 be c3 e9 d2 c7 00 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "f8 4e 00 00 b0 04 00 00 06 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 38 00 00 39 0a"
    "eb 4e 00 00 00 08 00 00 03 00 00 00 02 00 00 00 00 00 00 00 09 00"
    # servers[9]
    "a8 b5 d8 a8 d1 a1 c3 00 00 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "f9 4e 00 00 b0 04 00 00 12 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 39 00 00 39 0a"
    "ea 4e 00 00 80 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 03 00"
    # servers[10]
    "45 76 65 6e 74 00 c3 00 00 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "fc 4e 00 00 b0 04 00 00 00 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 39 00 00 39 0a"
    "eb 4e 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00")

# The 24 bytes every name of that list ends in (name offsets 16-39), after its NUL.
STALE = "48 31 da 14 03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"

# Per server: name, the bytes between its NUL and STALE, server_id, num_users, address, port,
# flags, num_angelic_wings, boosts, icon. max_users is 1200 and event_map, app_rate and
# scratchy_rate are 0 everywhere; every address ends in the stale bytes 00 00 39 0a.
GAME_SERVERS = [
    ("สุขุมวิท", "51 00 00 00 00 00 00", 20201, 22, "203.107.140.36", 20201, 0x800, 3, 4, "azer"),
    ("สยาม", "c7 d4 b7 00 51 00 00 00 00 00 00", 20202, 2, "203.107.140.37", 20201, 0x800, 0, 4,
     "dolfini"),
    ("เด็กออฟฟิศ", "00 00 00 00 00", 20205, 3, "203.107.140.38", 20201, 0x800, 0, 4, "pippin"),
    ("เด็กอีสาน", "00 00 00 00 00 00", 20206, 0, "203.107.140.37", 20202, 0x800, 0, 0, "tiki"),
    ("เด็กนอก", "b9 00 00 00 00 00 00 00", 20207, 1, "203.107.140.38", 20202, 0x800, 0, 0, "cadie"),
    ("เด็กโสด", "b9 00 00 00 00 00 00 00", 20209, 0, "203.107.140.37", 20203, 0x800, 0, 0, "azer"),
    ("เด็กใต้", "b9 00 00 00 00 00 00 00", 20211, 1, "203.107.140.39", 20201, 0x800, 0, 2,
     "dolfini"),
    ("มือใหม่", "b9 00 00 00 00 00 00 00", 20212, 0, "203.107.140.36", 20202, 0x800, 0, 0, "cadie"),
    ("ลาดพร้าว", "00 00 00 00 00 00 00", 20216, 6, "203.107.140.38", 20203, 0x800, 3, 2, "azer"),
    ("จตุจักร", "00 00 00 00 00 00 00 00", 20217, 18, "203.107.140.39", 20202, 0x80, 0, 2,
     "dolfini"),
    ("Event", "c3 00 00 00 00 00 00 00 00 00", 20220, 0, "203.107.140.39", 20203, 0x800, 0, 0,
     "titan_boo"),
]


def th_game_server(name, between, server_id, num_users, address, port, flags, wings, boosts,
                   icon) -> dict:
    return {
        "name": fixed(name, between + STALE, 40),
        "server_id": server_id,
        "max_users": 1200,
        "num_users": num_users,
        "ip_address": fixed(address, "00 39 0a", 18),
        "port": port,
        "flags": flags,
        "num_angelic_wings": wings,
        "boosts": boosts,
        "event_map": 0,
        "app_rate": 0,
        "scratchy_rate": 0,
        "icon": icon,
    }


def test_game_server_list_capture():
    pkt = check_vector(PROTO, GAME_SERVER_LIST, "game_server_list", {
        "num_servers": 11,
        "servers": [th_game_server(*row) for row in GAME_SERVERS],
    })
    assert pkt.opcode == 0x0002 and len(GAME_SERVER_LIST) == 3 + 11 * 92
    names = [server.name.split("\x00")[0] for server in pkt.obj.servers]
    assert names[:2] == ["สุขุมวิท", "สยาม"]
    # The server reuses one buffer for the names: after "สยาม" and its NUL comes the tail of
    # the longer "สุขุมวิท" written before it.
    assert pkt.obj.servers[1].name[5:8] == "วิท"


def test_game_server_list_offsets():
    spans = {".".join(map(str, s.path)): (s.start, s.size)
             for s in pkttools.parse(PROTO, GAME_SERVER_LIST).spans()}
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


# 0009-181031.0013-9dcc.0000.dafc.0004-61a3.bin and 0009-190812.0316-fe16.0000.eede.0004-3be3.bin:
# the Thai messenger server, ten months apart.
MESSAGE_SERVER_LIST_2018 = bytes.fromhex(
    "09 00 01"
    "4d 65 73 73 65 6e 67 65 72 53 65 72 76 65 72 23 31 00 00 00"
    "00 38 f2 00 78 e0 95 09 00 00 00 00 c8 51 00 00 00 00 00 00"
    "5d 76 00 00 40 1f 00 00 58 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 34 00 00 00 00"
    "76 27 00 00 00 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00")
MESSAGE_SERVER_LIST_2019 = bytes.fromhex(
    "09 00 01"
    "4d 65 73 73 65 6e 67 65 72 53 65 72 76 65 72 23 31 00 00 00"
    "10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00 00 00 00 00"
    "5d 76 00 00 40 1f 00 00 7e 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 34 00 00 00 00"
    "76 27 00 00 00 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00")


def th_messenger(after_name: str, num_users: int) -> dict:
    return {
        "name": fixed("MessengerServer#1", after_name, 40),
        "server_id": 30301,
        "max_users": 8000,
        "num_users": num_users,
        "ip_address": fixed("203.107.140.34", "00 00 00", 18),
        "port": 10102,
        "flags": 0x1000,
        "num_angelic_wings": 0,
        "boosts": 0,
        "event_map": 0,
        "app_rate": 0,
        "scratchy_rate": 0,
        "icon": 0,
    }


def test_message_server_list_captures():
    check_vector(PROTO, MESSAGE_SERVER_LIST_2018, "message_server_list", {
        "num_servers": 1,
        "servers": [th_messenger("00 00 00 38 f2 00 78 e0 95 09 00 00 00 00 c8 51 00 00"
                                 "00 00 00 00", 88)],
    })
    pkt = check_vector(PROTO, MESSAGE_SERVER_LIST_2019, "message_server_list", {
        "num_servers": 1,
        "servers": [th_messenger("00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00 00 00"
                                 "00 00", 126)],
    })
    assert pkt.opcode == 0x0009
    assert type(pkt.fields()["servers"][0]["icon"]) is int  # 0 is no icon of the enum


@pytest.mark.parametrize("data", [GAME_SERVER_LIST, MESSAGE_SERVER_LIST_2018,
                                  MESSAGE_SERVER_LIST_2019])
def test_server_list_literals_are_the_captures(data):
    captured = {p.read_bytes() for p in CAPTURES.glob("000[29]-*.bin")}
    assert data in captured


# hsreina's TSyncServer.GameServerList for one registered game server named "Free" on
# 127.0.0.1:20201: the name padded to 16 bytes, then 24 zero bytes; a constant id 7f 00 00 01,
# 1600 max users, 69 users; the host padded to 15 bytes and 3 zero bytes; the u2 port and
# 00 00; 00 00 08 00 ("kind of server status"), 8 ("Wings"), 0, 100, icon 3, 0.
HSREINA_GAME_SERVER_LIST = bytes.fromhex(
    "02 00 01"
    "46 72 65 65 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
    "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
    "7f 00 00 01 40 06 00 00 45 00 00 00"
    "31 32 37 2e 30 2e 30 2e 31 00 00 00 00 00 00 00 00 00"
    "e9 4e 00 00 00 00 08 00 08 00 00 00 00 00 00 00 64 00 00 00 03 00")


def test_game_server_list_as_hsreina_writes_it():
    check_vector(PROTO, HSREINA_GAME_SERVER_LIST, "game_server_list", {
        "num_servers": 1,
        "servers": [{
            "name": "Free" + "\x00" * 36,
            "server_id": 0x0100007F,
            "max_users": 1600,
            "num_users": 69,
            "ip_address": "127.0.0.1" + "\x00" * 9,
            "port": 20201,
            "flags": 0x80000,
            "num_angelic_wings": 8,
            "boosts": 0,
            "event_map": 0,
            "app_rate": 100,
            "scratchy_rate": 0,
            "icon": "dolfini",
        }],
    })


def test_build_a_server_list_from_fields():
    # Lengths and counts are derived; the fixed-width texts are given in full (NUL-padded).
    server = {"name": "Free#1".ljust(40, "\x00"), "server_id": 1, "max_users": 100,
              "num_users": 0, "ip_address": "10.0.0.1".ljust(18, "\x00"), "port": 20201,
              "flags": 0, "num_angelic_wings": 0, "boosts": 0x4, "event_map": 0,
              "app_rate": 0, "scratchy_rate": 0, "icon": "tiki"}
    out = pkttools.build(PROTO, {"packet": "message_server_list", "fields": {"servers": [server]}})
    assert out[:3] == bytes.fromhex("09 00 01") and len(out) == 3 + 92
    assert out[3:9] == b"Free#1" and out[9:43] == bytes(34)
    assert out[73:77] == bytes.fromhex("e9 4e 00 00") and out[-2:] == bytes.fromhex("06 00")
    with pytest.raises(pkttools.InconsistentError) as info:
        pkttools.build(PROTO, {"packet": "message_server_list",
                               "fields": {"servers": [dict(server, name="Free#1")]}})
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
        pkttools.parse(PROTO, GAME_SERVER_LIST[:length])
    err = info.value
    assert (err.packet, err.path, err.offset) == ("game_server_list", path, start)
    assert err.available == length - start
    assert f"field {path}" in str(err) and f"offset {start}" in str(err)


def test_cut_message_server_list():
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, MESSAGE_SERVER_LIST_2019[:75])
    assert (info.value.path, info.value.offset) == ("servers[0].port", 73)


def test_a_byte_iso_8859_11_lacks_is_a_decode_error_even_after_the_nul():
    data = bytearray(GAME_SERVER_LIST)
    data[3 + 20] = 0xFF  # in the stale bytes after the first name's NUL
    with pytest.raises(pkttools.DecodeError) as info:
        pkttools.parse(PROTO, bytes(data))
    assert (info.value.path, info.value.offset) == ("servers[0].name", 23)


# -- 0x0003 session key, 0x0010 login key, 0x0006 chat macros ---------------------------------

# hsreina TLoginServer.HandlePlayerServerSelect: 03 00, four zero bytes, WritePStr('1f766c8').
SESSION_KEY = bytes.fromhex("03 00 00 00 00 00 07 00 31 66 37 36 36 63 38")
# hsreina TSyncServer.LoginGamePlayer: 10 00, WritePStr('178d22e').
LOGIN_KEY = bytes.fromhex("10 00 07 00 31 37 38 64 32 32 65")
# The key the Pangbox client capture of client 0x000B sends back, as 0x0010 carries it.
LOGIN_KEY_PANGBOX = bytes.fromhex("10 00 07 00 34 30 64 32 33 32 66")


def test_session_key_as_hsreina_writes_it():
    pkt = check_vector(PROTO, SESSION_KEY, "session_key", {
        "option": 0,
        "session_key": {"len_value": 7, "value": "1f766c8"},
    })
    assert pkt.opcode == 0x0003


def test_login_keys():
    pkt = check_vector(PROTO, LOGIN_KEY, "login_key",
                       {"login_key": {"len_value": 7, "value": "178d22e"}})
    assert pkt.opcode == 0x0010
    check_vector(PROTO, LOGIN_KEY_PANGBOX, "login_key",
                 {"login_key": {"len_value": 7, "value": "40d232f"}})


# hsreina TPlayerMacrosPacket: WriteStr('test 1', 64) ... WriteStr('test 9', 64), NUL-padded.
CHAT_MACROS = bytes.fromhex("06 00") + b"".join(
    f"test {i}".encode().ljust(64, b"\x00") for i in range(1, 10))


def test_chat_macros_as_hsreina_writes_them():
    pkt = check_vector(PROTO, CHAT_MACROS, "chat_macro_list",
                       {"macros": [f"test {i}" for i in range(1, 10)]})
    assert pkt.opcode == 0x0006 and len(CHAT_MACROS) == 2 + 9 * 64


def test_chat_macro_that_fills_64_bytes_and_thai_text():
    full = "x" * 64
    thai = "ขอบคุณ"  # TIS-620, one byte a character
    data = (bytes.fromhex("06 00") + full.encode() + thai.encode("iso8859_11").ljust(64, b"\x00")
            + bytes(7 * 64))
    check_vector(PROTO, data, "chat_macro_list", {"macros": [full, thai] + [""] * 7})


@pytest.mark.parametrize("data, length, path, start", [
    (SESSION_KEY, 4, "option", 2),
    (SESSION_KEY, 7, "session_key.len_value", 6),
    (SESSION_KEY, 10, "session_key.value", 8),
    (LOGIN_KEY, 3, "login_key.len_value", 2),
    (LOGIN_KEY, 8, "login_key.value", 4),
    (CHAT_MACROS, 2, "macros[0]", 2),
    (CHAT_MACROS, 65, "macros[0]", 2),
    (CHAT_MACROS, 2 + 8 * 64 + 10, "macros[8]", 2 + 8 * 64),
])
def test_cut_key_and_macro_packets(data, length, path, start):
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, data[:length])
    err = info.value
    assert (err.path, err.offset) == (path, start)
    assert err.available == length - start


def test_packet_table():
    assert [(p.opcode, p.name) for p in pkttools.protocol(PROTO).packets] == [
        (0x0001, "login"), (0x0002, "game_server_list"), (0x0003, "session_key"),
        (0x0006, "chat_macro_list"), (0x0009, "message_server_list"), (0x0010, "login_key")]
