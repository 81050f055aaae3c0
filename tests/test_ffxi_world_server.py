"""Final Fantasy XI world server, server to client (ksy/ffxi/world/server/).

No captures exist for this protocol, so every vector here is written by hand from the layouts
of XiPackets (world/server/0x000A, 0x00E2, world/Header.md) and from LandSandBoat's writers
(src/map/packets/s2c/0x00a_login.cpp, packets/basic.h, map_networking.cpp send_parse). Where
LandSandBoat writes a field, the vector holds what it would write; where it leaves a field zero,
the vector holds a distinct made-up value so that a field read at a wrong offset cannot pass.
Offsets in comments and errors are absolute: they count the 4-byte packet header.
"""

from __future__ import annotations

import math

import pytest

import pkttools
from pkttools.plain import PlainConverter
from pkttools.registry import default_registry
from vectors import check_vector

PROTO = "ffxi.world.server"
LOGIN = "login"  # packet names: the dispatcher's packet_id enum
GROUP_LIST2 = "group_list2"

# -- 0x000A GP_SERV_COMMAND_LOGIN ---------------------------------------------------------------
# A login into the second floor (Bastok style) of a Bastok mog house, 0x104 bytes.
LOGIN_MYROOM = bytes.fromhex(
    "0a 82 23 01"  # 00 header: id 0x00A, size 0x41 (0x104 bytes), sync 0x0123
    "2c 0b 01 00 00 04 00 c0"  # 04 UniqueNo, ActIndex 0x400, padding06, dir 0xC0
    "00 00 f7 c2 00 00 e8 40 00 00 28 42"  # 0C x -123.5, z 7.25, y 42.0
    "05 00 01 04 32 28 57 04"  # 18 flags1; Speed 50, SpeedBase 40, HpMax 87 %, status 4
    "00 82 00 00 40 00 00 00 00 01 00 00 67 45 23 01"  # 20 flags2-4, BtTargetID
    "ea 00 00 00 10 0e 00 00 00 f1 53 65 f0 a4 e8 12"  # 30 ZoneNo 234, ntTime, ntTimeSec, GameTime
    "07 01 ea 00"  # 40 EventNo 0x107, MapNumber 234
    "05 02 40 10 41 20 42 30 43 40 44 50 05 61 03 72 00 80"  # 44 GrapIDTbl[9]
    "6d 00 6e 00 65 00 66 00 d4 00"  # 56 MusicNum[5]
    "02 00 ea 00 f4 01 08 00"  # 60 SubMapNumber, EventNum, EventPara, EventMode
    "01 00 05 00 a0 c3 21 00 00 b0 21 00 03 00 02 00"  # 68 WeatherNumber(2), WeatherTime(2), Offset
    "c0 a8 00 00 84 03 00 00"  # 78 ShipStart, ShipEnd 900, IsMonstrosity 0
    "01 00 00 00"  # 80 LoginState 1 (myroom)
    "45 78 63 65 6e 6d 69 6c 6c 65 00 00 00 00 00 00"  # 84 name "Excenmille"
    "4d 3c 2b 1a fe ff ff ff"  # 94 certificate[2]: 0x1A2B3C4D, -2
    "01 00 01 00 80 3a 09 00 60 54 00 00"  # 9C unknown9C, ZoneSubNo, PlayTime, DeadCounter
    "02 5a 68 02 03 00 02 01"  # A8 MyroomSubMapNumber 2, unknownA9, 0x268, SendCount, exit 2, flag
    "02 00 05 00 11 09 01 03 fe ff 03 00"  # B0 Dancer: mon_no .. get_job_flag
    "00 4b 25 31 0a 63 01 02 03 04 05 06 07 08 09 0b"  # BC job_lev[16]
    "55 00 5a 00 50 00 58 00 4e 00 4b 00 46 00"  # CC bp_base[7]
    "0c 00 fd ff 05 00 00 00 14 00 07 00 ff ff"  # DA bp_adj[7]
    "48 05 00 00 80 02 00 00 01 00 00 00"  # E8 hpmax 1352, mpmax 640, sjobflg, unknown41[3]
    "15 48 00 05 03 00 00 10 00 00 03 00"  # F4 ConfData: flags word, two filter words
    "01 00 00 00"  # 100 Ex 1
)

