"""One TCP connection of a game service as bytes on the wire, both directions.

What a live connection needs that a capture does not: reading is the capture's (each
direction through the service's splitter, or through its game layer, which frames and
decrypts), and writing goes the other way: plain data or a Packet becomes a frame of the
stream (`build_frame`), encrypted by the same layer session, so one key serves both ways.
The fake servers and clients of pkttools.session read and write one direction each; the proxy
reads both and writes replacements into either.

Every byte fed comes back once, in an item with its offset in that direction's stream: a
`Frame` (with its packet, or the error that kept it from parsing), `Unframed` bytes, the
`Incomplete` tail at the end, or `Unparsed` bytes of a direction without specs (a service
pkttools does not know yet).
"""

from __future__ import annotations

from typing import Any, Union

from ..capture.decrypt import LayerStream, layer_of, unparsed_reason
from ..capture.items import Unparsed
from ..codec.packet import Packet, parse
from ..codec.plain import to_plain
from ..errors import PacketError, UsageError
from ..model.conventions import DIRECTIONS
from ..model.registry import Protocol, Registry, default_registry
from ..stream.frames import build_frame
from ..stream.framing import Splitter
from ..stream.items import Frame, Item, Unframed

WireItem = Union[Item, Unparsed]
Sendable = Union[dict, Packet, bytes, bytearray, memoryview]

MAX_FRAME = 8 << 20
"""Bytes of one unfinished frame a direction holds (a length field of gigabytes must not make
the holder buffer them); beyond it the rest of the direction passes through unframed."""


def other(direction: str) -> str:
    """The other direction (`client` <-> `server`)."""
    return "server" if direction == "client" else "client"


class _Side:
    __slots__ = ("protocol", "splitter", "received", "reason")

    def __init__(self, protocol: Protocol | None, reason: str):
        self.protocol = protocol
        self.splitter: Splitter | None = None
        self.received = 0  # stream offset of the next byte fed
        self.reason = reason  # why its bytes are not parsed ("" when they are)


