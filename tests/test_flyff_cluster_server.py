"""FlyFF cluster server, server to client (ksy/flyff/cluster/server/).

Vectors (tests/vectors/flyff_cluster_server.py) are packet bodies (after the 5-byte frame header), derived from the layouts and from the
writing code of the implementations: Rhisis `PlayerListPacket` / `FFUserConnection.OnConnected`,
Hellion `ClusterClient.Outgoing.cs`, and the official database server's
`CDbManager::SendPlayerList` with `CRTMessenger::Serialize` for the messenger section. Values
are those the implementations write (Rhisis' default characters: map 1, position 6968/100/3328,
stats 15, vagrant start equipment 504/508/512/21 for a woman).
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector
from vectors import flyff_cluster_server as V

PROTO = "flyff.cluster.server"

# byte strings of the vectors, for the tests that cut or change them
WELCOME = V.WELCOME.data
PONG = V.PONG.data
JOIN_WORLD = V.JOIN_WORLD.data
CHARACTER_LIST_TWO = V.CHARACTER_LIST_TWO.data
CHARACTER_LIST_MESSENGER = V.CHARACTER_LIST_MESSENGER.data
CHARACTER_LIST_EMPTY = V.CHARACTER_LIST_EMPTY.data


# -- packets ----------------------------------------------------------------------------------

def test_welcome_as_servers_send_it():
    pkt = check_vector(V.WELCOME)
    assert pkt.opcode == 0x00
    assert len(WELCOME) == 8  # the only size the official client takes the id from


def test_welcome_in_the_seeds_16_byte_form():
    check_vector(V.WELCOME_SEED_FORM)


def test_pong():
    pkt = check_vector(V.PONG)
    assert pkt.opcode == 0x14


def test_join_world_has_no_fields():
    pkt = check_vector(V.JOIN_WORLD)
    assert pkt.opcode == 0xFF05


def test_character_list_with_two_characters():
    pkt = check_vector(V.CHARACTER_LIST_TWO)
    assert pkt.opcode == 0xF3
    fields = pkt.fields()
    assert fields["characters"][0]["model_id"].value == 12 == 0x0B + 1
    assert fields["characters"][1]["job"].value == 6
    assert fields["characters"][0]["block_state"].value == 1


def test_character_list_with_a_messenger_entry():
    pkt = check_vector(V.CHARACTER_LIST_MESSENGER)
    assert pkt.fields()["characters"][0]["mode"].value == 0x10000


def test_empty_character_list():
    check_vector(V.CHARACTER_LIST_EMPTY)


def test_offsets_in_the_character_list():
    pkt = pkttools.parse(PROTO, CHARACTER_LIST_TWO)
    spans = {".".join(map(str, s.path)): (s.start, s.size) for s in pkt.spans()}
    assert spans["packet_type"] == (0, 4)
    assert spans["body.characters.0.name.value"] == (32, 4)
    assert spans["body.characters.0.gender"] == (80, 1)
    assert spans["body.characters.0.num_items"] == (113, 4)
    assert spans["body.characters.0.item_ids"] == (117, 16)
    assert spans["body.characters.1"] == (133, 115)
    assert spans["body.characters.1.item_ids.1"] == (244, 4)
    assert spans["body.num_messengers"] == (248, 4)


def test_unknown_codes_keep_their_numbers():
    data = bytearray(CHARACTER_LIST_TWO)
    data[81:85] = (99).to_bytes(4, "little")  # characters[0].job
    data[16:20] = (2).to_bytes(4, "little")  # characters[0].block_state
    pkt = pkttools.parse(PROTO, bytes(data), strict=True)
    character = pkt.fields()["characters"][0]
    assert (character["job"], character["block_state"]) == (99, 2)
    assert type(character["job"]) is int


def test_windows_1252_name():
    name = "Éloïse".encode("cp1252")
    data = bytearray(CHARACTER_LIST_TWO)
    data[28:36] = len(name).to_bytes(4, "little") + name
    pkt = pkttools.parse(PROTO, bytes(data), strict=True)
    assert pkt.fields()["characters"][0]["name"] == {"len_value": 6, "value": "Éloïse"}


# -- bad input --------------------------------------------------------------------------------

def raises(error, data):
    with pytest.raises(error) as info:
        pkttools.parse(PROTO, data)
    assert info.value.protocol == PROTO
    return info.value


def test_negative_character_count():
    err = raises(pkttools.ValidationError, bytes.fromhex("f3000000 071a5e2c ffffffff"))
    assert (err.packet, err.path, err.offset) == ("character_list", "num_characters", 8)
    assert "min 0" in str(err) and "-1" in str(err)


def test_negative_item_count():
    data = bytearray(CHARACTER_LIST_TWO)
    data[113:117] = (-4).to_bytes(4, "little", signed=True)
    err = raises(pkttools.ValidationError, bytes(data))
    assert (err.path, err.offset) == ("characters[0].num_items", 113)


def test_negative_messenger_and_friend_counts():
    err = raises(pkttools.ValidationError, CHARACTER_LIST_EMPTY[:12] + b"\xff\xff\xff\xff")
    assert (err.path, err.offset) == ("num_messengers", 12)
    data = bytearray(CHARACTER_LIST_MESSENGER)
    data[127:131] = (-2).to_bytes(4, "little", signed=True)
    err = raises(pkttools.ValidationError, bytes(data))
    assert (err.path, err.offset) == ("messengers[0].num_friends", 127)


def test_negative_string_length():
    data = bytearray(CHARACTER_LIST_TWO)
    data[28:32] = (-1).to_bytes(4, "little", signed=True)
    err = raises(pkttools.ValidationError, bytes(data))
    assert (err.path, err.offset) == ("characters[0].name.len_value", 28)


def test_string_longer_than_the_packet():
    data = bytearray(CHARACTER_LIST_TWO)
    data[28:32] = (1000).to_bytes(4, "little")
    err = raises(pkttools.TruncatedError, bytes(data))
    assert (err.path, err.offset) == ("characters[0].name.value", 32)
    assert (err.needed, err.available) == (1000, len(data) - 32)


def test_huge_character_count_ends_at_the_end_of_the_data():
    # 0x7FFFFFFF characters announced, one character present: the second one runs out.
    data = CHARACTER_LIST_TWO[:8] + b"\xff\xff\xff\x7f" + CHARACTER_LIST_TWO[12:133]
    err = raises(pkttools.TruncatedError, data)
    assert (err.path, err.offset, err.available) == ("characters[1].slot", 133, 0)


def test_huge_item_count_ends_at_the_end_of_the_data():
    data = CHARACTER_LIST_TWO[:113] + b"\xff\xff\xff\x7f" + CHARACTER_LIST_TWO[117:121]
    err = raises(pkttools.TruncatedError, data)
    assert (err.path, err.offset) == ("characters[0].item_ids[1]", 121)


@pytest.mark.parametrize("example", [WELCOME, PONG, CHARACTER_LIST_TWO,
                                     CHARACTER_LIST_MESSENGER],
                         ids=["welcome", "pong", "character_list_two", "character_list_messenger"])
def test_every_cut_is_a_truncation_error_where_the_data_ends(example):
    for length in range(len(example)):
        err = raises(pkttools.TruncatedError, example[:length])
        assert err.offset + err.available == length, (length, err)
        assert err.path
        assert err.packet == (None if length < 4 else pkttools.parse(PROTO, example).name)


def test_welcome_without_its_session_id():
    err = raises(pkttools.TruncatedError, WELCOME[:4])
    assert (err.packet, err.path, err.offset) == ("welcome", "session_id", 4)


def test_welcome_with_a_partial_seed_int():
    err = raises(pkttools.TruncatedError, WELCOME + b"\x00\x00")
    assert (err.path, err.offset, err.available) == ("unused_1", 8, 2)


def test_unknown_packet_type_keeps_the_bytes():
    data = bytes.fromhex("f2000000 09000000 3132372e302e302e31")  # cache address, not specified
    err = raises(pkttools.UnknownOpcodeError, data)
    assert (err.opcode, err.path, err.offset, err.data) == (0xF2, "packet_type", 0, data)


def test_bytes_after_join_world():
    pkt = pkttools.parse(PROTO, JOIN_WORLD + b"\xaa")
    assert (pkt.trailing, pkt.trailing_offset) == (b"\xaa", 4)
    with pytest.raises(pkttools.TrailingBytesError) as info:
        pkttools.parse(PROTO, JOIN_WORLD + b"\xaa", strict=True)
    assert (info.value.packet, info.value.offset) == ("join_world", 4)
