"""What a stream splits into: every byte fed comes back once, in one of these items.

A `Prologue` (a field read once before the frames), a `Frame` (with its parsed `Packet`, or the
error that kept the body from parsing), `Unframed` bytes (with the reason they cannot be
framed), or the `Incomplete` tail of a stream that ended inside a frame. Each has `to_dict()`,
the JSON `pkttools split` prints and `pkttools build` takes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Union

from kaitaistruct import KaitaiStruct

from ..codec.packet import Packet
from ..codec.plain import to_plain
from ..errors import PacketError
from ..model.registry import Registry, default_registry


@dataclass
class Prologue:
    """A field read once before the frames (e.g. the FFXI datagram header)."""

    offset: int
    data: bytes
    name: str
    obj: KaitaiStruct | None  # the parsed field, None for plain sized bytes

    def to_dict(self, registry: Registry | None = None) -> dict:
        out = {"kind": "prologue", "offset": self.offset, "length": len(self.data),
               "name": self.name, "hex": self.data.hex()}
        if self.obj is not None:
            out["fields"] = _plain(self.obj, registry)
        return out


@dataclass
class Frame:
    """One delimited frame: the bytes, and the packet they carry or why it did not parse.

    `error` offsets are stream offsets; `packet_offset` is where the packet bytes start (after
    the frame header when the packet is only the body).
    """

    offset: int
    data: bytes
    packet: Packet | None
    error: PacketError | None
    header: KaitaiStruct | None = None
    packet_offset: int = 0

    def to_dict(self, registry: Registry | None = None) -> dict:
        out: dict[str, Any] = {"kind": "frame", "offset": self.offset, "length": len(self.data)}
        if self.header is not None:
            out["header"] = _plain(self.header, registry)
        out["packet"] = self.packet.to_dict() if self.packet is not None else None
        if self.error is not None:
            out["error"] = str(self.error)
            out["hex"] = self.data.hex()
        return out


@dataclass
class Unframed:
    """Bytes that cannot be framed: garbage before a resync point, or everything after the
    splitter had to stop (an unknown packet with no length, a broken header, an end marker)."""

    offset: int
    data: bytes
    reason: str
    error: PacketError | None = None

    def to_dict(self, registry: Registry | None = None) -> dict:
        return {"kind": "unframed", "offset": self.offset, "length": len(self.data),
                "reason": self.reason, "error": None if self.error is None else str(self.error),
                "hex": self.data.hex()}


@dataclass
class Incomplete:
    """The tail left at close(): the start of a frame whose remaining bytes never came."""

    offset: int
    data: bytes
    reason: str

    def to_dict(self, registry: Registry | None = None) -> dict:
        return {"kind": "incomplete", "offset": self.offset, "length": len(self.data),
                "reason": self.reason, "hex": self.data.hex()}


Item = Union[Prologue, Frame, Unframed, Incomplete]


def merge_unframed(items: Iterable[Item]) -> list[Item]:
    """Join adjacent Unframed items of the same reason.

    `Splitter.feed` returns unframed bytes as soon as it knows they cannot be framed, so a run
    of garbage fed in pieces comes back in pieces; this puts each run back together (the first
    piece's error is kept).
    """
    merged: list[Item] = []
    for item in items:
        last = merged[-1] if merged else None
        if (isinstance(item, Unframed) and isinstance(last, Unframed)
                and last.reason == item.reason
                and last.offset + len(last.data) == item.offset):
            merged[-1] = Unframed(last.offset, last.data + item.data, last.reason,
                                  last.error or item.error)
        else:
            merged.append(item)
    return merged


def _plain(obj: KaitaiStruct, registry: Registry | None) -> Any:
    return to_plain(obj, registry or default_registry())
