"""Final Fantasy XI world server, server to client (ksy/ffxi/world/server/).

No captures exist for this protocol, so every vector (tests/vectors/ffxi_world_server.py) is
written by hand from the layouts
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
from pkttools.codec.plain import PlainConverter
from pkttools.model.registry import default_registry
from vectors import check_vector
from vectors import ffxi_world_server as V

PROTO = "ffxi.world.server"
LOGIN = "login"  # packet names: the dispatcher's packet_id enum
GROUP_LIST2 = "group_list2"

# byte strings and fields of the vectors, for the tests that change them
LOGIN_MYROOM = V.LOGIN_MYROOM.data
LOGIN_MYROOM_FIELDS = V.LOGIN_MYROOM_FIELDS
GROUP_LIST2_SHORT = V.GROUP_LIST2_SHORT.data
GROUP_LIST2_SHORT_FIELDS = V.GROUP_LIST2_SHORT_FIELDS
GROUP_LIST2_FULL = V.GROUP_LIST2_FULL.data
header = V.header


def test_login_every_field():
    pkt = check_vector(V.LOGIN_MYROOM)
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

def test_group_list2_short_name():
    pkt = check_vector(V.GROUP_LIST2_SHORT)
    assert pkt.opcode == 0x00E2
    assert pkt.fields()["kind"].value == 0


def test_group_list2_full_16_byte_name():
    pkt = check_vector(V.GROUP_LIST2_FULL)
    assert pkt.fields()["kind"].value == 5
    spans = {".".join(map(str, s.path)): (s.start, s.size) for s in pkt.spans()}
    assert spans["body.name"] == (0x28, 16)
    assert spans["body.masterjob_flags"] == (0x27, 1)
    assert spans["body.zone_no"] == (0x20, 2)


def test_group_list2_name_filling_its_space_has_no_nul():
    pkt = check_vector(V.GROUP_LIST2_NO_NUL)
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
