"""Construct definitions of the five benchmark packets, written from the specs, `.compile()`d.

Why: Construct is what a Python user would pick for declarative parse-and-build without a code
generator. Each protocol is one root `Struct` that reads the opcode and switches to the packet
(Construct's own dispatch), so `parse(protocol, data)` does the work of `pkttools.parse`.

Written the way Construct is normally used: `PascalString` and `PrefixedArray` for
length-prefixed strings and lists (their counts are computed when building and are not in the
parsed containers), `Rebuild` for lengths, `Enum` for enums, `ByteSwapped(BitStruct(...))` for
little-endian bit fields (fields listed highest bit first), `Check` for the specs' `valid`
rules. Fixed-size NUL-padded text uses `PaddedString`, which strips trailing NULs where the
specs cut at the first NUL: the same on every vector, different only for bytes after a NUL.
"""

from __future__ import annotations

from typing import Any

from construct import (Array, BitsInteger, BitStruct, ByteSwapped, Bytes, Check, Const,
                       Enum, FixedSized, Flag, Float32l, GreedyBytes, IfThenElse, Int8sl, Int8ul,
                       Int16sl, Int16ul, Int32sl, Int32ul, NullTerminated, PaddedString,
                       PascalString, Pass, PrefixedArray, Rebuild, StringEncoded, Struct,
                       Switch, len_, this)

from . import enums as E


def _enum(subcon, table: dict[int, str]):
    return Enum(subcon, **E.inverse(table))


def _cases(table: dict[int, str], cases: dict[str, Any]) -> dict[Any, Any]:
    """Switch cases on an Enum field, keyed by name and by number: parsing gives the Switch
    the name, but a compiled build gives it the number (Construct 2.10.70)."""
    inverse = E.inverse(table)
    return {**cases, **{inverse[name]: sub for name, sub in cases.items()}}


# -- PangYa LoginService server 0x0001 login ------------------------------------------------------
pangya_pstring = PascalString(Int16ul, "iso8859_11")
pangya_login = Struct(
    "status" / _enum(Int8ul, E.PANGYA_STATUS),
    "response" / Switch(this.status, _cases(E.PANGYA_STATUS, {
        "success": Struct(
            "username" / pangya_pstring,
            "user_id" / Int32ul,
            "unknown" / Bytes(14),
            "nickname" / pangya_pstring,
        ),
        "need_set_nickname": Struct("unused" / Const(b"\xff\xff\xff\xff")),
        "need_select_character": Struct(),
        "error": Struct("error_code" / _enum(Int32ul, E.PANGYA_ERROR_CODE)),
    })),
)
pangya_server = Struct(
    "packet_id" / _enum(Int16ul, E.PANGYA_PACKET_ID),
    "body" / Switch(this.packet_id, _cases(E.PANGYA_PACKET_ID, {"login": pangya_login})),
)

