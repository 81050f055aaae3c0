"""The Mana World map server, client to server (ksy/tmw/map/client/).

Vectors (tests/vectors/tmw_map_client.py): what ManaPlus 2.1.3.17 sent to tmwAthena's map server
in the recorded session (tests/data/tmw/), and packets packed from the layouts of
themanaworld/tmwa tools/protocol.py for what the session did not send.
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector
from vectors import tmw_map_client as V

PROTO = "tmw.map.client"


def packed_position(x: int, y: int, direction: int) -> bytes:
    """tmwAthena's NetPosition1, written the way its native_to_network does."""
    return bytes([x >> 2 & 0xFF, (x << 6 | y >> 4 & 0x3F) & 0xFF, (y << 4 | direction) & 0xFF])


def test_connect_to_the_map_server():
    fields = check_vector(V.MAP_SERVER_CONNECT).fields()
    assert (fields["account_id"], fields["char_id"], fields["login_id1"]) == (
        2000000, 150000, 0x347CEF25)


def test_map_loaded_is_the_id_alone():
    assert check_vector(V.MAP_LOADED).fields() == {}
    assert V.MAP_LOADED.data == bytes.fromhex("7d 00")


def test_walk_request_from_the_session():
    assert V.WALK_REQUEST.data[2:] == packed_position(23, 24, 0)
    check_vector(V.WALK_REQUEST)


@pytest.mark.parametrize("x, y", [(0, 0), (1023, 1023), (512, 3), (7, 700)])
def test_walk_request_coordinates_over_the_whole_range(x, y):
    data = bytes.fromhex("85 00") + packed_position(x, y, 0)
    check_vector(PROTO, data, "walk_request",
                 {"destination": {"x": x, "y": y, "direction": "south"}})


def test_chat_message_is_the_bare_text_and_a_nul():
    pkt = check_vector(V.CHAT_MESSAGE)
    assert pkt.fields()["message"] == "Hello from pkttools"
    assert V.CHAT_MESSAGE.data[-1] == 0 and pkt.fields()["len_packet"] == 24


def test_whisper_and_party_message_come_without_a_nul():
    whisper = check_vector(V.CHAT_WHISPER).fields()
    assert (whisper["recipient"], whisper["message"]) == ("Nobody", "Are you there?")
    assert V.CHAT_WHISPER.data.endswith(b"?")
    assert check_vector(V.PARTY_MESSAGE).fields()["message"] == "Party time"


def test_npc_dialog_answers():
    assert check_vector(V.NPC_TALK).fields() == {"npc_id": 110006771, "unused": 0}
    assert check_vector(V.NPC_LIST_CHOICE).fields() == {"npc_id": 110006771, "choice": 1}
    assert check_vector(V.NPC_CLOSE_REQUEST).fields() == {"npc_id": 110006775}


def test_npc_text_answer():
    data = bytes.fromhex("d5 01 0f 00 f3 91 8e 06") + b"Kaan\x00\x00\x00"
    check_vector(PROTO, data, "npc_str_response",
                 {"len_packet": 15, "npc_id": 110006771, "text": "Kaan"})


def test_packet_table_has_every_client_packet_of_tmwathena():
    assert len(pkttools.protocol(PROTO).packets) == 48


# -- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("length", [0, 3])
def test_chat_length_smaller_than_its_head(length):
    data = bytes.fromhex("8c 00") + length.to_bytes(2, "little") + b"hi\x00"
    with pytest.raises(pkttools.ValidationError) as info:
        pkttools.parse(PROTO, data)
    assert (info.value.packet, info.value.path, info.value.offset) == (
        "chat_message", "len_packet", 2)


def test_whisper_cut_in_the_recipient():
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, V.CHAT_WHISPER.data[:10])
    assert (info.value.path, info.value.offset, info.value.available) == ("recipient", 4, 6)
