"""Inputs the fuzzers found, as literal regression tests (one per finding, newest last)."""

from __future__ import annotations

import json

import pkttools
from pkttools.stream.framing import Splitter
from pkttools.stream.items import Unframed


def test_unknown_switch_key_builds_back():
    # A status outside the PangYa enum: the response is not parsed, its bytes are trailing;
    # building the parsed data wrote nothing for the response and then refused the missing
    # field. Now the absent body of a key without a case is allowed.
    data = bytes.fromhex("01 00 01 07 00 70 61 6e 67 62 6f 78")
    pkt = pkttools.parse("pangya.loginservice.server", data)
    assert pkt.fields() == {"status": 1}
    assert pkttools.build("pangya.loginservice.server", pkt.to_dict()) == data


def test_bytes_after_a_stop_do_not_repeat_its_error():
    # "00 00" stops the TMW splitter (unknown id 0) with an error at offset 0; the byte fed
    # next came back with the same error, whose offset lies before it.
    splitter = Splitter("tmw.login.client")
    first = splitter.feed(b"\x00\x00")
    later = splitter.feed(b"\x00") + splitter.close()
    assert isinstance(first[0], Unframed) and first[0].error.offset == 0
    assert [(type(i).__name__, i.offset, i.error) for i in later] == [("Unframed", 2, None)]


def test_f4_nan_is_strict_json_and_reads_back():
    # FFXI 0x000A whose y is the f4 NaN 0x7fffff00: plain data held float('nan'), not JSON,
    # and never equal to itself, so built data did not read back as given.
    data = bytearray(b"\x0a\x82\x00\x00" + bytes(0x100))
    data[0x14:0x18] = bytes.fromhex("00ffff7f")
    pkt = pkttools.parse("ffxi.world.server", bytes(data))
    plain = pkt.to_dict()
    assert plain["fields"]["pos_head"]["y"] == "NaN"
    json.dumps(plain, allow_nan=False)
    again = pkttools.parse("ffxi.world.server", pkttools.build("ffxi.world.server", plain))
    assert again.to_dict()["fields"] == plain["fields"]


def test_pangya_text_filling_its_array_parses_and_is_refused_when_built():
    # A game server address of 18 characters and no NUL: it parses (the text fills the
    # array), but Kaitai's writer always ends the text with a NUL, so building it is a
    # located error instead of a 19-byte field.
    from vectors.pangya_loginservice_server import GAME_SERVER_LIST

    data = bytearray(GAME_SERVER_LIST.data)
    data[55:73] = b"\x01\x01\x01\x01203.107.140.36"
    pkt = pkttools.parse("pangya.loginservice.server", bytes(data), strict=True)
    assert pkt.fields()["servers"][0]["ip_address"] == {
        "value": "\x01\x01\x01\x01203.107.140.36", "after_nul": ""}
    try:
        pkttools.build("pangya.loginservice.server", pkt.to_dict())
    except pkttools.FieldValueError as err:
        assert err.path == "servers[0].ip_address"
        assert "needs 19 bytes, the field holds 18" in str(err)
    else:
        raise AssertionError("a text filling its array was built")
    assert pkt.to_bytes() == bytes(data)  # unedited: the original bytes
