"""Hand-written `struct` codecs of the five benchmark packets: the floor.

Why: this is what a developer who needs only these packets would write by hand, with
precompiled `struct.Struct`s over runs of fixed fields. It does the same work as the generated
classes (dispatch on the opcode, bounds, text decoding, enum names, bit fields, the specs'
`valid` checks) and nothing more, so it shows how much of pkttools' cost is the price of being
generic. Value instances (derived fields) are not computed, like the read-only classes, which
compute them lazily.

`parse(protocol, data)` returns {"opcode", "fields"[, "frame"]} with the specs' field names;
`build(protocol, parsed)` writes such a dict back, recomputing lengths and counts.
"""

from __future__ import annotations

import struct
from struct import Struct
from typing import Any, Callable

from . import enums as E

U1, U2, U4, I4 = Struct("<B"), Struct("<H"), Struct("<I"), Struct("<i")
U4_I4 = Struct("<Ii")


def _name(table: dict[int, str], value: int) -> str | int:
    """The enum id, or the number when it is outside the enum (as the generated classes do)."""
    return table.get(value, value)


def _number(table: dict[str, int], value: str | int) -> int:
    return value if isinstance(value, int) else table[value]


def _until_nul(raw: bytes) -> bytes:
    end = raw.find(b"\0")
    return raw if end < 0 else raw[:end]


def _need(data: bytes, end: int) -> None:
    if len(data) < end:
        raise ValueError(f"truncated: needs {end} bytes, only {len(data)}")


# -- PangYa LoginService server 0x0001 login ------------------------------------------------------
_PANGYA_STATUS_N = E.inverse(E.PANGYA_STATUS)
_PANGYA_ERROR_N = E.inverse(E.PANGYA_ERROR_CODE)


def _read_pstring(data: bytes, pos: int) -> tuple[dict, int]:
    (n,) = U2.unpack_from(data, pos)
    pos += 2
    _need(data, pos + n)
    return {"len_value": n, "value": data[pos:pos + n].decode("iso8859_11")}, pos + n


def _write_pstring(value: dict) -> bytes:
    raw = value["value"].encode("iso8859_11")
    return U2.pack(len(raw)) + raw


def parse_pangya_login(data: bytes, pos: int) -> tuple[dict, int]:
    status = data[pos]
    pos += 1
    fields: dict[str, Any] = {"status": _name(E.PANGYA_STATUS, status)}
    if status == 0:
        username, pos = _read_pstring(data, pos)
        (user_id,) = U4.unpack_from(data, pos)
        _need(data, pos + 18)
        unknown = data[pos + 4:pos + 18]
        nickname, pos = _read_pstring(data, pos + 18)
        fields["response"] = {"username": username, "user_id": user_id, "unknown": unknown,
                              "nickname": nickname}
    elif status == 217:
        if data[pos:pos + 4] != b"\xff\xff\xff\xff":
            raise ValueError("need_set_nickname: constant ff ff ff ff expected")
        fields["response"] = {"unused": data[pos:pos + 4]}
        pos += 4
    elif status == 218:
        fields["response"] = {}
    elif status == 227:
        (code,) = U4.unpack_from(data, pos)
        fields["response"] = {"error_code": _name(E.PANGYA_ERROR_CODE, code)}
        pos += 4
    return fields, pos


def build_pangya_login(fields: dict) -> bytes:
    status = _number(_PANGYA_STATUS_N, fields["status"])
    out = U1.pack(status)
    response = fields.get("response", {})
    if status == 0:
        out += (_write_pstring(response["username"]) + U4.pack(response["user_id"])
                + response["unknown"] + _write_pstring(response["nickname"]))
    elif status == 217:
        out += b"\xff\xff\xff\xff"
    elif status == 227:
        out += U4.pack(_number(_PANGYA_ERROR_N, response["error_code"]))
    return out