LOGIN_MYROOM_FIELDS = {
    "pos_head": {
        "unique_no": 0x00010B2C,
        "act_index": 0x400,
        "padding06": 0,
        "dir": 0xC0,
        "x": -123.5,
        "z": 7.25,
        "y": 42.0,
        "flags1": 0x04010005,
        "speed": 50,
        "speed_base": 40,
        "hpp": 87,
        "server_status": 4,
        "flags2": 0x8200,  # LandSandBoat: (gender 1 * 128 + (1 << size 1)) << 8, not mounted
        "flags3": 0x40,
        "flags4": 0x100,  # what LandSandBoat always sends
        "bt_target_id": 0x01234567,
        "dir_radians": 0xC0 * 6.283185 * 0.00390625,
    },
    "zone_no": 234,
    "nt_time": 3600,
    "nt_time_sec": 1700000000,
    "game_time": 0x12E8A4F0,
    "event_no": 0x107,
    "map_number": 234,
    "grap_id_tbl": {
        "race_face": 0x0205,
        "head": 0x1040,
        "body": 0x2041,
        "hands": 0x3042,
        "legs": 0x4043,
        "feet": 0x5044,
        "main": 0x6105,
        "sub": 0x7203,
        "ranged": 0x8000,
        "face": 5,
        "race": 2,
    },
    "music_num": {"day": 0x6D, "night": 0x6E, "battle_solo": 0x65, "battle_party": 0x66,
                  "mount": 0xD4},
    "sub_map_number": 2,
    "event_num": 234,
    "event_para": 500,
    "event_mode": 8,
    "weather_number": 1,
    "weather_number2": 5,
    "weather_time": 0x0021C3A0,
    "weather_time2": 0x0021B000,
    "weather_offset_time": 0x00020003,
    "ship_start": 43200,
    "ship_end": 900,
    "is_monstrosity": 0,
    "login_state": "myroom",
    "name": "Excenmille",
    "certificate": [0x1A2B3C4D, -2],
    "unknown9c": 1,
    "zone_sub_no": 1,
    "play_time": 604800,
    "dead_counter": 21600,
    "myroom_sub_map_number": 2,
    "unknown_a9": 0x5A,
    "myroom_map_number": "second_floor_bastok",
    "send_count": 3,
    "my_room_exit_bit": "bastok",
    "mog_zone_flag": 1,
    "dancer": {
        "mon_no": 2,
        "face_no": 5,
        "mjob_no": 17,
        "hair_no": 9,
        "size": 1,
        "sjob_no": 3,
        "get_job_flag": 0x0003FFFE,
        "job_lev": [0, 75, 37, 49, 10, 99, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11],
        "bp_base": [85, 90, 80, 88, 78, 75, 70],
        "bp_adj": [12, -3, 5, 0, 20, 7, -1],
        "hpmax": 1352,
        "mpmax": 640,
        "sjobflg": 1,
        "unknown41": "000000",
    },
    "conf_data": {
        "flags": {  # 0x05004815
            "invite_flg": True,
            "away_flg": False,
            "anonymity_flg": True,
            "language": 2,
            "unknown05": 0,
            "unknown08": False,
            "unknown09": False,
            "unknown10": False,
            "sys_mes_filter_level": 1,
            "unknown13": False,
            "auto_target_off_flg": True,
            "auto_party_flg": False,
            "unknown16": 0,
            "mentor_unlocked_flg": True,
            "mentor_flg": False,
            "new_adventurer_off_flg": True,
            "display_head_off_flg": False,
            "unknown28": False,
            "recruit_flg": False,
            "unused": 0,
        },
        "message_filter": 0x10000003,
        "message_filter2": 0x00030000,
    },
    "ex": 1,
    "myroom_sub_map": 1,  # (2 >> 1) & 3
    "dead_counter_seconds": 360,  # LandSandBoat: 60 * (6 min + 0 s to the home point)
}


def header(packet_id: int, size: int, sync: int) -> dict:
    return {"header": {"id": packet_id, "size": size, "sync": sync, "len_packet": size * 4,
                       "len_body": size * 4 - 4}}


def test_login_every_field():
    pkt = check_vector(PROTO, LOGIN_MYROOM, LOGIN, LOGIN_MYROOM_FIELDS,
                       frame=header(0x0A, 0x41, 0x0123))
    assert len(LOGIN_MYROOM) == 0x104
    assert pkt.opcode == 0x000A
    fields = pkt.fields()
    assert fields["login_state"].value == 1
    assert fields["myroom_map_number"].value == 0x0268
    assert fields["my_room_exit_bit"].value == 2
    assert pkt.obj.pos_head.dir_radians == pytest.approx(3 * math.pi / 2, abs=1e-6)


