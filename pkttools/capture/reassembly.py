"""TCP reassembly for one direction of a connection: segments in, stream bytes out, in order.

Stream offsets count from the first byte after the SYN, or, when the capture has no SYN for
this direction (it started mid-connection), from the first byte of the first segment seen.
Sequence numbers are unwrapped to 64-bit offsets next to the expected one, so the 32-bit
wrap-around is invisible to callers.

What comes out, in stream order:

- `Data`: bytes at their stream offset, each byte exactly once;
- `Gap`: a range of bytes the capture does not have (a segment never captured, or the end of a
  packet cut at the snap length), with its offset and size. Reassembly waits for missing
  segments only while the segments held after the hole stay under a byte limit; past it, or
  when the stream ends, the hole becomes a gap and the held bytes follow it;
- `Overlap`: a retransmission whose bytes differ from those already delivered (the first
  copy delivered wins; both are reported);
- `Stray`: bytes that have no place in the stream (before its first byte, after the FIN).

Retransmitted bytes are compared with the last `history` bytes delivered; older ones are only
counted (`unverified`). A one-byte segment just before the expected offset is a keep-alive
probe, whose byte is not compared.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Union

MOD = 1 << 32
HALF = 1 << 31


@dataclass(slots=True)
class Data:
    offset: int
    data: bytes


@dataclass(slots=True)
class Gap:
    """Bytes the stream had but the capture lacks: `size` bytes from `offset`."""

    offset: int
    size: int
    reason: str

    def to_dict(self) -> dict:
        return {"kind": "gap", "offset": self.offset, "length": self.size,
                "reason": self.reason}


@dataclass(slots=True)
class Overlap:
    """A retransmission that disagrees with bytes already delivered (`kept`)."""

    offset: int
    kept: bytes
    dropped: bytes

    @property
    def reason(self) -> str:
        return ("retransmitted bytes differ from the bytes already delivered; the first copy "
                "is kept")

    def to_dict(self) -> dict:
        return {"kind": "overlap", "offset": self.offset, "length": len(self.kept),
                "reason": self.reason,
                "kept_hex": self.kept.hex(), "dropped_hex": self.dropped.hex()}


@dataclass(slots=True)
class Stray:
    """Bytes of a segment that lie outside the stream; `offset` may be negative."""

    offset: int
    data: bytes
    reason: str

    def to_dict(self) -> dict:
        return {"kind": "stray", "offset": self.offset, "length": len(self.data),
                "reason": self.reason, "hex": self.data.hex()}


Event = Union[Data, Gap, Overlap, Stray]


class HalfStream:
    """One direction of one TCP connection."""

    __slots__ = ("base", "next", "fin_at", "held", "held_bytes", "_arrivals", "_history",
                 "_history_start", "_history_limit", "max_held", "retransmitted",
                 "unverified", "syn_seen")

    def __init__(self, *, max_held: int = 1 << 20, history: int = 16 << 10):
        self.base: int | None = None  # sequence number of stream offset 0
        self.next = 0  # stream offset of the next byte to deliver
        self.fin_at: int | None = None
        self.held: list[tuple[int, int, bytes | None, int]] = []  # (offset, n, data, size)
        self.held_bytes = 0
        self._arrivals = 0
        self._history = bytearray()
        self._history_start = 0
        self._history_limit = history
        self.max_held = max_held
        self.retransmitted = 0
        self.unverified = 0
        self.syn_seen = False

    @property
    def finished(self) -> bool:
        """The FIN was seen and every byte before it delivered."""
        return self.fin_at is not None and self.next >= self.fin_at and not self.held

    def syn(self, seq: int) -> None:
        """A SYN (or SYN-ACK): the stream starts at seq + 1."""
        if self.base is None:
            self.base = (seq + 1) % MOD
        self.syn_seen = True

    def offset_of(self, seq: int) -> int:
        """The stream offset of a sequence number: the one nearest the expected offset."""
        if self.base is None:
            self.base = seq
        rel = (seq - self.base) % MOD
        return self.next + ((rel - self.next + HALF) % MOD) - HALF

    def segment(self, seq: int, payload: bytes, missing: int = 0, *, syn: bool = False,
                fin: bool = False) -> list[Event]:
        """Take one segment; return what can be delivered now."""
        if syn:
            self.syn(seq)
            seq = (seq + 1) % MOD  # a SYN's data (TCP Fast Open) follows its sequence number
        if not payload and not missing and not fin:
            return []
        off = self.offset_of(seq)
        size = len(payload) + missing
        events: list[Event] = []
        if fin and self.fin_at is None:
            self.fin_at = off + size
        if off < 0:  # before the stream's first byte: only the part from offset 0 is kept
            cut = min(-off, len(payload))
            events.append(Stray(off, payload[:cut],
                                "before the first byte of the stream (the capture started "
                                "in the middle of the connection)"))
            payload, missing, off = payload[cut:], max(0, missing - (-off - cut)), 0
            size = len(payload) + missing
        if self.fin_at is not None and off + size > self.fin_at:
            keep = max(0, self.fin_at - off)
            if keep < len(payload):
                events.append(Stray(off + keep, payload[keep:], "after the FIN"))
                payload = payload[:keep]
            missing = max(0, min(missing, keep - len(payload)))
            size = len(payload) + missing
        if size == 0:
            return events + self._deliver()
        if off + size <= self.next:  # wholly a retransmission
            if not (len(payload) == 1 and off == self.next - 1 and not missing):  # keep-alive
                events.extend(self._compare(off, payload))
            return events
        self._hold(off, payload, missing)
        events.extend(self._deliver())
        while self.held_bytes > self.max_held:
            events.extend(self.skip_to_held(
                f"missing from the capture: more than {self.max_held} bytes arrived after "
                f"the hole without the bytes to fill it"))
        return events

    def skip_to_held(self, reason: str) -> list[Event]:
        """Give up on the hole before the first held segment: report it as a gap."""
        if not self.held:
            return []
        first = self.held[0][0]
        events: list[Event] = []
        if first > self.next:
            events.append(Gap(self.next, first - self.next, reason))
            self._jump(first)
        events.extend(self._deliver())
        return events

    def flush(self, reason: str = "missing from the capture: never captured before the "
                                  "stream ended") -> list[Event]:
        """Deliver everything held, reporting the holes between as gaps."""
        events: list[Event] = []
        while self.held:
            events.extend(self.skip_to_held(reason))
        return events

    def drop_history(self) -> None:
        """Free the retransmission history (the stream is over)."""
        self._history = bytearray()
        self._history_start = self.next

    # -- internals ------------------------------------------------------------------------------
    def _hold(self, off: int, payload: bytes, missing: int) -> None:
        self._arrivals += 1
        if payload:
            heapq.heappush(self.held, (off, self._arrivals, payload, len(payload)))
            self.held_bytes += len(payload)
        if missing:
            self._arrivals += 1
            heapq.heappush(self.held, (off + len(payload), self._arrivals, None, missing))

    def _deliver(self) -> list[Event]:
        events: list[Event] = []
        held = self.held
        while held and held[0][0] <= self.next:
            off, _, data, size = heapq.heappop(held)
            end = off + size
            if data is None:  # bytes cut at the snap length: a gap once they are due
                if end > self.next:
                    events.append(Gap(self.next, end - self.next,
                                      "not in the capture: the packet was cut at the "
                                      "capture's snap length"))
                    self._jump(end)
                continue
            self.held_bytes -= size
            if end <= self.next:
                events.extend(self._compare(off, data))
                continue
            if off < self.next:
                events.extend(self._compare(off, data[:self.next - off]))
                data = data[self.next - off:]
            events.append(Data(self.next, data))
            self.next += len(data)
            self._remember(data)
        return events

    def _jump(self, offset: int) -> None:
        self.next = offset
        self._history = bytearray()
        self._history_start = offset

    def _remember(self, data: bytes) -> None:
        if not self._history_limit:
            self._history_start = self.next
            return
        hist = self._history
        hist += data
        if len(hist) > 2 * self._history_limit:
            cut = len(hist) - self._history_limit
            del hist[:cut]
            self._history_start += cut

    def _compare(self, off: int, data: bytes) -> list[Event]:
        """A retransmission of delivered bytes: compare what history still holds."""
        self.retransmitted += len(data)
        lo = max(off, self._history_start)
        hi = min(off + len(data), self.next)
        if lo >= hi:
            self.unverified += len(data)
            return []
        self.unverified += len(data) - (hi - lo)
        start = self._history_start
        kept = bytes(self._history[lo - start:hi - start])
        new = data[lo - off:hi - off]
        if kept == new:
            return []
        return [Overlap(lo, kept, new)]
