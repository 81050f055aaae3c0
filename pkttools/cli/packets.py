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
    p_parse.add_argument("--format", choices=("table", "json"), default="table",
                         help="table (default), or json: a list with one item per input (the "
                              "packet, or the error)")
    add_enums_option(p_parse)
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
                         help="JSON or JSON Lines: packets as `parse --format json` prints "
                              "them, or the items `split --format json|jsonl` prints (objects, "
                              "or lists of them), files holding them, or - for stdin (the "
                              "default)")
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
    add_enums_option(p_split)
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
    from ..codec.plain import with_enums
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
            documents.append({"input": label, "error": error_dict(exc)})
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
            documents.append({"input": label, **with_enums(packet.to_dict(), args.enums)})
        else:
            if index:
                print()
            print(render_table(packet, label if len(sources) > 1 else None))
    if args.format == "json":
        print(json.dumps(documents, indent=2, ensure_ascii=False))
    return status


def error_dict(exc: PacketError) -> dict:
    """A packet error as JSON: its class, where it is, and the one-line message."""
    out: dict[str, Any] = {"kind": type(exc).__name__, "protocol": exc.protocol,
                           "packet": exc.packet, "path": exc.path, "offset": exc.offset,
                           "message": str(exc)}
    opcode = getattr(exc, "opcode", None)
    if opcode is not None:
        out["opcode"] = opcode
    return out


def add_enums_option(parser: Any) -> None:
    """`--enums name|number|both`: how JSON shows enum values (parse, split, capture)."""
    parser.add_argument("--enums", choices=("name", "number", "both"), default="name",
                        help="enum values in JSON: name (default), number, or both "
                             "({\"name\": ..., \"value\": ...}); build takes all three")


# -- build ----------------------------------------------------------------------------------
def cmd_build(args) -> int:
    from pathlib import Path

    from ..model.registry import resolve

    proto = resolve(args.protocol)
    items: list = []
    for arg in args.inputs or ["-"]:
        if arg == "-":
            text, label = sys.stdin.read(), "stdin"
        else:
            try:
                is_file = Path(arg).is_file()
            except OSError:  # JSON too long to be a file name
                is_file = False
            text, label = (_read_text(Path(arg)), arg) if is_file else (arg, "argument")
        for doc in json_values(text, label):
            items.extend(doc if isinstance(doc, list) else [doc])
    outputs = [_build_item(proto, item, args) for item in items]
    write_bytes(outputs, args.raw)
    return EXIT_OK


def _read_text(path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not JSON text: {exc}") from None


def json_values(text: str, label: str) -> list:
    """Every JSON value in a text: one document, JSON Lines, or documents one after another."""
    decoder = json.JSONDecoder()
    values = []
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos == len(text):
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except ValueError as exc:
            raise UsageError(f"{label} is not JSON: {exc}") from None
        values.append(value)
    if not values:
        raise UsageError(f"{label} holds no JSON")
    return values


def _build_item(proto, item: Any, args) -> bytes:
    """A packet object, or an item of `split --format json` (so a split stream rebuilds); the
    `input` label `parse --format json` adds is ignored, its error items refused."""
    from ..stream.frames import build_item

    if isinstance(item, dict) and "input" in item:
        if "error" in item:
            raise UsageError(f"{item['input']} did not parse ({item['error'].get('message')}): "
                             f"there is no packet to build")
        item = {key: value for key, value in item.items() if key != "input"}
    return build_item(proto, item, frame=args.frame, recompute=args.recompute)


# -- split ----------------------------------------------------------------------------------
def cmd_split(args) -> int:
    from tabulate import tabulate

    from ..codec.plain import with_enums
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
        print(json.dumps([with_enums(i.to_dict(), args.enums) for i in items], indent=2,
                         ensure_ascii=False))
    elif args.format == "jsonl":
        for item in items:
            print(json.dumps(with_enums(item.to_dict(), args.enums), ensure_ascii=False))
    else:
        rows = [split_row(item) for item in items]
        # (tabulate 0.9 fails on column alignments for a table without rows: empty input)
        print(tabulate(rows, headers=("offset", "length", "kind", "opcode", "packet", "summary"),
                       disable_numparse=True, colalign=("left", "right") if rows else None))
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
