"""pkttools.build and Packet.to_bytes: plain data to bytes, with derived fields filled in."""

from __future__ import annotations

import json

import pytest

import pkttools
from pkttools.cli import main

PROTO = "pangya.loginservice.server"
SUCCESS = bytes.fromhex(
    "01 00 00 07 00 70 61 6e 67 62 6f 78 d2 c4 49 00"
    "00 00 00 00 25 00 00 00 00 00 00 00 00 00 00 00")


def login(**fields):
    return {"packet": "login", "fields": fields}


def test_derived_fields_may_be_left_out():
    # status from the case whose fields are given, len_value from the text, opcode from name
    out = pkttools.build(PROTO, login(response={
        "username": {"value": "pangbox"}, "user_id": 4834514,
        "unknown": "00000000 25000000 00000000 0000", "nickname": {"value": ""}}))
    assert out == SUCCESS


def test_opcode_instead_of_name_and_enum_numbers():
    out = pkttools.build(PROTO, {"opcode": 1, "fields": {
        "status": 227, "response": {"error_code": 5100143}}})
    assert out == bytes.fromhex("01 00 e3 6f d2 4d 00")


def test_contents_constant_is_filled_in_and_checked():
    assert pkttools.build(PROTO, login(status="need_set_nickname", response={})) == \
        bytes.fromhex("01 00 d9 ff ff ff ff")
    with pytest.raises(pkttools.InconsistentError) as info:
        pkttools.build(PROTO, login(status="need_set_nickname", response={"unused": "fffffffe"}))
    assert info.value.path == "response.unused"


def test_editing_a_string_updates_its_length():
    pkt = pkttools.parse(PROTO, SUCCESS)
    assert pkt.to_bytes() == SUCCESS
    pkt.obj.response.username.value = "a much longer name"
    out = pkt.to_bytes()
    again = pkttools.parse(PROTO, out, strict=True)
    assert again.fields()["response"]["username"] == {"len_value": 18,
                                                       "value": "a much longer name"}
    assert out[3:5] == (18).to_bytes(2, "little")
    assert len(out) == len(SUCCESS) + 11
    assert again.fields()["response"]["user_id"] == 4834514


def test_editing_plain_data_needs_recompute_for_stale_lengths():
    data = pkttools.parse(PROTO, SUCCESS).to_dict()
    data["fields"]["response"]["nickname"]["value"] = "Nick"
    with pytest.raises(pkttools.InconsistentError) as info:
        pkttools.build(PROTO, data)
    assert info.value.path == "response.nickname.len_value"
    assert "len_value = 0, but value has 4 bytes" in str(info.value)
    out = pkttools.build(PROTO, data, recompute=True)
    assert out == SUCCESS[:-2] + bytes.fromhex("0400") + b"Nick"


def test_unedited_packet_keeps_its_original_bytes():
    # a status outside the enum leaves bytes unparsed: they are trailing, not the packet's
    pkt = pkttools.parse(PROTO, bytes.fromhex("01 00 63 aa"))
    assert pkt.to_bytes() == bytes.fromhex("01 00 63")


def test_trailing_bytes_round_trip_through_json():
    data = SUCCESS + b"\xee\xff"
    plain = pkttools.parse(PROTO, data).to_dict()
    assert pkttools.build(PROTO, json.loads(json.dumps(plain))) == data


