"""Final Fantasy XI world server, server to client (ksy/ffxi/world/server/).

No captures exist for this protocol, so every vector here is written by hand from the layouts
of XiPackets (world/server/0x000A, 0x00E2, world/Header.md) and from LandSandBoat's writers
(src/map/packets/s2c/0x00a_login.cpp, packets/basic.h, map_networking.cpp send_parse). Where
LandSandBoat writes a field, the vector holds what it would write; where it leaves a field zero,
the vector holds a distinct made-up value so that a field read at a wrong offset cannot pass.
Offsets in comments are absolute: they count the 4-byte packet header.
"""

from pkttools.publish.vectors import for_protocol

vector = for_protocol("ffxi.world.server")


def header(packet_id: int, size: int, sync: int) -> dict:
    """The `frame` of a packet: its header fields as plain data."""
    return {"header": {"id": packet_id, "size": size, "sync": sync, "len_packet": size * 4,
                       "len_body": size * 4 - 4}}


# -- 0x000A GP_SERV_COMMAND_LOGIN ---------------------------------------------------------------
# A login into the second floor (Bastok style) of a Bastok mog house, 0x104 bytes.
_LOGIN_MYROOM = bytes.fromhex(
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

LOGIN_MYROOM = vector(
    "login_myroom", "login", _LOGIN_MYROOM, LOGIN_MYROOM_FIELDS, frame=header(0x0A, 0x41, 0x0123),
    title="Login into a Bastok mog house (second floor)",
    doc="0x104 bytes, as LandSandBoat writes it for a character logging into the second floor "
        "(Bastok style) of a Bastok mog house; fields LandSandBoat leaves zero hold distinct "
        "made-up values.")


# -- 0x00E2 GP_SERV_COMMAND_GROUP_LIST2 ---------------------------------------------------------
# Short name: "Ayame" needs 0x28 + 5 bytes, rounded up to 0x30 (size 12) with zero padding.
_GROUP_LIST2_SHORT = bytes.fromhex(
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
_GROUP_LIST2_FULL = bytes.fromhex(
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
_GROUP_LIST2_NO_NUL = bytes.fromhex(
    "e2 16 25 01"  # 00 header: id 0x0E2, size 11 (0x2C bytes), sync 0x0125
    "2f 0b 01 00 d0 07 00 00 00 00 00 00 b8 0b 00 00"  # 04 UniqueNo, Hp 2000, Mp 0, Tp 3000
    "00 00 00 00"  # 14 GAttr: nothing set
    "02 04 03 00 00 32 00 00"  # 18 ActIndex, MemberNumber 3, Kind 0, Hpp 50
    "00 00 02 32 00 00 00 00"  # 20 ZoneNo 0, THF 50, no sub job, no master level
    "4c 69 6f 6e"  # 28 Name "Lion"
)

GROUP_LIST2_SHORT = vector(
    "group_list2_short", "group_list2", _GROUP_LIST2_SHORT, GROUP_LIST2_SHORT_FIELDS,
    frame=header(0xE2, 12, 0x0123),
    title="Party member with a short name",
    doc="\"Ayame\" needs 0x28 + 5 bytes, rounded up to 0x30 (size 12) with zero padding.")

GROUP_LIST2_FULL = vector(
    "group_list2_full", "group_list2", _GROUP_LIST2_FULL, GROUP_LIST2_FULL_FIELDS,
    frame=header(0xE2, 14, 0x0124),
    title="Party member in another zone, with the whole 16-byte name field",
    doc="The whole Name[16] is sent, 0x38 bytes (size 14), as servers that copy the structure "
        "do; HP, MP, TP and the target index are 0 as LandSandBoat sends them for another zone.")

GROUP_LIST2_NO_NUL = vector(
    "group_list2_no_nul", "group_list2", _GROUP_LIST2_NO_NUL, {
        "unique_no": 0x00010B2F, "hp": 2000, "mp": 0, "tp": 3000,
        "g_attr": {"party_no": 0, "party_leader_flg": False, "alliance_leader_flg": False,
                   "party_r_flg": False, "alliance_r_flg": False, "unknown06": False,
                   "unknown07": False, "level_sync_flg": False, "unused": 0},
        "act_index": 0x402, "member_number": 3, "moghouse_flg": 0, "kind": "main_party",
        "hpp": 50, "mpp": 0, "padding1f": 0, "zone_no": 0,
        "mjob_no": 2, "mjob_lv": 50, "sjob_no": 0, "sjob_lv": 0, "masterjob_lv": 0,
        "masterjob_flags": {"mastery_unlocked": False, "exemplar_capped": False, "unused": 0},
        "name": "Lion", "same_zone": True,
    }, frame=header(0xE2, 11, 0x0125),
    title="A 4-letter name that fills the rounded packet: no NUL",
    doc="0x2C bytes (size 11): the name ends with the packet.")
