"""A real session of ManaPlus against tmwAthena (tests/data/tmw/manaplus-tmwa-session.pcapng,
see tests/data/tmw/README.md): login, character creation and deletion, selection, the map.

Every byte of every connection must be framed and every packet must parse with the tmw specs;
a few packets are checked field by field against what was done in the session (the name typed
when creating the character, the map the character starts on, the walk, the chat line).
"""

from __future__ import annotations

from collections import Counter

import pytest

import pkttools

from conftest import ROOT

CAPTURE = ROOT / "tests" / "data" / "tmw" / "manaplus-tmwa-session.pcapng"


# The capture reader knows 6901 as tmw.login; the char and map ports are given as a user would.
PORTS = {6122: "tmw.char", 5122: "tmw.map", 6901: "tmw.login"}


@pytest.fixture(scope="module")
def packets():
    """(protocol, packet) of every frame in capture order, and the kinds of all items."""
    out, kinds = [], Counter()
    with pkttools.read_capture(CAPTURE, ports=PORTS) as cap:
        for item in cap:
            kinds[item.kind] += 1
            if item.packet is not None:
                out.append((item.protocol, item.packet))
    return out, kinds


def fields_of(packets, protocol, name):
    return [p.fields() for proto, p in packets[0] if proto == protocol and p.name == name]


def test_every_byte_is_framed_and_parses(packets):
    # Nothing unframed, incomplete, missing or unparsed: 211 frames and nothing else.
    _, kinds = packets
    assert kinds == {"frame": 211}


def test_packet_counts_per_protocol(packets):
    counts = Counter(proto for proto, _ in packets[0])
    assert counts == {"tmw.login.client": 2, "tmw.login.server": 3,
                      "tmw.char.client": 6, "tmw.char.server": 7,
                      "tmw.map.client": 48, "tmw.map.server": 145}
    # 64 distinct ids; 0x8000 comes from both the char-server and the map server.
    assert len({p.opcode for _, p in packets[0]}) == 64
    assert len({(proto, p.opcode) for proto, p in packets[0]}) == 65


def test_no_packet_is_unknown_or_left_unparsed(packets):
    for proto, packet in packets[0]:
        assert packet.trailing == b"", (proto, packet.name)
        assert packet.unmatched_switches() == [], (proto, packet.name)


def test_the_char_server_session(packets):
    client = [p.name for proto, p in packets[0] if proto == "tmw.char.client"]
    server = [p.name for proto, p in packets[0] if proto == "tmw.char.server"]
    assert client == ["char_server_connect", "char_create", "char_create", "char_create",
                      "char_delete", "char_select"]
    assert server == ["hold", "char_login", "char_create_succeeded", "char_create_failed",
                      "char_create_succeeded", "char_delete_succeeded", "char_map_info"]


def test_character_creation_and_its_record(packets):
    creates = fields_of(packets, "tmw.char.client", "char_create")
    assert [(c["name"], c["slot"]) for c in creates] == [
        ("Pkt Tester", 0), ("Pkt Tester", 1), ("Doomed Alt", 1)]
    assert creates[0]["stats"] == {"str": 10, "agi": 10, "vit": 7, "int": 1, "dex": 1, "luk": 1}
    made = fields_of(packets, "tmw.char.server", "char_create_succeeded")
    assert [(m["character"]["name"], m["character"]["char_id"]) for m in made] == [
        ("Pkt Tester", 150000), ("Doomed Alt", 150001)]
    assert fields_of(packets, "tmw.char.server", "char_create_failed") == [{"code": "name_taken"}]
    assert fields_of(packets, "tmw.char.client", "char_delete")[0]["char_id"] == 150001


def test_the_map_the_character_starts_on(packets):
    (info,) = fields_of(packets, "tmw.char.server", "char_map_info")
    assert (info["char_id"], info["map_name"], info["map_ip_dotted"], info["map_port"]) == (
        150000, "029-2", "127.0.0.1", 5122)
    (connect,) = fields_of(packets, "tmw.map.client", "map_server_connect")
    assert (connect["account_id"], connect["char_id"]) == (2000000, 150000)
    (login,) = fields_of(packets, "tmw.map.server", "map_login_success")
    assert login["position"] == {"x": 22, "y": 24, "direction": "south"}