# -- FFXI world server 0x000A login ---------------------------------------------------------------
# One run over the whole 0x100-byte body; the comments give the spec's fields in order.
_FFXI_LOGIN = Struct(
    "<IHBBfffIBBBBIIII"  # pos_head (0x2C bytes)
    "IIIIHH"             # zone_no nt_time nt_time_sec game_time event_no map_number
    "9H"                 # grap_id_tbl
    "5H"                 # music_num
    "6H"                 # sub_map_number event_num event_para event_mode weather_number(2)
    "IIII"               # weather_time weather_time2 weather_offset_time ship_start
    "HHI16s2i"           # ship_end is_monstrosity login_state name certificate
    "HHII"               # unknown9c zone_sub_no play_time dead_counter
    "BBHHBB"             # myroom_sub_map_number unknown_a9 myroom_map_number send_count
                         # my_room_exit_bit mog_zone_flag
    "HHBBBBI16b7H7hiiB3s"  # dancer (0x44 bytes)
    "III"                # conf_data: flags message_filter message_filter2
    "I"                  # ex
)
assert _FFXI_LOGIN.size == 0x100
_POS_HEAD = ("unique_no", "act_index", "padding06", "dir", "x", "z", "y", "flags1", "speed",
             "speed_base", "hpp", "server_status", "flags2", "flags3", "flags4", "bt_target_id")
_GRAP = ("race_face", "head", "body", "hands", "legs", "feet", "main", "sub", "ranged")
_MUSIC = ("day", "night", "battle_solo", "battle_party", "mount")
# (name, first bit, width) of save_conf_flags, lowest bit first; width 1 reads as a bool.
_CONF_BITS = (("invite_flg", 0, 1), ("away_flg", 1, 1), ("anonymity_flg", 2, 1),
              ("language", 3, 2), ("unknown05", 5, 3), ("unknown08", 8, 1),
              ("unknown09", 9, 1), ("unknown10", 10, 1), ("sys_mes_filter_level", 11, 2),
              ("unknown13", 13, 1), ("auto_target_off_flg", 14, 1), ("auto_party_flg", 15, 1),
              ("unknown16", 16, 8), ("mentor_unlocked_flg", 24, 1), ("mentor_flg", 25, 1),
              ("new_adventurer_off_flg", 26, 1), ("display_head_off_flg", 27, 1),
              ("unknown28", 28, 1), ("recruit_flg", 29, 1), ("unused", 30, 2))
_GROUP_ATTR_BITS = (("party_no", 0, 2), ("party_leader_flg", 2, 1),
                    ("alliance_leader_flg", 3, 1), ("party_r_flg", 4, 1),
                    ("alliance_r_flg", 5, 1), ("unknown06", 6, 1), ("unknown07", 7, 1),
                    ("level_sync_flg", 8, 1), ("unused", 9, 23))
_MASTERJOB_BITS = (("mastery_unlocked", 0, 1), ("exemplar_capped", 1, 1), ("unused", 2, 6))
_LOGIN_STATE_N = E.inverse(E.FFXI_SAVE_LOGIN_STATE)
_MYROOM_MAP_N = E.inverse(E.FFXI_MYROOM_MAP_NUMBER)
_EXIT_BIT_N = E.inverse(E.FFXI_MY_ROOM_EXIT_BIT)
_KIND_N = E.inverse(E.FFXI_KIND)


def _bits(word: int, layout: tuple) -> dict:
    return {name: bool(word >> shift & 1) if width == 1 else word >> shift & ((1 << width) - 1)
            for name, shift, width in layout}


def _word(fields: dict, layout: tuple) -> int:
    return sum((int(fields[name]) & ((1 << width) - 1)) << shift
               for name, shift, width in layout)


def parse_ffxi_login(body: bytes) -> dict:
    v = _FFXI_LOGIN.unpack_from(body)
    return {
        "pos_head": dict(zip(_POS_HEAD, v[0:16])),
        "zone_no": v[16], "nt_time": v[17], "nt_time_sec": v[18], "game_time": v[19],
        "event_no": v[20], "map_number": v[21],
        "grap_id_tbl": dict(zip(_GRAP, v[22:31])),
        "music_num": dict(zip(_MUSIC, v[31:36])),
        "sub_map_number": v[36], "event_num": v[37], "event_para": v[38], "event_mode": v[39],
        "weather_number": v[40], "weather_number2": v[41], "weather_time": v[42],
        "weather_time2": v[43], "weather_offset_time": v[44], "ship_start": v[45],
        "ship_end": v[46], "is_monstrosity": v[47],
        "login_state": _name(E.FFXI_SAVE_LOGIN_STATE, v[48]),
        "name": _until_nul(v[49]).decode("ascii"), "certificate": [v[50], v[51]],
        "unknown9c": v[52], "zone_sub_no": v[53], "play_time": v[54], "dead_counter": v[55],
        "myroom_sub_map_number": v[56], "unknown_a9": v[57],
        "myroom_map_number": _name(E.FFXI_MYROOM_MAP_NUMBER, v[58]), "send_count": v[59],
        "my_room_exit_bit": _name(E.FFXI_MY_ROOM_EXIT_BIT, v[60]), "mog_zone_flag": v[61],
        "dancer": {"mon_no": v[62], "face_no": v[63], "mjob_no": v[64], "hair_no": v[65],
                   "size": v[66], "sjob_no": v[67], "get_job_flag": v[68],
                   "job_lev": list(v[69:85]), "bp_base": list(v[85:92]),
                   "bp_adj": list(v[92:99]), "hpmax": v[99], "mpmax": v[100],
                   "sjobflg": v[101], "unknown41": v[102]},
        "conf_data": {"flags": _bits(v[103], _CONF_BITS), "message_filter": v[104],
                      "message_filter2": v[105]},
        "ex": v[106],
    }


