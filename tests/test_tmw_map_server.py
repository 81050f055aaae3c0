"""The Mana World map server, server to client (ksy/tmw/map/server/).

Vectors (tests/vectors/tmw_map_server.py): what tmwAthena's map server sent ManaPlus in the
recorded session (tests/data/tmw/), and packets packed from the layouts of themanaworld/tmwa
tools/protocol.py for what the session did not carry (other players, items, trades, storage).
"""

from __future__ import annotations

import pytest

import pkttools
from vectors import check_vector
from vectors import tmw_map_server as V

PROTO = "tmw.map.server"


def packed_path(x0: int, y0: int, x1: int, y1: int) -> bytes:
    """tmwAthena's NetPosition2, written the way its native_to_network does."""
    return bytes([x0 >> 2 & 0xFF, (x0 << 6 | y0 >> 4 & 0x3F) & 0xFF,
                  (y0 << 4 | x1 >> 6 & 0x0F) & 0xFF, (x1 << 2 | y1 >> 8 & 0x03) & 0xFF,
                  y1 & 0xFF])


def test_map_login_success_puts_the_character_on_its_tile():
    fields = check_vector(V.MAP_LOGIN_SUCCESS).fields()
    assert fields["position"] == {"x": 22, "y": 24, "direction": "south"}
    assert (fields["five1"], fields["five2"]) == (5, 5)


def test_walk_response_path():
    assert V.WALK_RESPONSE.data[6:11] == packed_path(22, 24, 23, 24)
    check_vector(V.WALK_RESPONSE)


@pytest.mark.parametrize("path", [(0, 0, 1023, 1023), (1023, 0, 0, 1023), (300, 301, 302, 303)])
def test_walk_response_paths_over_the_whole_range(path):
    data = bytes.fromhex("87 00 01 00 00 00") + packed_path(*path) + b"\x00"
    check_vector(PROTO, data, "walk_response", {
        "tick": 1, "zero": 0,
        "move_path": dict(zip(("src_x", "src_y", "dst_x", "dst_y"), path))})


def test_an_npc_in_sight_and_its_name():
    visible = check_vector(V.BEING_VISIBLE).fields()
    named = check_vector(V.BEING_NAME_RESPONSE).fields()
    assert visible["being_id"] == 110006773 and visible["species"] == 400
    assert visible["position"] == {"x": 29, "y": 23, "direction": "south"}
    assert (named["being_id"], named["name"]) == (110006773, "Dresser")


def test_the_player_itself_appears():
    fields = check_vector(V.PLAYER_UPDATE_1).fields()
    assert fields["being_id"] == 2000000 and fields["hair_style"] == 5


def test_another_player_appears_talks_whispers_and_leaves():
    # tests/data/tmw/manaplus-tmwa-two-players.pcapng: "Pkt Friend" (account 2000001) spawns
    # beside "Pkt Tester", says hello, whispers, and quits.
    appears = check_vector(V.PLAYER_UPDATE_2).fields()
    assert (appears["being_id"], appears["position"]) == (
        2000001, {"x": 22, "y": 24, "direction": "south"})
    whisper = check_vector(V.WHISPER).fields()
    assert (whisper["sender"], whisper["message"]) == ("Pkt Friend", "psst, over here")
    assert check_vector(V.BEING_REMOVE).fields() == {"being_id": 2000001, "reason": "quit"}


def test_a_monster_walks_and_hits():
    # tests/data/tmw/manaplus-tmwa-gm-items-monsters.pcapng, Tulimshar Port (001-1).
    move = check_vector(V.BEING_MOVE).fields()
    assert (move["being_id"], move["species"], move["speed"]) == (110000053, 1235, 1400)
    assert move["move_path"] == {"src_x": 42, "src_y": 103, "dst_x": 50, "dst_y": 99}
    hit = check_vector(V.BEING_ACTION).fields()
    assert (hit["dst_id"], hit["damage"], hit["action"]) == (2000000, 54, "hit")
    steps = check_vector(V.BEING_MOVE3).fields()["steps"]
    assert steps == ["east", "east", "south_east", "south"]


def test_chat_relayed_with_the_speakers_name():
    fields = check_vector(V.BEING_CHAT).fields()
    assert (fields["being_id"], fields["message"]) == (2000000, "Pkt Tester : Hello from pkttools")


def test_party_info_of_a_new_party():
    fields = check_vector(V.PARTY_INFO).fields()
    assert fields["party_name"] == "PktParty"
    assert fields["members"] == [{"account_id": 2000000, "char_name": "Pkt Tester",
                                  "map_name": "029-2", "leader": 0, "online": 0}]


def test_inventory_entries():
    pkt = check_vector(V.PLAYER_INVENTORY)
    items = pkt.fields()["items"]
    assert pkt.fields()["num_items"] == len(items) == 2
    layout = {".".join(map(str, s.path)): (s.start, s.size) for s in pkt.spans()}
    assert layout["body.items.1"] == (4 + 18, 18)
    assert layout["body.items.1.amount"] == (4 + 18 + 6, 2)


def test_stat_update_names_the_stat():
    assert check_vector(V.PLAYER_STAT_UPDATE_1).fields() == {
        "status_type": "speed", "value": 150}
    # A status type outside the enum keeps its number.
    pkt = pkttools.parse(PROTO, bytes.fromhex("b0 00 f4 01 01 00 00 00"), strict=True)
    assert pkt.fields()["status_type"] == 500 and type(pkt.fields()["status_type"]) is int


def test_npc_menu_entries():
    assert check_vector(V.NPC_CHOICE).fields()["menu"] == "Pkt Tester:"


def test_packet_table_has_every_server_packet_of_tmwathena():
    assert len(pkttools.protocol(PROTO).packets) == 108


# -- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("length", [5, 21, 23, 39])
def test_inventory_length_that_is_not_whole_entries(length):
    data = bytes.fromhex("ee 01") + length.to_bytes(2, "little") + bytes(40)
    with pytest.raises(pkttools.ValidationError) as info:
        pkttools.parse(PROTO, data)
    assert (info.value.packet, info.value.path, info.value.offset) == (
        "player_inventory", "len_packet", 2)


def test_being_visible_cut_in_its_position():
    with pytest.raises(pkttools.TruncatedError) as info:
        pkttools.parse(PROTO, V.BEING_VISIBLE.data[:47])
    assert (info.value.path, info.value.offset) == ("position.x", 46)
