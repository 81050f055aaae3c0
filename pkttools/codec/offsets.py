"""Where each field lies in the input, from the debug classes.

The read-only classes parse fast but keep no positions. When a parse fails, or a user asks for
offsets, the same bytes are parsed again with the debug classes (kaitai_gen.dbg), which record
where every field starts and ends, relative to the stream they read from. Walking that tree
with the absolute start of every substream gives absolute offsets, and the last field that
started is the one that failed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from typing import Any, Iterator

import kaitaistruct as ks
from kaitaistruct import KaitaiStream, KaitaiStruct

from .. import errors
from ..show import show
from ..model.paths import MISSING, path_value
from ..model.registry import Protocol, Registry
from .plain import format_path


@dataclass
class Span:
    """One field (or array item) as read: absolute start, end (None if it never finished)."""

    path: tuple
    start: int | None  # None for value instances, which occupy no bytes
    end: int | None
    value: Any
    owner: str  # type key of the object holding the field
    name: str  # field id in that type
    index: int | None = None  # array item index, None for the field itself
    bit: int | None = None  # bit fields: first bit, counted from `start` in read order
    bits: int | None = None  # bit fields: width in bits

    @property
    def size(self) -> int | None:
        return None if self.end is None or self.start is None else self.end - self.start


def walk(obj: KaitaiStruct, base: int = 0, path: tuple = (),
         registry: Registry | None = None, instances: bool = True,
         bit_end: list[int | None] | None = None) -> Iterator[Span]:
    """Every field of a debug object tree in read order, parents before their children.

    With a registry, bit fields get their bit positions and (unless instances is false) value
    instances, which occupy no bytes, follow each object's fields with start and end None.
    `bit_end` holds where the last bit field read ended (absolute bit position), shared with
    the children that read the same stream: a bit field may go on inside a byte that the
    bits of another object began.
    """
    owner = Registry.type_key_of(obj)
    widths = _bit_widths(registry, owner)
    bit_end = [None] if bit_end is None else bit_end
    for name, info in list(obj._debug.items()):
        if "start" not in info:
            continue
        value = getattr(obj, name, MISSING)
        here = path + (name,)
        width = widths.get(name)
        if width is not None and "arr" not in info:
            # The debug classes record byte positions, which say nothing of the bits a field
            # takes after the first one of its byte: a field that starts where the bits before
            # it left a byte half read (no byte-aligned read came between) goes on from them.
            first = (base + info["start"]) * 8
            last = bit_end[0]
            if last is not None and last % 8 and -(-last // 8) * 8 == first:
                first = last
            bit_end[0] = first + width
            yield Span(here, first // 8, -(-bit_end[0] // 8), value, owner, name,
                       bit=first % 8, bits=width)
            continue
        span = Span(here, base + info["start"], _end(base, info), value, owner, name)
        items = info.get("arr")
        if items is not None:
            yield span
            values = value if isinstance(value, list) else []
            for i, item in enumerate(items):
                item_value = values[i] if i < len(values) else MISSING
                start = base + item.get("start", 0)
                span = Span(here + (i,), start, _end(base, item), item_value, owner, name, i)
                if isinstance(item_value, KaitaiStruct):
                    yield from _with_children(span, walk(
                        item_value, _child_base(obj, item_value, base, start), here + (i,),
                        registry, instances, _shared(obj, item_value, bit_end)))
                else:
                    yield span
        elif isinstance(value, KaitaiStruct):
            yield from _with_children(span, walk(
                value, _child_base(obj, value, base, base + info["start"]), here, registry,
                instances, _shared(obj, value, bit_end)))
        else:
            yield span
    if registry is not None and instances:
        for inst in registry.types[owner]["instances"]:
            if "value" in inst["attr"]:
                try:
                    value = getattr(obj, inst["id"])
                except Exception:  # an instance the data cannot satisfy: shown as absent
                    value = MISSING
                yield Span(path + (inst["id"],), None, None, value, owner, inst["id"])


_BIT_WIDTHS: dict[tuple[int, str], dict[str, int]] = {}


def _bit_widths(registry: Registry | None, owner: str) -> dict[str, int]:
    """Width of each bit field (`bN`) of a type, from the manifest."""
    if registry is None:
        return {}
    cached = _BIT_WIDTHS.get((id(registry), owner))
    if cached is None:
        cached = {}
        for field in registry.types.get(owner, {}).get("seq", []):
            kind = field["attr"].get("type")
            if isinstance(kind, str) and re.fullmatch(r"b\d+(?:le|be)?", kind):
                cached[field["id"]] = int(re.match(r"b(\d+)", kind).group(1))
        _BIT_WIDTHS[(id(registry), owner)] = cached
    return cached


def _end(base: int, info: dict) -> int | None:
    return base + info["end"] if "end" in info else None


def _with_children(span: Span, children: Iterator[Span]) -> Iterator[Span]:
    """A user type's span, then its fields': one whose first bits go on inside the byte
    before it (bits another object began) starts at that byte."""
    found = list(children)
    first = next((c.start for c in found if c.start is not None), None)
    if first is not None and span.start is not None and first < span.start:
        span.start = first
    yield span
    yield from found


def _shared(parent: KaitaiStruct, child: KaitaiStruct,
            bit_end: list[int | None]) -> list[int | None]:
    # A child on the parent's stream may go on with its bits; a substream starts afresh.
    return bit_end if child._io is parent._io else [None]


def _child_base(parent: KaitaiStruct, child: KaitaiStruct, base: int, start: int) -> int:
    # A child reading its own substream (a sized field) counts positions from the field start.
    return base if child._io is parent._io else start


def parse_debug(proto: Protocol, data: bytes) -> tuple[KaitaiStruct, BaseException | None]:
    """Parse with the debug dispatcher; return the (maybe partial) tree and the failure."""
    obj = proto.dispatcher_cls("dbg")(KaitaiStream(BytesIO(data)))
    try:
        obj._read()
    except Exception as exc:  # kept and explained by explain_failure
        return obj, exc
    return obj, None


def packet_relative(proto: Protocol, path: tuple) -> tuple:
    """Dispatcher path -> packet path: ('body', 'response') -> ('response',)."""
    if path[:1] == (proto.body_field,):
        return path[1:]
    return path


def explain_failure(proto: Protocol, data: bytes, original: BaseException) -> errors.ParseError:
    """Turn an exception of the read-only parse into a pkttools error with path and offset."""
    tree, failure = parse_debug(proto, data)
    exc = failure if failure is not None else original
    # Fields are read in order, so the last one started is the one that failed: still open
    # for a short read, just closed for a failed validation.
    spans = list(walk(tree, registry=proto.registry, instances=False))
    span = spans[-1] if spans else None
    packet = _packet_name(proto, tree)
    path = None
    if span is not None:
        # A failure of the body itself (its sized bytes missing) is the body field's.
        path = format_path(packet_relative(proto, span.path)) or span.path[0]
    where = {
        "protocol": proto.name,
        "packet": packet,
        "path": path,
        "offset": span.start if span else None,
    }
    error = classify(exc, where)
    if span is not None and isinstance(exc, ks.ValidationExprError):
        rule = _field(proto.registry, span).get("attr", {}).get("valid", {})
        if isinstance(rule, dict) and "expr" in rule:
            error = errors.ValidationError(
                f"got {show(exc.actual)}, which does not satisfy `{rule['expr']}`", **where)
    return error


def _field(registry: Registry, span: Span) -> dict:
    for field in registry.types.get(span.owner, {}).get("seq", []):
        if field["id"] == span.name:
            return field
    return {}


def _packet_name(proto: Protocol, tree: KaitaiStruct) -> str | None:
    opcode = read_opcode(proto, tree)
    if opcode is None:
        return None
    ptype = proto.by_opcode.get(opcode)
    return ptype.name if ptype else f"opcode 0x{opcode:04x}"


def read_opcode(proto: Protocol, dispatcher: KaitaiStruct) -> int | None:
    """Evaluate the dispatcher's switch-on path (e.g. ``packet_id`` or ``header.id``)."""
    value = path_value(dispatcher, proto.opcode_path)
    return None if value is MISSING else int(value)


