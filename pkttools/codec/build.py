"""`build`: packet bytes from plain data, checked by reading them back.

`build(protocol, data)` takes the shape `Packet.to_dict()` returns, lets the builder derive,
check and write it (builder.py), then decodes the bytes again and compares them with the data
given (readback.py), so a packet is never written silently different from what was asked.
Data the packet type's compiled writer is sure of takes its fast path (writer.py): the same
bytes, checked by the fast parse.
"""

from __future__ import annotations

from typing import Any

from ..errors import BuildError, InconsistentError, PacketError, UsageError
from ..show import show
from ..model.registry import PacketType, Protocol, Registry, resolve
from . import writer
from .builder import Builder, builder_for
from .decode import decode, light_dispatcher, packet_dict, trailing_error
from .faststream import Stream
from .readback import compare
from .tree import bytes_of


def build(protocol: str | Protocol, data: dict, *, recompute: bool = False,
          verify: bool = True, registry: Registry | None = None) -> bytes:
    """Packet bytes from plain data.

    `data` has `packet` (name) and/or `opcode`, `fields` (the body, as `Packet.fields()`
    returns it), optionally `frame` (dispatcher fields such as a header) and `trailing`
    (appended as is). Derived fields, fields with a spec default, and fields a given value
    instance stands for may be left out; enum values may be names, numbers or {"name", "value"}
    pairs. With recompute=True, derived fields that are given are recomputed instead of checked
    (used to rewrite edited packets). With verify=True (the default) the bytes are parsed back
    and compared with `data`.
    """
    proto = resolve(protocol, registry)
    if writer.ENABLED and not recompute:
        fast = writer.fast_build(proto, data, verify)
        if fast is not None:  # the compiled writer was sure: the general builder's bytes
            if "trailing" not in data:
                return fast[0]
            return fast[0] + _trailing(data, len(fast[0]), proto, fast[1])
    builder, ptype, root = prepare(proto, data, recompute)
    builder.prefix = (proto.body_field,)
    out, derived = builder.build_root(proto.type_key, root)
    trailing = _trailing(data, len(out), proto, ptype)
    if verify:
        _verify(proto, ptype, out, data, derived if recompute else set())
    return out + trailing


def prepare(proto: Protocol, data: Any, recompute: bool) -> tuple[Builder, PacketType, dict]:
    """Check the top level of packet data; the builder and the dispatcher's plain data."""
    if not isinstance(data, dict):
        raise UsageError(f"a packet is an object with 'packet' or 'opcode' and 'fields', "
                         f"got {show(data, 60)}")
    if data.get("protocol", proto.name) != proto.name:
        raise UsageError(f"the data is a {data['protocol']} packet, not {proto.name}")
    extra = set(data) - {"protocol", "opcode", "packet", "frame", "fields", "trailing"}
    if extra:
        raise UsageError(f"unknown top-level key(s) {', '.join(sorted(extra))}; a packet has "
                         f"protocol, opcode, packet, frame, fields, trailing")
    ptype = _packet_type(proto, data)
    builder = builder_for(proto)
    builder.packet_name = ptype.name
    builder.recompute = recompute
    builder.opcode = ptype.opcode
    frame = data.get("frame") or {}
    if not isinstance(frame, dict):
        raise UsageError(f"'frame' must be an object, got {show(frame, 60)}")
    root = dict(frame)
    root[proto.body_field] = data.get("fields", {})
    return builder, ptype, root


def _packet_type(proto: Protocol, data: dict) -> PacketType:
    by_name = by_opcode = None
    if "packet" in data:
        by_name = proto.packet(str(data["packet"]))
    if "opcode" in data:
        if isinstance(data["opcode"], bool) or not isinstance(data["opcode"], (int, str)):
            raise UsageError(f"opcode must be a number, got {show(data['opcode'], 60)}")
        by_opcode = proto.packet(data["opcode"])
    if by_name and by_opcode and by_name is not by_opcode:
        raise UsageError(f"packet {by_name.name!r} has opcode 0x{by_name.opcode:04x}, "
                         f"not {data['opcode']}")
    ptype = by_name or by_opcode
    if ptype is None:
        raise UsageError("say which packet: give 'packet' (its name) or 'opcode'")
    return ptype


def _trailing(data: dict, end: int, proto: Protocol, ptype: PacketType) -> bytes:
    trailing = data.get("trailing")
    if trailing is None:
        return b""
    raw = bytes_of(trailing.get("hex") if isinstance(trailing, dict) else trailing)
    if raw is None:
        raise UsageError("trailing must be hex bytes or {'offset': n, 'hex': '...'}")
    if isinstance(trailing, dict) and trailing.get("offset", end) != end:
        raise InconsistentError(f"trailing bytes are said to start at offset "
                                f"{trailing['offset']}, but the packet is {end} bytes",
                                protocol=proto.name, packet=ptype.name, path="trailing")
    return raw


def _verify(proto: Protocol, ptype: PacketType, out: bytes, data: dict,
            skip: set[tuple]) -> None:
    """Decode the bytes strictly and compare with what was given (except `skip`: recomputed)."""
    try:
        back_type, body, dispatcher, end = decode(proto, out)
        if end < len(out):
            raise trailing_error(proto, back_type, out[end:], end)
    except PacketError as exc:
        raise BuildError(f"the bytes written do not parse back: {exc}", protocol=proto.name,
                         packet=ptype.name, path=exc.path) from exc
    if dispatcher is None and proto.frame_fields:
        dispatcher = light_dispatcher(proto, out) or proto.dispatcher_cls("ro")(Stream(out))
    back = packet_dict(proto, back_type, body, dispatcher, b"", end)
    skip = skip | {proto.opcode_path}  # set from the packet type
    compare(data.get("fields", {}), back["fields"], (proto.body_field,), proto, ptype, skip)
    compare(data.get("frame") or {}, back.get("frame", {}), (), proto, ptype, skip)