@pytest.mark.parametrize("data, error, path, message", [
    (login(status="error", response={"error_code": 1 << 32}), pkttools.FieldValueError,
     "response.error_code", "4294967296 does not fit in u4 (0..4294967295)"),
    (login(status="error", response={"error_code": -1}), pkttools.FieldValueError,
     "response.error_code", "does not fit in u4"),
    (login(status="error", response={"error_code": "nope"}), pkttools.FieldValueError,
     "response.error_code", "'nope' is not in enum error_code"),
    (login(status="error", response={"error_code": 1.5}), pkttools.FieldValueError,
     "response.error_code", "expected an integer"),
    (login(status="success", response={"error_code": 1}), pkttools.UnknownFieldError,
     "response.error_code", "login_success has no field 'error_code'"),
    (login(status="error", response={}), pkttools.MissingFieldError,
     "response.error_code", "required"),
    (login(status="error"), pkttools.MissingFieldError, "response", "required"),
    (login(response={}), pkttools.MissingFieldError, "status",
     "more than one case of response fits"),
    (login(status="success", response={
        "username": {"len_value": 9, "value": "bob"}, "user_id": 1, "unknown": "00" * 14,
        "nickname": {"value": ""}}),
     pkttools.InconsistentError, "response.username.len_value",
     "len_value = 9, but value has 3 bytes"),
    (login(status="success", response={
        "username": {"value": "bob"}, "user_id": 1, "unknown": "00" * 13,
        "nickname": {"value": ""}}),
     pkttools.FieldValueError, "response.unknown", "needs exactly 14 bytes, got 13"),
    (login(status="success", response={
        "username": {"value": "\u00e9\u4e2d"}, "user_id": 1, "unknown": "00" * 14,
        "nickname": {"value": ""}}),
     pkttools.FieldValueError, "response.username.value", "cannot be written in ISO-8859-11"),
    (login(status="success", response={
        "username": {"value": 5}, "user_id": 1, "unknown": "00" * 14,
        "nickname": {"value": ""}}),
     pkttools.FieldValueError, "response.username.value", "expected text"),
    (login(status="success", response=[]), pkttools.FieldValueError, "response",
     "expected an object"),
    (login(bogus=1), pkttools.UnknownFieldError, "bogus", "has no field 'bogus'"),
])
def test_bad_data_names_the_field(data, error, path, message):
    with pytest.raises(error) as info:
        pkttools.build(PROTO, data)
    assert info.value.path == path
    assert message in str(info.value)
    assert info.value.protocol == PROTO and info.value.packet == "login"


@pytest.mark.parametrize("data, message", [
    ({"fields": {}}, "give 'packet'"),
    ({"packet": "nope", "fields": {}}, "no packet named 'nope'"),
    ({"packet": "login", "opcode": 0x7fff, "fields": {}}, "no packet with opcode 0x7fff"),
    ({"protocol": "tmw.login.server", "packet": "login", "fields": {}}, "not pangya"),
    ({"packet": "login", "fields": {}, "extra": 1}, "unknown top-level key"),
    ([], "a packet is an object"),
])
def test_bad_top_level(data, message):
    with pytest.raises(pkttools.UsageError, match=message):
        pkttools.build(PROTO, data)


def test_trailing_offset_must_match():
    data = pkttools.parse(PROTO, SUCCESS + b"\x01").to_dict()
    data["trailing"]["offset"] = 5
    with pytest.raises(pkttools.InconsistentError, match="start at offset 5"):
        pkttools.build(PROTO, data)


def test_cli_build_round_trip(capsys):
    assert main(["parse", PROTO, SUCCESS.hex(), "--format", "json"]) == 0
    printed = capsys.readouterr().out
    assert main(["build", PROTO, printed]) == 0
    assert capsys.readouterr().out.strip() == SUCCESS.hex()


def test_cli_build_list_and_errors(capsys, tmp_path):
    path = tmp_path / "packets.json"
    path.write_text(json.dumps([
        login(response={"error_code": "invalid_credentials"}),
        login(status="need_select_character", response={})]))
    assert main(["build", PROTO, str(path)]) == 0
    assert capsys.readouterr().out.split() == ["0100e36fd24d00", "0100da"]
    assert main(["build", PROTO, "{not json"]) == 2
    assert "not JSON" in capsys.readouterr().err
    assert main(["build", PROTO, json.dumps(login(status="error", response={}))]) == 1
    err = capsys.readouterr().err
    assert "field response.error_code" in err and err.count("\n") == 1


def test_cli_build_raw(capsysbinary):
    assert main(["build", PROTO, json.dumps(login(status="need_select_character",
                                                  response={})), "--raw"]) == 0
    assert capsysbinary.readouterr().out == bytes.fromhex("0100da")


