"""The Mana World char-server, server to client (ksy/tmw/char/server/).

Vectors (tests/vectors/tmw_char_server.py): what tmwAthena's char-server sent ManaPlus in the
recorded session (tests/data/tmw/), and packets packed from the layouts of themanaworld/tmwa
tools/protocol.py (mmo_char_send006b and the 0x0066-0x0068 handlers of src/char/char.cpp fill
them) for what the session did not carry.
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector
from vectors import tmw_char_server as V

PROTO = "tmw.char.server"


def test_hold_packet_first():
    assert check_vector(V.HOLD).fields() == {"len_packet": 4}
    assert V.HOLD.data == bytes.fromhex("00 80 04 00")


def test_character_list_of_a_new_account_is_the_head_alone():
    pkt = check_vector(V.CHAR_LOGIN)
    assert pkt.fields()["num_characters"] == 0 and len(V.CHAR_LOGIN.data) == 24


def test_character_list_with_one_record():
    pkt = check_vector(V.CHAR_LOGIN_WITH_ENTRIES)
    (record,) = pkt.fields()["characters"]
    assert (record["name"], record["char_id"], record["base_level"], record["slot"]) == (
        "Pkt Tester", 150000, 1, 0)
    layout = {".".join(map(str, s.path)): (s.start, s.size) for s in pkt.spans()}
    assert layout["body.characters.0"] == (24, 106)
    assert layout["body.characters.0.name"] == (24 + 74, 24)
    assert layout["body.characters.0.stats"] == (24 + 98, 6)
    assert layout["body.characters.0.sex"] == (24 + 105, 1)


def test_created_character_record():
    pkt = check_vector(V.CHAR_CREATE_SUCCEEDED)
    record = pkt.fields()["character"]
    # tmwAthena caps hp/sp at 0x7fff and always sends speed 150 and weapon 0.
    assert (record["hp"], record["max_hp"], record["speed"], record["weapon"]) == (42, 42, 150, 0)
    assert record["stats"] == {"str": 10, "agi": 10, "vit": 7, "int": 1, "dex": 1, "luk": 1}


@pytest.mark.parametrize("code, name", [
    (0, "refused"), (1, "name_taken"), (2, "bad_name"), (3, "bad_stats"), (4, "bad_hair"),
    (5, "bad_slot")])
def test_create_failed_codes(code, name):
    pkt = check_vector(PROTO, bytes([0x6E, 0x00, code]), "char_create_failed", {"code": name})
    assert pkt.fields()["code"].value == code


def test_create_failed_unknown_code_keeps_its_number():
    pkt = check_vector(PROTO, bytes.fromhex("6e 00 07"), "char_create_failed", {"code": 7})
    assert type(pkt.fields()["code"]) is int


def test_map_info_names_the_map_server():
    fields = check_vector(V.CHAR_MAP_INFO).fields()
    assert (fields["map_name"], fields["map_ip_dotted"], fields["map_port"]) == (
        "029-2", "127.0.0.1", 5122)


def test_packet_table():
    assert [p.opcode for p in pkttools.protocol(PROTO).packets] == [
        0x0062, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F, 0x0070, 0x0071, 0x0081, 0x7531, 0x8000]


# -- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("length", [0, 23, 25, 129, 131])
def test_character_list_length_that_is_not_whole_records(length):
    body = V.CHAR_LOGIN_WITH_ENTRIES.data[4:]
    data = bytes.fromhex("6b 00") + length.to_bytes(2, "little") + body
    with pytest.raises(pkttools.ValidationError) as info:
        pkttools.parse(PROTO, data)
    err = info.value
    assert (err.packet, err.path, err.offset) == ("char_login", "len_packet", 2)
    assert f"got {length}" in str(err)


def test_character_list_cut_inside_the_record():
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, V.CHAR_LOGIN_WITH_ENTRIES.data[:100])
    assert (info.value.path, info.value.offset) == ("characters[0].name", 98)
