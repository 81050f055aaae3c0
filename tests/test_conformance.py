"""Python versus the Kaitai Web IDE's JavaScript (pkttools/conformance.py, tools/jsparse.js).

Every vector is compared by check_vector; here: the captures, the stream specs on whole
streams, the comparison itself (it must be able to fail), and the real differences between
the runtimes, each pinned down so that a change in either shows up.
"""

from __future__ import annotations

import pytest

import pkttools
from pkttools.publish.conformance import (Mismatch, camel, check_packet, check_stream, compare,
                                  compare_fields, report)
from pkttools.codec.plain import EnumName

from conftest import EXAMPLES, ROOT
from vectors import ffxi_world_server as ffxi
from vectors import flyff_cluster_server as flyff_server
from vectors import js_runner
from vectors import pangya_loginservice_server as pangya
from vectors import tmw_login_client as tmw_client

CAPTURES = sorted(EXAMPLES.rglob("*.bin"))
KNOWN = {p.name for p in pkttools.protocols()}


def capture_protocol(path):
    return ".".join(path.relative_to(EXAMPLES).parts[:3])


@pytest.fixture(scope="module")
def runner():
    return js_runner()


def differences(runner, protocol, data):
    proto = pkttools.protocol(protocol)
    return check_packet(runner, proto, data)


# -- captures and streams ---------------------------------------------------------------------

