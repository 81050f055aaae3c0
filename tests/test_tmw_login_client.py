"""The Mana World login server, client to server (ksy/tmw/login/client/).

Vectors are built from the layouts in themanaworld/tmwa tools/protocol.py and from the client's
writing code, ManaPlus src/net/tmwa/loginhandler.cpp (sendLoginRegister: u32 version, two
24-byte NUL-padded strings written by MessageOut::writeString, flags byte 0x03) and
LoginHandler::connect (0x7530, the id alone). Every integer is little-endian.
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector

PROTO = "tmw.login.client"

# 0x7530 Server Version Request: the packet id alone.
SERVER_VERSION_REQUEST = bytes.fromhex("30 75")

# 0x0064 as ManaPlus sends it to a current tmwAthena: version 8 (CLIENT_PROTOCOL_VERSION),
# "player" / "secret" padded with NULs to 24 bytes, flags 0x03.
LOGIN_REQUEST = bytes.fromhex(
    "64 00"                                                                      # packet id
    "08 00 00 00"                                                                # client_version
    "70 6c 61 79 65 72 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"    # "player"
    "73 65 63 72 65 74 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"    # "secret"
    "03")                                                                        # flags

# 0x0064 with a 24-character name and password: the arrays are full and hold no NUL.
# Version 5 is what ManaPlus sends to tmwAthena servers older than 16.4.8; flags 0x01 only.
LOGIN_REQUEST_FULL_STRINGS = bytes.fromhex(
    "64 00"
    "05 00 00 00"
    "61 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f 70 71 72 73 74 75 76 77 78"    # 24 chars
    "63 6f 72 72 65 63 74 2d 68 6f 72 73 65 2d 62 61 74 74 65 72 79 2d 73 74"    # 24 chars
    "01")


def test_server_version_request_is_the_id_alone():
    pkt = check_vector(PROTO, SERVER_VERSION_REQUEST, "server_version_request", {})
    assert pkt.opcode == 0x7530
    assert len(pkt.data) == 2


def test_login_request_as_manaplus_sends_it():
    pkt = check_vector(PROTO, LOGIN_REQUEST, "login_request", {
        "client_version": 8,
        "username": "player",
        "password": "secret",
        "can_handle_update_host": True,
        "default_to_first_char_server": True,
        "unused_flags": 0,
    })
    assert pkt.opcode == 0x0064
    assert len(LOGIN_REQUEST) == 55


def test_login_request_strings_that_fill_the_whole_array():
    pkt = check_vector(PROTO, LOGIN_REQUEST_FULL_STRINGS, "login_request", {
        "client_version": 5,
        "username": "abcdefghijklmnopqrstuvwx",
        "password": "correct-horse-battery-st",
        "can_handle_update_host": True,
        "default_to_first_char_server": False,
        "unused_flags": 0,
    })
    assert len(pkt.obj.username) == len(pkt.obj.password) == 24


def test_login_request_bytes_after_the_nul_are_not_part_of_the_name():
    # tmwAthena's network_to_native stops at the first NUL; so does the spec.
    data = bytearray(LOGIN_REQUEST)
    data[6 + 7] = 0x41  # "player\0A..." : a stray byte after the terminator
    pkt = pkttools.parse(PROTO, bytes(data), strict=True)
    assert pkt.fields()["username"] == "player"
    # Unedited, the packet keeps its bytes; built from its data, the stray byte is normalised
    # to zero, as the spec's doc says.
    assert pkt.to_bytes() == bytes(data)
    assert pkttools.build(PROTO, pkt.to_dict()) == LOGIN_REQUEST


def test_login_request_flag_bits():
    # Bit 0 = can handle 0x0063, bit 1 = default to the first char-server, bits 2-7 unused.
    for flags, update_host, first, unused in [(0x00, False, False, 0),
                                              (0x02, False, True, 0),
                                              (0x86, False, True, 0x21),
                                              (0xFF, True, True, 0x3F)]:
        pkt = pkttools.parse(PROTO, LOGIN_REQUEST[:-1] + bytes([flags]), strict=True)
        fields = pkt.fields()
        assert (fields["can_handle_update_host"], fields["default_to_first_char_server"],
                fields["unused_flags"]) == (update_host, first, unused), hex(flags)


def test_login_request_utf8_name():
    name = "Jörg".encode()  # 5 bytes in UTF-8
    data = LOGIN_REQUEST[:6] + name.ljust(24, b"\0") + LOGIN_REQUEST[30:]
    assert pkttools.parse(PROTO, data, strict=True).fields()["username"] == "Jörg"


def test_offsets_of_the_login_request():
    spans = {".".join(map(str, s.path)): (s.start, s.size)
             for s in pkttools.parse(PROTO, LOGIN_REQUEST).spans()}
    assert spans["packet_id"] == (0, 2)
    assert spans["body.client_version"] == (2, 4)
    assert spans["body.username"] == (6, 24)
    assert spans["body.password"] == (30, 24)
    assert spans["body.can_handle_update_host"] == (54, 1)


def test_packet_table():
    proto = pkttools.protocol(PROTO)
    assert [(p.opcode, p.name) for p in proto.packets] == [
        (0x0064, "login_request"), (0x7530, "server_version_request")]


# -- bad input --------------------------------------------------------------------------------

LOGIN_LAYOUT = [("packet_id", 0), ("client_version", 2), ("username", 6), ("password", 30),
                ("can_handle_update_host", 54)]


def test_every_cut_of_the_login_request_names_the_field():
    for length in range(len(LOGIN_REQUEST)):
        with pytest.raises(pkttools.TruncatedError) as info:
            pkttools.parse(PROTO, LOGIN_REQUEST[:length])
        path, start = [(p, s) for p, s in LOGIN_LAYOUT if s <= length][-1]
        err = info.value
        assert (err.path, err.offset) == (path, start), length
        assert err.packet == (None if length < 2 else "login_request")
        assert err.available == length - start


def test_invalid_utf8_in_the_name_is_a_decode_error_at_the_byte():
    data = LOGIN_REQUEST[:6] + b"pl\xffyer".ljust(24, b"\0") + LOGIN_REQUEST[30:]
    with pytest.raises(pkttools.DecodeError) as info:
        pkttools.parse(PROTO, data)
    assert (info.value.path, info.value.offset) == ("username", 8)


def test_unknown_packet_id_keeps_the_bytes():
    data = bytes.fromhex("65 00 01 02 03")  # 0x0065 goes to the char-server, not here
    with pytest.raises(pkttools.UnknownOpcodeError) as info:
        pkttools.parse(PROTO, data)
    err = info.value
    assert (err.opcode, err.path, err.offset, err.data) == (0x0065, "packet_id", 0, data)


def test_a_second_packet_after_the_first_is_trailing():
    pkt = pkttools.parse(PROTO, SERVER_VERSION_REQUEST + LOGIN_REQUEST)
    assert pkt.name == "server_version_request"
    assert (pkt.trailing, pkt.trailing_offset) == (LOGIN_REQUEST, 2)
