"""`Packet` and `parse`: one packet payload of a protocol, both ways.

`parse` decodes (decode.py) and wraps the result; a `Packet` shows itself as plain data, finds
its fields' offsets, and writes itself back (`to_bytes`, through build.py). Reading and writing
meet here, above both, so neither reaches up into the other (build.py decodes its output
without a Packet).
"""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any, Iterator

from kaitaistruct import KaitaiStruct

from ..hextext import payload
from ..show import show
from ..model.paths import MISSING, dotted, path_value
from ..model.registry import PacketType, Protocol, Registry, resolve
from . import offsets
from .faststream import Stream
from .decode import decode, light_dispatcher, packet_dict, trailing_error
from .plain import PlainConverter, converter_for, format_path


class Packet:
    """A parsed packet.

    protocol / type: what it is (`type.name`, `type.opcode`); obj: the generated object of the
    packet body; dispatcher: the dispatcher object around it (opcode and header fields); data:
    the bytes the packet used; trailing: bytes after the packet (kept, never dropped;
    `parse(strict=True)` refuses them).
    """

    __slots__ = ("protocol", "type", "obj", "_dispatcher", "data", "trailing")

    def __init__(self, protocol: Protocol, ptype: PacketType, obj: KaitaiStruct,
                 dispatcher: KaitaiStruct | None, data: bytes, trailing: bytes):
        self.protocol = protocol
        self.type = ptype
        self.obj = obj
        self._dispatcher = dispatcher
        self.data = data
        self.trailing = trailing

    @property
    def dispatcher(self) -> KaitaiStruct:
        """The dispatcher object (opcode and header fields). Packets parsed on the fast path
        have none until asked for: the dispatcher then reads the same bytes again."""
        if self._dispatcher is None:
            self._dispatcher = self.protocol.dispatcher_cls("ro")(Stream(self.data))
        return self._dispatcher

    @property
    def name(self) -> str:
        return self.type.name

    @property
    def opcode(self) -> int:
        return self.type.opcode

    @property
    def trailing_offset(self) -> int:
        return len(self.data)

    def fields(self) -> dict:
        """The packet body as plain data (see plain.py)."""
        return converter_for(self.protocol.registry).convert(
            self.obj, protocol=self.protocol.name, packet=self.name)

    def to_dict(self) -> dict:
        """Plain, JSON-safe form: protocol, opcode, packet name, frame fields, body fields."""
        source = self._dispatcher
        if source is None and self.protocol.frame_fields:
            source = light_dispatcher(self.protocol, self.data) or self.dispatcher
        return packet_dict(self.protocol, self.type, self.obj, source, self.trailing,
                           self.trailing_offset)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_bytes(self) -> bytes:
        """The packet's bytes, with any edits made to `obj` since it was parsed.

        Unedited, the packet gives back exactly the bytes it was parsed from (including bytes a
        rebuild would normalise, such as garbage after a string's NUL). Edited, it is built
        again from its fields, and lengths, counts and other derived fields are recomputed.
        """
        from .build import build  # the builder loads only when a packet is written

        current = self.to_dict()
        current.pop("trailing", None)
        original = parse(self.protocol, self.data).to_dict()
        if current == original and _same_types(current, original):
            return self.data
        return build(self.protocol, current, recompute=True)

    def spans(self) -> list[offsets.Span]:
        """Every field with its absolute offset, from a debug re-parse of the same bytes."""
        tree, failure = offsets.parse_debug(self.protocol, self.data)
        if failure is not None:  # cannot happen for bytes that parsed; keep it loud
            raise offsets.explain_failure(self.protocol, self.data, failure)
        return list(offsets.walk(tree, registry=self.protocol.registry))

    def unmatched_switches(self) -> list[str]:
        """Switch fields whose key has no case, so their bytes were left unparsed."""
        return list(_unmatched(self.obj, (), self.protocol.registry))

    def __repr__(self) -> str:
        """`<Packet tmw.login.server 0x006a login_error: code=banned_until(6) message='2026-12-31
        23:59:59' (23 bytes)>`: the fields in spec order (sub-objects dotted, enums with their
        number, bytes as <hex>), cut at REPR_LIMIT characters. str() is the same line."""
        n = len(self.trailing)
        extra = f", {n} trailing byte{'s' if n > 1 else ''}" if n else ""
        fields = _brief(self.obj, converter_for(self.protocol.registry), REPR_LIMIT)
        return (f"<Packet {self.protocol.name} 0x{self.opcode:04x} {self.name}: "
                f"{fields + ' ' if fields else ''}({len(self.data)} bytes{extra})>")


