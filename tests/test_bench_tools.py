"""The benchmark's own machinery: timing samples, tables and the README section, profile
layers, and the scratch copy the cold build runs in. None of it needs the bench extra."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from bench import process, profiling, report
from bench.timing import Sample, per_call, sample


def test_sample_interleaves_rounds_and_reports_spread():
    def busy():  # CPU time: sleeping would not count
        end = time.process_time() + 0.0005
        while time.process_time() < end:
            pass

    samples = sample({"a": lambda: None, "b": busy}, rounds=4, min_time=0.002)
    assert set(samples) == {"a", "b"}
    assert all(len(s.rounds) == 4 for s in samples.values())
    assert samples["b"].best >= 0.0005 > samples["a"].best
    assert all(s.spread >= 0 for s in samples.values())
    assert set(per_call({"a": lambda: None}, rounds=2, min_time=0.001)) == {"a"}


def test_sample_statistics():
    s = Sample((2.0, 4.0, 3.0))
    assert (s.best, s.median, s.spread) == (2.0, 3.0, 0.5)


def _result(struct_us: float, pkt_us: float, other: dict | None = None) -> dict:
    def cell(t):
        return {"verdict": "ok", "best_us": t, "median_us": t * 1.1, "spread": 0.1}
    rows = {"struct (hand-written)": {"p": cell(struct_us)}, "pkttools.parse": {"p": cell(pkt_us)}}
    rows.update(other or {})
    return {"vectors": [{"name": "p"}], "floor": "struct (hand-written)",
            "reference": {"parse": "pkttools.parse"}, "times": {"parse": rows},
            "notes": {"parse|pkttools.parse": "dispatch"},
            "settings": {"rounds": 3, "min_time_s": 0.01}}


def test_peers_table_ratios():
    text = report.peers_tables(_result(2.0, 8.0, {"Scapy": {"p": {"verdict": "ok", "best_us": 40.0,
                                                                  "median_us": 44.0,
                                                                  "spread": 0.1}}}))
    lines = {line.split("|")[1].strip(): line for line in text.splitlines()[2:]}
    assert "2 (1x / 0.25x)" in lines["struct (hand-written)"]
    assert "8 (4x / 1x)" in lines["pkttools.parse"]
    assert "40 (20x / 5x)" in lines["Scapy"] and "10%" in lines["Scapy"]


def test_peers_table_shows_a_limitation_instead_of_a_time():
    text = report.peers_tables(_result(2.0, 8.0, {"Scapy": {"p": {"verdict": "cannot: why"}}}))
    assert "cannot: why" in text


def test_breakdown_subtracts_rows():
    def cell(t):
        return {"verdict": "ok", "best_us": t}
    result = {"vectors": [{"name": "p"}], "times": {
        "parse": {"Kaitai ro class, body only": {"p": cell(10.0)},
                  "pkttools.parse": {"p": cell(14.0)},
                  "pkttools.parse + to_dict": {"p": cell(40.0)}},
        "build": {"pkttools.build": {"p": cell(300.0)},
                  "pkttools.build, verify=False": {"p": cell(200.0)}}}}
    lines = report.breakdown_table(result).splitlines()[2:]
    assert [line.split("|")[2].strip() for line in lines] == ["10", "4", "26", "200", "100"]


def test_readme_section_is_replaced_between_markers(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(f"a\n{report.BEGIN}\nold\n{report.END}\nb\n")
    results = {"date": "2026-01-01", "machine": "m", "peers": _result(1.0, 2.0)}
    report.rewrite_readme(path, report.readme_section(results))
    text = path.read_text()
    assert text.startswith(f"a\n{report.BEGIN}\n") and text.endswith(f"{report.END}\nb\n")
    assert "old" not in text and "Measured 2026-01-01 on m" in text
    path.write_text("no markers\n")
    with pytest.raises(SystemExit, match="no benchmark section"):
        report.rewrite_readme(path, "x")


def test_profile_layers():
    assert profiling.layer("/x/site-packages/kaitaistruct.py") == "Kaitai runtime"
    assert profiling.layer("/r/kaitai_gen/ro/pangya/x.py") == "generated classes"
    assert profiling.layer("/r/pkttools/codec/plain.py") == "pkttools.codec.plain"
    assert profiling.layer("~") == "builtins"


def test_profile_of_one_packet_has_build_phases():
    from bench.vectors import VECTORS
    info = profiling.profile_packet(VECTORS[0], 4)
    assert set(info) == {"parse", "to_dict", "build"}
    assert dict(info["parse"]["shares"])["generated classes"] > 0
    phases = info["build"]["phases"]
    assert "pkttools.codec.writer:fast_build" in {name for name, _ in phases["build"]}
    assert {"pkttools, compiled writers:build", "pkttools.codec.writer:verify"} <= \
        {name for name, _ in phases["fast_build"]}
    assert "pkttools.codec.decode:decode" in {name for name, _ in phases["verify"]}


def test_scratch_copy_holds_every_build_input(tmp_path):
    copy = process.scratch_copy(tmp_path)
    assert not (copy / "kaitai_gen").exists()
    check = subprocess.run([sys.executable, "build.py", "--check"], cwd=copy,
                           capture_output=True, text=True)
    assert check.returncode == 1, check.stderr  # stale: nothing generated yet, but it ran
    assert "Traceback" not in check.stderr


def test_steps_turn_the_fast_paths_on_one_after_the_other():
    from pkttools import fastpaths

    from bench import steps

    settings = [fastpaths.selected(setting) for _, setting, _ in steps.SETTINGS]
    assert settings[0] == set() and settings[-1] == set(fastpaths.STEPS)
    for before, after in zip(settings, settings[1:]):
        assert before < after and len(after - before) == 1
    # the copy built without `unpack` serves exactly the settings without it
    assert [("unpack" in s) for s in settings] == [u for _, _, u in steps.SETTINGS]


def test_steps_table_gives_geometric_means_of_ratios_in_each_process():
    def times(parse, to_dict, build):
        return {"parse|struct (hand-written)": {"a": 1.0, "b": 4.0},
                "parse|Construct .compile()": {"a": 2.0, "b": 2.0},
                "parse|pkttools.parse": {"a": parse[0], "b": parse[1]},
                "parse|pkttools.parse + to_dict": {"a": to_dict, "b": 4 * to_dict},
                "build|struct (hand-written)": {"a": 1.0, "b": 1.0},
                "build|Construct .compile()": {"a": 10.0, "b": 10.0},
                "build|pkttools.build": {"a": build, "b": build}}

    result = {"vectors": ["a", "b"], "rows": [
        {"label": "none", "setting": "0", "times_us": times((4.0, 4.0), 8.0, 100.0)},
        {"label": "all", "setting": "all", "times_us": times((1.0, 16.0), 3.0, 5.0)}]}
    lines = report.steps_table(result).splitlines()
    # none: parse 4/1 and 4/4 -> sqrt(4 * 1) = 2; to Construct 2 and 2; to_dict 8; build 100, 10
    assert [c.strip() for c in lines[2].split("|")[1:-1]] == [
        "none", "`0`", "2.00x", "2.00x", "8.00x", "100.00x", "10.00x"]
    assert [c.strip() for c in lines[3].split("|")[1:-1]] == [
        "all", "`all`", "2.00x", "2.00x", "3.00x", "5.00x", "0.50x"]
