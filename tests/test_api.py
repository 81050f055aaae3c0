"""The Python API for scripts: hex text into parse and split, build_stream, repr(packet)."""

from __future__ import annotations

import pytest

import pkttools

TMW = "tmw.login.server"
# 0x006A login_error, code 6 (banned_until), "2026-12-31 23:59:59" (23 bytes)
BANNED = bytes.fromhex("6a 00 06 32 30 32 36 2d 31 32 2d 33 31 20 32 33 3a 35 39 3a 35 39 00")


@pytest.mark.parametrize("text", [
    "6a0006323032362d31322d33312032333a35393a353900",
    "6a 00 06 32 30 32 36 2d 31 32 2d 33 31 20 32 33 3a 35 39 3a 35 39 00",
    "0x6a,0x00,0x06,0x32,0x30,0x32,0x36,0x2d,0x31,0x32,0x2d,0x33,0x31,0x20,0x32,0x33,0x3a,0x35,"
    "0x39,0x3a,0x35,0x39,0x00",
    "00000000: 6a00 0632 3032 362d 3132 2d33 3120 3233  j..2026-12-31 23\n"
    "00000010: 3a35 393a 3539 00                        :59:59.\n",
])
def test_parse_takes_hex_text(text):
    pkt = pkttools.parse(TMW, text)
    assert pkt.data == BANNED and pkt.fields()["code"] == "banned_until"


def test_parse_refuses_text_that_is_not_hex():
    with pytest.raises(pkttools.UsageError, match="not hex: 'g'"):
        pkttools.parse(TMW, "6a 00 0g")


def test_split_takes_hex_text():
    items = pkttools.split(TMW, "81 00 01 81 00 02")
    assert [i.packet.fields()["code"] for i in items] == ["no_server", "already_logged_in"]


def test_repr_shows_the_fields():
    assert repr(pkttools.parse(TMW, BANNED)) == (
        "<Packet tmw.login.server 0x006a login_error: code=banned_until(6) "
        "message='2026-12-31 23:59:59' (23 bytes)>")
    assert str(pkttools.parse(TMW, BANNED)) == repr(pkttools.parse(TMW, BANNED))
    # sub-objects dotted, trailing bytes counted
    assert repr(pkttools.parse("pangya.loginservice.server", "01 00 e3 6f d2 4d 00 ee")) == (
        "<Packet pangya.loginservice.server 0x0001 login: status=error(227) "
        "response.error_code=invalid_credentials(5100143) (7 bytes, 1 trailing byte)>")


def test_repr_of_a_big_packet_is_bounded():
    from pkttools.publish.vectors import load

    three = next(v for v in load() if v.name == "login_data_three")
    text = repr(pkttools.parse(TMW, three.data))
    assert text.startswith("<Packet tmw.login.server 0x0069 login_data: len_packet=143 "
                           "login_id1=1260203070 ")
    assert "char_servers=[{ip=<cb 00 71 07> port=6122 name='The Mana World'" in text
    assert text.endswith("... (143 bytes)>") and len(text) < 260


@pytest.mark.parametrize("protocol, stream", [
    # FlyFF frames: 0x5E, length (and checksums, client side), body: 292 and 184 bytes
    ("flyff.cluster.server", "SERVER_STREAM"), ("flyff.cluster.client", "CLIENT_STREAM")])
def test_build_stream_rebuilds_a_split_stream(protocol, stream):
    import test_flyff_cluster_stream

    data = getattr(test_flyff_cluster_stream, stream)
    items = pkttools.split(protocol, data)
    assert pkttools.build_stream(protocol, items) == data
    assert pkttools.build_stream(protocol, [i.to_dict() for i in items]) == data
    # with a cut frame at the end: its bytes come back as they were
    cut = data + data[:7]
    assert pkttools.build_stream(protocol, pkttools.split(protocol, cut)) == cut


def test_build_stream_frames_packets():
    # FlyFF server pong: 5e | length 8 | type 0x14 | time 1000
    pong = {"packet": "pong", "fields": {"time": 1000}}
    one = pkttools.build_frame("flyff.cluster.server", pong)
    assert pkttools.build_stream("flyff.cluster.server", [pong, pong]) == one + one
    assert one == bytes.fromhex("5e 08 00 00 00 14 00 00 00 e8 03 00 00")
    # where packets are their own frames, they follow each other as they are
    assert pkttools.build_stream(TMW, [{"packet": "connection_problem", "fields": {"code": 1}},
                                       {"packet": "connection_problem", "fields": {"code": 2}}]) \
        == bytes.fromhex("81 00 01 81 00 02")


@pytest.mark.parametrize("call, message", [
    # bytes(12) would be twelve zero bytes: an int is not a packet
    (lambda: pkttools.parse(TMW, 12), "data must be bytes or hex text, not int"),
    (lambda: pkttools.parse(TMW, None), "data must be bytes or hex text, not NoneType"),
    (lambda: pkttools.split(TMW, None),
     "split takes bytes, hex text or an iterable of chunks, not NoneType"),
    (lambda: pkttools.split(TMW, [b"\x81\x00", 1]),
     "a chunk of the stream must be bytes or hex text, not int"),
    (lambda: pkttools.Splitter(TMW).feed(None),
     "a chunk of the stream must be bytes or hex text, not NoneType"),
    (lambda: pkttools.build_stream(TMW, None),
     "build_stream takes a list .* of packets, not NoneType; for one packet use build_frame"),
    (lambda: pkttools.build_stream(TMW, {"packet": "connection_problem", "fields": {"code": 1}}),
     "build_stream takes a list .* of packets, not dict; for one packet use build_frame"),
])
def test_arguments_of_the_wrong_kind_are_usage_errors(call, message):
    with pytest.raises(pkttools.UsageError, match=message):
        call()


def test_chunks_may_be_hex_text_and_bytes_mixed():
    items = pkttools.split(TMW, [b"\x81\x00", "01 81", bytearray(b"\x00\x02")])
    assert [i.packet.fields()["code"] for i in items] == ["no_server", "already_logged_in"]
    splitter = pkttools.Splitter(TMW)
    assert [i.packet.name for i in splitter.feed("8100 01")] == ["connection_problem"]
