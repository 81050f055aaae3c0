"""Tables from benchmark results, and the README section that shows them.

Why separate from the measuring: the README section is rewritten from the same result data the
JSON holds, so `python -m bench --readme` and a saved `--json` file always agree, and the
rendering can be tested without timing anything.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from tabulate import tabulate

BEGIN = "<!-- bench:begin (python -m bench --readme rewrites this section) -->"
END = "<!-- bench:end -->"


def _ratio(r: float) -> str:
    return f"{r:.3g}x" if r < 100 else f"{r:.0f}x"


def _us(t: float) -> str:
    return f"{t:.3g}" if t < 1000 else f"{t:.0f}"


def peers_tables(result: dict[str, Any], fmt: str = "github") -> str:
    """One table per operation (parse, build): rows are contenders, columns packets; a cell is
    microseconds per operation (ratio to struct / ratio to pkttools)."""
    names = [v["name"] for v in result["vectors"]]
    out = []
    for kind, rows in result["times"].items():
        reference = result["reference"][kind]
        floor, ref = rows.get(result["floor"], {}), rows.get(reference, {})
        table = []
        for contender, cells in rows.items():
            row, logs, spreads = [contender], [], []
            for name in names:
                cell = cells.get(name)
                if cell is None or cell["verdict"] != "ok":
                    row.append(cell["verdict"] if cell else "–")
                    continue
                t = cell["best_us"]
                base = floor.get(name, {}).get("best_us")
                vs_ref = ref.get(name, {}).get("best_us")
                ratios = [_ratio(t / base) if base else "?", _ratio(t / vs_ref) if vs_ref else "?"]
                row.append(f"{_us(t)} ({' / '.join(ratios)})")
                if base:
                    logs.append(math.log(t / base))
                spreads.append(cell["spread"])
            row.append(_ratio(math.exp(sum(logs) / len(logs))) if logs else "–")
            row.append(f"{max(spreads):.0%}" if spreads else "–")
            table.append(row)
        headers = [f"{kind}: us (x struct / x {reference})", *names,
                   "geo. mean x struct", "spread"]
        out.append(tabulate(table, headers=headers, tablefmt=fmt, disable_numparse=True))
    return "\n\n".join(out)


# pkttools' cost split from the peers timings (no profiler involved): label -> (minuend, subtrahend)
BREAKDOWN = [
    ("generated ro class", ("parse", "Kaitai ro class, body only"), None),
    ("dispatch and Packet", ("parse", "pkttools.parse"), ("parse", "Kaitai ro class, body only")),
    ("to_dict", ("parse", "pkttools.parse + to_dict"), ("parse", "pkttools.parse")),
    ("build without read-back", ("build", "pkttools.build, verify=False"), None),
    ("read-back check", ("build", "pkttools.build"), ("build", "pkttools.build, verify=False")),
]


def breakdown_table(result: dict[str, Any], fmt: str = "github") -> str:
    """Where pkttools' time goes, by differences between rows of the peers timings (us)."""
    times = result["times"]

    def best(kind: str, row: str, vector: str) -> float | None:
        cell = times.get(kind, {}).get(row, {}).get(vector)
        return cell["best_us"] if cell and cell["verdict"] == "ok" else None

    rows = []
    for label, (kind, row), minus in BREAKDOWN:
        line = [label]
        for vector in (v["name"] for v in result["vectors"]):
            a = best(kind, row, vector)
            b = best(*minus, vector) if minus else 0.0
            line.append("–" if a is None or b is None else _us(a - b))
        rows.append(line)
    return tabulate(rows, headers=["pkttools, us (from the timings)",
                                   *(v["name"] for v in result["vectors"])],
                    tablefmt=fmt, disable_numparse=True)


def notes_list(result: dict[str, Any]) -> str:
    """What each row does, as a markdown list."""
    return "\n".join(f"- {key.replace('|', ' / ')}: {note}"
                     for key, note in result["notes"].items() if note)


def process_table(result: dict[str, Any], fmt: str = "github") -> str:
    """Whole-process timings (build.py, CLI, import): wall median and best, CPU median."""
    rows = [[what, f"{m['median_s'] * 1000:.0f}", f"{m['best_s'] * 1000:.0f}",
             f"{m['cpu_median_s'] * 1000:.0f}", m["runs"]]
            for what, m in result["timings"].items()]
    return tabulate(rows, headers=["whole process", "wall median ms", "wall best ms",
                                   "CPU median ms", "runs"],
                    tablefmt=fmt, disable_numparse=True)


