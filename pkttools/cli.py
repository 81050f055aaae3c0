"""The `pkttools` command line.

Exit status: 0 success, 1 bad packet data (or a strict check failed), 2 usage error.
Errors are one line on stderr; warnings (trailing bytes, unparsed switch bodies) too.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Sequence

from .errors import NotBuiltError, PacketError, PkttoolsError, UsageError

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        print(f"pkttools: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pkttools", description="Parse, check and rebuild MMO game packets "
                     "described by Kaitai Struct specs.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

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

    from .cli_specs import register  # webide, docs: the specs published for people

    register(sub)

    from .capture_cli import add_parser as add_capture_parser  # code in capture_cli.py

    add_capture_parser(sub)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Options may come before or after the inputs (`build P --frame JSON`): each command's
    own parser reads its arguments intermixed, which argparse cannot do across subparsers."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = make_parser()
    commands = next(a for a in parser._actions
                    if isinstance(a, argparse._SubParsersAction)).choices
    at = next((i for i, arg in enumerate(argv) if not arg.startswith("-")), None)
    if at is None or argv[at] not in commands or any(a in ("-h", "--help") for a in argv[:at]):
        return parser.parse_args(argv)
    args = commands[argv[at]].parse_intermixed_args(argv[at + 1:])
    args.command = argv[at]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"pkttools: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (PacketError, NotBuiltError) as exc:
        print(f"pkttools: {exc}", file=sys.stderr)
        return EXIT_DATA
    except PkttoolsError as exc:
        print(f"pkttools: {exc}", file=sys.stderr)
        return EXIT_DATA
    except BrokenPipeError:
        return EXIT_OK


# -- list -----------------------------------------------------------------------------------
def cmd_list(args) -> int:
    from tabulate import tabulate

    from .registry import default_registry

    registry = default_registry()
    if args.protocol is None:
        rows = [(p.name, p.direction, len(p.packets), p.title or "") for p in registry]
        print(tabulate(rows, headers=("protocol", "direction", "packets", "title")))
        return EXIT_OK
    proto = registry.protocol(args.protocol)
    rows = [(f"0x{p.opcode:04x}", p.name, proto.direction, p.title or "", f"ksy/{p.spec_path}")
            for p in proto.packets]
    print(f"{proto.name}: {proto.title or ''}")
    print(tabulate(rows, headers=("opcode", "packet", "direction", "title", "spec")))
    return EXIT_OK


# -- parse ----------------------------------------------------------------------------------
def cmd_parse(args) -> int:
    from .hexinput import read_inputs
    from .parsing import parse
    from .registry import default_registry

    proto = default_registry().protocol(args.protocol)
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

    from .registry import default_registry

    proto = default_registry().protocol(args.protocol)
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
    if args.raw:
        sys.stdout.buffer.write(b"".join(outputs))
        sys.stdout.buffer.flush()
    else:
        for out in outputs:
            print(out.hex())
    return EXIT_OK


def _build_item(proto, item: Any, args) -> bytes:
    """A packet object, or an item of `split --format json` (so a split stream rebuilds)."""
    from .building import build, build_frame

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

    from .errors import UnknownOpcodeError
    from .framing import Frame, Incomplete, Splitter, Unframed
    from .hexinput import read_inputs
    from .registry import default_registry

    proto = default_registry().protocol(args.protocol)
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
        rows = [_split_row(item) for item in items]
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


def _split_row(item) -> tuple:
    from .framing import Frame, Incomplete, Prologue, Unframed

    offset = f"0x{item.offset:06x}"
    if isinstance(item, Frame) and item.packet is not None:
        pkt = item.packet
        return (offset, len(item.data), "frame", f"0x{pkt.opcode:04x}", pkt.name,
                summarize(pkt.fields()))
    if isinstance(item, Frame):
        opcode = getattr(item.error, "opcode", None)
        if opcode is not None:
            return (offset, len(item.data), "frame", f"0x{opcode:04x}", "(no spec)",
                    _hex(item.data, 20))
        return (offset, len(item.data), "frame", "", "?", str(item.error.detail))
    if isinstance(item, Prologue):
        summary = summarize(_plain_of(item.obj)) if item.obj is not None else \
            _hex(item.data, 16)
        return (offset, len(item.data), "prologue", "", item.name, summary)
    kind = "unframed" if isinstance(item, Unframed) else "incomplete"
    assert isinstance(item, (Unframed, Incomplete))
    return (offset, len(item.data), kind, "", "", item.reason)


def _plain_of(obj) -> Any:
    from .parsing import _converter
    from .registry import default_registry

    return _converter(default_registry()).convert(obj)


def summarize(fields: Any, width: int = 70) -> str:
    """A one-line `name=value` summary of a packet's leading fields."""
    parts: list[str] = []

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(sub, f"{prefix}{key}." if isinstance(sub, dict) else f"{prefix}{key}")
        elif isinstance(value, list):
            parts.append(f"{prefix}=[{len(value)}]")
        else:
            shown = json.dumps(value, ensure_ascii=False) if isinstance(value, str) and \
                not hasattr(value, "value") else str(value)
            parts.append(f"{prefix}={shown}")

    walk(fields, "")
    text = " ".join(parts)
    return text if len(text) <= width else text[:width - 3] + "..."


