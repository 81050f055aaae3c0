"""Packet bytes to the generated objects of the packet, and those to plain data.

The fast path runs the generated read-only classes: for a dispatcher with a plain header the
generated header reader (headergen.py) and the packet's own class, else the dispatcher class.
Anything they raise is explained by re-parsing with the debug classes (offsets.py), so errors
name the field and offset without slowing down inputs that parse. Both `Packet` (packet.py)
and the read-back check of a build (build.py) decode through here.
"""

from __future__ import annotations

import struct
from types import SimpleNamespace
from typing import Any

from kaitaistruct import KaitaiStruct

from ..errors import TrailingBytesError, UnknownOpcodeError
from ..model.paths import MISSING
from ..model.registry import PacketType, Protocol
from . import offsets
from .faststream import Stream
from .plain import converter_for


def decode(proto: Protocol, data: bytes) -> tuple[PacketType, KaitaiStruct, Any, int]:
    """(packet type, body object, dispatcher object or None, end of the packet in data).

    The dispatcher object is None when the generated header reader did the dispatching (see
    `light_dispatcher` for its fields). Raises a located ParseError, or UnknownOpcodeError
    (with all bytes kept) when the opcode names no packet.
    """
    try:
        ptype, body, dispatcher, end = read_packet(proto, data)
    except Exception as exc:  # generated code: explained with path and offset
        raise offsets.explain_failure(proto, data, exc) from exc
    if ptype is None:
        raise unknown_opcode(proto, data, body)
    return ptype, body, dispatcher, end


def read_packet(proto: Protocol, data: bytes, start: int = 0) -> tuple[Any, Any, Any, int]:
    """The packet at `start` of data, as the generated classes read it: (packet type, body,
    dispatcher object or None, end in data), or (None, opcode, dispatcher, end) when the
    opcode names no packet. Whatever the generated code raises is raised as it is: `decode`
    explains it, the splitter first asks whether it only needs more bytes (`ran_out`)."""
    fast = proto.fast_reader
    if fast is not None and len(data) - start >= fast[1]:
        # A plain header: read it here and run the packet's class on the body, without a
        # dispatcher object; anything unusual takes the dispatcher path below.
        opcode, size = fast[0](data, start)
        at = start + fast[1]
        if size is None or 0 <= size <= len(data) - at:
            found = fast[2].get(opcode)
            if found is None:
                return None, opcode, None, at
            ptype, cls = found
            if size is not None:  # bounded: its bytes are all there, more cannot help
                return ptype, cls(Stream(data, at, at + size)), None, at + size
            io = Stream(data, at)
            try:
                body = cls(io)
            except EOFError as exc:
                exc.ran_out = io.is_eof()
                raise
            return ptype, body, None, at + io.pos()
    io = Stream(data, start)
    try:
        dispatcher = proto.dispatcher_cls("ro")(io)
    except EOFError as exc:
        exc.ran_out = io.is_eof()  # the data ended, not a sized part of it: more may come
        raise
    end = start + io.pos()
    opcode = offsets.read_opcode(proto, dispatcher)
    ptype = proto.by_opcode.get(opcode)
    body = getattr(dispatcher, proto.body_field, MISSING)
    if ptype is None or not isinstance(body, KaitaiStruct):
        return None, opcode, dispatcher, end
    return ptype, body, dispatcher, end


def ran_out(exc: BaseException, io: Any = None) -> bool:
    """Whether a failed read needs more bytes: it ran out of the whole data (`io`, the stream
    it read; read_packet marks its own errors), not of a sized part of it (whose bytes were
    all there)."""
    if not isinstance(exc, EOFError):
        return False
    return io.is_eof() if io is not None else getattr(exc, "ran_out", False)


def unknown_opcode(proto: Protocol, data: bytes, opcode: int | None) -> UnknownOpcodeError:
    field = proto.opcode_path
    tree, _ = offsets.parse_debug(proto, data)
    offset = next((s.start for s in offsets.walk(tree) if s.path == field), 0)
    shown = "?" if opcode is None else f"0x{opcode:04x}"
    return UnknownOpcodeError(
        f"opcode {shown} names no packet of {proto.name}",
        opcode=opcode, data=data, protocol=proto.name, packet=None,
        path=proto.opcode_field, offset=offset)


def trailing_error(proto: Protocol, ptype: PacketType, trailing: bytes, offset: int,
                   packet_obj: Any = None) -> TrailingBytesError:
    """The error of a strict parse that found bytes after the packet."""
    return TrailingBytesError(
        f"{len(trailing)} byte(s) after the end of the packet: "
        f"{trailing[:32].hex(' ')}{' ...' if len(trailing) > 32 else ''}",
        trailing=trailing, packet_obj=packet_obj, protocol=proto.name,
        packet=ptype.name, offset=offset)


def light_dispatcher(proto: Protocol, data: bytes) -> Any:
    """The dispatcher's own fields without parsing the packet again: on the fast path the
    generated reader knows where each one lies (a header type is parsed on its bytes).
    None when the reader does not know them all: the dispatcher class must run."""
    layout = (proto.fast or {}).get("frame")
    if layout is None:
        return None
    values = {}
    for field in layout:
        if "format" in field:
            values[field["id"]] = struct.unpack_from(field["format"], data, field["offset"])[0]
        else:
            raw = data[field["offset"]:field["offset"] + field["size"]]
            cls = proto.registry.cls(field["type"], "ro")
            values[field["id"]] = cls(Stream(raw))
    return SimpleNamespace(**values)


def packet_dict(proto: Protocol, ptype: PacketType, body: KaitaiStruct, dispatcher: Any,
                trailing: bytes, trailing_offset: int) -> dict:
    """Plain, JSON-safe form of a packet: protocol, opcode, packet name, the dispatcher's own
    fields ("frame": a header, a FlyFF DPID), the body's fields, and the trailing bytes."""
    conv = converter_for(proto.registry)
    out: dict[str, Any] = {"protocol": proto.name, "opcode": ptype.opcode, "packet": ptype.name}
    frame = {}
    for name in proto.frame_fields:
        value = getattr(dispatcher, name, MISSING)
        if value is not MISSING:
            frame[name] = conv.convert(value, (name,), protocol=proto.name, packet=ptype.name)
    if frame:
        out["frame"] = frame
    out["fields"] = conv.convert(body, protocol=proto.name, packet=ptype.name)
    if trailing:
        out["trailing"] = {"offset": trailing_offset, "hex": trailing.hex()}
    return out
