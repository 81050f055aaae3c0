"""Parse one packet payload of a protocol, dispatching on its opcode.

The fast path runs the generated read-only dispatcher class. Anything it raises is explained
by re-parsing with the debug classes (see locate.py), so errors name the field and offset
without slowing down inputs that parse.
"""

from __future__ import annotations

import json
from functools import lru_cache
from io import BytesIO
from typing import Any

from kaitaistruct import KaitaiStream, KaitaiStruct

from . import locate
from .errors import TrailingBytesError, UnknownOpcodeError
from .plain import MISSING, PlainConverter, format_path
from .registry import PacketType, Protocol, Registry, default_registry

@lru_cache(maxsize=None)
def _converter(registry: Registry) -> PlainConverter:
    """One converter (and its per-class field cache) per registry."""
    return PlainConverter(registry)


class Packet:
    """A parsed packet.

    protocol / type: what it is (`type.name`, `type.opcode`); obj: the generated object of the
    packet body; frame: the dispatcher object around it; data: the bytes the packet used;
    trailing: bytes after the packet (kept, never dropped; `parse(strict=True)` refuses them).
    """

    __slots__ = ("protocol", "type", "obj", "_frame", "data", "trailing")

    def __init__(self, protocol: Protocol, ptype: PacketType, obj: KaitaiStruct,
                 frame: KaitaiStruct | None, data: bytes, trailing: bytes):
        self.protocol = protocol
        self.type = ptype
        self.obj = obj
        self._frame = frame
        self.data = data
        self.trailing = trailing

    @property
    def frame(self) -> KaitaiStruct:
        """The dispatcher object (opcode and header fields). Packets parsed on the fast path
        have none until asked for: the dispatcher then reads the same bytes again."""
        if self._frame is None:
            self._frame = self.protocol.dispatcher_cls("ro").from_bytes(self.data)
        return self._frame

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
        return _converter(self.protocol.registry).convert(
            self.obj, protocol=self.protocol.name, packet=self.name)

    def to_dict(self) -> dict:
        """Plain, JSON-safe form: protocol, opcode, packet name, frame fields, body fields."""
        conv = _converter(self.protocol.registry)
        out: dict[str, Any] = {"protocol": self.protocol.name, "opcode": self.opcode,
                               "packet": self.name}
        frame = {}
        for name in self.protocol.frame_fields:
            value = getattr(self.frame, name, MISSING)
            if value is not MISSING:
                frame[name] = conv.convert(value, (name,), protocol=self.protocol.name,
                                           packet=self.name)
        if frame:
            out["frame"] = frame
        out["fields"] = self.fields()
        if self.trailing:
            out["trailing"] = {"offset": self.trailing_offset, "hex": self.trailing.hex()}
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_bytes(self) -> bytes:
        """The packet's bytes, with any edits made to `obj` since it was parsed.

        Unedited, the packet gives back exactly the bytes it was parsed from (including bytes a
        rebuild would normalise, such as garbage after a string's NUL). Edited, it is built
        again from its fields, and lengths, counts and other derived fields are recomputed.
        """
        from .building import build

        current = self.to_dict()
        current.pop("trailing", None)
        original = parse(self.protocol, self.data).to_dict()
        if current == original and _same_types(current, original):
            return self.data
        return build(self.protocol, current, recompute=True)

    def spans(self) -> list[locate.Span]:
        """Every field with its absolute offset, from a debug re-parse of the same bytes."""
        tree, failure = locate.parse_debug(self.protocol, self.data)
        if failure is not None:  # cannot happen for bytes that parsed; keep it loud
            raise locate.explain_failure(self.protocol, self.data, failure)
        return list(locate.walk(tree, registry=self.protocol.registry))

    def unmatched_switches(self) -> list[str]:
        """Switch fields whose key has no case, so their bytes were left unparsed."""
        return list(_unmatched(self.obj, (), self.protocol.registry))

    def __repr__(self) -> str:
        extra = f", {len(self.trailing)} trailing bytes" if self.trailing else ""
        return (f"<Packet {self.protocol.name} 0x{self.opcode:04x} {self.name}: "
                f"{len(self.data)} bytes{extra}>")


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
                key = _evaluate_path(obj, field["switch_on"])
                shown = "" if key is MISSING else f" = {int(key)}"
                yield (f"{format_path(here)}: no case for {field['switch_on']}{shown}; "
                       f"its bytes are not parsed")
            continue
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(item, KaitaiStruct):
                yield from _unmatched(item, here + ((i,) if isinstance(value, list) else ()),
                                      registry)