def build_ffxi_login(f: dict) -> bytes:
    p, g, m, d, c = f["pos_head"], f["grap_id_tbl"], f["music_num"], f["dancer"], f["conf_data"]
    return _FFXI_LOGIN.pack(
        *(p[k] for k in _POS_HEAD), f["zone_no"], f["nt_time"], f["nt_time_sec"],
        f["game_time"], f["event_no"], f["map_number"], *(g[k] for k in _GRAP),
        *(m[k] for k in _MUSIC), f["sub_map_number"], f["event_num"], f["event_para"],
        f["event_mode"], f["weather_number"], f["weather_number2"], f["weather_time"],
        f["weather_time2"], f["weather_offset_time"], f["ship_start"], f["ship_end"],
        f["is_monstrosity"], _number(_LOGIN_STATE_N, f["login_state"]),
        f["name"].encode("ascii"), *f["certificate"], f["unknown9c"], f["zone_sub_no"],
        f["play_time"], f["dead_counter"], f["myroom_sub_map_number"], f["unknown_a9"],
        _number(_MYROOM_MAP_N, f["myroom_map_number"]), f["send_count"],
        _number(_EXIT_BIT_N, f["my_room_exit_bit"]), f["mog_zone_flag"],
        d["mon_no"], d["face_no"], d["mjob_no"], d["hair_no"], d["size"], d["sjob_no"],
        d["get_job_flag"], *d["job_lev"], *d["bp_base"], *d["bp_adj"], d["hpmax"],
        d["mpmax"], d["sjobflg"], d["unknown41"], _word(c["flags"], _CONF_BITS),
        c["message_filter"], c["message_filter2"], f["ex"])


# -- FFXI world server 0x00E2 group_list2 ---------------------------------------------------------
_GROUP_LIST2 = Struct("<IIIIIHBBBBBBHBBBBBB")
_GROUP_LIST2_NAMES = ("unique_no", "hp", "mp", "tp", "g_attr", "act_index", "member_number",
                      "moghouse_flg", "kind", "hpp", "mpp", "padding1f", "zone_no", "mjob_no",
                      "mjob_lv", "sjob_no", "sjob_lv", "masterjob_lv", "masterjob_flags")


def parse_ffxi_group_list2(body: bytes) -> dict:
    fields = dict(zip(_GROUP_LIST2_NAMES, _GROUP_LIST2.unpack_from(body)))
    fields["g_attr"] = _bits(fields["g_attr"], _GROUP_ATTR_BITS)
    fields["kind"] = _name(E.FFXI_KIND, fields["kind"])
    fields["masterjob_flags"] = _bits(fields["masterjob_flags"], _MASTERJOB_BITS)
    fields["name"] = _until_nul(body[_GROUP_LIST2.size:]).decode("ascii")
    return fields


def build_ffxi_group_list2(f: dict) -> bytes:
    values = dict(f, g_attr=_word(f["g_attr"], _GROUP_ATTR_BITS),
                  kind=_number(_KIND_N, f["kind"]),
                  masterjob_flags=_word(f["masterjob_flags"], _MASTERJOB_BITS))
    name = f["name"].encode("ascii")
    return _GROUP_LIST2.pack(*(values[k] for k in _GROUP_LIST2_NAMES)) + name + b"\0"


_FFXI_HEADER = Struct("<HH")
_FFXI_PACKETS: dict[int, tuple[Callable[[bytes], dict], Callable[[dict], bytes]]] = {
    0x0a: (parse_ffxi_login, build_ffxi_login),
    0xe2: (parse_ffxi_group_list2, build_ffxi_group_list2),
}