# -- FFXI world server --------------------------------------------------------------------------
ffxi_login = Struct(
    "pos_head" / Struct(
        "unique_no" / Int32ul, "act_index" / Int16ul, "padding06" / Int8ul, "dir" / Int8ul,
        "x" / Float32l, "z" / Float32l, "y" / Float32l, "flags1" / Int32ul,
        "speed" / Int8ul, "speed_base" / Int8ul, "hpp" / Int8ul, "server_status" / Int8ul,
        "flags2" / Int32ul, "flags3" / Int32ul, "flags4" / Int32ul, "bt_target_id" / Int32ul,
    ),
    "zone_no" / Int32ul, "nt_time" / Int32ul, "nt_time_sec" / Int32ul, "game_time" / Int32ul,
    "event_no" / Int16ul, "map_number" / Int16ul,
    "grap_id_tbl" / Struct(*(name / Int16ul for name in (
        "race_face", "head", "body", "hands", "legs", "feet", "main", "sub", "ranged"))),
    "music_num" / Struct(*(name / Int16ul for name in (
        "day", "night", "battle_solo", "battle_party", "mount"))),
    "sub_map_number" / Int16ul, "event_num" / Int16ul, "event_para" / Int16ul,
    "event_mode" / Int16ul, "weather_number" / Int16ul, "weather_number2" / Int16ul,
    "weather_time" / Int32ul, "weather_time2" / Int32ul, "weather_offset_time" / Int32ul,
    "ship_start" / Int32ul, "ship_end" / Int16ul, "is_monstrosity" / Int16ul,
    "login_state" / _enum(Int32ul, E.FFXI_SAVE_LOGIN_STATE),
    "name" / PaddedString(16, "ascii"),
    "certificate" / Array(2, Int32sl),
    "unknown9c" / Int16ul, "zone_sub_no" / Int16ul, "play_time" / Int32ul,
    "dead_counter" / Int32ul, "myroom_sub_map_number" / Int8ul, "unknown_a9" / Int8ul,
    "myroom_map_number" / _enum(Int16ul, E.FFXI_MYROOM_MAP_NUMBER),
    "send_count" / Int16ul,
    "my_room_exit_bit" / _enum(Int8ul, E.FFXI_MY_ROOM_EXIT_BIT),
    "mog_zone_flag" / Int8ul,
    "dancer" / Struct(
        "mon_no" / Int16ul, "face_no" / Int16ul, "mjob_no" / Int8ul, "hair_no" / Int8ul,
        "size" / Int8ul, "sjob_no" / Int8ul, "get_job_flag" / Int32ul,
        "job_lev" / Array(16, Int8sl), "bp_base" / Array(7, Int16ul),
        "bp_adj" / Array(7, Int16sl), "hpmax" / Int32sl, "mpmax" / Int32sl,
        "sjobflg" / Int8ul, "unknown41" / Bytes(3),
    ),
    "conf_data" / Struct(
        "flags" / ByteSwapped(BitStruct(
            "unused" / BitsInteger(2), "recruit_flg" / Flag, "unknown28" / Flag,
            "display_head_off_flg" / Flag, "new_adventurer_off_flg" / Flag,
            "mentor_flg" / Flag, "mentor_unlocked_flg" / Flag, "unknown16" / BitsInteger(8),
            "auto_party_flg" / Flag, "auto_target_off_flg" / Flag, "unknown13" / Flag,
            "sys_mes_filter_level" / BitsInteger(2), "unknown10" / Flag, "unknown09" / Flag,
            "unknown08" / Flag, "unknown05" / BitsInteger(3), "language" / BitsInteger(2),
            "anonymity_flg" / Flag, "away_flg" / Flag, "invite_flg" / Flag,
        )),
        "message_filter" / Int32ul, "message_filter2" / Int32ul,
    ),
    "ex" / Int32ul,
)
ffxi_group_list2 = Struct(
    "unique_no" / Int32ul, "hp" / Int32ul, "mp" / Int32ul, "tp" / Int32ul,
    "g_attr" / ByteSwapped(BitStruct(
        "unused" / BitsInteger(23), "level_sync_flg" / Flag, "unknown07" / Flag,
        "unknown06" / Flag, "alliance_r_flg" / Flag, "party_r_flg" / Flag,
        "alliance_leader_flg" / Flag, "party_leader_flg" / Flag, "party_no" / BitsInteger(2),
    )),
    "act_index" / Int16ul, "member_number" / Int8ul, "moghouse_flg" / Int8ul,
    "kind" / _enum(Int8ul, E.FFXI_KIND), "hpp" / Int8ul, "mpp" / Int8ul,
    "padding1f" / Int8ul, "zone_no" / Int16ul, "mjob_no" / Int8ul, "mjob_lv" / Int8ul,
    "sjob_no" / Int8ul, "sjob_lv" / Int8ul, "masterjob_lv" / Int8ul,
    "masterjob_flags" / BitStruct(
        "unused" / BitsInteger(6), "exemplar_capped" / Flag, "mastery_unlocked" / Flag),
    # strz, size-eos: up to the first NUL, or the whole rest when there is none.
    "name" / StringEncoded(NullTerminated(GreedyBytes, require=False), "ascii"),
)
_FFXI_BODY_SIZE = {0x0a: lambda body: 0x100, 0xe2: lambda body: 0x24 + len(body["name"]) + 1}


def _ffxi_words(ctx: Any) -> int:
    """header.size when building: header and body in 4-byte words, rounded up."""
    root = ctx._._
    return (4 + _FFXI_BODY_SIZE[ctx.id](root.body) + 3) // 4