def test_login_offsets_are_the_seed_offsets():
    spans = {".".join(map(str, s.path)): (s.start, s.size)
             for s in pkttools.parse(PROTO, LOGIN_MYROOM).spans()}
    expected = {
        "header": (0x00, 4), "body": (0x04, 0x100),
        "body.pos_head": (0x04, 0x2C), "body.pos_head.dir": (0x0B, 1),
        "body.pos_head.z": (0x10, 4), "body.pos_head.hpp": (0x1E, 1),
        "body.pos_head.bt_target_id": (0x2C, 4),
        "body.zone_no": (0x30, 4), "body.grap_id_tbl": (0x44, 18), "body.music_num": (0x56, 10),
        "body.weather_time": (0x6C, 4), "body.ship_end": (0x7C, 2),
        "body.login_state": (0x80, 4), "body.name": (0x84, 16), "body.certificate": (0x94, 8),
        "body.zone_sub_no": (0x9E, 2), "body.myroom_map_number": (0xAA, 2),
        "body.my_room_exit_bit": (0xAE, 1), "body.mog_zone_flag": (0xAF, 1),
        "body.dancer": (0xB0, 0x44), "body.dancer.job_lev": (0xBC, 16),
        "body.dancer.bp_base": (0xCC, 14), "body.dancer.bp_adj": (0xDA, 14),
        "body.dancer.hpmax": (0xE8, 4), "body.dancer.unknown41": (0xF1, 3),
        "body.conf_data": (0xF4, 12), "body.ex": (0x100, 4),
    }
    assert {path: spans[path] for path in expected} == expected


@pytest.mark.parametrize("dir_byte, radians", [
    (0x00, 0.0), (0x40, math.pi / 2), (0x80, math.pi), (0xFF, 255 / 256 * 2 * math.pi)])
def test_login_direction_in_radians(dir_byte, radians):
    data = LOGIN_MYROOM[:0x0B] + bytes([dir_byte]) + LOGIN_MYROOM[0x0C:]
    pos = pkttools.parse(PROTO, data, strict=True).fields()["pos_head"]
    assert pos["dir"] == dir_byte  # an unsigned 1/256 turn, as the client converts it
    assert pos["dir_radians"] == pytest.approx(radians, abs=1e-6)


@pytest.mark.parametrize("value, name", [
    (0x0121, "sandoria_home"), (0x0101, "sandoria_guest"), (0x0123, "windurst_home"),
    (0x0120, "windurst_guest"), (0x026A, "second_floor_patio"), (0x00BD, "ronfaure_front"),
    (0x02E9, "ronfaure_front_alt"), (0x02D4, "mog_garden"), (0x02D9, "feretory"),
    (0x01FF, "not_in_myroom"), (0x0999, 0x0999)])
def test_login_myroom_map_numbers(value, name):
    data = LOGIN_MYROOM[:0xAA] + value.to_bytes(2, "little") + LOGIN_MYROOM[0xAC:]
    got = pkttools.parse(PROTO, data, strict=True).fields()["myroom_map_number"]
    assert got == name
    assert (got.value if isinstance(got, str) else got) == value


@pytest.mark.parametrize("value, name", [
    (0, "normal"), (1, "sandoria"), (5, "aht_urhgan_whitegate"), (6, "ronfaure_front"),
    (9, "adoulin"), (10, 10)])
def test_login_exit_menu_values(value, name):
    data = LOGIN_MYROOM[:0xAE] + bytes([value]) + LOGIN_MYROOM[0xAF:]
    assert pkttools.parse(PROTO, data, strict=True).fields()["my_room_exit_bit"] == name


@pytest.mark.parametrize("value, name", [
    (0, "none"), (2, "game"), (5, "polexit_myroom"), (6, "end"), (7, 7)])
def test_login_states(value, name):
    data = LOGIN_MYROOM[:0x80] + value.to_bytes(4, "little") + LOGIN_MYROOM[0x84:]
    assert pkttools.parse(PROTO, data, strict=True).fields()["login_state"] == name


def test_login_full_16_byte_name_has_no_terminator():
    data = LOGIN_MYROOM[:0x84] + b"Abcdefghijklmnop" + LOGIN_MYROOM[0x94:]
    assert pkttools.parse(PROTO, data, strict=True).fields()["name"] == "Abcdefghijklmnop"


