"""`pkttools capture FILE`: the packets of a pcap/pcapng file, one row (or JSON line) each.

Rows stream out as the file is read (no table is held in memory), so a capture of any size
prints at once; the closing summary goes to stderr. A progress bar shows on stderr when stderr
is a terminal, stdout is not (the rows go to a file or a pipe, so the terminal would show
nothing for a while), and the file takes more than half a second.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import UsageError
from .packets import add_enums_option
from .status import EXIT_DATA, EXIT_OK

PROGRESS_EVERY = 2048  # records between progress bar updates


def register(sub: Any) -> None:
    """Add the `capture` command to the command line's sub-parsers."""
    p = sub.add_parser("capture", help="parse the game packets of a pcap or pcapng file "
                       "(TCP reassembled, UDP datagrams split)")
    p.add_argument("file", metavar="FILE",
                   help="a pcap or pcapng file (gzip-compressed too), or - for stdin")
    p.add_argument("--port", action="append", default=[], metavar="PORT[/udp]=SERVICE",
                   help="map a server port to a service, e.g. 29000=flyff.cluster or "
                        "54230/udp=ffxi.world (repeatable; overrides the defaults)")
    p.add_argument("--protocol", action="append", default=None, metavar="SERVICE",
                   help="only these services (their default ports and the --port ones), e.g. "
                        "flyff.cluster (repeatable, or comma-separated)")
    p.add_argument("--key", action="append", default=[], metavar="SERVICE=KEY",
                   help="the key of an encrypted service: pangya.loginservice=5 forces PangYa's "
                        "(else read from the hello, or found by trial), ffxi.world=<40 hex "
                        "digits> gives FFXI's 20-byte session key (repeatable)")
    p.add_argument("--no-default-ports", action="store_true",
                   help="use only the ports given with --port")
    p.add_argument("--format", choices=("table", "json", "jsonl"), default="table",
                   help="table (default): one row per packet; json/jsonl: every item with "
                        "all fields")
    add_enums_option(p)
    p.add_argument("--filter", action="append", default=[], metavar="PACKET",
                   help="only packets with this name, opcode (0x0014) or qualified name "
                        "(flyff.cluster.server.pong); repeatable or comma-separated; the "
                        "summary still counts everything")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="force the progress bar on stderr on or off (default: automatic)")
    p.set_defaults(run=cmd_capture)


def cmd_capture(args: argparse.Namespace) -> int:
    from ..capture.reader import Capture
    from ..codec.plain import with_enums
    from ..model.registry import default_registry
    from .rows import CAPTURE_HEADERS, capture_line, capture_row

    source: Any = sys.stdin.buffer if args.file == "-" else args.file
    services = split_list(args.protocol) if args.protocol is not None else None
    wanted = PacketFilter(split_list(args.filter), default_registry()) if args.filter \
        else None
    cap = Capture(source, ports=args.port, services=services,
                  default_ports=not args.no_default_ports, keys=args.key)
    bar = _progress_bar(cap, args.progress)
    out = sys.stdout
    first = True
    try:
        if args.format == "json":
            out.write("[")
        elif args.format == "table":
            out.write(capture_line(CAPTURE_HEADERS) + "\n")
        for item in cap:
            if wanted is not None and not wanted(item):
                continue
            if args.format == "table":
                out.write(capture_line(capture_row(item, cap.summary.first_time or 0.0)) + "\n")
            elif args.format == "jsonl":
                out.write(json.dumps(with_enums(item.to_dict(), args.enums),
                                     ensure_ascii=False) + "\n")
            else:
                out.write(("\n" if first else ",\n")
                          + json.dumps(with_enums(item.to_dict(), args.enums),
                                       ensure_ascii=False))
            first = False
        if args.format == "json":
            out.write("\n]\n" if not first else "]\n")
        out.flush()
    finally:
        if bar is not None:
            bar.close()
        cap.close()
    print(f"pkttools: {cap.summary.format()}", file=sys.stderr)
    return EXIT_DATA if cap.summary.problems else EXIT_OK


class PacketFilter:
    """`--filter` terms: a packet name, an opcode, or `<protocol or service>.<name>`."""

    def __init__(self, terms: list[str], registry):
        self.names: set[str] = set()
        self.opcodes: set[int] = set()
        self.qualified: set[tuple[str, str]] = set()  # (protocol or service, name)
        protocols = list(registry)
        for term in terms:
            if term.lower().startswith("0x") or term.isdigit():
                try:
                    self.opcodes.add(int(term, 0))
                except ValueError:
                    raise UsageError(f"--filter {term!r}: not an opcode") from None
                continue
            head, _, name = term.rpartition(".")
            if head:
                known = [p for p in protocols
                         if head in (p.name, f"{p.game}.{p.service}") and name in p.by_name]
                if not known:
                    raise UsageError(f"--filter {term!r}: no protocol or service {head!r} "
                                     f"has a packet {name!r}")
                self.qualified.add((head, name))
            elif any(term in p.by_name for p in protocols):
                self.names.add(term)
            else:
                names = sorted({n for p in protocols for n in p.by_name})
                raise UsageError(f"--filter {term!r}: no protocol has a packet of that name; "
                                 f"known: {', '.join(names)}")

    def __call__(self, item) -> bool:
        packet = item.packet
        if packet is None:
            return False
        if packet.name in self.names or packet.opcode in self.opcodes:
            return True
        return (item.protocol, packet.name) in self.qualified or \
            (item.connection.service, packet.name) in self.qualified


def split_list(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _progress_bar(cap, forced: bool | None):
    show = forced if forced is not None else (sys.stderr.isatty() and not sys.stdout.isatty())
    if not show:
        return None
    from tqdm import tqdm

    bar = tqdm(total=cap.file.size, unit="B", unit_scale=True, unit_divisor=1024,
               delay=0 if forced else 0.5, file=sys.stderr, leave=False, desc="capture",
               dynamic_ncols=True)

    def update(position: int) -> None:
        bar.update(position - bar.n)

    cap.on_progress(update, PROGRESS_EVERY)
    return bar
