"""Run benchmarks: `python -m bench` (all) or `python -m bench flavours ...`."""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time

from . import capture, flavours, webide

BENCHMARKS = {"flavours": flavours.run, "webide": webide.run, "capture": capture.run}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", choices=[[]] + list(BENCHMARKS) or None,
                        help="benchmarks to run (default: all)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    names = args.names or list(BENCHMARKS)
    results = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, "
               f"{platform.python_implementation()} {platform.python_version()}"}
    for name in names:
        print(f"== {name}")
        results[name] = BENCHMARKS[name]()
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
