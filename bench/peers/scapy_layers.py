"""Scapy layers of the five benchmark packets, written from the specs.

Why: Scapy is what many reverse engineers already use for packets; its dispatch is declared once
with `bind_layers` and serves parse and build. Written the way Scapy is normally used: one
`Packet` class per spec type (nested types through `PacketField` / `PacketListField`, whose
classes end themselves with `extract_padding`), length and count fields as `FieldLenField`
computed on build, the FFXI header's size and word padding in `post_build`, its body bounded
by `extract_padding`.

Three small field classes fill gaps Scapy has no stock field for: text with an encoding
(Scapy keeps bytes), NUL-terminated text in a fixed or a rest-of-packet space, and one-bit
flags read as bools. Scapy has no validation (`valid`, `contents`): a wrong constant or a
negative count is not an error here, so Scapy parses a little less than the others do.
Scapy keeps enum fields as numbers (names are only for display); the adapter names them.
"""

from __future__ import annotations

import struct
from typing import Any

from scapy.fields import (BitField, ByteEnumField, ByteField, Field, FieldLenField,
                          FieldListField, LEIntEnumField, LEIntField, LEShortEnumField,
                          LEShortField, LESignedIntField, LESignedShortField, PacketField,
                          PacketListField, SignedByteField, StrField, StrFixedLenField,
                          StrLenField)
from scapy.packet import Packet, bind_layers

from . import enums as E


# -- fields Scapy lacks ---------------------------------------------------------------------------
class TextLenField(StrLenField):
    """Length-prefixed text in an encoding: str inside, encoded bytes on the wire."""

    __slots__ = ["encoding"]

    def __init__(self, name: str, default: str, length_from, encoding: str):
        super().__init__(name, default, length_from=length_from)
        self.encoding = encoding

    def getfield(self, pkt, s):  # StrLenField returns b"" for an empty string, not m2i(b"")
        n = self.length_from(pkt)
        return s[n:], self.m2i(pkt, s[:n])

    def m2i(self, pkt, x):
        return x.decode(self.encoding)

    def i2m(self, pkt, x):
        return b"" if x is None else x.encode(self.encoding)

    def any2i(self, pkt, x):
        return x

    def i2len(self, pkt, x):
        return len(self.i2m(pkt, x))


class TextzFixedField(StrFixedLenField):
    """Text up to the first NUL in a fixed space; written NUL-padded (StrFixedLenField pads)."""

    __slots__ = ["encoding"]

    def __init__(self, name: str, default: str, length: int, encoding: str):
        super().__init__(name, default, length=length)
        self.encoding = encoding

    def m2i(self, pkt, x):
        end = x.find(b"\0")
        return (x if end < 0 else x[:end]).decode(self.encoding)

    def i2m(self, pkt, x):
        return b"" if x is None else x.encode(self.encoding)

    def any2i(self, pkt, x):
        return x


class TextzRestField(StrField):
    """Text up to the first NUL in the rest of the layer (Kaitai `strz` + `size-eos`)."""

    __slots__ = ["encoding"]

    def __init__(self, name: str, default: str, encoding: str):
        super().__init__(name, default)
        self.encoding = encoding

    def m2i(self, pkt, x):
        end = x.find(b"\0")
        return (x if end < 0 else x[:end]).decode(self.encoding)

    def i2m(self, pkt, x):
        return b"" if x is None else x.encode(self.encoding) + b"\0"

    def any2i(self, pkt, x):
        return x


class FlagField(BitField):
    """A one-bit flag as a bool (Kaitai `b1`)."""

    def __init__(self, name: str, default: bool, tot_size: int = 0, end_tot_size: int = 0):
        super().__init__(name, default, 1, tot_size=tot_size, end_tot_size=end_tot_size)

    def m2i(self, pkt, x):
        return bool(x)

    def i2m(self, pkt, x):
        return int(bool(x))


def LEFloatField(name: str, default: float) -> Field:
    return Field(name, default, fmt="<f")


class _Part(Packet):
    """A nested spec type: it ends where its fields end, the rest belongs to its parent."""

    def extract_padding(self, s):
        return b"", s