def parse_ffxi(data: bytes) -> dict:
    word, sync = _FFXI_HEADER.unpack_from(data)
    pid, size = word & 0x1FF, word >> 9
    len_body = size * 4 - 4 if size > 0 else 0
    _need(data, 4 + len_body)
    body = data[4:4 + len_body]
    return {"opcode": pid, "frame": {"header": {"id": pid, "size": size, "sync": sync}},
            "fields": _FFXI_PACKETS[pid][0](body)}


def build_ffxi(parsed: dict) -> bytes:
    pid = parsed["opcode"]
    body = _FFXI_PACKETS[pid][1](parsed["fields"])
    body += b"\0" * (-len(body) % 4)  # senders pad to whole 4-byte words
    return _FFXI_HEADER.pack(pid | (len(body) + 4) // 4 << 9,
                             parsed["frame"]["header"]["sync"]) + body


# -- FlyFF cluster server 0xF3 character_list -----------------------------------------------------
_CHAR_HEAD = Struct("<iiII")      # slot block_state map_id model_id
_CHAR_MID = Struct("<fffIIIIIIIIBiiIiiiiIi")  # pos_x ... num_items
_CHAR_MID_NAMES = ("pos_x", "pos_y", "pos_z", "character_id", "party_id", "guild_id", "war_id",
                   "skin_set_id", "hair_id", "hair_color", "face_id", "gender", "job", "level",
                   "job_level", "strength", "stamina", "dexterity", "intelligence", "mode",
                   "num_items")
_MESSENGER = Struct("<BIi")
_FRIEND = Struct("<IiI")
_BLOCK_N = E.inverse(E.FLYFF_BLOCK_STATE)
_MODEL_N = E.inverse(E.FLYFF_MODEL_ID)
_GENDER_N = E.inverse(E.FLYFF_GENDER)
_JOB_N = E.inverse(E.FLYFF_JOB)
_MODE_N = E.inverse(E.FLYFF_CHARACTER_MODE)
_MSTATE_N = E.inverse(E.FLYFF_MESSENGER_STATE)


def _count(value: int, what: str) -> int:
    if value < 0:
        raise ValueError(f"{what}: negative count {value}")
    return value


def _read_flyff_string(data: bytes, pos: int) -> tuple[dict, int]:
    (n,) = I4.unpack_from(data, pos)
    pos += 4
    _need(data, pos + _count(n, "len_value"))
    return {"len_value": n, "value": data[pos:pos + n].decode("cp1252")}, pos + n


def parse_flyff_character_list(data: bytes, pos: int) -> tuple[dict, int]:
    auth_key, num = U4_I4.unpack_from(data, pos)
    pos += 8
    characters = []
    for _ in range(_count(num, "num_characters")):
        slot, block, map_id, model = _CHAR_HEAD.unpack_from(data, pos)
        name, pos = _read_flyff_string(data, pos + 16)
        c = dict(zip(_CHAR_MID_NAMES, _CHAR_MID.unpack_from(data, pos)))
        pos += _CHAR_MID.size
        n_items = _count(c["num_items"], "num_items")
        _need(data, pos + 4 * n_items)
        items = list(struct.unpack_from(f"<{n_items}I", data, pos))
        pos += 4 * n_items
        c.update(gender=_name(E.FLYFF_GENDER, c["gender"]), job=_name(E.FLYFF_JOB, c["job"]),
                 mode=_name(E.FLYFF_CHARACTER_MODE, c["mode"]))
        characters.append({"slot": slot, "block_state": _name(E.FLYFF_BLOCK_STATE, block),
                           "map_id": map_id, "model_id": _name(E.FLYFF_MODEL_ID, model),
                           "name": name, **c, "item_ids": items})
    (num_messengers,) = I4.unpack_from(data, pos)
    pos += 4
    messengers = []
    for _ in range(_count(num_messengers, "num_messengers")):
        slot, state, num_friends = _MESSENGER.unpack_from(data, pos)
        pos += _MESSENGER.size
        friends = []
        for _ in range(_count(num_friends, "num_friends")):
            friend_id, blocked, fstate = _FRIEND.unpack_from(data, pos)
            pos += _FRIEND.size
            friends.append({"friend_id": friend_id, "blocked": blocked,
                            "state": _name(E.FLYFF_MESSENGER_STATE, fstate)})
        messengers.append({"slot": slot, "state": _name(E.FLYFF_MESSENGER_STATE, state),
                           "num_friends": num_friends, "friends": friends})
    return {"auth_key": auth_key, "num_characters": num, "characters": characters,
            "num_messengers": num_messengers, "messengers": messengers}, pos


