"""The peers benchmark's fairness check as tests: every contender parses the benchmark vectors
to pkttools' values and builds their exact bytes, and the check itself catches differences.

Needs the `bench` extra (Construct, Scapy), which setup.sh installs.
"""

from __future__ import annotations

import enum
import json
from dataclasses import replace

import pytest

NO_EXTRA = "the bench extra is not installed (setup.sh installs it: pip install -e '.[bench]')"
pytest.importorskip("construct", reason=NO_EXTRA)
pytest.importorskip("scapy", reason=NO_EXTRA)

import pkttools  # noqa: E402
from bench import fairness, report  # noqa: E402
from bench.__main__ import main as bench_main  # noqa: E402
from bench.peers import enums as E  # noqa: E402
from bench.peers.contenders import BUILD, PARSE, Contender, Operation  # noqa: E402
from bench.vectors import VECTORS  # noqa: E402


def _ids(items):
    return [getattr(i, "name", str(i)) for i in items]


@pytest.mark.parametrize("vector", VECTORS, ids=_ids(VECTORS))
@pytest.mark.parametrize("contender", PARSE, ids=_ids(PARSE))
def test_parse_gives_pkttools_values(contender, vector):
    assert fairness.problems(contender, vector) == []


@pytest.mark.parametrize("vector", VECTORS, ids=_ids(VECTORS))
@pytest.mark.parametrize("contender", BUILD, ids=_ids(BUILD))
def test_build_gives_the_vector_bytes(contender, vector):
    assert fairness.problems(contender, vector) == []


def test_no_contender_declares_a_limitation_on_these_vectors():
    verdicts = fairness.check(PARSE + BUILD, VECTORS)
    assert set(verdicts.values()) == {"ok"}


# -- the check can fail ---------------------------------------------------------------------------
def _struct_parse_altered(change):
    """The struct contender with its result changed by `change` (as a broken contender would)."""
    base = PARSE[0]

    def make(vector):
        op = base.make(vector)

        def run():
            result = op.run()
            change(result)
            return result
        return Operation(run, op.plain)
    return replace(base, name="altered struct", make=make)


def test_a_wrong_value_is_unfair():
    wrong = _struct_parse_altered(lambda r: r["fields"].__setitem__("status", "error"))
    with pytest.raises(fairness.UnfairError,
                       match=r"\.fields\.status: expected EnumName\('success', 0\), got 'error'"):
        fairness.check([wrong], VECTORS[:1])


def test_a_missing_field_is_unfair():
    wrong = _struct_parse_altered(lambda r: r["fields"]["response"].pop("user_id"))
    with pytest.raises(fairness.UnfairError, match=r"\.fields\.response\.user_id: missing"):
        fairness.check([wrong], VECTORS[:1])


def test_wrong_bytes_are_unfair():
    wrong = Contender("short", "build", lambda v: Operation(lambda: v.data[:-1]))
    with pytest.raises(fairness.UnfairError, match="built"):
        fairness.check([wrong], VECTORS[:1])


def test_a_declared_limitation_is_shown_and_must_stay_true():
    wrong = _struct_parse_altered(lambda r: r["fields"].pop("status"))
    declared = replace(wrong, cannot={VECTORS[0].name: "no status here"})
    verdicts = fairness.check([declared], VECTORS[:1])
    assert verdicts == {("parse", "altered struct", VECTORS[0].name): "cannot: no status here"}
    stale = replace(PARSE[0], cannot={VECTORS[0].name: "no status here"})
    with pytest.raises(fairness.UnfairError, match="now matches"):
        fairness.check([stale], VECTORS[:1])


def test_differences_tell_kinds_apart():
    assert fairness.differences({"a": True}, {"a": 1}) == [".a: expected True, got 1"]
    assert fairness.differences({"a": 1}, {"a": 1.0}) == [".a: expected 1, got 1.0"]
    assert fairness.differences({"a": [1, 2]}, {"a": [1]}) == [".a: expected 2 items, got [1]"]
    assert fairness.differences({"a": pkttools.EnumName("x", 1)}, {"a": "x"}) == []
    assert fairness.differences({"a": 1}, {"a": 1, "b": 2}) == [".b: unexpected (2)"]