# -- PangYa LoginService server 0x0001 login ------------------------------------------------------
class PangyaServer(Packet):
    name = "PangYa LoginService server"
    fields_desc = [LEShortEnumField("packet_id", 1, E.PANGYA_PACKET_ID)]


class PangyaLogin(Packet):
    name = "PangYa login"
    fields_desc = [ByteEnumField("status", 0, E.PANGYA_STATUS)]


def _pstring(name: str) -> list:
    return [FieldLenField(f"{name}_len", None, length_of=name, fmt="<H"),
            TextLenField(name, "", length_from=lambda p: getattr(p, f"{name}_len"),
                         encoding="iso8859_11")]


class PangyaLoginSuccess(Packet):
    name = "PangYa login success"
    fields_desc = [*_pstring("username"), LEIntField("user_id", 0),
                   StrFixedLenField("unknown", b"\0" * 14, 14), *_pstring("nickname")]


class PangyaLoginNeedSetNickname(Packet):
    name = "PangYa login need_set_nickname"
    fields_desc = [StrFixedLenField("unused", b"\xff" * 4, 4)]


class PangyaLoginError(Packet):
    name = "PangYa login error"
    fields_desc = [LEIntEnumField("error_code", 0, E.PANGYA_ERROR_CODE)]


bind_layers(PangyaServer, PangyaLogin, packet_id=0x0001)
bind_layers(PangyaLogin, PangyaLoginSuccess, status=0)
bind_layers(PangyaLogin, PangyaLoginNeedSetNickname, status=217)
bind_layers(PangyaLogin, PangyaLoginError, status=227)


