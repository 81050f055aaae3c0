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
    fast = proto.fast_reader
    if fast is not None and len(data) >= fast[1]:
        # A plain header: read it here and run the packet's class on the body, without a
        # dispatcher object; anything unusual takes the dispatcher path below.
        opcode, size = fast[0](data)
        start = fast[1]
        if size is None or 0 <= size <= len(data) - start:
            found = fast[2].get(opcode)
            if found is None:
                raise unknown_opcode(proto, data, opcode)
            ptype, cls = found
            try:
                if size is None:
                    io = Stream(data, start)
                    body = cls(io)
                    end = start + io.pos()
                else:
                    end = start + size
                    body = cls(Stream(data, start, end))
            except Exception as exc:  # generated code: explained with path and offset
                raise offsets.explain_failure(proto, data, exc) from exc
            return ptype, body, None, end
    io = Stream(data)
    try:
        dispatcher = proto.dispatcher_cls("ro")(io)
    except Exception as exc:  # generated code: explained with path and offset
        raise offsets.explain_failure(proto, data, exc) from exc
    end = io.pos()
    ptype, body = dispatched(proto, dispatcher, data)
    return ptype, body, dispatcher, end


def dispatched(proto: Protocol, dispatcher: KaitaiStruct,
               data: bytes) -> tuple[PacketType, KaitaiStruct]:
    """The packet type and body of a dispatcher object that read `data`; UnknownOpcodeError
    when its opcode names no packet (its body is then not parsed)."""
    opcode = offsets.read_opcode(proto, dispatcher)
    ptype = proto.by_opcode.get(opcode)
    body = getattr(dispatcher, proto.body_field, MISSING)
    if ptype is None or not isinstance(body, KaitaiStruct):
        raise unknown_opcode(proto, data, opcode)
    return ptype, body


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
