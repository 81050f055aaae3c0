"""What each fast path gains: `python -m bench steps`.

Why: pkttools' speed comes from four automatic steps (pkttools/fastpaths.py: `stream`,
`unpack`, `plain`, `writer`) laid over the compiler's classes, and each must earn its place.
The same timings are taken with the steps turned on one after the other, from none (the
compiler's code on the Kaitai runtime) to all, each setting in its own process (the steps are
chosen at import, `unpack` when build.py writes kaitai_gen/). Processes cannot be compared by
their absolute times, so every process also times hand-written struct code and compiled
Construct on the same packets: the table shows pkttools as multiples of those, geometric means
over the bench vectors.

The settings without `unpack` run in a scratch copy of the project built with
PKTTOOLS_FAST=-unpack (node_modules linked, not copied); it is deleted afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import report
from .process import BUILD_INPUTS

ROOT = Path(__file__).resolve().parent.parent
# (row label, PKTTOOLS_FAST, whether build.py's `unpack` step is in the classes it runs)
SETTINGS = [
    ("none: the compiler's classes on the Kaitai runtime", "0", False),
    ("+ stream", "stream", False),
    ("+ unpack", "stream,unpack", True),
    ("+ plain", "stream,unpack,plain", True),
    ("+ writer: all (the default)", "all", True),
]
TIMED = sorted({what for _, a, b in report.STEP_COLUMNS for what in (a, b)})


def run(quick: bool = False) -> dict[str, Any]:
    """Time every setting in its own process; print and return the table's data."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="pkttools-steps-") as scratch:
        plain_tree = _build_without_unpack(Path(scratch))
        for label, setting, unpacked in SETTINGS:
            tree = ROOT if unpacked else plain_tree
            times = _worker(tree, setting, quick)
            rows.append({"label": label, "setting": setting, "times_us": times})
            print(f"  {label}: {_ratios_text(times)}", flush=True)
    result = {"vectors": sorted(rows[0]["times_us"]["parse|pkttools.parse"]), "rows": rows}
    print()
    print(report.steps_table(result, fmt="simple"))
    return result


def _build_without_unpack(scratch: Path) -> Path:
    """A copy of the project whose kaitai_gen/ holds the compiler's read-only code as it came."""
    for name in BUILD_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, scratch / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, scratch / name)
    shutil.copytree(ROOT / "bench", scratch / "bench", ignore=shutil.ignore_patterns("__pycache__"))
    (scratch / "node_modules").symlink_to(ROOT / "node_modules")
    env = dict(os.environ, PKTTOOLS_FAST="-unpack")
    done = subprocess.run([sys.executable, "build.py", "-q"], cwd=scratch, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench steps: building the copy without unpack failed:\n{done.stderr}")
    return scratch


def _worker(tree: Path, setting: str, quick: bool) -> dict[str, dict[str, float]]:
    """Best µs per operation and vector, measured by `measure` in a process of its own."""
    env = dict(os.environ, PKTTOOLS_FAST=setting)
    cmd = [sys.executable, "-m", "bench.steps", *(["--quick"] if quick else [])]
    done = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench steps: PKTTOOLS_FAST={setting} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def measure(quick: bool) -> dict[str, dict[str, float]]:
    """In this process (PKTTOOLS_FAST as set): the timed operations and their baselines."""
    from .peers.contenders import BUILD, PARSE
    from .timing import sample
    from .vectors import VECTORS

    wanted = {(c.kind, c.name): c for c in PARSE + BUILD}
    rounds, min_time = (3, 0.005) if quick else (11, 0.02)
    times: dict[str, dict[str, float]] = {f"{k}|{n}": {} for k, n in TIMED}
    for vector in VECTORS:
        funcs = {f"{k}|{n}": wanted[(k, n)].make(vector).run for k, n in TIMED}
        for key, s in sample(funcs, rounds, min_time).items():
            times[key][vector.name] = s.best * 1e6
    return times


def _ratios_text(times: dict[str, dict[str, float]]) -> str:
    return ", ".join(f"{name} {report.geo_ratio(times, what, base):.2f}"
                     for name, what, base in report.STEP_COLUMNS)


if __name__ == "__main__":
    json.dump(measure("--quick" in sys.argv[1:]), sys.stdout)