# -- 0x00E2 GP_SERV_COMMAND_GROUP_LIST2 ---------------------------------------------------------
# Short name: "Ayame" needs 0x28 + 5 bytes, rounded up to 0x30 (size 12) with zero padding.
GROUP_LIST2_SHORT = bytes.fromhex(
    "e2 18 23 01"  # 00 header: id 0x0E2, size 12 (0x30 bytes), sync 0x0123
    "2d 0b 01 00 e2 04 00 00 e0 01 00 00 e8 03 00 00"  # 04 UniqueNo, Hp 1250, Mp 480, Tp 1000
    "05 00 00 00"  # 14 GAttr: PartyNo 1, PartyLeaderFlg
    "01 04 02 01 00 64 4b 00"  # 18 ActIndex, MemberNumber 2, MoghouseFlg, Kind 0, Hpp, Mpp, pad
    "00 00 01 63 03 31 14 01"  # 20 ZoneNo 0 (same zone), WAR 99 / WHM 49, master level 20, flags
    "41 79 61 6d 65 00 00 00"  # 28 Name "Ayame" and 3 zero bytes
)
GROUP_LIST2_SHORT_FIELDS = {
    "unique_no": 0x00010B2D,
    "hp": 1250,
    "mp": 480,
    "tp": 1000,
    "g_attr": {"party_no": 1, "party_leader_flg": True, "alliance_leader_flg": False,
               "party_r_flg": False, "alliance_r_flg": False, "unknown06": False,
               "unknown07": False, "level_sync_flg": False, "unused": 0},
    "act_index": 0x401,
    "member_number": 2,
    "moghouse_flg": 1,
    "kind": "main_party",
    "hpp": 100,
    "mpp": 75,
    "padding1f": 0,
    "zone_no": 0,
    "mjob_no": 1,
    "mjob_lv": 99,
    "sjob_no": 3,
    "sjob_lv": 49,
    "masterjob_lv": 20,
    "masterjob_flags": {"mastery_unlocked": True, "exemplar_capped": False, "unused": 0},
    "name": "Ayame",
    "same_zone": True,
}

# Full form: the whole Name[16] is sent, 0x38 bytes (size 14), as servers that copy the
# structure do (LandSandBoat's layout test expects the header bytes e2 1c). The member is in
# another zone, so HP, MP, TP and the target index are 0 as LandSandBoat sends them for 0x00DD.
GROUP_LIST2_FULL = bytes.fromhex(
    "e2 1c 24 01"  # 00 header: id 0x0E2, size 14 (0x38 bytes), sync 0x0124
    "2e 0b 01 00 00 00 00 00 00 00 00 00 00 00 00 00"  # 04 UniqueNo, Hp, Mp, Tp
    "0a 01 00 00"  # 14 GAttr: PartyNo 2, AllianceLeaderFlg, LevelSyncFlg
    "00 00 05 00 05 00 00 00"  # 18 ActIndex 0, MemberNumber 5, Kind 5, Hpp 0, Mpp 0
    "f1 00 04 4b 05 25 00 03"  # 20 ZoneNo 241, MNK 75 / RDM 37, master level 0, flags 0x03
    "4b 75 70 69 70 69 00 00 00 00 00 00 00 00 00 00"  # 28 Name[16] "Kupipi"
)
GROUP_LIST2_FULL_FIELDS = {
    "unique_no": 0x00010B2E,
    "hp": 0,
    "mp": 0,
    "tp": 0,
    "g_attr": {"party_no": 2, "party_leader_flg": False, "alliance_leader_flg": True,
               "party_r_flg": False, "alliance_r_flg": False, "unknown06": False,
               "unknown07": False, "level_sync_flg": True, "unused": 0},
    "act_index": 0,
    "member_number": 5,
    "moghouse_flg": 0,
    "kind": "main_party_reset",
    "hpp": 0,
    "mpp": 0,
    "padding1f": 0,
    "zone_no": 241,
    "mjob_no": 4,
    "mjob_lv": 75,
    "sjob_no": 5,
    "sjob_lv": 37,
    "masterjob_lv": 0,
    "masterjob_flags": {"mastery_unlocked": True, "exemplar_capped": True, "unused": 0},
    "name": "Kupipi",
    "same_zone": False,
}

# A 4-letter name fills the rounded packet exactly (0x2C bytes, size 11): no NUL at all.
GROUP_LIST2_NO_NUL = bytes.fromhex(
    "e2 16 25 01"  # 00 header: id 0x0E2, size 11 (0x2C bytes), sync 0x0125
    "2f 0b 01 00 d0 07 00 00 00 00 00 00 b8 0b 00 00"  # 04 UniqueNo, Hp 2000, Mp 0, Tp 3000
    "00 00 00 00"  # 14 GAttr: nothing set
    "02 04 03 00 00 32 00 00"  # 18 ActIndex, MemberNumber 3, Kind 0, Hpp 50
    "00 00 02 32 00 00 00 00"  # 20 ZoneNo 0, THF 50, no sub job, no master level
    "4c 69 6f 6e"  # 28 Name "Lion"
)


def test_group_list2_short_name():
    pkt = check_vector(PROTO, GROUP_LIST2_SHORT, GROUP_LIST2, GROUP_LIST2_SHORT_FIELDS,
                       frame=header(0xE2, 12, 0x0123))
    assert pkt.opcode == 0x00E2
    assert pkt.fields()["kind"].value == 0


