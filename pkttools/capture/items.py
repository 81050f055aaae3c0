"""What a capture yields: connections, and the items found in each direction of one.

A `CaptureItem` carries one piece of a connection's traffic with where and when: a stream item
of the splitter (frame, prologue, unframed, incomplete), a reassembly event (gap, overlap,
stray bytes), or the `Unparsed` bytes of a direction that has no protocol. `Connection` holds a
TCP connection's or UDP flow's addresses, service and per-direction statistics.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from ..stream.items import Frame, Incomplete, Prologue, Unframed
from .reassembly import Gap, Overlap, Stray


@dataclass(slots=True)
class DirectionStats:
    """What one direction of one connection carried."""

    bytes: int = 0  # stream bytes (TCP: each byte once) or datagram payload bytes (UDP)
    packets: int = 0
    unknown: int = 0  # frames whose opcode has no spec
    errors: int = 0  # frames whose packet did not parse
    unframed_bytes: int = 0
    incomplete_bytes: int = 0
    gaps: int = 0
    gap_bytes: int = 0
    overlaps: int = 0
    stray_bytes: int = 0
    unparsed_bytes: int = 0
    retransmitted_bytes: int = 0
    unverified_bytes: int = 0

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(eq=False)
class Connection:
    """A TCP connection or a UDP flow on a mapped port. `client` and `server` are
    `address:port` strings; the server is the side that owns the service's port."""

    id: int
    transport: str
    client: str
    server: str
    service: str
    protocols: dict[str, str | None]
    first_time: float
    last_time: float
    first_record: int
    last_record: int = 0
    syn_seen: bool = False
    # open, closed (FIN both ways), reset, evicted (too many open), ended (the capture ended
    # while it was open; UDP flows always end so)
    state: str = "open"
    datagrams: dict[str, int] = field(default_factory=lambda: {"client": 0, "server": 0})
    stats: dict[str, DirectionStats] = field(
        default_factory=lambda: {"client": DirectionStats(), "server": DirectionStats()})
    # what the service's game layer learnt: the key from a hello, found by trial, a key step
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.transport} {self.client} > {self.server} {self.service}"

    def to_dict(self) -> dict:
        return {"id": self.id, "transport": self.transport, "client": self.client,
                "server": self.server, "service": self.service,
                "protocols": dict(self.protocols), "first_time": self.first_time,
                "last_time": self.last_time, "first_record": self.first_record,
                "last_record": self.last_record, "syn_seen": self.syn_seen,
                "state": self.state,
                "stats": {d: s.to_dict() for d, s in self.stats.items()},
                "notes": list(self.notes)}


@dataclass(slots=True)
class Unparsed:
    """Bytes of a direction that has no protocol (or no stream spec) to split them with."""

    offset: int
    data: bytes
    reason: str

    def to_dict(self) -> dict:
        return {"kind": "unparsed", "offset": self.offset, "length": len(self.data),
                "reason": self.reason, "hex": self.data.hex()}


Content = Union[Prologue, Frame, Unframed, Incomplete, Gap, Overlap, Stray, Unparsed]

KINDS = {Prologue: "prologue", Frame: "frame", Unframed: "unframed", Incomplete: "incomplete",
          Gap: "gap", Overlap: "overlap", Stray: "stray", Unparsed: "unparsed"}


@dataclass(slots=True)
class CaptureItem:
    """One thing found in a capture, with where and when.

    time / record: the capture record whose bytes completed it (for items reported when a
    connection or the capture ended: the connection's last record). offset: in the
    direction's TCP stream, or in the UDP datagram (`datagram` counts a flow's datagrams per
    direction from 1). direction: who sent the bytes, "client" or "server".
    """

    time: float
    record: int
    connection: Connection
    direction: str
    protocol: str | None
    content: Content
    datagram: int | None = None

    @property
    def kind(self) -> str:
        return KINDS[type(self.content)]

    @property
    def offset(self) -> int:
        return self.content.offset

    @property
    def packet(self):
        """The parsed `Packet` of a frame, else None."""
        return self.content.packet if isinstance(self.content, Frame) else None

    def to_dict(self) -> dict:
        conn = self.connection
        out: dict[str, Any] = {"time": self.time, "record": self.record,
                               "connection": conn.id, "transport": conn.transport,
                               "client": conn.client, "server": conn.server,
                               "service": conn.service, "direction": self.direction,
                               "protocol": self.protocol}
        if self.datagram is not None:
            out["datagram"] = self.datagram
        out.update(self.content.to_dict())
        return out