REPR_LIMIT = 200  # characters of fields in repr(packet)
_VALUE_LIMIT = 40  # characters of one text or byte value in it


def _brief(obj: KaitaiStruct, conv: PlainConverter, room: int) -> str:
    """`name=value` pairs of an object (sub-objects dotted), as many as fit in `room`
    characters, then "..."."""
    text = ""
    for name, value in _pairs(obj, conv, ""):
        text += (" " if text else "") + f"{name}={_shown(value, conv, room - len(text))}"
        if len(text) > room:
            return text[:max(room - 3, 0)] + "..."
    return text


def _pairs(obj: KaitaiStruct, conv: PlainConverter, prefix: str) -> Iterator[tuple[str, Any]]:
    seq, instances = conv.fields_of(type(obj))
    for name in seq + instances:
        try:
            value = getattr(obj, name, MISSING)
        except Exception:  # an instance the data cannot satisfy: repr never raises
            continue
        if value is MISSING or value is None:
            continue
        if isinstance(value, KaitaiStruct):
            yield from _pairs(value, conv, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _shown(value: Any, conv: PlainConverter, room: int) -> str:
    """One value, in about `room` characters at most."""
    if isinstance(value, KaitaiStruct):
        return "{" + _brief(value, conv, room - 2) + "}"
    if isinstance(value, list):
        text = "["
        for item in value:
            if len(text) > room:
                return text + "...]"
            text += ("" if text == "[" else ", ") + _shown(item, conv, room - len(text))
        return text + "]"
    if isinstance(value, IntEnum):
        return f"{value.name}({int(value)})"
    if isinstance(value, (bytes, bytearray)):
        return f"<{show(bytes(value), _VALUE_LIMIT)}>"
    if isinstance(value, str) and len(value) > _VALUE_LIMIT:
        return repr(value[:_VALUE_LIMIT]) + "..."
    return repr(value)


def _same_types(a: Any, b: Any) -> bool:
    """Plain data equal and of the same types (1 == True == 1.0 must not hide an edit)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same_types(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_types(x, y) for x, y in zip(a, b))
    return True


def _unmatched(obj: KaitaiStruct, path: tuple, registry: Registry):
    info = registry.types.get(Registry.type_key_of(obj))
    if info is None:
        return
    for field in info["seq"]:
        value = getattr(obj, field["id"], MISSING)
        here = path + (field["id"],)
        if value is MISSING:
            if field["switch_on"] is not None and "if" not in field["attr"]:
                key = path_value(obj, dotted(str(field["switch_on"])))
                shown = "" if key is MISSING else f" = {int(key)}"
                yield (f"{format_path(here)}: no case for {field['switch_on']}{shown}; "
                       f"its bytes are not parsed")
            continue
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(item, KaitaiStruct):
                yield from _unmatched(item, here + ((i,) if isinstance(value, list) else ()),
                                      registry)


def parse(protocol: str | Protocol, data: bytes | bytearray | memoryview | str, *,
          strict: bool = False, registry: Registry | None = None) -> Packet:
    """Parse one packet payload (starting with its opcode) of `protocol`.

    `data` is bytes, or text in any hex spelling the command line takes (`"01 00 da"`,
    `"0x01,0x00"`, an xxd or Wireshark hex dump: see pkttools/hextext.py); text that is not
    hex raises UsageError.

    Raises a `pkttools.errors.ParseError` subclass naming the field path and byte offset when
    the bytes do not parse, `UnknownOpcodeError` (with all bytes kept) when the opcode names no
    packet. Bytes after the packet are kept in `Packet.trailing`, or refused with
    `TrailingBytesError` when `strict` is true.
    """
    proto = resolve(protocol, registry)
    if type(data) is not bytes:
        data = payload(data)
    ptype, body, dispatcher, end = decode(proto, data)
    if end == len(data):
        return Packet(proto, ptype, body, dispatcher, data, b"")
    packet = Packet(proto, ptype, body, dispatcher, data[:end], data[end:])
    if strict:
        raise trailing_error(proto, ptype, packet.trailing, end, packet)
    return packet