def test_group_list2_full_16_byte_name():
    pkt = check_vector(PROTO, GROUP_LIST2_FULL, GROUP_LIST2, GROUP_LIST2_FULL_FIELDS,
                       frame=header(0xE2, 14, 0x0124))
    assert pkt.fields()["kind"].value == 5
    spans = {".".join(map(str, s.path)): (s.start, s.size) for s in pkt.spans()}
    assert spans["body.name"] == (0x28, 16)
    assert spans["body.masterjob_flags"] == (0x27, 1)
    assert spans["body.zone_no"] == (0x20, 2)


def test_group_list2_name_filling_its_space_has_no_nul():
    pkt = check_vector(PROTO, GROUP_LIST2_NO_NUL, GROUP_LIST2, {
        "unique_no": 0x00010B2F, "hp": 2000, "mp": 0, "tp": 3000,
        "g_attr": {"party_no": 0, "party_leader_flg": False, "alliance_leader_flg": False,
                   "party_r_flg": False, "alliance_r_flg": False, "unknown06": False,
                   "unknown07": False, "level_sync_flg": False, "unused": 0},
        "act_index": 0x402, "member_number": 3, "moghouse_flg": 0, "kind": "main_party",
        "hpp": 50, "mpp": 0, "padding1f": 0, "zone_no": 0,
        "mjob_no": 2, "mjob_lv": 50, "sjob_no": 0, "sjob_lv": 0, "masterjob_lv": 0,
        "masterjob_flags": {"mastery_unlocked": False, "exemplar_capped": False, "unused": 0},
        "name": "Lion", "same_zone": True,
    }, frame=header(0xE2, 11, 0x0125))
    assert len(pkt.data) == 0x2C


@pytest.mark.parametrize("name_area, name", [
    ("4b 75 70 69 70 69 00 00 00 00 00 00 00 00 00 00", "Kupipi"),
    ("41 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f 70", "Abcdefghijklmnop"),
    ("41 79 61 6d 65 00 41 42 43 00 00 00 00 00 00 00", "Ayame"),  # stops at the first NUL
    ("00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", ""),
])
def test_group_list2_name_is_the_text_before_the_first_nul(name_area, name):
    data = GROUP_LIST2_FULL[:0x28] + bytes.fromhex(name_area)
    assert pkttools.parse(PROTO, data, strict=True).fields()["name"] == name


def test_group_list2_without_a_name():
    data = bytes.fromhex("e2 14 26 01") + GROUP_LIST2_SHORT[4:0x28]  # size 10: 0x28 bytes
    pkt = pkttools.parse(PROTO, data, strict=True)
    assert pkt.fields()["name"] == "" and pkt.fields()["mjob_lv"] == 99


NO_FLAGS = {"party_no": 0, "party_leader_flg": False, "alliance_leader_flg": False,
            "party_r_flg": False, "alliance_r_flg": False, "unknown06": False,
            "unknown07": False, "level_sync_flg": False, "unused": 0}


@pytest.mark.parametrize("g_attr, flags", [
    ("00 00 00 00", {}),
    ("03 00 00 00", {"party_no": 3}),
    ("04 00 00 00", {"party_leader_flg": True}),
    ("08 00 00 00", {"alliance_leader_flg": True}),
    ("30 00 00 00", {"party_r_flg": True, "alliance_r_flg": True}),
    ("c0 00 00 00", {"unknown06": True, "unknown07": True}),
    ("00 01 00 00", {"level_sync_flg": True}),
    ("0e 01 00 00", {"party_no": 2, "party_leader_flg": True, "alliance_leader_flg": True,
                     "level_sync_flg": True}),
    ("00 02 00 00", {"unused": 1}),
    # LandSandBoat's GP_GROUP_ATTR self-test value 0x123456FE: under its older definition
    # (no LevelSyncFlg) `unused` is 0x123456; with LevelSyncFlg at bit 8 it is 0x123456 >> 1.
    ("fe 56 34 12", {"party_no": 2, "party_leader_flg": True, "alliance_leader_flg": True,
                     "party_r_flg": True, "alliance_r_flg": True, "unknown06": True,
                     "unknown07": True, "level_sync_flg": False, "unused": 0x123456 >> 1}),
])
def test_group_attr_bits_lowest_first(g_attr, flags):
    data = GROUP_LIST2_SHORT[:0x14] + bytes.fromhex(g_attr) + GROUP_LIST2_SHORT[0x18:]
    pkt = check_vector(PROTO, data, GROUP_LIST2, {**GROUP_LIST2_SHORT_FIELDS,
                                                  "g_attr": {**NO_FLAGS, **flags}},
                       frame=header(0xE2, 12, 0x0123))
    assert pkt.obj.g_attr.party_no == flags.get("party_no", 0)


