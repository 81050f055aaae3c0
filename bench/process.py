"""Whole-process timings: `build.py` cold and no-op, `pkttools parse` of one packet from the
command line, and `import pkttools` in a fresh interpreter.

Why: a user meets these before any per-packet cost. A CLI call pays interpreter start-up,
imports and the first use of the generated classes every time; a spec author pays the build on
every edit. Each is run several times and reported by its median (and best) wall time, since
single process launches on a busy machine vary a lot, and by the median CPU time the process
and its children used (user + system), which other load on the machine changes much less.

Launches run as a user's would after the first: one unrecorded warm-up run first, and with
bytecode caching on even where the environment turns it off (PYTHONDONTWRITEBYTECODE), since
compiling every module from source on every launch would otherwise dominate the numbers.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import report
from .vectors import VECTORS

ROOT = Path(__file__).resolve().parent.parent
# What build.py reads besides node_modules (which is linked, not copied: npm ci is set-up).
BUILD_INPUTS = ("build.py", "ksy", "tools", "pkttools", "package.json", "package-lock.json")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _summary(walls: list[float], cpus: list[float]) -> dict[str, Any]:
    return {"median_s": statistics.median(walls), "best_s": min(walls),
            "cpu_median_s": statistics.median(cpus), "runs": len(walls), "all_s": walls,
            "all_cpu_s": cpus}


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _time(cmd: list[str], cwd: Path, runs: int, warm_up: bool = True) -> dict[str, Any]:
    """Wall and CPU time of `runs` launches of cmd (after a warm-up); each must succeed."""
    if warm_up:
        subprocess.run(cmd, cwd=cwd, capture_output=True, env=_env())
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = _children_cpu(), time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=_env())
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-2000:]}")
    return _summary(walls, cpus)


def scratch_copy(into: Path) -> Path:
    """A fresh copy of what build.py needs, with no kaitai_gen: a cold build."""
    for name in BUILD_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, into / name)
    (into / "node_modules").symlink_to(ROOT / "node_modules")
    return into


def build_cold(runs: int) -> dict[str, Any]:
    """build.py in a fresh scratch copy each time (nothing generated yet)."""
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="pkttools-build-") as tmp:
            copy = scratch_copy(Path(tmp))
            once = _time([sys.executable, "build.py", "--quiet"], copy, 1, warm_up=False)
            walls += once["all_s"]
            cpus += once["all_cpu_s"]
    return _summary(walls, cpus)


def build_noop(runs: int) -> dict[str, Any]:
    """build.py when nothing changed (after one build in a scratch copy)."""
    with tempfile.TemporaryDirectory(prefix="pkttools-build-") as tmp:
        copy = scratch_copy(Path(tmp))
        return _time([sys.executable, "build.py", "--quiet"], copy, runs)  # warm-up builds


def run(quick: bool = False) -> dict[str, Any]:
    """Time the processes; print and return {"timings": {what: {median_s, best_s, runs}}}."""
    cold_runs, runs = (1, 3) if quick else (2, 5)
    vector = VECTORS[0]
    cli = Path(sys.executable).with_name("pkttools")
    timings = {
        "build.py, cold (scratch copy, no kaitai_gen)": build_cold(cold_runs),
        "build.py, no-op (nothing changed)": build_noop(runs),
        f"pkttools parse {vector.protocol} <{len(vector.data)} bytes hex>":
            _time([str(cli), "parse", vector.protocol, vector.data.hex()], ROOT, runs),
        "python -c 'import pkttools'": _time([sys.executable, "-c", "import pkttools"], ROOT,
                                             runs),
        "python -c 'import pkttools; pkttools.parse(...)' (first use)": _time(
            [sys.executable, "-c", f"import pkttools; pkttools.parse({vector.protocol!r}, "
                                   f"bytes.fromhex({vector.data.hex()!r}))"], ROOT, runs),
        "python -c 'pass' (interpreter start-up alone)": _time([sys.executable, "-c", "pass"],
                                                                ROOT, runs),
    }
    result = {"timings": timings}
    print(report.process_table(result, fmt="simple"))
    return result