def _evaluate_path(obj: Any, expr: str) -> Any:
    value = obj
    for part in expr.split("."):
        value = getattr(value, part.strip(), MISSING)
        if value is MISSING:
            return MISSING
    return value


def parse(protocol: str | Protocol, data: bytes | bytearray | memoryview, *,
          strict: bool = False, registry: Registry | None = None) -> Packet:
    """Parse one packet payload (starting with its opcode) of `protocol`.

    Raises a `pkttools.errors.ParseError` subclass naming the field path and byte offset when
    the bytes do not parse, `UnknownOpcodeError` (with all bytes kept) when the opcode names no
    packet. Bytes after the packet are kept in `Packet.trailing`, or refused with
    `TrailingBytesError` when `strict` is true.
    """
    proto = protocol if isinstance(protocol, Protocol) else \
        (registry or default_registry()).protocol(protocol)
    if type(data) is not bytes:
        data = bytes(data)
    fast = proto.fast_reader
    packet = None
    if fast is not None and len(data) >= fast[1]:
        # A plain header: read it here and run the packet's class on the body, without a
        # dispatcher object; anything unusual takes the dispatcher path below.
        opcode, size = fast[0](data)
        start = fast[1]
        if size is None or 0 <= size <= len(data) - start:
            found = fast[2].get(opcode)
            if found is None:
                raise _unknown_opcode(proto, data, opcode)
            ptype, cls = found
            try:
                if size is None:
                    io = KaitaiStream(BytesIO(data))
                    io.seek(start)
                    body = cls(io)
                    end = io.pos()
                else:
                    end = start + size
                    body = cls(KaitaiStream(BytesIO(data[start:end])))
            except Exception as exc:  # generated code: explained with path and offset
                raise locate.explain_failure(proto, data, exc) from exc
            packet = Packet(proto, ptype, body, None, data if end == len(data) else data[:end],
                            data[end:] if end < len(data) else b"")
    if packet is None:
        io = KaitaiStream(BytesIO(data))
        try:
            frame = proto.dispatcher_cls("ro")(io)
        except Exception as exc:  # generated code: explained with path and offset
            raise locate.explain_failure(proto, data, exc) from exc
        packet = packet_from_frame(proto, frame, data, io.pos())
    if strict and packet.trailing:
        raise TrailingBytesError(
            f"{len(packet.trailing)} byte(s) after the end of the packet: "
            f"{packet.trailing[:32].hex(' ')}{' ...' if len(packet.trailing) > 32 else ''}",
            trailing=packet.trailing, packet_obj=packet, protocol=proto.name,
            packet=packet.name, offset=packet.trailing_offset)
    return packet


def packet_from_frame(proto: Protocol, frame: KaitaiStruct, data: bytes, end: int) -> Packet:
    """A Packet from a dispatcher object that read data[:end]; UnknownOpcodeError if none."""
    opcode = locate.read_opcode(proto, frame)
    ptype = proto.by_opcode.get(opcode)
    body = getattr(frame, proto.body_field, MISSING)
    if ptype is None or not isinstance(body, KaitaiStruct):
        raise _unknown_opcode(proto, data, opcode)
    return Packet(proto, ptype, body, frame, data[:end], data[end:])


def _unknown_opcode(proto: Protocol, data: bytes, opcode: int | None) -> UnknownOpcodeError:
    field = tuple(proto.opcode_field.split("."))
    tree, _ = locate.parse_debug(proto, data)
    offset = next((s.start for s in locate.walk(tree) if s.path == field), 0)
    shown = "?" if opcode is None else f"0x{opcode:04x}"
    return UnknownOpcodeError(
        f"opcode {shown} names no packet of {proto.name}",
        opcode=opcode, data=data, protocol=proto.name, packet=None,
        path=proto.opcode_field, offset=offset)