@pytest.mark.parametrize("byte, flags", [
    (0x00, {"mastery_unlocked": False, "exemplar_capped": False, "unused": 0}),
    (0x01, {"mastery_unlocked": True, "exemplar_capped": False, "unused": 0}),
    (0x02, {"mastery_unlocked": False, "exemplar_capped": True, "unused": 0}),
    (0x83, {"mastery_unlocked": True, "exemplar_capped": True, "unused": 0x20}),
])
def test_group_list2_master_job_flags(byte, flags):
    data = GROUP_LIST2_SHORT[:0x27] + bytes([byte]) + GROUP_LIST2_SHORT[0x28:]
    assert pkttools.parse(PROTO, data, strict=True).fields()["masterjob_flags"] == flags


@pytest.mark.parametrize("kind, name", [
    (0, "main_party"), (1, "unknown1"), (4, "unknown4"), (5, "main_party_reset"),
    (6, "unknown6"), (7, 7)])
def test_group_list2_kinds(kind, name):
    data = GROUP_LIST2_SHORT[:0x1C] + bytes([kind]) + GROUP_LIST2_SHORT[0x1D:]
    assert pkttools.parse(PROTO, data, strict=True).fields()["kind"] == name


@pytest.mark.parametrize("zone, same", [(0, True), (1, False), (0x00F1, False)])
def test_group_list2_zone_zero_means_same_zone(zone, same):
    data = GROUP_LIST2_SHORT[:0x20] + zone.to_bytes(2, "little") + GROUP_LIST2_SHORT[0x22:]
    fields = pkttools.parse(PROTO, data, strict=True).fields()
    assert (fields["zone_no"], fields["same_zone"]) == (zone, same)


# -- bad input ----------------------------------------------------------------------------------

def test_header_size_smaller_than_the_header():
    # size 0 (and size 1, the bare header) leaves no body bytes: the packet's first field is
    # where it runs out, right after the header.
    for first in ("0a 00", "0a 02"):
        data = bytes.fromhex(first + "23 01") + LOGIN_MYROOM[4:]
        with pytest.raises(pkttools.TruncatedError) as info:
            pkttools.parse(PROTO, data)
        err = info.value
        assert (err.packet, err.path, err.offset) == (LOGIN, "pos_head.unique_no", 4)
        assert (err.needed, err.available) == (4, 0)


def test_header_size_too_small_for_the_packet():
    # 0x000A with size 0x40 (0x100 bytes): the body ends 4 bytes early, before Ex; the rest of
    # the input is not part of the packet.
    data = bytes.fromhex("0a 80 23 01") + LOGIN_MYROOM[4:]
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, data)
    err = info.value
    assert (err.path, err.offset, err.needed, err.available) == (
        "ex", 0x100, 4, 0)


def test_header_size_beyond_the_data():
    # The header promises 0x104 bytes; only 0x80 are there. The body as a whole cannot be
    # read: the error is at the body's start, the dispatcher's `body` field, and says how many
    # bytes were needed.
    data = LOGIN_MYROOM[:0x80]
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, data)
    err = info.value
    assert (err.packet, err.path, err.offset) == (LOGIN, "body", 4)
    assert (err.needed, err.available) == (0x100, 0x7C)


@pytest.mark.parametrize("length, path, offset", [
    (0, "header.id", 0), (1, "header.id", 0), (2, "header.sync", 2), (3, "header.sync", 2)])
def test_truncated_header(length, path, offset):
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, GROUP_LIST2_SHORT[:length])
    assert (info.value.path, info.value.offset) == (path, offset)


def test_unknown_packet_id_keeps_the_bytes():
    # 0x00DF as LandSandBoat's CCharHealthPacket writes it (size 0x28): no spec yet.
    data = bytes.fromhex("df 14 23 01 2d 0b 01 00 e2 04 00 00 e0 01 00 00"
                         "e8 03 00 00 01 04 64 4b 00 00 00 00 00 00 00 00"
                         "01 63 03 31 14 01 00 00")
    with pytest.raises(pkttools.UnknownOpcodeError) as info:
        pkttools.parse(PROTO, data)
    err = info.value
    # The opcode field is the dispatcher's packet_id, which is header.id (at offset 0).
    assert (err.opcode, err.path, err.offset, err.packet) == (0xDF, "packet_id", 0, None)
    assert err.data == data
    assert "0x00df" in str(err)