def test_walking(packets):
    requests = fields_of(packets, "tmw.map.client", "walk_request")
    answers = fields_of(packets, "tmw.map.server", "walk_response")
    assert len(requests) == 19 and len(answers) == 18
    first = answers[0]["move_path"]
    assert (first["src_x"], first["src_y"]) == (22, 24)
    assert (first["dst_x"], first["dst_y"]) == (
        requests[0]["destination"]["x"], requests[0]["destination"]["y"])


def test_chat_lines(packets):
    (said,) = fields_of(packets, "tmw.map.client", "chat_message")
    # ManaPlus sends the bare text; tmwAthena relays it with the speaker's name, to the
    # speaker too.
    assert said["message"] == "Hello from pkttools"
    (heard,) = fields_of(packets, "tmw.map.server", "being_chat")
    assert (heard["being_id"], heard["message"]) == (2000000, "Pkt Tester : Hello from pkttools")
    (whisper,) = fields_of(packets, "tmw.map.client", "chat_whisper")
    assert (whisper["recipient"], whisper["message"]) == ("Nobody", "Are you there?")
    assert fields_of(packets, "tmw.map.server", "whisper_response") == [{"code": "offline"}]
    (party,) = fields_of(packets, "tmw.map.server", "party_message_notify")
    assert (party["account_id"], party["message"]) == (2000000, "Party time")


def test_the_npc_dialog(packets):
    (title,) = fields_of(packets, "tmw.map.server", "npc_change_title")
    assert title["title"] == "Game Rules"
    menus = [m["menu"] for m in fields_of(packets, "tmw.map.server", "npc_choice")]
    assert menus[0] == "Pkt Tester:"
    choices = fields_of(packets, "tmw.map.client", "npc_list_choice")
    assert [c["choice"] for c in choices] == [1, 3, 1, 1, 1]
    assert {c["npc_id"] for c in choices} == {
        m["npc_id"] for m in fields_of(packets, "tmw.map.server", "npc_choice")}


def test_the_beings_in_sight(packets):
    names = {f["being_id"]: f["name"] for f in fields_of(packets, "tmw.map.server",
                                                          "being_name_response")}
    seen = fields_of(packets, "tmw.map.server", "being_visible")
    assert {names.get(b["being_id"]) for b in seen} >= {"Sorfina", "Dresser"}


# -- two players ------------------------------------------------------------------------------

TWO = ROOT / "tests" / "data" / "tmw" / "manaplus-tmwa-two-players.pcapng"


@pytest.fixture(scope="module")
def two_players():
    """(connection id, protocol, packet) of every frame, and the kinds of all items."""
    out, kinds = [], Counter()
    with pkttools.read_capture(TWO, ports=PORTS) as cap:
        for item in cap:
            kinds[item.kind] += 1
            if item.packet is not None:
                out.append((item.connection.id, item.protocol, item.packet))
    return out, kinds


def test_two_players_every_byte_is_framed(two_players):
    frames, kinds = two_players
    assert kinds == {"frame": 190}
    assert Counter(proto for _, proto, _ in frames) == {
        "tmw.login.client": 6, "tmw.login.server": 8, "tmw.char.client": 6,
        "tmw.char.server": 9, "tmw.map.client": 26, "tmw.map.server": 135}


def test_two_players_a_taken_account_name(two_players):
    # Logging in as pkttest_M again asks for a new account "pkttest", which exists.
    first = [p for conn, proto, p in two_players[0] if proto == "tmw.login.server"][:2]
    assert [p.name for p in first] == ["server_version", "login_error"]
    assert first[1].fields()["code"] == "name_taken"


