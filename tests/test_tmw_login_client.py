"""The Mana World login server, client to server (ksy/tmw/login/client/).

Vectors (tests/vectors/tmw_login_client.py) are built from the layouts in themanaworld/tmwa tools/protocol.py and from the client's
writing code, ManaPlus src/net/tmwa/loginhandler.cpp (sendLoginRegister: u32 version, two
24-byte NUL-padded strings written by MessageOut::writeString, flags byte 0x03) and
LoginHandler::connect (0x7530, the id alone). Every integer is little-endian.
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector
from vectors.tmw_login_client import (LOGIN_REQUEST, LOGIN_REQUEST_FULL_STRINGS,
                                      SERVER_VERSION_REQUEST)

PROTO = "tmw.login.client"

def test_server_version_request_is_the_id_alone():
    pkt = check_vector(SERVER_VERSION_REQUEST)
    assert pkt.opcode == 0x7530
    assert len(pkt.data) == 2


def test_login_request_as_manaplus_sends_it():
    pkt = check_vector(LOGIN_REQUEST)
    assert pkt.opcode == 0x0064
    assert len(LOGIN_REQUEST.data) == 55


def test_login_request_strings_that_fill_the_whole_array():
    pkt = check_vector(LOGIN_REQUEST_FULL_STRINGS)
    assert len(pkt.obj.username) == len(pkt.obj.password) == 24


def test_login_request_bytes_after_the_nul_are_not_part_of_the_name():
    # tmwAthena's network_to_native stops at the first NUL; so does the spec.
    data = bytearray(LOGIN_REQUEST.data)
    data[6 + 7] = 0x41  # "player\0A..." : a stray byte after the terminator
    pkt = pkttools.parse(PROTO, bytes(data), strict=True)
    assert pkt.fields()["username"] == "player"
    # Unedited, the packet keeps its bytes; built from its data, the stray byte is normalised
    # to zero, as the spec's doc says.
    assert pkt.to_bytes() == bytes(data)
    assert pkttools.build(PROTO, pkt.to_dict()) == LOGIN_REQUEST.data


def test_login_request_flag_bits():
    # Bit 0 = can handle 0x0063, bit 1 = default to the first char-server, bits 2-7 unused.
    for flags, update_host, first, unused in [(0x00, False, False, 0),
                                              (0x02, False, True, 0),
                                              (0x86, False, True, 0x21),
                                              (0xFF, True, True, 0x3F)]:
        pkt = pkttools.parse(PROTO, LOGIN_REQUEST.data[:-1] + bytes([flags]), strict=True)
        fields = pkt.fields()
        assert (fields["can_handle_update_host"], fields["default_to_first_char_server"],
                fields["unused_flags"]) == (update_host, first, unused), hex(flags)


def test_login_request_utf8_name():
    name = "Jörg".encode()  # 5 bytes in UTF-8
    data = LOGIN_REQUEST.data[:6] + name.ljust(24, b"\0") + LOGIN_REQUEST.data[30:]
    assert pkttools.parse(PROTO, data, strict=True).fields()["username"] == "Jörg"


def test_offsets_of_the_login_request():
    spans = {".".join(map(str, s.path)): (s.start, s.size)
             for s in pkttools.parse(PROTO, LOGIN_REQUEST.data).spans()}
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
    for length in range(len(LOGIN_REQUEST.data)):
        with pytest.raises(pkttools.TruncatedError) as info:
            pkttools.parse(PROTO, LOGIN_REQUEST.data[:length])
        path, start = [(p, s) for p, s in LOGIN_LAYOUT if s <= length][-1]
        err = info.value
        assert (err.path, err.offset) == (path, start), length
        assert err.packet == (None if length < 2 else "login_request")
        assert err.available == length - start


def test_invalid_utf8_in_the_name_is_a_decode_error_at_the_byte():
    data = LOGIN_REQUEST.data[:6] + b"pl\xffyer".ljust(24, b"\0") + LOGIN_REQUEST.data[30:]
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
    pkt = pkttools.parse(PROTO, SERVER_VERSION_REQUEST.data + LOGIN_REQUEST.data)
    assert pkt.name == "server_version_request"
    assert (pkt.trailing, pkt.trailing_offset) == (LOGIN_REQUEST.data, 2)