def test_next_packet_is_trailing():
    pkt = pkttools.parse(PROTO, GROUP_LIST2_SHORT + GROUP_LIST2_FULL)
    assert pkt.fields()["name"] == "Ayame"
    assert (pkt.trailing, pkt.trailing_offset) == (GROUP_LIST2_FULL, 0x30)
    with pytest.raises(pkttools.TrailingBytesError) as info:
        pkttools.parse(PROTO, GROUP_LIST2_SHORT + GROUP_LIST2_FULL, strict=True)
    assert (info.value.offset, info.value.packet) == (0x30, GROUP_LIST2)


def test_name_that_is_not_ascii():
    data = LOGIN_MYROOM[:0x86] + b"\xe9" + LOGIN_MYROOM[0x87:]
    with pytest.raises(pkttools.DecodeError) as info:
        pkttools.parse(PROTO, data)
    assert (info.value.path, info.value.offset) == ("name", 0x86)


# -- the decrypted datagram payload (stream.ksy) ------------------------------------------------
# Datagram header as LandSandBoat's send_parse writes it: its datagram number 0x0123 (also the
# sync of every packet inside), the last client datagram 0x0045, the time; the bytes it does not
# write are arbitrary here.
DATAGRAM_HEADER = bytes.fromhex(
    "23 01 45 00"  # 00 server_packet_id 0x0123, client_packet_id 0x0045
    "0a 0b 0c 0d"  # 04 not written by LandSandBoat
    "00 f1 53 65"  # 08 timestamp 1700000000
    "10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f"  # 0C not written by LandSandBoat
)
CHAR_HEALTH = bytes.fromhex(  # 0x00DF, no spec yet (see test_unknown_packet_id_keeps_the_bytes)
    "df 14 23 01 2d 0b 01 00 e2 04 00 00 e0 01 00 00"
    "e8 03 00 00 01 04 64 4b 00 00 00 00 00 00 00 00"
    "01 63 03 31 14 01 00 00")
END_MARKER = bytes.fromhex("00 00 00 00")
PAYLOAD = DATAGRAM_HEADER + GROUP_LIST2_SHORT + LOGIN_MYROOM + CHAR_HEALTH + END_MARKER


def open_payload(data: bytes):
    """Read a payload with the stream spec's generated class, as the Web IDE does."""
    from io import BytesIO

    from kaitaistruct import KaitaiStream

    registry = default_registry()
    cls = registry.cls("ffxi_world_server_stream:FfxiWorldServerStream")
    obj = cls(KaitaiStream(BytesIO(data)))
    return obj, PlainConverter(registry).convert(obj)


def test_stream_spec_reads_a_payload_up_to_the_end_marker():
    obj, plain = open_payload(PAYLOAD)
    assert plain["datagram_header"] == {
        "server_packet_id": 0x0123, "client_packet_id": 0x0045, "unknown04": "0a0b0c0d",
        "timestamp": 1700000000, "unknown0c": "101112131415161718191a1b1c1d1e1f"}
    packets = plain["packets"]
    assert [(p["header"]["id"], p["header"]["len_packet"]) for p in packets] == [
        (0xE2, 0x30), (0x0A, 0x104), (0xDF, 0x28), (0, 0)]
    assert packets[0]["body"] == GROUP_LIST2_SHORT_FIELDS
    assert packets[1]["body"] == LOGIN_MYROOM_FIELDS
    assert packets[2]["body"] == CHAR_HEALTH[4:].hex()  # no spec: raw body bytes
    assert packets[3]["body"] == ""  # the end marker: size 0, empty body, no error
    assert [p["packet_id"] for p in packets] == ["group_list2", "login", 0xDF, 0]
    assert obj._io.pos() == len(PAYLOAD)


def test_stream_spec_ignores_bytes_after_the_end_marker():
    obj, plain = open_payload(PAYLOAD + bytes.fromhex("e2 18 00 00 ff ff"))
    assert len(plain["packets"]) == 4
    assert obj._io.pos() == len(PAYLOAD)


def test_stream_spec_without_an_end_marker_ends_with_the_data():
    obj, plain = open_payload(PAYLOAD[:-4])
    assert [p["header"]["id"] for p in plain["packets"]] == [0xE2, 0x0A, 0xDF]
    assert obj._io.pos() == len(PAYLOAD) - 4


def test_stream_spec_stops_at_a_zero_size_in_the_middle():
    data = DATAGRAM_HEADER + GROUP_LIST2_SHORT + END_MARKER + LOGIN_MYROOM
    obj, plain = open_payload(data)
    assert [p["header"]["id"] for p in plain["packets"]] == [0xE2, 0]
    assert plain["packets"][1]["body"] == ""
    assert obj._io.pos() == 0x1C + 0x30 + 4