@pytest.mark.parametrize("path", [p for p in CAPTURES if capture_protocol(p) in KNOWN],
                         ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_every_capture_parses_the_same(runner, path):
    proto = pkttools.protocol(capture_protocol(path))
    message = report(proto, path.name, None, check_packet(runner, proto, path.read_bytes()))
    assert message is None, message


def test_every_capture_has_a_protocol():
    # Every capture is checked: none belongs to a protocol without specs.
    assert {capture_protocol(p) for p in CAPTURES} <= KNOWN


def test_unknown_opcodes_leave_the_body_unparsed_in_both(runner):
    unknown = bytes.fromhex("ff 7f 01 02 03")  # no PangYa LoginService packet has id 0x7fff
    found = differences(runner, "pangya.loginservice.server", unknown)
    assert found == {"flat": [], "merged": []}
    answer = runner.parse("flat", "PangyaLoginserviceServer", unknown)
    assert answer["tree"]["$fields"]["packetId"] == {"$enum": None, "$value": 0x7FFF}
    assert "body" not in answer["tree"]["$fields"]


def streams():
    from test_ffxi_world_server import PAYLOAD
    from test_flyff_cluster_stream import CLIENT_STREAM as FLYFF_CLIENT
    from test_flyff_cluster_stream import SERVER_STREAM as FLYFF_SERVER
    from test_tmw_login_stream import CLIENT_STREAM as TMW_CLIENT
    from test_tmw_login_stream import SERVER_STREAM as TMW_SERVER

    pangya_stream = b"".join((ROOT / v.source).read_bytes() for v in (
        pangya.INVALID_CREDENTIALS, pangya.NEED_SET_NICKNAME, pangya.SUCCESS))
    return [("ffxi.world.server", PAYLOAD), ("flyff.cluster.client", FLYFF_CLIENT),
            ("flyff.cluster.server", FLYFF_SERVER), ("tmw.login.client", TMW_CLIENT),
            ("tmw.login.server", TMW_SERVER), ("pangya.loginservice.server", pangya_stream)]


@pytest.mark.parametrize("protocol, data", streams(), ids=[s[0] for s in streams()])
def test_stream_specs_read_whole_streams_the_same(runner, protocol, data):
    proto = pkttools.protocol(protocol)
    message = report(proto, "stream", "stream.ksy", check_stream(runner, proto, data))
    assert message is None, message


def test_a_stream_that_ends_inside_a_frame_fails_in_both(runner):
    from test_flyff_cluster_stream import SERVER_STREAM

    proto = pkttools.protocol("flyff.cluster.server")
    assert check_stream(runner, proto, SERVER_STREAM[:-3]) == {"flat": [], "merged": []}
    assert not runner.parse("flat", "FlyffClusterServerStream", SERVER_STREAM[:-3])["ok"]


# -- the comparison can fail ------------------------------------------------------------------

def struct(**fields):
    return {"$struct": "X", "$fields": fields}


def test_camel_case_as_kaitai_names_javascript_fields():
    assert [camel(n) for n in ("len_value", "unused_1", "unknown_a9", "unknown9c", "x")] == [
        "lenValue", "unused1", "unknownA9", "unknown9c", "x"]


def test_equal_values_of_every_kind_agree():
    py = {"a": 1, "b": 1.5, "c": True, "d": "text", "e": "00ff", "f": [1, 2],
          "g": EnumName("error", 227), "h": 7, "len_value": {"x": 0.0}}
    js = struct(a=1, b=1.5, c=True, d="text", e={"$bytes": "00ff"}, f=[1, 2],
                g={"$enum": "ERROR", "$value": 227}, h={"$enum": None, "$value": 7},
                lenValue=struct(x=0))
    assert compare(py, js) == []


@pytest.mark.parametrize("py, js, path", [
    ({"a": 1}, struct(a=2), "a"),
    ({"a": 1}, struct(), "a"),  # missing in JavaScript
    ({}, struct(extraField=1), "extraField"),  # only in JavaScript
    ({"a": True}, struct(a=1), "a"),  # a bool is not a number
    ({"a": 0}, struct(a=False), "a"),
    ({"a": "00ff"}, struct(a={"$bytes": "00fe"}), "a"),
    ({"a": "x"}, struct(a="y"), "a"),
    ({"a": [1, 2]}, struct(a=[1]), "a"),
    ({"a": EnumName("error", 227)}, struct(a={"$enum": "SUCCESS", "$value": 0}), "a"),
    ({"a": EnumName("error", 227)}, struct(a={"$enum": None, "$value": 227}), "a"),
    ({"a": 227}, struct(a={"$enum": "ERROR", "$value": 227}), "a"),  # Python lost the name
    ({"a": {"b": 1}}, struct(a=5), "a"),
    ({"a": [{"b": 1}]}, struct(a=[struct(b=2)]), "a[0].b"),
    # a u8 above 2**53, as the JavaScript runtime reads it into a double
    ({"a": 2**53 + 1}, struct(a=float(2**53 + 1)), "a"),
    ({"a": 1.5}, struct(a={"$number": "NaN"}), "a"),
])
def test_every_difference_is_reported_with_its_path(py, js, path):
    found = compare(py, js)
    assert found and found[0].path == path, found


def test_not_a_number_agrees_with_not_a_number():
    assert compare({"a": float("nan")}, struct(a={"$number": "NaN"})) == []
    assert compare_fields({"a": float("inf")}, {"a": {"$number": "Infinity"}}) == []


def test_a_report_names_protocol_packet_vector_and_field():
    proto = pkttools.protocol("tmw.login.server")
    text = report(proto, "update_host", "update_host",
                  {"flat": [Mismatch("fields.len_packet", 36, 35)], "merged": []})
    assert text.splitlines() == [
        "tmw.login.server update_host vector update_host: the Web IDE's JavaScript parse "
        "differs:", "  flat bundle: field fields.len_packet: Python 36, JavaScript 35"]
    assert report(proto, "x", None, {"flat": [], "merged": []}) is None


def test_a_changed_value_in_javascript_fails_check_vector(runner, monkeypatch):
    # The whole chain, with the runner's answer tampered with: check_packet must notice.
    original = runner.parse

    def tampered(form, cls_name, data):
        answer = original(form, cls_name, data)
        answer["tree"]["$fields"]["body"]["$fields"]["code"]["$value"] = 2
        return answer

    monkeypatch.setattr(runner, "parse", tampered)
    data = tmw_server_connection_problem()
    found = differences(runner, "tmw.login.server", data)
    assert [str(m) for m in found["flat"]] == [
        "field fields.code: Python 'no_server' (1), JavaScript NO_SERVER (2)"]


def tmw_server_connection_problem():
    from vectors.tmw_login_server import CONNECTION_PROBLEM_NO_SERVER

    return CONNECTION_PROBLEM_NO_SERVER.data


# -- real differences between Python and the Web IDE ------------------------------------------
# Python decodes text strictly and refuses bytes its codec does not define; the Web IDE's
# runtime never refuses text. These are the cases the README lists.

def refused_in_python_shown_in_javascript(runner, protocol, data, path, shown):
    found = differences(runner, protocol, data)
    for form in ("flat", "merged"):
        assert [(m.path, m.javascript, m.note) for m in found[form]] == [
            (path, shown, "Python refuses what the Web IDE shows")], found[form]
        assert "undecodable text" in found[form][0].python


def test_ascii_bytes_above_0x7f_are_latin_1_in_the_web_ide(runner):
    # The JavaScript runtime reads ASCII as one character per byte (String.fromCharCode).
    data = ffxi.LOGIN_MYROOM.data[:0x86] + b"\xe9" + ffxi.LOGIN_MYROOM.data[0x87:]
    with pytest.raises(pkttools.DecodeError):
        pkttools.parse("ffxi.world.server", data)
    refused_in_python_shown_in_javascript(runner, "ffxi.world.server", data, "name",
                                          "Ex\u00e9enmille")


def test_invalid_utf8_is_a_replacement_character_in_the_web_ide(runner):
    login = tmw_client.LOGIN_REQUEST.data
    data = login[:6] + b"pl\xffyer".ljust(24, b"\0") + login[30:]
    refused_in_python_shown_in_javascript(runner, "tmw.login.client", data, "username",
                                          "pl\ufffdyer")


def flyff_name(name: bytes) -> bytes:
    data = flyff_server.CHARACTER_LIST_TWO.data
    return data[:28] + len(name).to_bytes(4, "little") + name + data[36:]


@pytest.mark.parametrize("byte", [0x81, 0x8D, 0x8F, 0x90, 0x9D])
def test_windows_1252_undefined_bytes_are_c1_controls_in_the_web_ide(runner, byte):
    refused_in_python_shown_in_javascript(
        runner, "flyff.cluster.server", flyff_name(bytes([0x41, byte, 0x42, 0x43])),
        "characters[0].name.value", "A" + chr(byte) + "BC")


def test_windows_1252_defined_bytes_agree(runner):
    # 0x80-0x9F as a browser decodes them (node alone would give C1 controls: the runner
    # uses the WHATWG table, see tools/jsparse.js)
    name = bytes([0x80, 0x92, 0x9F, 0xC9, 0xEF])
    data = flyff_name(name)
    assert pkttools.parse("flyff.cluster.server", data).fields()["characters"][0]["name"][
        "value"] == "\u20ac\u2019\u0178\u00c9\u00ef"
    assert differences(runner, "flyff.cluster.server", data) == {"flat": [], "merged": []}


def pangya_name(name: bytes) -> bytes:
    return (bytes.fromhex("01 00 00") + len(name).to_bytes(2, "little") + name
            + bytes(4 + 14) + bytes(2))


def test_thai_text_agrees(runner):
    data = pangya_name(bytes.fromhex("cac2d2c1"))  # the Thai server's first server name
    assert differences(runner, "pangya.loginservice.server", data) == {"flat": [], "merged": []}


@pytest.mark.parametrize("byte, web_ide", [
    (0x80, "\u20ac"), (0x85, "\u2026"), (0x91, "\u2018"), (0x92, "\u2019"), (0x93, "\u201c"),
    (0x94, "\u201d"), (0x95, "\u2022"), (0x96, "\u2013"), (0x97, "\u2014")])
def test_iso_8859_11_c1_bytes_are_windows_874_punctuation_in_the_web_ide(runner, byte, web_ide):
    # Browsers read the label ISO-8859-11 as windows-874; Python's iso8859_11 codec keeps
    # 0x80-0x9F as C1 control characters. Both parse; the text differs.
    data = pangya_name(bytes([0xCA, byte]))
    found = differences(runner, "pangya.loginservice.server", data)
    for form in ("flat", "merged"):
        assert [(m.path, m.python, m.javascript) for m in found[form]] == [
            ("fields.response.username.value", "\u0e2a" + chr(byte), "\u0e2a" + web_ide)]


@pytest.mark.parametrize("byte", [0xDB, 0xDE, 0xFC, 0xFF])
def test_iso_8859_11_unassigned_bytes_are_replacement_characters_in_the_web_ide(runner, byte):
    refused_in_python_shown_in_javascript(
        runner, "pangya.loginservice.server", pangya_name(bytes([0xCA, byte])),
        "response.username.value", "\u0e2a\ufffd")


def test_same_error_in_both_is_no_difference(runner):
    # a `valid` rule (the length is at least 4) and a truncated packet fail in both
    assert differences(runner, "tmw.login.server", bytes.fromhex("63 00 02 00")) == {
        "flat": [], "merged": []}
    cut = pangya.SUCCESS.data[:20]
    with pytest.raises(pkttools.TruncatedError):
        pkttools.parse("pangya.loginservice.server", cut)
    assert differences(runner, "pangya.loginservice.server", cut) == {"flat": [], "merged": []}
    assert not runner.parse("merged", "PangyaLoginserviceServer", cut)["ok"]