# -- FFXI world server ----------------------------------------------------------------------------
class FfxiHeader(Packet):
    """id (low 9 bits) and size (high 7 bits, in 4-byte words) of a LE u16, then sync."""

    name = "FFXI header"
    fields_desc = [BitField("size", None, 7, tot_size=-2), BitField("id", 0, 9, end_tot_size=-2),
                   LEShortField("sync", 0)]

    def extract_padding(self, s):
        n = self.size * 4 - 4 if self.size > 0 else 0
        return s[:n], s[n:]

    def post_build(self, p, pay):
        pay += b"\0" * (-(len(p) + len(pay)) % 4)  # senders pad to whole 4-byte words
        if self.size is None:
            (word,) = struct.unpack_from("<H", p)
            p = struct.pack("<H", word & 0x1FF | (len(p) + len(pay)) // 4 << 9) + p[2:]
        return p + pay


class FfxiPosHead(_Part):
    fields_desc = [LEIntField("unique_no", 0), LEShortField("act_index", 0),
                   ByteField("padding06", 0), ByteField("dir", 0), LEFloatField("x", 0.0),
                   LEFloatField("z", 0.0), LEFloatField("y", 0.0), LEIntField("flags1", 0),
                   ByteField("speed", 0), ByteField("speed_base", 0), ByteField("hpp", 0),
                   ByteField("server_status", 0), LEIntField("flags2", 0),
                   LEIntField("flags3", 0), LEIntField("flags4", 0),
                   LEIntField("bt_target_id", 0)]


class FfxiGrapIdTbl(_Part):
    fields_desc = [LEShortField(n, 0) for n in (
        "race_face", "head", "body", "hands", "legs", "feet", "main", "sub", "ranged")]


class FfxiMusicNum(_Part):
    fields_desc = [LEShortField(n, 0) for n in (
        "day", "night", "battle_solo", "battle_party", "mount")]


class FfxiDancer(_Part):
    fields_desc = [LEShortField("mon_no", 0), LEShortField("face_no", 0),
                   ByteField("mjob_no", 0), ByteField("hair_no", 0), ByteField("size", 0),
                   ByteField("sjob_no", 0), LEIntField("get_job_flag", 0),
                   FieldListField("job_lev", [0] * 16, SignedByteField("", 0),
                                  count_from=lambda p: 16),
                   FieldListField("bp_base", [0] * 7, LEShortField("", 0),
                                  count_from=lambda p: 7),
                   FieldListField("bp_adj", [0] * 7, LESignedShortField("", 0),
                                  count_from=lambda p: 7),
                   LESignedIntField("hpmax", 0), LESignedIntField("mpmax", 0),
                   ByteField("sjobflg", 0), StrFixedLenField("unknown41", b"\0" * 3, 3)]


class FfxiSaveConfFlags(_Part):
    """One LE u32 of bit fields, listed from the highest bit (Scapy reverses the bytes)."""

    fields_desc = [
        BitField("unused", 0, 2, tot_size=-4), FlagField("recruit_flg", False),
        FlagField("unknown28", False), FlagField("display_head_off_flg", False),
        FlagField("new_adventurer_off_flg", False), FlagField("mentor_flg", False),
        FlagField("mentor_unlocked_flg", False), BitField("unknown16", 0, 8),
        FlagField("auto_party_flg", False), FlagField("auto_target_off_flg", False),
        FlagField("unknown13", False), BitField("sys_mes_filter_level", 0, 2),
        FlagField("unknown10", False), FlagField("unknown09", False),
        FlagField("unknown08", False), BitField("unknown05", 0, 3), BitField("language", 0, 2),
        FlagField("anonymity_flg", False), FlagField("away_flg", False),
        FlagField("invite_flg", False, end_tot_size=-4),
    ]


class FfxiSaveConfPkt(_Part):
    fields_desc = [PacketField("flags", FfxiSaveConfFlags(), FfxiSaveConfFlags),
                   LEIntField("message_filter", 0), LEIntField("message_filter2", 0)]


class FfxiLogin(Packet):
    name = "FFXI 0x000A login"
    fields_desc = [
        PacketField("pos_head", FfxiPosHead(), FfxiPosHead),
        LEIntField("zone_no", 0), LEIntField("nt_time", 0), LEIntField("nt_time_sec", 0),
        LEIntField("game_time", 0), LEShortField("event_no", 0), LEShortField("map_number", 0),
        PacketField("grap_id_tbl", FfxiGrapIdTbl(), FfxiGrapIdTbl),
        PacketField("music_num", FfxiMusicNum(), FfxiMusicNum),
        LEShortField("sub_map_number", 0), LEShortField("event_num", 0),
        LEShortField("event_para", 0), LEShortField("event_mode", 0),
        LEShortField("weather_number", 0), LEShortField("weather_number2", 0),
        LEIntField("weather_time", 0), LEIntField("weather_time2", 0),
        LEIntField("weather_offset_time", 0), LEIntField("ship_start", 0),
        LEShortField("ship_end", 0), LEShortField("is_monstrosity", 0),
        LEIntEnumField("login_state", 0, E.FFXI_SAVE_LOGIN_STATE),
        TextzFixedField("name", "", 16, "ascii"),
        FieldListField("certificate", [0, 0], LESignedIntField("", 0), count_from=lambda p: 2),
        LEShortField("unknown9c", 0), LEShortField("zone_sub_no", 0),
        LEIntField("play_time", 0), LEIntField("dead_counter", 0),
        ByteField("myroom_sub_map_number", 0), ByteField("unknown_a9", 0),
        LEShortEnumField("myroom_map_number", 0, E.FFXI_MYROOM_MAP_NUMBER),
        LEShortField("send_count", 0),
        ByteEnumField("my_room_exit_bit", 0, E.FFXI_MY_ROOM_EXIT_BIT),
        ByteField("mog_zone_flag", 0),
        PacketField("dancer", FfxiDancer(), FfxiDancer),
        PacketField("conf_data", FfxiSaveConfPkt(), FfxiSaveConfPkt),
        LEIntField("ex", 0),
    ]


class FfxiGroupAttr(_Part):
    fields_desc = [
        BitField("unused", 0, 23, tot_size=-4), FlagField("level_sync_flg", False),
        FlagField("unknown07", False), FlagField("unknown06", False),
        FlagField("alliance_r_flg", False), FlagField("party_r_flg", False),
        FlagField("alliance_leader_flg", False), FlagField("party_leader_flg", False),
        BitField("party_no", 0, 2, end_tot_size=-4),
    ]


class FfxiMasterjobFlags(_Part):
    fields_desc = [BitField("unused", 0, 6), FlagField("exemplar_capped", False),
                   FlagField("mastery_unlocked", False)]


class FfxiGroupList2(Packet):
    name = "FFXI 0x00E2 group_list2"
    fields_desc = [
        LEIntField("unique_no", 0), LEIntField("hp", 0), LEIntField("mp", 0),
        LEIntField("tp", 0), PacketField("g_attr", FfxiGroupAttr(), FfxiGroupAttr),
        LEShortField("act_index", 0), ByteField("member_number", 0),
        ByteField("moghouse_flg", 0), ByteEnumField("kind", 0, E.FFXI_KIND),
        ByteField("hpp", 0), ByteField("mpp", 0), ByteField("padding1f", 0),
        LEShortField("zone_no", 0), ByteField("mjob_no", 0), ByteField("mjob_lv", 0),
        ByteField("sjob_no", 0), ByteField("sjob_lv", 0), ByteField("masterjob_lv", 0),
        PacketField("masterjob_flags", FfxiMasterjobFlags(), FfxiMasterjobFlags),
        TextzRestField("name", "", "ascii"),
    ]


bind_layers(FfxiHeader, FfxiLogin, id=0x0a)
bind_layers(FfxiHeader, FfxiGroupList2, id=0xe2)


# -- FlyFF cluster server 0xF3 character_list -----------------------------------------------------
class FlyffServer(Packet):
    name = "FlyFF cluster server"
    fields_desc = [LEIntEnumField("packet_type", 0, E.FLYFF_PACKET_TYPE)]


class FlyffCharacter(_Part):
    fields_desc = [
        LESignedIntField("slot", 0), LEIntEnumField("block_state", 1, E.FLYFF_BLOCK_STATE),
        LEIntField("map_id", 0), LEIntEnumField("model_id", 11, E.FLYFF_MODEL_ID),
        FieldLenField("name_len", None, length_of="name", fmt="<i"),
        TextLenField("name", "", length_from=lambda p: p.name_len, encoding="cp1252"),
        LEFloatField("pos_x", 0.0), LEFloatField("pos_y", 0.0), LEFloatField("pos_z", 0.0),
        LEIntField("character_id", 0), LEIntField("party_id", 0), LEIntField("guild_id", 0),
        LEIntField("war_id", 0), LEIntField("skin_set_id", 0), LEIntField("hair_id", 0),
        LEIntField("hair_color", 0), LEIntField("face_id", 0),
        ByteEnumField("gender", 0, E.FLYFF_GENDER), LEIntEnumField("job", 0, E.FLYFF_JOB),
        LESignedIntField("level", 1), LEIntField("job_level", 0),
        LESignedIntField("strength", 0), LESignedIntField("stamina", 0),
        LESignedIntField("dexterity", 0), LESignedIntField("intelligence", 0),
        LEIntEnumField("mode", 0, E.FLYFF_CHARACTER_MODE),
        FieldLenField("num_items", None, count_of="item_ids", fmt="<i"),
        FieldListField("item_ids", [], LEIntField("", 0), count_from=lambda p: p.num_items),
    ]


class FlyffFriend(_Part):
    fields_desc = [LEIntField("friend_id", 0), LESignedIntField("blocked", 0),
                   LEIntEnumField("state", 0, E.FLYFF_MESSENGER_STATE)]


class FlyffMessenger(_Part):
    fields_desc = [ByteField("slot", 0), LEIntEnumField("state", 0, E.FLYFF_MESSENGER_STATE),
                   FieldLenField("num_friends", None, count_of="friends", fmt="<i"),
                   PacketListField("friends", [], FlyffFriend,
                                   count_from=lambda p: p.num_friends)]


class FlyffCharacterList(Packet):
    name = "FlyFF 0xF3 character_list"
    fields_desc = [
        LEIntField("auth_key", 0),
        FieldLenField("num_characters", None, count_of="characters", fmt="<i"),
        PacketListField("characters", [], FlyffCharacter,
                        count_from=lambda p: p.num_characters),
        FieldLenField("num_messengers", None, count_of="messengers", fmt="<i"),
        PacketListField("messengers", [], FlyffMessenger,
                        count_from=lambda p: p.num_messengers),
    ]


bind_layers(FlyffServer, FlyffCharacterList, packet_type=0xf3)


# -- TMW login server 0x0069 login_data -----------------------------------------------------------
class TmwServer(Packet):
    name = "TMW login server"
    fields_desc = [LEShortEnumField("packet_id", 0, E.TMW_PACKET_ID)]


class TmwCharServer(_Part):
    fields_desc = [StrFixedLenField("ip", b"\0" * 4, 4), LEShortField("port", 0),
                   TextzFixedField("name", "", 20, "utf-8"), LEShortField("users", 0),
                   LEShortField("maintenance", 0), LEShortField("is_new", 0)]


class TmwLoginData(Packet):
    name = "TMW 0x0069 login_data"
    fields_desc = [
        FieldLenField("len_packet", None, length_of="char_servers", fmt="<H",
                      adjust=lambda p, x: x + 47),
        LEIntField("login_id1", 0), LEIntField("account_id", 0), LEIntField("login_id2", 0),
        LEIntField("unused", 0), TextzFixedField("last_login", "", 24, "utf-8"),
        LEShortField("unused2", 0), ByteEnumField("sex", 2, E.TMW_SEX),
        PacketListField("char_servers", [], TmwCharServer,
                        length_from=lambda p: p.len_packet - 47),
    ]


bind_layers(TmwServer, TmwLoginData, packet_id=0x0069)

ROOTS: dict[str, type[Packet]] = {
    "pangya.loginservice.server": PangyaServer,
    "ffxi.world.server": FfxiHeader,
    "flyff.cluster.server": FlyffServer,
    "tmw.login.server": TmwServer,
}


def _computed(cls: type[Packet], name: str) -> bool:
    """Fields a build leaves out so that Scapy computes them: every FieldLenField (lengths and
    counts) and the FFXI header's size (post_build)."""
    return isinstance(next(f for f in cls.fields_desc if f.name == name), FieldLenField) or \
        (cls is FfxiHeader and name == "size")


def parse(protocol: str, data: bytes) -> Packet:
    """The protocol's root layer dissecting one payload; `bind_layers` picks the packet."""
    return ROOTS[protocol](data)


# -- building from plain values -------------------------------------------------------------------
# A layer as plain values: (class, {field: value}) where a nested packet is again such a pair
# (a list of them for PacketListField); a whole packet is a list of layers, outermost first.
Layer = tuple[type, dict[str, Any]]


def values_of(pkt: Packet) -> list[Layer]:
    """The plain values of a dissected packet, minus the fields Scapy computes on build."""
    layers = []
    while pkt is not None and pkt.__class__.__name__ not in ("NoPayload", "Padding", "Raw"):
        cls = type(pkt)
        layers.append((cls, {name: _value_of(value) for name, value in pkt.fields.items()
                             if not _computed(cls, name)}))
        pkt = pkt.payload if pkt.payload else None
    return layers


def _value_of(value: Any) -> Any:
    if isinstance(value, Packet):
        return values_of(value)[0]
    if isinstance(value, list):
        return [_value_of(v) for v in value]
    return value


def _make(layer: Layer) -> Packet:
    cls, fields = layer
    return cls(**{name: _made(value) for name, value in fields.items()})


def _made(value: Any) -> Any:
    if type(value) is tuple:
        return _make(value)
    if type(value) is list:
        return [_made(v) for v in value]
    return value


def build(protocol: str, layers: list[Layer]) -> bytes:
    """Bytes of a packet built from plain values: new layer objects each time, as a script
    building packets does (a dissected packet would only give back its cached bytes)."""
    pkt = _make(layers[0])
    for layer in layers[1:]:
        pkt = pkt / _make(layer)
    return bytes(pkt)
