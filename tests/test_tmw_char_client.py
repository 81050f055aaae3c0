"""The Mana World char-server, client to server (ksy/tmw/char/client/).

Vectors (tests/vectors/tmw_char_client.py): what ManaPlus 2.1.3.17 sent to tmwAthena's
char-server in the recorded session (tests/data/tmw/), and packets packed from the layouts of
themanaworld/tmwa tools/protocol.py for what the session did not send.
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector
from vectors import tmw_char_client as V

PROTO = "tmw.char.client"


def spans(data: bytes) -> dict[str, tuple[int, int]]:
    return {".".join(map(str, s.path)): (s.start, s.size)
            for s in pkttools.parse(PROTO, data).spans()}


def test_connect_with_the_login_servers_session_keys():
    # The keys are those of the recorded 0x0069 Login Data (tmw.login.server).
    pkt = check_vector(V.CHAR_SERVER_CONNECT)
    fields = pkt.fields()
    assert (fields["account_id"], fields["login_id1"], fields["login_id2"]) == (
        2000000, 0x347CEF25, 0xB5C3A921)
    assert fields["client_protocol_version"] == 8
    assert len(V.CHAR_SERVER_CONNECT.data) == 17


def test_create_character_layout():
    pkt = check_vector(V.CHAR_CREATE)
    assert pkt.fields()["name"] == "Pkt Tester"
    layout = spans(V.CHAR_CREATE.data)
    assert layout["body.name"] == (2, 24)
    assert layout["body.stats"] == (26, 6)
    assert layout["body.stats.luk"] == (31, 1)
    assert layout["body.slot"] == (32, 1)
    assert layout["body.hair_color"] == (33, 2)
    assert layout["body.hair_style"] == (35, 2)


def test_create_character_with_a_name_that_fills_24_bytes():
    name = b"ABCDEFGHIJKLMNOPQRSTUVWX"
    data = bytes.fromhex("67 00") + name + bytes([9, 9, 6, 2, 2, 2, 3, 1, 0, 2, 0])
    pkt = check_vector(PROTO, data, "char_create", {
        "name": name.decode(), "stats": {"str": 9, "agi": 9, "vit": 6, "int": 2, "dex": 2,
                                         "luk": 2},
        "slot": 3, "hair_color": 1, "hair_style": 2})
    assert pkt.opcode == 0x0067


def test_delete_character_by_its_id():
    pkt = check_vector(V.CHAR_DELETE)
    assert pkt.fields()["char_id"] == 150001  # "Doomed Alt", created just before
    assert pkt.fields()["email"] == "a@a.com"


def test_select_character_by_slot():
    assert check_vector(V.CHAR_SELECT).fields() == {"slot": 0}


def test_packet_table():
    assert [(p.opcode, p.name) for p in pkttools.protocol(PROTO).packets] == [
        (0x0061, "change_password"), (0x0065, "char_server_connect"), (0x0066, "char_select"),
        (0x0067, "char_create"), (0x0068, "char_delete"), (0x7530, "server_version_request"),
        (0x7532, "client_disconnect")]


# -- bad input --------------------------------------------------------------------------------

def test_create_character_cut_in_the_stats():
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, V.CHAR_CREATE.data[:29])
    err = info.value
    assert (err.path, err.offset) == ("stats.int", 29)  # str, agi, vit at 26-28 arrived


def test_a_map_server_packet_is_unknown_here():
    data = bytes.fromhex("7d 00")  # 0x007D Map Loaded goes to the map server
    with pytest.raises(pkttools.UnknownOpcodeError) as info:
        pkttools.parse(PROTO, data)
    assert (info.value.opcode, info.value.offset) == (0x007D, 0)