def build_flyff_character_list(f: dict) -> bytes:
    out = [U4_I4.pack(f["auth_key"], len(f["characters"]))]
    for c in f["characters"]:
        name = c["name"]["value"].encode("cp1252")
        values = dict(c, gender=_number(_GENDER_N, c["gender"]), job=_number(_JOB_N, c["job"]),
                      mode=_number(_MODE_N, c["mode"]), num_items=len(c["item_ids"]))
        out += [_CHAR_HEAD.pack(c["slot"], _number(_BLOCK_N, c["block_state"]), c["map_id"],
                                _number(_MODEL_N, c["model_id"])),
                I4.pack(len(name)), name,
                _CHAR_MID.pack(*(values[k] for k in _CHAR_MID_NAMES)),
                struct.pack(f"<{len(c['item_ids'])}I", *c["item_ids"])]
    out.append(I4.pack(len(f["messengers"])))
    for m in f["messengers"]:
        out.append(_MESSENGER.pack(m["slot"], _number(_MSTATE_N, m["state"]), len(m["friends"])))
        out += [_FRIEND.pack(x["friend_id"], x["blocked"], _number(_MSTATE_N, x["state"]))
                for x in m["friends"]]
    return b"".join(out)


# -- TMW login server 0x0069 login_data -----------------------------------------------------------
_TMW_HEAD = Struct("<HIIII24sHB")  # len_packet .. sex (45 bytes after the packet id)
_TMW_SERVER = Struct("<4sH20sHHH")
_SEX_N = E.inverse(E.TMW_SEX)


def parse_tmw_login_data(data: bytes, pos: int) -> tuple[dict, int]:
    (len_packet, login_id1, account_id, login_id2, unused, last_login, unused2,
     sex) = _TMW_HEAD.unpack_from(data, pos)
    if len_packet < 47 or (len_packet - 47) % 32:
        raise ValueError(f"len_packet: {len_packet} is not 47 + 32 * n")
    pos += _TMW_HEAD.size
    servers = []
    for _ in range((len_packet - 47) // 32):
        ip, port, name, users, maintenance, is_new = _TMW_SERVER.unpack_from(data, pos)
        pos += 32
        servers.append({"ip": ip, "port": port, "name": _until_nul(name).decode("utf-8"),
                        "users": users, "maintenance": maintenance, "is_new": is_new})
    return {"len_packet": len_packet, "login_id1": login_id1, "account_id": account_id,
            "login_id2": login_id2, "unused": unused,
            "last_login": _until_nul(last_login).decode("utf-8"), "unused2": unused2,
            "sex": _name(E.TMW_SEX, sex), "char_servers": servers}, pos


def build_tmw_login_data(f: dict) -> bytes:
    servers = f["char_servers"]
    return _TMW_HEAD.pack(47 + 32 * len(servers), f["login_id1"], f["account_id"],
                          f["login_id2"], f["unused"], f["last_login"].encode("utf-8"),
                          f["unused2"], _number(_SEX_N, f["sex"])) + b"".join(
        _TMW_SERVER.pack(s["ip"], s["port"], s["name"].encode("utf-8"), s["users"],
                         s["maintenance"], s["is_new"]) for s in servers)


# -- dispatch -------------------------------------------------------------------------------------
# protocol -> (opcode format, {opcode: (parse body at pos, build body)})
_OPCODE_FIRST = {
    "pangya.loginservice.server": (U2, {0x0001: (parse_pangya_login, build_pangya_login)}),
    "flyff.cluster.server": (U4, {0xf3: (parse_flyff_character_list,
                                         build_flyff_character_list)}),
    "tmw.login.server": (U2, {0x0069: (parse_tmw_login_data, build_tmw_login_data)}),
}


def parse(protocol: str, data: bytes) -> dict:
    """{"opcode", "fields"[, "frame"]} of one packet payload (starting with its opcode)."""
    if protocol == "ffxi.world.server":
        return parse_ffxi(data)
    fmt, packets = _OPCODE_FIRST[protocol]
    (opcode,) = fmt.unpack_from(data)
    fields, _ = packets[opcode][0](data, fmt.size)
    return {"opcode": opcode, "fields": fields}


def build(protocol: str, parsed: dict) -> bytes:
    """Bytes of a packet as `parse` returns it; lengths and counts come from the data."""
    if protocol == "ffxi.world.server":
        return build_ffxi(parsed)
    fmt, packets = _OPCODE_FIRST[protocol]
    return fmt.pack(parsed["opcode"]) + packets[parsed["opcode"]][1](parsed["fields"])