# -- frames and streams ---------------------------------------------------------------------------

def test_build_frame_fills_in_the_frame_length():
    out = pkttools.build_frame("flyff.cluster.server", {"packet": "pong", "fields": {"time": 1234}})
    assert out == bytes.fromhex("5e 08000000 14000000 d2040000")
    with pytest.raises(pkttools.InconsistentError) as info:
        pkttools.build_frame("flyff.cluster.server", {"packet": "pong", "fields": {"time": 1}},
                             header={"len_body": 9})
    assert info.value.path == "header.len_body"


def test_build_frame_needs_the_header_fields_it_cannot_derive():
    ping = {"packet": "ping", "frame": {"dpid": 0xFFFFFFFF}, "fields": {"time": 5}}
    with pytest.raises(pkttools.MissingFieldError) as info:
        pkttools.build_frame("flyff.cluster.client", ping)
    assert info.value.path == "header.header_checksum"
    out = pkttools.build_frame("flyff.cluster.client", ping,
                               header={"header_checksum": 1, "data_checksum": 2})
    assert out == bytes.fromhex("5e 01000000 0c000000 02000000 ffffffff 14000000 05000000")


def test_packets_that_are_their_own_frames():
    data = login(status="need_select_character", response={})
    assert pkttools.build_frame(PROTO, data) == bytes.fromhex("0100da")
    with pytest.raises(pkttools.UsageError, match="their own frames"):
        pkttools.build_frame(PROTO, data, header={"x": 1})


@pytest.mark.parametrize("protocol, module, name", [
    ("flyff.cluster.server", "test_flyff_cluster_stream", "SERVER_STREAM"),
    ("flyff.cluster.client", "test_flyff_cluster_stream", "CLIENT_STREAM"),
    ("ffxi.world.server", "test_ffxi_world_server", "PAYLOAD"),
    ("pangya.loginservice.server", "test_framing", "STREAM"),
])
def test_split_json_builds_back_into_the_same_stream(capsysbinary, protocol, module, name):
    stream = getattr(__import__(module), name)
    assert main(["split", protocol, stream.hex(), "--format", "json"]) == 0
    items = capsysbinary.readouterr().out.decode()
    assert main(["build", protocol, items, "--raw"]) == 0
    assert capsysbinary.readouterr().out == stream


def test_stream_with_garbage_and_a_cut_tail_builds_back(capsysbinary):
    from test_flyff_cluster_stream import SERVER_STREAM

    stream = b"\x01\x02" + SERVER_STREAM + SERVER_STREAM[:7]
    main(["split", "flyff.cluster.server", stream.hex(), "--format", "json"])
    items = capsysbinary.readouterr().out.decode()
    assert {item["kind"] for item in json.loads(items)} == {"unframed", "frame", "incomplete"}
    assert main(["build", "flyff.cluster.server", items, "--raw"]) == 0
    assert capsysbinary.readouterr().out == stream


def test_cli_build_frame(capsys):
    assert main(["build", "flyff.cluster.server", "--frame",
                 json.dumps({"packet": "pong", "fields": {"time": 1234}})]) == 0
    assert capsys.readouterr().out.strip() == "5e08000000" + "14000000d2040000"


# -- editing lengths in every protocol ------------------------------------------------------------

def test_edit_a_flyff_character_name():
    from test_flyff_cluster_server import CHARACTER_LIST_TWO

    pkt = pkttools.parse("flyff.cluster.server", CHARACTER_LIST_TWO)
    first = pkt.obj.characters[0]
    old = first.name.value
    first.name.value = old + "-the-renamed"
    out = pkt.to_bytes()
    assert len(out) == len(CHARACTER_LIST_TWO) + len("-the-renamed")
    again = pkttools.parse("flyff.cluster.server", out, strict=True).fields()
    assert again["characters"][0]["name"] == {"len_value": len(old) + 12,
                                              "value": old + "-the-renamed"}
    before = pkttools.parse("flyff.cluster.server", CHARACTER_LIST_TWO).fields()
    assert again["characters"][1] == before["characters"][1]