def profile_table(result: dict[str, Any], fmt: str = "github") -> str:
    """Where pkttools' time goes, per packet and operation, as shares of the profiled time."""
    rows = []
    for packet, ops in result["packets"].items():
        for op, info in ops.items():
            parts = ", ".join(f"{name} {share:.0%}" for name, share in info["shares"][:5])
            rows.append([packet, op, info["calls_per_op"], parts])
    return tabulate(rows, headers=["packet", "operation", "calls/op", "largest shares"],
                    tablefmt=fmt, disable_numparse=True)


def primitives_table(result: dict[str, Any], fmt: str = "github") -> str:
    """Per-call cost of the steps every generated field repeats."""
    rows = [[name, f"{us:.3f}"] for name, us in result.get("primitives_us", {}).items()]
    return tabulate(rows, headers=["primitive", "us CPU per call"], tablefmt=fmt,
                    disable_numparse=True)


# (column, operation timed, baseline timed in the same process)
STEP_COLUMNS = [
    ("parse x struct", ("parse", "pkttools.parse"), ("parse", "struct (hand-written)")),
    ("parse x Construct", ("parse", "pkttools.parse"), ("parse", "Construct .compile()")),
    ("parse + to_dict x struct", ("parse", "pkttools.parse + to_dict"),
     ("parse", "struct (hand-written)")),
    ("build x struct", ("build", "pkttools.build"), ("build", "struct (hand-written)")),
    ("build x Construct", ("build", "pkttools.build"), ("build", "Construct .compile()")),
]


def geo_ratio(times: dict[str, dict[str, float]], what: tuple[str, str],
              base: tuple[str, str]) -> float:
    """Geometric mean over the vectors of what's time / base's time (µs per vector)."""
    a, b = times["|".join(what)], times["|".join(base)]
    logs = [math.log(a[v] / b[v]) for v in a if v in b]
    return math.exp(sum(logs) / len(logs))


def steps_table(result: dict[str, Any], fmt: str = "github") -> str:
    """Rows: settings of PKTTOOLS_FAST, each adding one fast path; cells: pkttools' time as a
    multiple of the baseline timed in the same process (geometric mean over the vectors)."""
    body = [[row["label"], f"`{row['setting']}`",
             *(f"{geo_ratio(row['times_us'], what, base):.2f}x"
               for _, what, base in STEP_COLUMNS)]
            for row in result["rows"]]
    return tabulate(body, headers=["fast paths", "PKTTOOLS_FAST", *(c[0] for c in STEP_COLUMNS)],
                    tablefmt=fmt, disable_numparse=True)


_NOT_BENCHMARKS = ("date", "machine", "quick")


def readme_section(results: dict[str, Any]) -> str:
    """The markdown that goes between the README's markers."""
    parts = [BEGIN, "",
             f"Measured {results['date']} on {results['machine']} by `python -m bench "
             f"{' '.join(name for name in results if name not in _NOT_BENCHMARKS)}"
             f"{' --quick' if results.get('quick') else ''}`."]
    if "peers" in results:
        peers = results["peers"]
        s = peers["settings"]
        parts += [f"Microseconds of CPU time per operation, best of {s['rounds']} interleaved "
                  f"rounds (>= {s['min_time_s'] * 1000:.0f} ms each);",
                  "spread = the worst packet's (median - best) / best.", "",
                  peers_tables(peers), "", notes_list(peers), "", breakdown_table(peers)]
    if "process" in results:
        parts += ["", process_table(results["process"])]
    if "profile" in results:
        parts += ["", "cProfile of pkttools (shares of profiled time, profiler overhead "
                      "included):", "", profile_table(results["profile"]), "",
                  primitives_table(results["profile"])]
    if "steps" in results:
        parts += ["", "What each fast path gains (`steps`: one process per setting, "
                      "pkttools' time as a multiple of struct and Construct timed in that "
                      "process, geometric mean over the five packets):", "",
                  steps_table(results["steps"])]
    parts += ["", END]
    return "\n".join(parts)


def rewrite_readme(path: Path, section: str) -> None:
    """Replace the text between the markers (inclusive) with `section`."""
    text = path.read_text()
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{path}: no benchmark section; add the lines\n{BEGIN}\n{END}")
    path.write_text(pattern.sub(lambda _: section, text, count=1))