# -- the shared enum tables are the specs' -------------------------------------------------------
def _members(cls: type) -> dict[int, str]:
    return {int(m): m.name for m in cls}


def _generated_enum(protocol: str, packet: str | None, name: str) -> type:
    proto = pkttools.protocol(protocol)
    cls = proto.dispatcher_cls("ro") if packet is None else proto.packet(packet).cls("ro")
    found = getattr(cls, name)
    assert isinstance(found, type) and issubclass(found, enum.IntEnum)
    return found


@pytest.mark.parametrize("table, protocol, packet, name", [
    (E.PANGYA_PACKET_ID, "pangya.loginservice.server", None, "PacketId"),
    (E.PANGYA_STATUS, "pangya.loginservice.server", "login", "Status"),
    (E.PANGYA_ERROR_CODE, "pangya.loginservice.server", "login", "ErrorCode"),
    (E.FFXI_PACKET_ID, "ffxi.world.server", None, "PacketId"),
    (E.FFXI_SAVE_LOGIN_STATE, "ffxi.world.server", "login", "SaveLoginState"),
    (E.FFXI_MYROOM_MAP_NUMBER, "ffxi.world.server", "login", "MyroomMapNumber"),
    (E.FFXI_MY_ROOM_EXIT_BIT, "ffxi.world.server", "login", "MyRoomExitBit"),
    (E.FFXI_KIND, "ffxi.world.server", "group_list2", "Kind"),
    (E.FLYFF_PACKET_TYPE, "flyff.cluster.server", None, "PacketType"),
    (E.FLYFF_BLOCK_STATE, "flyff.cluster.server", "character_list", "BlockState"),
    (E.FLYFF_CHARACTER_MODE, "flyff.cluster.server", "character_list", "CharacterMode"),
    (E.FLYFF_MESSENGER_STATE, "flyff.cluster.server", "character_list", "MessengerState"),
    (E.TMW_PACKET_ID, "tmw.login.server", None, "PacketId"),
    (E.TMW_SEX, "tmw.login.server", "login_data", "Sex"),
], ids=lambda x: x if isinstance(x, str) else None)
def test_enum_table_matches_the_spec(table, protocol, packet, name):
    members = _members(_generated_enum(protocol, packet, name))
    if packet is None:  # packet ids: what the peers dispatch on; new packets need no edit here
        assert table.items() <= members.items()
    else:
        assert table == members


def test_flyff_shared_enums_match_the_spec():
    from kaitai_gen.ro.flyff_enums import FlyffEnums
    assert E.FLYFF_GENDER == _members(FlyffEnums.Gender)
    assert E.FLYFF_MODEL_ID == _members(FlyffEnums.ModelId)
    assert E.FLYFF_JOB == _members(FlyffEnums.Job)


# -- the command runs end to end -----------------------------------------------------------------
def test_quick_peers_run_writes_json_and_readme(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text(f"# title\n\nbefore\n\n{report.BEGIN}\nold table\n{report.END}\n\nafter\n")
    out = tmp_path / "bench.json"
    assert bench_main(["peers", "--quick", "--json", str(out), "--readme", str(readme)]) == 0
    data = json.loads(out.read_text())
    times = data["peers"]["times"]
    assert set(times) == {"parse", "build"}
    names = {v.name for v in VECTORS}
    for kind, rows in times.items():
        for contender, cells in rows.items():
            assert set(cells) == names, (kind, contender)
            assert all(c["verdict"] == "ok" and 0 < c["best_us"] <= c["median_us"]
                       for c in cells.values()), (kind, contender)
    text = readme.read_text()
    assert text.startswith("# title\n\nbefore\n\n" + report.BEGIN)
    assert text.endswith(report.END + "\n\nafter\n")
    assert "old table" not in text and "pkttools.parse + to_dict" in text
    assert "parse: us (x struct / x pkttools.parse)" in capsys.readouterr().out