def test_edit_a_tmw_char_server_list():
    from test_tmw_login_server import LOGIN_DATA_THREE

    pkt = pkttools.parse("tmw.login.server", LOGIN_DATA_THREE)
    assert len(pkt.obj.char_servers) == 3
    del pkt.obj.char_servers[1]
    out = pkt.to_bytes()
    assert len(out) == len(LOGIN_DATA_THREE) - 32
    again = pkttools.parse("tmw.login.server", out, strict=True).fields()
    assert again["len_packet"] == 47 + 32 * 2 == len(out)
    assert again["num_char_servers"] == 2
    before = pkttools.parse("tmw.login.server", LOGIN_DATA_THREE).fields()
    assert again["char_servers"] == [before["char_servers"][0], before["char_servers"][2]]


def test_edit_a_tmw_char_server_list_in_plain_data():
    from test_tmw_login_server import LOGIN_DATA_THREE

    data = pkttools.parse("tmw.login.server", LOGIN_DATA_THREE).to_dict()
    data["fields"]["char_servers"].append(dict(data["fields"]["char_servers"][0]))
    with pytest.raises(pkttools.InconsistentError) as info:
        pkttools.build("tmw.login.server", data)  # len_packet still says three
    assert info.value.path == "len_packet"
    for stale in ("len_packet", "num_char_servers"):
        del data["fields"][stale]
    out = pkttools.build("tmw.login.server", data)
    assert pkttools.parse("tmw.login.server", out).fields()["num_char_servers"] == 4


def test_edit_an_ffxi_name_pads_to_whole_words():
    from test_ffxi_world_server import GROUP_LIST2_SHORT

    pkt = pkttools.parse("ffxi.world.server", GROUP_LIST2_SHORT)
    pkt.obj.name = "Abcdefghij"
    out = pkt.to_bytes()
    assert len(out) % 4 == 0 and len(out) == 0x28 + 12
    again = pkttools.parse("ffxi.world.server", out, strict=True).to_dict()
    assert again["fields"]["name"] == "Abcdefghij"
    assert again["frame"]["header"]["size"] == len(out) // 4


def test_edit_a_packet_with_a_fixed_count():
    # FFXI 0x000A's dancer.job_lev has `repeat-expr: 16`, a constant: recomputing checks it
    # (it used to try to solve it and fail)
    from test_ffxi_world_server import LOGIN_MYROOM

    pkt = pkttools.parse("ffxi.world.server", LOGIN_MYROOM)
    pkt.obj.zone_no = 235
    out = pkt.to_bytes()
    assert out == LOGIN_MYROOM[:0x30] + (235).to_bytes(2, "little") + LOGIN_MYROOM[0x32:]


def test_non_finite_floats_are_strict_json_and_build_back():
    # FFXI 0x000A with x = NaN (a quiet NaN), z = +Infinity, y = -Infinity
    from test_ffxi_world_server import LOGIN_MYROOM

    data = bytearray(LOGIN_MYROOM)
    data[0x0C:0x18] = bytes.fromhex("0000c07f 0000807f 000080ff")
    pkt = pkttools.parse("ffxi.world.server", bytes(data))
    pos = pkt.to_dict()["fields"]["pos_head"]
    assert (pos["x"], pos["z"], pos["y"]) == ("NaN", "Infinity", "-Infinity")
    json.dumps(pkt.to_dict(), allow_nan=False)
    assert pkttools.build("ffxi.world.server", pkt.to_dict()) == bytes(data)


def test_enum_members_of_different_enums_with_the_same_number_stay_apart():
    # PangYa status success (0) and FFXI kind main_party (0) are both 0.
    from vectors.ffxi_world_server import GROUP_LIST2_SHORT

    assert pkttools.parse(PROTO, SUCCESS).fields()["status"].enum == "Status"
    ffxi = pkttools.parse("ffxi.world.server", GROUP_LIST2_SHORT.data).fields()
    assert ffxi["kind"] == "main_party" and ffxi["kind"].enum == "Kind"