def render_table(packet, label: str | None = None) -> str:
    """Every field of a packet: offset, size, path, type and value, one row each."""
    from tabulate import tabulate

    from .locate import packet_relative
    from .plain import format_path

    registry = packet.protocol.registry
    fields = _field_index(registry)
    rows = []
    for span in packet.spans():
        path = packet_relative(packet.protocol, span.path)
        if not path:  # the body itself: the header line says what it is
            continue
        info = fields.get((span.owner, span.name), {})
        type_text = info.get("display", "")
        if span.index is not None:
            type_text = type_text[:-2] if type_text.endswith("[]") else type_text
        if span.bits is not None:
            offset, size = f"0x{span.start:04x}.{span.bit}", f"{span.bits}b"
        else:
            offset = "" if span.start is None else f"0x{span.start:04x}"
            size = "" if span.size is None else span.size
        rows.append((
            offset,
            size,
            format_path(path),
            type_text,
            format_value(span.value, info, registry, is_item=span.index is not None),
        ))
    if packet.trailing:
        rows.append((f"0x{packet.trailing_offset:04x}", len(packet.trailing), "(trailing)",
                     "bytes", _hex(packet.trailing)))
    head = (f"{label + ': ' if label else ''}{packet.protocol.name} 0x{packet.opcode:04x} "
            f"{packet.name}" + (f" - {packet.type.title}" if packet.type.title else "")
            + f" ({len(packet.data)} bytes)")
    table = tabulate(rows, headers=("offset", "size", "field", "type", "value"),
                     disable_numparse=True, colalign=("left", "right", "left", "left", "left"))
    return f"{head}\n{table}"


_FIELD_INDEX: dict[int, dict] = {}


def _field_index(registry) -> dict:
    index = _FIELD_INDEX.get(id(registry))
    if index is None:
        index = {}
        for key, info in registry.types.items():
            for field in info["seq"] + info["instances"]:
                index[(key, field["id"])] = field
        _FIELD_INDEX[id(registry)] = index
    return index


def format_value(value: Any, field: dict, registry, is_item: bool = False) -> str:
    from enum import IntEnum

    from kaitaistruct import KaitaiStruct

    from .plain import MISSING

    if value is MISSING:
        return "(not parsed: no case matches)" if field.get("switch_on") else "(absent)"
    if isinstance(value, KaitaiStruct):
        return ""
    if isinstance(value, list) and not is_item:
        return f"[{len(value)} items]"
    if isinstance(value, IntEnum):
        return f"{value.name} ({int(value)})"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if field.get("enum"):
            enum_name = registry.enums[field["enum"]]["name"]
            return f"{value} (not in enum {enum_name})"
        return str(value) if -10 < value < 10 else f"{value} (0x{value:x})"
    if isinstance(value, (bytes, bytearray)):
        return _hex(bytes(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def _hex(data: bytes, limit: int = 32) -> str:
    if not data:
        return "(empty)"
    shown = data[:limit].hex(" ")
    return shown if len(data) <= limit else f"{shown} ... ({len(data)} bytes)"


if __name__ == "__main__":
    sys.exit(main())
