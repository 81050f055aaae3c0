"""`pkttools export CAPTURE... --out DIR`: capture files to a Parquet dataset, one after the
other or as tasks on a Dask cluster (`--dask [ADDRESS]`).

The closing summary goes to stderr, and a progress bar (one step per capture file) when
stderr is a terminal.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Any

from ..errors import ToolError
from .capture import split_list
from .status import EXIT_DATA, EXIT_OK

LOCAL = "local"  # --dask without an address
_ADDRESS = re.compile(r"^(?:[a-z0-9+]+://)?[^/\s]+:\d+$", re.IGNORECASE)


def register(sub: Any) -> None:
    """Add the `export` command to the command line's sub-parsers."""
    p = sub.add_parser("export", help="write the packets of capture files as a Parquet "
                       "dataset (one table per packet type), serially or on a Dask cluster")
    p.add_argument("captures", nargs="+", metavar="CAPTURE",
                   help="pcap or pcapng files (gzip-compressed too)")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="the dataset folder: DIR/<protocol>/<packet>/*.parquet, "
                        "DIR/_items/*.parquet, DIR/_captures/*.parquet")
    p.add_argument("--port", action="append", default=[], metavar="PORT[/udp]=SERVICE",
                   help="map a server port to a service, e.g. 29000=flyff.cluster "
                        "(repeatable; overrides the defaults)")
    p.add_argument("--protocol", action="append", default=None, metavar="SERVICE",
                   help="only these services (repeatable, or comma-separated)")
    p.add_argument("--key", action="append", default=[], metavar="SERVICE=KEY",
                   help="the key of an encrypted service, as for `capture` (repeatable)")
    p.add_argument("--no-default-ports", action="store_true",
                   help="use only the ports given with --port")
    p.add_argument("--dask", nargs="?", const=LOCAL, default=None, metavar="ADDRESS",
                   help="run every capture file as a task on the Dask scheduler at ADDRESS "
                        "(tcp://host:8786), or on a LocalCluster started for the run when no "
                        "address is given; the dataset is the same as a serial run's")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes of the LocalCluster (default: one per CPU)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="force the progress bar on stderr on or off (default: automatic)")
    p.set_defaults(run=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    try:
        from ..export.run import export
    except ImportError as exc:
        raise ToolError(f"pkttools export needs {exc.name}: pip install 'pkttools[export]'"
                        ) from None

    captures = list(args.captures)
    cluster: Any = None
    if args.dask == LOCAL:
        cluster = True
    elif args.dask is not None:
        if _ADDRESS.match(args.dask) or not os.path.exists(args.dask):
            cluster = args.dask
        else:  # `--dask day1.pcap ...`: the flag took a capture for its address
            captures.insert(0, args.dask)
            cluster = True
    services = split_list(args.protocol) if args.protocol is not None else None
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    result = export(captures, args.out, ports=args.port, services=services,
                    default_ports=not args.no_default_ports, keys=args.key, dask=cluster,
                    workers=args.workers, progress=progress)
    rows = result.rows
    items = rows.pop("_items", 0)
    done = len(result.captures) - len(result.failed)
    print(f"pkttools: {result.out}: {done} capture(s) exported, {sum(rows.values())} "
          f"packet(s) in {len(rows)} table(s), {items} other item(s) in _items"
          + (f"; bytes lost or unreadable in {result.problems} capture(s) (see _items)"
             if result.problems else ""), file=sys.stderr)
    for failed in result.failed:
        print(f"pkttools: {failed.capture}: not exported: {failed.error}", file=sys.stderr)
    return EXIT_DATA if result.failed or result.problems else EXIT_OK
