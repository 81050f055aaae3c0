"""`pkttools list`, `parse`, `build` and `split`: the commands on packets and streams.

Each command imports what it needs when it runs, so the command line starts fast.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from ..errors import PacketError, UsageError
from .output import write_bytes
from .status import EXIT_DATA, EXIT_OK


def register(sub: Any) -> None:
    """Add the commands to the command line's sub-parsers."""
    p_list = sub.add_parser("list", help="list protocols, or the packets of one protocol")
    p_list.add_argument("protocol", nargs="?", help="e.g. pangya.loginservice.server")
    p_list.set_defaults(run=cmd_list)

    p_parse = sub.add_parser("parse", help="parse packet payloads (each starting with its opcode)")
    p_parse.add_argument("protocol", help="e.g. pangya.loginservice.server")
    p_parse.add_argument("inputs", nargs="*", metavar="HEX|FILE|-",
                         help="hex text (several hex arguments are one packet), binary files "
                              "(one packet each), or - for stdin (the default)")
    p_parse.add_argument("--format", choices=("table", "json"), default="table")
    p_parse.add_argument("--input", choices=("auto", "hex", "raw"), default="auto",
                         help="how to read files and stdin (auto: binary files, .hex/.txt "
                              "files and hex text on stdin as hex)")
    p_parse.add_argument("--strict", action="store_true",
                         help="fail on trailing bytes instead of reporting them")
    p_parse.set_defaults(run=cmd_parse)

    p_build = sub.add_parser("build", help="build packet bytes from JSON (the shape `parse "
                             "--format json` prints); derived fields may be left out")
    p_build.add_argument("protocol", help="e.g. pangya.loginservice.server")
    p_build.add_argument("inputs", nargs="*", metavar="JSON|FILE|-",
                         help="JSON objects (or lists of them: packets, or the items `split "
                              "--format json` prints), files holding them, or - for stdin "
                              "(the default)")
    p_build.add_argument("--raw", action="store_true",
                         help="write the bytes themselves instead of hex lines")
    p_build.add_argument("--recompute", action="store_true",
                         help="recompute derived fields (lengths, counts) that are given, "
                              "instead of refusing values that do not match the data")
    p_build.add_argument("--frame", action="store_true",
                         help="wrap each packet in its stream frame (FlyFF: 0x5E header with "
                              "the length filled in)")
    p_build.set_defaults(run=cmd_build)

    p_split = sub.add_parser("split", help="split a captured stream (one direction) into "
                             "packets and parse each")
    p_split.add_argument("protocol", help="e.g. flyff.cluster.server")
    p_split.add_argument("inputs", nargs="*", metavar="HEX|FILE|-",
                         help="the stream as hex text, binary files, or - for stdin (the "
                              "default); several inputs are one stream, concatenated")
    p_split.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    p_split.add_argument("--input", dest="input_mode", choices=("auto", "hex", "raw"),
                         default="auto", help="how to read the file or stdin")
    p_split.set_defaults(run=cmd_split)


# -- list -----------------------------------------------------------------------------------
def cmd_list(args) -> int:
    from tabulate import tabulate

    from ..model.registry import default_registry, resolve

    registry = default_registry()
    if args.protocol is None:
        rows = [(p.name, p.direction, len(p.packets), p.title or "") for p in registry]
        print(tabulate(rows, headers=("protocol", "direction", "packets", "title")))
        return EXIT_OK
    proto = resolve(args.protocol, registry)
    rows = [(f"0x{p.opcode:04x}", p.name, proto.direction, p.title or "",
             registry.spec_origin(p.spec_path)) for p in proto.packets]
    print(f"{proto.name}: {proto.title or ''}")
    print(tabulate(rows, headers=("opcode", "packet", "direction", "title", "spec")))
    return EXIT_OK


# -- parse ----------------------------------------------------------------------------------
def cmd_parse(args) -> int:
    from ..codec.packet import parse
    from ..codec.render import render_table
    from ..model.registry import resolve
    from .inputs import read_inputs

    proto = resolve(args.protocol)
    sources = read_inputs(args.inputs, args.input)
    documents = []
    status = EXIT_OK
    for index, (label, data) in enumerate(sources):
        if label == "<hex>":
            label = "hex"
        prefix = f"{label}: " if len(sources) > 1 else ""
        try:
            packet = parse(proto, data, strict=args.strict)
        except PacketError as exc:
            print(f"pkttools: {prefix}{exc}", file=sys.stderr)
            status = EXIT_DATA
            continue
        for note in packet.unmatched_switches():
            print(f"pkttools: warning: {prefix}{proto.name} {packet.name}: {note}",
                  file=sys.stderr)
        if packet.trailing:
            print(f"pkttools: warning: {prefix}{proto.name} {packet.name}: "
                  f"{len(packet.trailing)} byte(s) after the packet at offset "
                  f"{packet.trailing_offset} (0x{packet.trailing_offset:x}), kept as trailing",
                  file=sys.stderr)
        if args.format == "json":
            documents.append(packet.to_dict())
        else:
            if index:
                print()
            print(render_table(packet, label if len(sources) > 1 else None))
    if args.format == "json" and documents:
        doc: Any = documents[0] if len(sources) == 1 else documents
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    return status