ffxi_server = Struct(
    "header" / Struct(
        "word" / ByteSwapped(BitStruct(
            "size" / Rebuild(BitsInteger(7), _ffxi_words), "id" / BitsInteger(9))),
        "sync" / Int16ul,
    ),
    # the body is exactly size * 4 - 4 bytes; building pads it with zeros to that length
    "body" / IfThenElse(this.header.word.size > 0, FixedSized(
        this.header.word.size * 4 - 4,
        Switch(this.header.word.id, {0x0a: ffxi_login, 0xe2: ffxi_group_list2})), Pass),
)

# -- FlyFF cluster server 0xF3 character_list -----------------------------------------------------
flyff_character = Struct(
    "slot" / Int32sl, "block_state" / _enum(Int32sl, E.FLYFF_BLOCK_STATE),
    "map_id" / Int32ul, "model_id" / _enum(Int32ul, E.FLYFF_MODEL_ID),
    "name" / PascalString(Int32sl, "cp1252"),
    "pos_x" / Float32l, "pos_y" / Float32l, "pos_z" / Float32l,
    "character_id" / Int32ul, "party_id" / Int32ul, "guild_id" / Int32ul, "war_id" / Int32ul,
    "skin_set_id" / Int32ul, "hair_id" / Int32ul, "hair_color" / Int32ul, "face_id" / Int32ul,
    "gender" / _enum(Int8ul, E.FLYFF_GENDER), "job" / _enum(Int32sl, E.FLYFF_JOB),
    "level" / Int32sl, "job_level" / Int32ul, "strength" / Int32sl, "stamina" / Int32sl,
    "dexterity" / Int32sl, "intelligence" / Int32sl,
    "mode" / _enum(Int32ul, E.FLYFF_CHARACTER_MODE),
    "item_ids" / PrefixedArray(Int32sl, Int32ul),
)
flyff_messenger = Struct(
    "slot" / Int8ul, "state" / _enum(Int32ul, E.FLYFF_MESSENGER_STATE),
    "friends" / PrefixedArray(Int32sl, Struct(
        "friend_id" / Int32ul, "blocked" / Int32sl,
        "state" / _enum(Int32ul, E.FLYFF_MESSENGER_STATE))),
)
flyff_character_list = Struct(
    "auth_key" / Int32ul,
    "characters" / PrefixedArray(Int32sl, flyff_character),
    "messengers" / PrefixedArray(Int32sl, flyff_messenger),
)
flyff_server = Struct(
    "packet_type" / _enum(Int32ul, E.FLYFF_PACKET_TYPE),
    "body" / Switch(this.packet_type,
                    _cases(E.FLYFF_PACKET_TYPE, {"character_list": flyff_character_list})),
)

# -- TMW login server 0x0069 login_data -----------------------------------------------------------
tmw_char_server = Struct(
    "ip" / Bytes(4), "port" / Int16ul, "name" / PaddedString(20, "utf8"),
    "users" / Int16ul, "maintenance" / Int16ul, "is_new" / Int16ul,
)
tmw_login_data = Struct(
    "len_packet" / Rebuild(Int16ul, 47 + 32 * len_(this.char_servers)),
    Check((this.len_packet >= 47) & ((this.len_packet - 47) % 32 == 0)),
    "login_id1" / Int32ul, "account_id" / Int32ul, "login_id2" / Int32ul, "unused" / Int32ul,
    "last_login" / PaddedString(24, "utf8"), "unused2" / Int16ul,
    "sex" / _enum(Int8ul, E.TMW_SEX),
    "char_servers" / Array((this.len_packet - 47) // 32, tmw_char_server),
)
tmw_server = Struct(
    "packet_id" / _enum(Int16ul, E.TMW_PACKET_ID),
    "body" / Switch(this.packet_id, _cases(E.TMW_PACKET_ID, {"login_data": tmw_login_data})),
)

SOURCE = {
    "pangya.loginservice.server": pangya_server,
    "ffxi.world.server": ffxi_server,
    "flyff.cluster.server": flyff_server,
    "tmw.login.server": tmw_server,
}
COMPILED = {name: definition.compile() for name, definition in SOURCE.items()}


def parse(protocol: str, data: bytes) -> Any:
    """The protocol's compiled root Struct applied to one packet payload (a Container)."""
    return COMPILED[protocol].parse(data)


def build(protocol: str, parsed: Any) -> bytes:
    """Bytes from a Container (or dict) as `parse` returns it; counts and lengths rebuilt."""
    return COMPILED[protocol].build(parsed)
