"""Run benchmarks: `python -m bench` (all) or `python -m bench peers process ...`.

peers: pkttools vs struct, Construct and Scapy per packet (fairness-checked first);
process: build.py cold and no-op, `pkttools parse` as a process, `import pkttools`;
profile: where pkttools' time goes (cProfile); flavours: the generated ro/rw classes;
webide: the Web IDE bundle, the JavaScript conformance check and the docs;
capture: capture throughput next to dpkt, and peak memory reading a 1 GB capture (by name);
export: capture files to Parquet per second, serially and on Dask with 1 and 2 workers (by name).
proxy: packets per second through `pkttools proxy` and its added latency, next to a plain
socket relay; FFXI's UDP datagrams likewise, next to a plain UDP relay (by name).
steps: what each fast path (PKTTOOLS_FAST: stream, unpack, plain, writer) gains, one process
per setting, as multiples of struct and Construct timed in each (by name).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any, Callable

from . import capture, compare, export, flavours, process, profiling, proxy, report, steps, \
    webide

BENCHMARKS: dict[str, Callable[..., Any]] = {
    "peers": compare.run,
    "process": process.run,
    "profile": profiling.run,
    "flavours": flavours.run,
    "webide": lambda quick=False: webide.run(),  # one-off steps: no quick variant
    # generated captures: 110k packets, then a 1 GB file for memory (64 MiB with --quick)
    "capture": lambda quick=False: capture.run(large=(64 << 20) if quick else (1 << 30)),
    # 16 generated captures to Parquet: serial, then LocalClusters of 1 and 2 workers
    "export": export.run,
    # live sockets and processes: the proxy next to a plain relay
    "proxy": proxy.run,
    # a scratch build without `unpack`, then one process per PKTTOOLS_FAST setting
    "steps": steps.run,
}
# `python -m bench` alone runs these; capture, export, proxy and steps take minutes, so only
# by name
DEFAULT = ["peers", "process", "profile", "flavours", "webide"]
README = Path(__file__).resolve().parent.parent / "README.md"


def machine() -> str:
    """What the numbers were measured on, for the JSON and the README."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info
                       if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{cpu}, {os.cpu_count()} CPUs, {platform.system()}, "
            f"{platform.python_implementation()} {platform.python_version()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run: {', '.join(BENCHMARKS)} (default: "
                             f"{', '.join(DEFAULT)})")
    parser.add_argument("--quick", action="store_true",
                        help="few short rounds and runs: a smoke test, not numbers to quote")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--readme", nargs="?", const=str(README), metavar="FILE",
                        help="rewrite the benchmark section of README.md (or FILE) with these "
                             "results")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; "
                     f"choose from {', '.join(BENCHMARKS)}")
    names = args.names or DEFAULT
    results: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "machine": machine(),
                               "quick": args.quick}
    for name in names:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        results[name] = BENCHMARKS[name](quick=args.quick)
        print(f"({name}: {time.perf_counter() - started:.0f} s)\n", flush=True)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=1)
    if args.readme:
        report.rewrite_readme(Path(args.readme), report.readme_section(results))
        print(f"rewrote the benchmark section of {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