# -- build ----------------------------------------------------------------------------------
def cmd_build(args) -> int:
    from pathlib import Path

    from ..model.registry import resolve

    proto = resolve(args.protocol)
    items: list = []
    for arg in args.inputs or ["-"]:
        if arg == "-":
            text = sys.stdin.read()
        else:
            try:
                is_file = Path(arg).is_file()
            except OSError:  # JSON too long to be a file name
                is_file = False
            text = Path(arg).read_text() if is_file else arg
        try:
            doc = json.loads(text)
        except ValueError as exc:
            raise UsageError(f"input is not JSON: {exc}") from None
        items.extend(doc if isinstance(doc, list) else [doc])
    outputs = [_build_item(proto, item, args) for item in items]
    write_bytes(outputs, args.raw)
    return EXIT_OK


def _build_item(proto, item: Any, args) -> bytes:
    """A packet object, or an item of `split --format json` (so a split stream rebuilds)."""
    from ..codec.build import build
    from ..stream.frames import build_frame

    if isinstance(item, dict) and "kind" in item:
        if item["kind"] == "frame" and item.get("packet") is not None:
            frame = proto.stream["frame"] if proto.stream else {}
            header = item.get("header") if frame.get("packet") == "body" else None
            return build_frame(proto, item["packet"], header=header, recompute=args.recompute)
        if "hex" not in item:
            raise UsageError(f"a {item['kind']} item needs its 'hex' bytes")
        try:
            return bytes.fromhex(item["hex"])
        except (TypeError, ValueError):
            raise UsageError(f"'hex' of a {item['kind']} item is not hex") from None
    if args.frame:
        return build_frame(proto, item, recompute=args.recompute)
    return build(proto, item, recompute=args.recompute)


# -- split ----------------------------------------------------------------------------------
def cmd_split(args) -> int:
    from tabulate import tabulate

    from ..errors import UnknownOpcodeError
    from ..model.registry import resolve
    from ..stream.framing import Splitter
    from ..stream.items import Frame, Incomplete, Unframed
    from .inputs import read_inputs
    from .rows import split_row

    proto = resolve(args.protocol)
    splitter = Splitter(proto)
    data = b"".join(data for _, data in read_inputs(args.inputs, args.input_mode))
    items = splitter.feed(data) + splitter.close()
    # A frame that did not parse, bytes that cannot be framed because of an error, and an
    # incomplete tail are problems; a prologue, or bytes after an end marker, are not.
    unknown = [i for i in items if isinstance(i, Frame) and isinstance(i.error,
                                                                     UnknownOpcodeError)]
    problems = [i for i in items
                if (isinstance(i, Frame) and i.error is not None and i not in unknown)
                or (isinstance(i, Unframed) and i.error is not None)
                or isinstance(i, Incomplete)]
    if args.format == "json":
        print(json.dumps([i.to_dict() for i in items], indent=2, ensure_ascii=False))
    elif args.format == "jsonl":
        for item in items:
            print(json.dumps(item.to_dict(), ensure_ascii=False))
    else:
        rows = [split_row(item) for item in items]
        print(tabulate(rows, headers=("offset", "length", "kind", "opcode", "packet", "summary"),
                       disable_numparse=True, colalign=("left", "right")))
    frames = sum(isinstance(i, Frame) and i.packet is not None for i in items)
    print(f"pkttools: {proto.name}: {len(data)} bytes, {frames} packet(s), "
          f"{len(unknown)} without a spec, {len(problems)} problem(s)", file=sys.stderr)
    for item in items:
        if isinstance(item, Unframed) and item.error is None:
            print(f"pkttools: offset {item.offset}: {len(item.data)} byte(s) {item.reason}",
                  file=sys.stderr)
    for item in problems:
        detail = item.error if getattr(item, "error", None) is not None else item.reason
        print(f"pkttools: offset {item.offset}: {detail}", file=sys.stderr)
    return EXIT_DATA if problems else EXIT_OK