def test_two_players_the_first_player_sees_the_second(two_players):
    frames = two_players[0]
    # The first map connection is Pkt Tester's (account 2000000).
    tester = frames[[p.name for _, _, p in frames].index("map_server_connect")][0]
    seen = [(p.name, p.fields()) for conn, proto, p in frames
            if conn == tester and proto == "tmw.map.server"]
    names = {f["being_id"]: f["name"] for n, f in seen if n == "being_name_response"}
    assert names[2000001] == "Pkt Friend"
    spawn = next(f for n, f in seen if n == "player_update_2")
    assert (spawn["being_id"], spawn["position"]["x"], spawn["position"]["y"]) == (2000001, 22, 24)
    assert ("being_chat", {"len_packet": 31, "being_id": 2000001,
                           "message": "Pkt Friend : Hi Tester"}) in seen
    whisper = next(f for n, f in seen if n == "whisper")
    assert (whisper["sender"], whisper["message"]) == ("Pkt Friend", "psst, over here")
    removed = next(f for n, f in seen if n == "being_remove")
    assert (removed["being_id"], removed["reason"]) == (2000001, "quit")


def test_two_players_back_to_character_selection(two_players):
    frames = two_players[0]
    names = [(proto, p.name) for _, proto, p in frames]
    reboot = names.index(("tmw.map.client", "player_reboot"))
    assert frames[reboot][2].fields() == {"type": "switch_character"}
    assert names[reboot:].count(("tmw.map.server", "char_switch_response")) == 1
    # then a third char-server connection lists the character again
    last = [p for _, proto, p in frames if proto == "tmw.char.server"][-2:]
    assert [p.name for p in last] == ["hold", "char_login"]
    assert [c["name"] for c in last[1].fields()["characters"]] == ["Pkt Tester"]


# -- a GM: items, equipment, stats, a map with monsters ---------------------------------------

GM = ROOT / "tests" / "data" / "tmw" / "manaplus-tmwa-gm-items-monsters.pcapng"


@pytest.fixture(scope="module")
def gm_session():
    out, kinds = [], Counter()
    with pkttools.read_capture(GM, ports=PORTS) as cap:
        for item in cap:
            kinds[item.kind] += 1
            if item.packet is not None:
                out.append((item.protocol, item.packet))
    return out, kinds


def gm_fields(gm_session, protocol, name):
    return [p.fields() for proto, p in gm_session[0] if proto == protocol and p.name == name]


def test_gm_session_every_byte_is_framed(gm_session):
    frames, kinds = gm_session
    assert kinds == {"frame": 335}
    assert len({p.opcode for _, p in frames}) == 55


def test_gm_session_items_and_equipment(gm_session):
    added = gm_fields(gm_session, "tmw.map.server", "player_inventory_add")
    assert [(a["inventory_index"], a["item_id"], a["amount"], a["item_type"]) for a in added] == [
        (2, 1201, 1, "weapon"), (3, 1202, 1, "armor"), (4, 501, 5, "usable")]
    equipped = gm_fields(gm_session, "tmw.map.server", "player_equip_response")
    assert [(e["inventory_index"], e["equip_slots"], e["ok"]) for e in equipped] == [
        (2, 0x0002, 1), (3, 0x0200, 1)]  # knife in the weapon slot, shirt on the torso
    assert gm_fields(gm_session, "tmw.map.server", "player_unequip_response") == [
        {"inventory_index": 3, "equip_slots": 0x0200, "ok": 1}]
    (used,) = gm_fields(gm_session, "tmw.map.server", "player_inventory_use_response")
    assert (used["item_id"], used["amount"], used["ok"]) == (501, 4, 1)


def test_gm_session_stats(gm_session):
    raised = gm_fields(gm_session, "tmw.map.client", "stat_update_request")
    assert [r["status_type"] for r in raised] == ["str", "vit"]
    answers = gm_fields(gm_session, "tmw.map.server", "player_stat_update_4")
    assert [(a["status_type"], a["ok"], a["value"]) for a in answers] == [
        ("str", 1, 11), ("vit", 1, 8)]


def test_gm_session_warp_monsters_death_and_respawn(gm_session):
    warps = gm_fields(gm_session, "tmw.map.server", "player_warp")
    assert [w["map_name"] for w in warps] == ["001-1", "029-2"]
    moves = gm_fields(gm_session, "tmw.map.server", "being_move")
    assert len(moves) == 82 and {m["species"] for m in moves} >= {1002, 1005}
    removed = gm_fields(gm_session, "tmw.map.server", "being_remove")
    assert {"being_id": 2000000, "reason": "dead"} in removed
    assert gm_fields(gm_session, "tmw.map.client", "player_reboot") == [{"type": "respawn"}]