def classify(exc: BaseException, where: dict) -> errors.ParseError:
    if isinstance(exc, ks.NoTerminatorFoundError):
        return errors.TruncatedError(
            f"no terminator {exc.term!r} before the end of the data", **where)
    if isinstance(exc, ks.EndOfStreamError):
        return errors.TruncatedError(
            f"needs {exc.bytes_needed} bytes, only {exc.bytes_available} left",
            needed=exc.bytes_needed, available=exc.bytes_available, **where)
    if isinstance(exc, EOFError):
        return errors.TruncatedError(f"end of data: {exc}", **where)
    if isinstance(exc, ks.ValidationNotEqualError):
        return errors.ValidationError(
            f"expected {show(exc.expected)}, got {show(exc.actual)}", **where)
    if isinstance(exc, ks.ValidationFailedError):
        message = str(exc).split("validation failed: ", 1)[-1]
        return errors.ValidationError(message, **where)
    if isinstance(exc, UnicodeDecodeError):
        if where.get("offset") is not None:
            where = dict(where, offset=where["offset"] + exc.start)
        bad = exc.object[exc.start:exc.end].hex(" ")
        return errors.DecodeError(f"byte(s) {bad} are not valid {exc.encoding} ({exc.reason})",
                                  **where)
    if isinstance(exc, ks.InvalidArgumentError):
        return errors.ParseError(str(exc), **where)
    return errors.ParseError(f"{type(exc).__name__}: {exc}", **where)
