"""`build_frame`: one frame of a protocol's stream, ready to send, checked by splitting it back.

For length-prefixed streams (FlyFF) the packet goes inside a frame whose header (magic, length,
checksum fields) the builder fills in from the stream spec; the bytes are then split again and
the packet and the header compared with what was given. Where packets are their own frames
(TMW, PangYa, FFXI) a frame is the packet, and this is `build`.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..codec.build import build, prepare
from ..codec.plain import to_plain
from ..codec.readback import compare
from ..codec.tree import bytes_of
from ..errors import BuildError, UsageError
from ..model.registry import PacketType, Protocol, Registry, resolve
from .framing import split
from .items import Frame


def build_frame(protocol: str | Protocol, data: dict, *, header: dict | None = None,
                recompute: bool = False, verify: bool = True,
                registry: Registry | None = None) -> bytes:
    """One frame of the protocol's stream carrying a packet, ready to send on the wire.

    For length-prefixed streams (FlyFF) the frame header is built from `header` (its magic and
    length filled in; other fields such as checksums given); where packets are their own frames
    (TMW, PangYa, FFXI) this is `build`.
    """
    proto = resolve(protocol, registry)
    desc = proto.stream["frame"] if proto.stream else None
    if desc is None or desc["kind"] == "self" or desc["packet"] == "frame":
        if header:
            raise UsageError(f"{proto.name} packets are their own frames: there is no separate "
                             f"frame header to give")
        return build(proto, data, recompute=recompute, verify=verify)
    if isinstance(data, dict) and data.get("trailing"):
        raise UsageError("a packet inside a frame cannot have trailing bytes")
    builder, ptype, root = prepare(proto, data, recompute)
    builder.prefix = (desc["body_field"], proto.body_field)
    frame = {desc["header_field"]: header or {}, desc["body_field"]: root}
    out, derived = builder.build_root(desc["type"], frame)
    if verify:
        _verify_frame(proto, ptype, out, data, header or {}, derived if recompute else set(),
                      desc)
    return out


def build_stream(protocol: str | Protocol, packets: Iterable[Any], *, recompute: bool = False,
                 verify: bool = True, registry: Registry | None = None) -> bytes:
    """The bytes of several packets as they follow each other in the protocol's stream, each
    framed as `build_frame` frames it (FlyFF's 0x5E header; elsewhere packets are their own
    frames).

    `packets` holds packet data as `build` takes it, or stream items as `split(...)` gives
    them (the items, or their `to_dict()`, which `pkttools split --format json` prints): frames
    are rebuilt, and prologue, unframed and incomplete bytes written back as they were, so a
    split stream rebuilds byte for byte.
    """
    proto = resolve(protocol, registry)
    if isinstance(packets, (dict, str, bytes, bytearray, memoryview)) or \
            hasattr(packets, "to_dict") or not isinstance(packets, Iterable):
        raise UsageError(f"build_stream takes a list (or other iterable) of packets, not "
                         f"{type(packets).__name__}; for one packet use build_frame")
    return b"".join(build_item(proto, item, recompute=recompute, verify=verify)
                    for item in packets)


def build_item(proto: Protocol, item: Any, *, frame: bool = True, recompute: bool = False,
               verify: bool = True) -> bytes:
    """One packet (framed, unless frame=False) or one stream item, as bytes."""
    if hasattr(item, "to_dict") and not isinstance(item, dict):
        item = item.to_dict()
    if isinstance(item, dict) and "kind" in item:
        if item["kind"] == "frame" and item.get("packet") is not None:
            desc = proto.stream["frame"] if proto.stream else {}
            header = item.get("header") if desc.get("packet") == "body" else None
            return build_frame(proto, item["packet"], header=header, recompute=recompute,
                               verify=verify)
        if "hex" not in item:
            raise UsageError(f"a {item['kind']} item needs its 'hex' bytes")
        raw = bytes_of(item["hex"])
        if raw is None:
            raise UsageError(f"'hex' of a {item['kind']} item is not hex")
        return raw
    if frame:
        return build_frame(proto, item, recompute=recompute, verify=verify)
    return build(proto, item, recompute=recompute, verify=verify)


def _verify_frame(proto: Protocol, ptype: PacketType, out: bytes, data: dict, header: dict,
                  skip: set[tuple], desc: dict) -> None:
    """Split the frame back and compare its packet and header with what was given."""
    items = split(proto, out)
    frame = items[0] if len(items) == 1 and isinstance(items[0], Frame) else None
    if frame is None or frame.packet is None:
        problem = frame.error if frame is not None else [type(i).__name__ for i in items]
        raise BuildError(f"the frame written does not split back into one packet: {problem}",
                         protocol=proto.name, packet=ptype.name)
    back = frame.packet.to_dict()
    # Paths in the frame's tree start with the frame's body field; the packet's do not.
    inner = {p[1:] for p in skip if p[:1] == (desc["body_field"],)}
    inner.add(proto.opcode_path)
    compare(data.get("fields", {}), back["fields"], (proto.body_field,), proto, ptype, inner)
    compare(data.get("frame") or {}, back.get("frame", {}), (), proto, ptype, inner)
    header_back = to_plain(frame.header, proto.registry)
    compare(header, header_back, (desc["header_field"],), proto, ptype, skip)