class Wire:
    """A connection of `service` (`tmw.login`): `feed` what a direction sent, `close` it at
    its end, `encode` what to send. `key` is the game layer's key, where the service has one
    and the connection cannot learn it (PangYa learns it from the hello)."""

    def __init__(self, service: str, *, key: Any = None, registry: Registry | None = None,
                 max_frame: int = MAX_FRAME):
        registry = registry or default_registry()
        self.service = service
        self.max_frame = max_frame
        self.protocols: dict[str, Protocol | None] = {
            d: registry.protocols.get(f"{service}.{d}") for d in DIRECTIONS}
        module = layer_of(self.protocols)
        if module is not None and module.PLAIN != "packet":
            raise UsageError(f"{service} travels in UDP datagrams; sessions carry TCP "
                             f"streams (`pkttools proxy` carries both)")
        self.layer = LayerStream(module, self.protocols, key) if module is not None else None
        self._sides: dict[str, _Side] = {}
        for d, proto in self.protocols.items():
            side = _Side(proto, unparsed_reason(service, d, proto))
            if not side.reason and self.layer is None:
                side.splitter = Splitter(proto)
            self._sides[d] = side

    @property
    def notes(self) -> list[str]:
        """What the game layer learnt (the key from a hello, ...); empty without a layer."""
        return self.layer.notes if self.layer is not None else []

    def received(self, direction: str) -> int:
        """Bytes fed so far in `direction`."""
        return self._sides[direction].received

    def held(self, direction: str) -> int:
        """Bytes of `direction` fed but not yet returned in an item (an unfinished frame)."""
        side = self._sides[direction]
        return side.received - side.splitter.offset if side.splitter is not None else 0

    # -- reading --------------------------------------------------------------------------------
    def feed(self, direction: str, data: bytes) -> list[WireItem]:
        """The items that bytes `data` of `direction` complete, in stream order."""
        side = self._sides[direction]
        offset = side.received
        side.received += len(data)
        if side.reason:
            return [Unparsed(offset, bytes(data), side.reason)] if data else []
        if self.layer is not None:
            return list(self.layer.feed(direction, offset, bytes(data)))
        assert side.splitter is not None
        items: list[WireItem] = list(side.splitter.feed(data))
        if side.received - side.splitter.offset > self.max_frame:
            side.reason = (f"after a frame longer than {self.max_frame} bytes, the rest of "
                           f"the {direction} stream passes through unframed")
            items += [Unframed(i.offset, i.data, side.reason) for i in side.splitter.close()]
            side.splitter = None
        return items

    def close(self, direction: str) -> list[WireItem]:
        """The end of `direction`: what was held back, and an unfinished frame as
        `Incomplete`."""
        side = self._sides[direction]
        if self.layer is not None and not side.reason:
            return list(self.layer.close(direction))
        if side.splitter is None:
            return []
        items = side.splitter.close()
        side.splitter = None
        return list(items)

    # -- writing --------------------------------------------------------------------------------
    def encode(self, direction: str, data: Sendable, *, header: Any = None) -> bytes:
        """What `direction` sends for `data`: bytes as they are (wire bytes, never encrypted);
        plain data (`build` takes it; lengths and counts recomputed) or a `Packet`, framed as
        the stream frames packets and encrypted by the game layer. `header` gives the frame
        header's other fields (FlyFF's checksums) as plain data or a parsed header."""
        if isinstance(data, (bytes, bytearray, memoryview)):
            return bytes(data)
        return self._frame(direction, data, header)[0]

    def frames(self, direction: str, data: Sendable, *, header: Any = None
               ) -> list[WireItem]:
        """The items a receiver of `encode(direction, data)` would read, with offsets from 0:
        what a proxy reports for what it sent. Wire bytes are split as the stream is (or, of a
        layered service, shown undecrypted)."""
        proto = self._sides[direction].protocol
        if isinstance(data, (bytes, bytearray, memoryview)):
            raw = bytes(data)
            if self._sides[direction].reason or proto is None:
                return [Unparsed(0, raw, self._sides[direction].reason)]
            if self.layer is not None:
                return [Unframed(0, raw, "wire bytes sent as given (not decrypted)")]
            splitter = Splitter(proto)
            return splitter.feed(raw) + splitter.close()
        wire, plain = self._frame(direction, data, header)
        assert proto is not None
        if self.layer is None:
            splitter = Splitter(proto)
            return splitter.feed(wire) + splitter.close()
        try:
            return [Frame(0, wire, parse(proto, plain), None, None, 0)]
        except PacketError as exc:  # a replacement built from plain data parses by design
            return [Frame(0, wire, None, exc, None, 0)]

    def _frame(self, direction: str, data: dict | Packet, header: Any) -> tuple[bytes, bytes]:
        """(wire bytes, plaintext frame) of a packet."""
        proto = self._sides[direction].protocol
        if proto is None:
            raise UsageError(f"{self.service} has no {direction} protocol: send bytes")
        if isinstance(data, Packet):
            if data.protocol is not proto:
                raise UsageError(f"a {data.protocol.name} packet cannot be sent as "
                                 f"{proto.name}")
            desc = (proto.stream or {}).get("frame") or {}
            if desc.get("kind") == "length" and desc.get("packet") == "body":
                packet = data.to_dict()
                packet.pop("trailing", None)
                plain = build_frame(proto, packet, header=self._header(proto, header),
                                    recompute=True)
            else:
                plain = data.to_bytes() + data.trailing
        elif isinstance(data, dict):
            plain = build_frame(proto, data, header=self._header(proto, header), recompute=True)
        else:
            raise UsageError(f"send plain data (a dict), a Packet or bytes, not "
                             f"{type(data).__name__}")
        if self.layer is None:
            return plain, plain
        return self.layer.session.encode(direction, plain), plain

    @staticmethod
    def _header(proto: Protocol, header: Any) -> dict | None:
        if header is None or isinstance(header, dict):
            return header
        return to_plain(header, proto.registry)  # a header read from the stream