# -- splitting a payload with pkttools.split (driven by stream.ksy) -----------------------------

def test_split_payload_into_packets():
    items = pkttools.split(PROTO, PAYLOAD)
    assert [(type(i).__name__, i.offset, len(i.data)) for i in items] == [
        ("Prologue", 0x00, 0x1C), ("Frame", 0x1C, 0x30), ("Frame", 0x4C, 0x104),
        ("Frame", 0x150, 0x28), ("Unframed", 0x178, 4)]
    prologue, short, login, unknown, marker = items
    assert prologue.name == "datagram_header" and prologue.data == DATAGRAM_HEADER
    assert prologue.to_dict()["fields"]["server_packet_id"] == 0x0123

    assert (short.packet.name, short.error, short.packet_offset) == (GROUP_LIST2, None, 0x1C)
    assert short.packet.fields() == GROUP_LIST2_SHORT_FIELDS
    assert short.data == GROUP_LIST2_SHORT
    assert (login.packet.name, login.error) == (LOGIN, None)
    assert login.packet.fields() == LOGIN_MYROOM_FIELDS
    assert login.to_dict()["header"] == header(0x0A, 0x41, 0x0123)["header"]


def test_split_reports_a_packet_without_spec_with_its_id_size_and_bytes():
    unknown = pkttools.split(PROTO, PAYLOAD)[3]
    assert unknown.packet is None
    assert (unknown.header.id, unknown.header.size, unknown.header.len_packet) == (0xDF, 10, 0x28)
    assert unknown.data == CHAR_HEALTH
    err = unknown.error
    assert isinstance(err, pkttools.UnknownOpcodeError)
    assert (err.opcode, err.offset) == (0xDF, 0x150)  # stream offset of the id


def test_split_stops_at_the_end_marker_and_keeps_what_follows():
    data = DATAGRAM_HEADER + GROUP_LIST2_SHORT + bytes.fromhex("0a 00 23 01") + LOGIN_MYROOM
    items = pkttools.split(PROTO, data)
    assert [(type(i).__name__, i.offset, len(i.data)) for i in items] == [
        ("Prologue", 0, 0x1C), ("Frame", 0x1C, 0x30), ("Unframed", 0x4C, 4 + 0x104)]
    assert items[2].reason == "after the end marker" and items[2].error is None


def test_split_does_not_depend_on_chunking():
    whole = [i.to_dict() for i in pkttools.split(PROTO, PAYLOAD)]
    for size in (1, 3, 7, 0x1C, 0x100):
        chunks = [PAYLOAD[i:i + size] for i in range(0, len(PAYLOAD), size)]
        assert [i.to_dict() for i in pkttools.split(PROTO, chunks)] == whole


def test_split_payload_without_end_marker():
    items = pkttools.split(PROTO, PAYLOAD[:-4])
    assert [type(i).__name__ for i in items] == ["Prologue", "Frame", "Frame", "Frame"]


def test_split_size_beyond_the_data_is_an_incomplete_tail():
    data = DATAGRAM_HEADER + GROUP_LIST2_SHORT + LOGIN_MYROOM[:0x80]
    items = pkttools.split(PROTO, data)
    assert [(type(i).__name__, i.offset, len(i.data)) for i in items] == [
        ("Prologue", 0, 0x1C), ("Frame", 0x1C, 0x30), ("Incomplete", 0x4C, 0x80)]
    assert items[2].reason == "the stream ends inside a frame"


def test_split_size_too_small_for_the_packet():
    # 0x000A claiming 0x100 bytes: its frame ends before Ex, whose bytes 01 00 00 00 then read
    # as a packet header of id 1 and size 0, the end marker.
    data = DATAGRAM_HEADER + bytes.fromhex("0a 80 23 01") + LOGIN_MYROOM[4:]
    items = pkttools.split(PROTO, data)
    assert [(type(i).__name__, i.offset, len(i.data)) for i in items] == [
        ("Prologue", 0, 0x1C), ("Frame", 0x1C, 0x100), ("Unframed", 0x11C, 4)]
    err = items[1].error
    assert isinstance(err, pkttools.TruncatedError)
    assert (err.path, err.offset, err.available) == ("ex", 0x1C + 0x100, 0)


def test_split_short_datagram_header():
    items = pkttools.split(PROTO, DATAGRAM_HEADER[:0x10])
    assert [(type(i).__name__, i.offset, len(i.data)) for i in items] == [("Incomplete", 0, 0x10)]
    assert items[0].reason == "the stream ends inside the prologue"
