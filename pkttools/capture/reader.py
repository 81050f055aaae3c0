"""From a pcap or pcapng file to parsed packets, lazily, with constant memory.

    from pkttools.capture import read_capture

    cap = read_capture("login.pcapng", ports={29000: "flyff.cluster"})
    for item in cap:                  # CaptureItems, one record of the file at a time
        if item.packet is not None:
            print(item.time, item.connection.id, item.direction, item.packet.name)
    print(cap.summary.format())       # packets per type, gaps, unframed bytes, ...

The pipeline: `capfile` reads records, `netdecode` finds TCP segments and UDP datagrams,
`ports` maps the server port to a game service and the direction to a protocol, `reassembly`
puts each TCP direction back in order, and the protocol's `framing.Splitter` cuts the stream
into packets. Every byte of a mapped connection comes out once, in one `CaptureItem`: a packet
(`Frame`), a `Prologue`, bytes that cannot be framed (`Unframed`), the tail of a frame that
never completed (`Incomplete`), bytes the capture lacks (`Gap`), a retransmission that
disagrees with what was delivered (`Overlap`), bytes outside the stream (`Stray`), or bytes of
a direction that has no protocol (`Unparsed`). Connections on no known port, and records that
are no TCP/UDP, are counted in the summary.

At a gap, the splitter of that direction is closed (the frame the gap cut is reported as
`Incomplete`), the gap is reported, and a new splitter starts right after the gap, at the
stream offset where bytes resume. Nothing is invented to bridge the gap and no byte after it
is lost: the bytes after it are split from that point on. Length-prefixed streams with a magic
byte (FlyFF) resynchronise on the next magic byte (the bytes before it are `Unframed`);
streams whose packets delimit themselves (TMW, PangYa) usually cannot find the next packet
boundary, so the rest of that direction is `Unframed`.

Memory is bounded (see `Limits`): out-of-order bytes held per direction and in all, the
retransmission history per direction, the bytes of one unfinished frame, and the number of
connections tracked at once. Beyond a bound pkttools reports instead of growing: held bytes
become a gap, an over-long frame becomes `Incomplete`, the least recently active connection is
closed (its held bytes and unfinished frames are reported) to make room.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterable, Iterator, Mapping

from ..model.registry import Protocol, Registry
from ..stream.framing import Splitter
from ..stream.items import Incomplete, Item, Unframed
from .capfile import CaptureFile, Record
from .decrypt import LayerStream, datagram_items, layer_of, parse_keys, unparsed_reason
from .items import CaptureItem, Connection, Content, Unparsed
from .netdecode import TH_ACK, TH_FIN, TH_RST, TH_SYN, Segment, decode, format_address
from .ports import PortMap
from .reassembly import MOD, Data, Gap, HalfStream, Overlap, Stray
from .summary import Summary

MERGE_UNFRAMED = 64 << 10  # largest Unframed item made of several pieces


@dataclass(frozen=True)
class Limits:
    """The memory bounds of a capture read; each says what happens beyond it.

    held_per_direction: out-of-order bytes waiting for a hole to fill, per TCP direction;
        beyond it the hole is reported as a gap and the held bytes delivered.
    held_total: the same, across all connections (the direction holding most gives up first).
    history: bytes kept per TCP direction to compare retransmissions with (older
        retransmitted bytes are counted as unverified, not compared).
    max_frame: bytes of one unfinished frame; beyond it the frame is reported as
        Incomplete and splitting restarts after it.
    connections: TCP connections and UDP flows tracked at once; beyond it the least
        recently active one is closed as if the capture had ended for it.
    """

    held_per_direction: int = 1 << 20
    held_total: int = 32 << 20
    history: int = 16 << 10
    max_frame: int = 8 << 20
    connections: int = 10_000


class _Side:
    """One direction of a connection: reassembly (TCP) and the splitter."""

    __slots__ = ("half", "protocol", "splitter", "reason", "pending")

    def __init__(self, protocol: Protocol | None, service: str, direction: str,
                 limits: Limits, tcp: bool):
        self.half = HalfStream(max_held=limits.held_per_direction,
                               history=limits.history) if tcp else None
        self.protocol = protocol if protocol is not None and protocol.stream else None
        self.splitter: Splitter | None = None
        # Unframed bytes are held back a moment to be merged with the next piece: a splitter
        # that stopped returns the rest of the stream segment by segment.
        self.pending: CaptureItem | None = None
        self.reason = unparsed_reason(service, direction, protocol)
        if tcp and self.protocol is not None:
            self.splitter = Splitter(self.protocol)


class _Tcp:
    __slots__ = ("conn", "sides", "key", "layer")

    def __init__(self, conn: Connection, sides: dict[str, _Side], key: tuple,
                 layer: LayerStream | None = None):
        self.conn = conn
        self.sides = sides
        self.key = key
        self.layer = layer  # the service's game layer: it frames and decrypts the stream


class Capture:
    """A capture file read lazily: iterate it once for `CaptureItem`s; `summary` fills in as
    the iteration goes and is complete when it ends."""

    def __init__(self, source: str | os.PathLike | BinaryIO, *,
                 ports: Iterable[str] | Mapping[int | str, str] = (),
                 services: Iterable[str] | None = None, default_ports: bool = True,
                 limits: Limits | None = None, registry: Registry | None = None,
                 keys: Iterable[str] | Mapping[str, object] = ()):
        self.portmap = PortMap(ports, services=services, defaults=default_ports,
                               registry=registry)
        self.keys = parse_keys(keys, self.portmap.service_name,
                               lambda service: layer_of(self.portmap.protocols(service)))
        self.limits = limits or Limits()
        self.file = CaptureFile(source)
        self.summary = Summary(self.file)
        self._open: OrderedDict[tuple, _Tcp] = OrderedDict()
        self._closed: OrderedDict[tuple, _Tcp] = OrderedDict()
        self._udp: OrderedDict[tuple, Connection] = OrderedDict()
        self._udp_layers: dict[int, LayerStream] = {}  # connection id -> its game layer
        self._held_total = 0
        self._next_id = 1
        self._iterating = False
        self._progress: tuple[Callable[[int], None], int] | None = None

    def __iter__(self) -> Iterator[CaptureItem]:
        if self._iterating:
            raise RuntimeError("a Capture can be iterated once; read the file again for "
                               "another pass")
        self._iterating = True
        return self._items()

    def on_progress(self, callback: Callable[[int], None], every: int = 1000) -> None:
        """Call `callback(bytes of the file read)` every `every` records and at the end."""
        self._progress = (callback, max(1, every))

    def packets(self) -> Iterator[CaptureItem]:
        """Only the items that carry a parsed packet."""
        return (item for item in self if item.packet is not None)

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> "Capture":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the pipeline ---------------------------------------------------------------------------
    def _items(self) -> Iterator[CaptureItem]:
        add = self.summary.add
        callback, every = self._progress or (None, 0)
        try:
            for record in self.file:
                self.summary.record(record)
                if callback is not None and record.number % every == 0:
                    callback(self.file.position)
                seg = decode(record)
                if isinstance(seg, str):
                    self.summary.skip(seg)
                    continue
                items = self._udp_datagram(seg, record) if seg.transport == "udp" \
                    else self._tcp_segment(seg, record)
                for item in items:
                    add(item)
                    yield item
            for state in list(self._open.values()):
                for item in self._close(state, "ended"):
                    add(item)
                    yield item
            for conn in self._udp.values():
                conn.state = "ended"
            if callback is not None:
                callback(self.file.position)
            self.summary.finish()  # not when the caller stopped early: the numbers are partial
        finally:
            self.file.close()

    def _service(self, seg: Segment) -> tuple[str | None, str]:
        """The service of a segment's connection, and who sent it."""
        to_server = self.portmap.lookup(seg.transport, seg.dport)
        from_server = self.portmap.lookup(seg.transport, seg.sport)
        if to_server and from_server and seg.transport == "tcp" and seg.flags & TH_SYN:
            # Both ports are mapped: the SYN says who connects.
            return (from_server, "server") if seg.flags & TH_ACK else (to_server, "client")
        if to_server:
            return to_server, "client"
        if from_server:
            return from_server, "server"
        return None, ""

    def _new_connection(self, seg: Segment, record: Record, service: str,
                        direction: str) -> Connection:
        if direction == "client":
            client, server = format_address(seg.src, seg.sport), format_address(seg.dst, seg.dport)
        else:
            client, server = format_address(seg.dst, seg.dport), format_address(seg.src, seg.sport)
        protocols = self.portmap.protocols(service)
        conn = Connection(self._next_id, seg.transport, client, server, service,
                          {d: (p.name if p else None) for d, p in protocols.items()},
                          record.time, record.time, record.number)
        self._next_id += 1
        self.summary.connection(conn)
        return conn

    # TCP ---------------------------------------------------------------------------------------
    def _tcp_segment(self, seg: Segment, record: Record) -> list[CaptureItem]:
        fwd = (seg.src, seg.sport, seg.dst, seg.dport)
        rev = (seg.dst, seg.dport, seg.src, seg.sport)
        state, direction = self._lookup(self._open, fwd, rev)
        syn, rst, fin = bool(seg.flags & TH_SYN), bool(seg.flags & TH_RST), \
            bool(seg.flags & TH_FIN)
        items: list[CaptureItem] = []
        if state is not None and syn and self._is_new_syn(state, direction, seg):
            items.extend(self._close(state, "closed"))  # the port pair is used again
            state = None
        if state is None:
            closed, closed_dir = self._lookup(self._closed, fwd, rev)
            if closed is not None and not (syn and self._is_new_syn(closed, closed_dir, seg)):
                return self._after_close(closed, closed_dir, seg, record)
            service, direction = self._service(seg)
            if service is None:
                self.summary.unmapped(seg, record)
                return items
            if not seg.payload and not seg.missing and not syn:
                # An ACK, FIN or RST of a connection whose data was not captured, or that
                # ended before: it starts nothing.
                self.summary.skip("TCP segment without data of no tracked connection")
                return items
            conn = self._new_connection(seg, record, service, direction)
            protocols = self.portmap.protocols(service)
            sides = {d: _Side(protocols[d], service, d, self.limits, tcp=True)
                     for d in ("client", "server")}
            key = fwd if direction == "client" else rev
            layer = self._layer(conn, protocols)
            if layer is not None:  # the layer frames the encrypted stream, not the splitter
                for side in sides.values():
                    side.splitter = None
            state = _Tcp(conn, sides, key, layer)
            self._open[key] = state
            items.extend(self._evict())
        else:
            self._open.move_to_end(state.key)
        conn = state.conn
        conn.last_time, conn.last_record = record.time, record.number
        if syn:
            conn.syn_seen = True
        side = state.sides[direction]
        before = side.half.held_bytes
        events = side.half.segment(seg.seq, seg.payload, seg.missing, syn=syn, fin=fin)
        self._held_total += side.half.held_bytes - before
        items.extend(self._events(state, direction, events, record))
        if rst:
            items.extend(self._close(state, "reset"))
        elif all(s.half.finished for s in state.sides.values()):
            items.extend(self._close(state, "closed"))
        elif self._held_total > self.limits.held_total:
            items.extend(self._relieve())
        return items

    @staticmethod
    def _lookup(table: Mapping[tuple, _Tcp], fwd: tuple, rev: tuple):
        state = table.get(fwd)
        if state is not None:
            return state, "client"
        state = table.get(rev)
        if state is not None:
            return state, "server"
        return None, ""

    @staticmethod
    def _is_new_syn(state: _Tcp, direction: str, seg: Segment) -> bool:
        """A SYN with another initial sequence number than the one the stream started with:
        a new connection on the same addresses and ports."""
        half = state.sides[direction].half
        return half.base is not None and (seg.seq + 1) % MOD != half.base

    def _after_close(self, state: _Tcp, direction: str, seg: Segment,
                     record: Record) -> list[CaptureItem]:
        """A segment of a connection already closed: retransmissions are compared as usual;
        new bytes are stray."""
        half = state.sides[direction].half
        events = half.segment(seg.seq, seg.payload, seg.missing,
                              syn=bool(seg.flags & TH_SYN), fin=bool(seg.flags & TH_FIN))
        events += half.flush()
        out = []
        for event in events:
            if isinstance(event, Data):
                event = Stray(event.offset, event.data,
                              f"after the connection was {state.conn.state}")
            if isinstance(event, (Stray, Overlap, Gap)):
                out.append(self._item(state.conn, direction, None, event, record.time,
                                      record.number))
        return out

    def _events(self, state: _Tcp, direction: str, events: list,
                record: Record) -> list[CaptureItem]:
        """Stream events of one direction to items: data through the splitter, gaps restart
        it, the rest as they are."""
        conn, side = state.conn, state.sides[direction]
        proto = side.protocol.name if side.protocol is not None else None
        out: list[CaptureItem] = []

        def emit(content: Content) -> None:
            pending = side.pending
            if isinstance(content, Unframed) and pending is not None:
                last = pending.content
                if (last.reason == content.reason
                        and last.offset + len(last.data) == content.offset
                        and len(last.data) + len(content.data) <= MERGE_UNFRAMED):
                    pending.content = Unframed(last.offset, last.data + content.data,
                                               last.reason, last.error or content.error)
                    pending.time, pending.record = record.time, record.number
                    return
            if pending is not None:
                out.append(pending)
                side.pending = None
            item = CaptureItem(record.time, record.number, conn, direction, proto, content)
            if isinstance(content, Unframed):
                side.pending = item
            else:
                out.append(item)

        stats = conn.stats[direction]
        for event in events:
            if isinstance(event, Data):
                stats.bytes += len(event.data)
                if state.layer is not None and side.protocol is not None:
                    for item in state.layer.feed(direction, event.offset, event.data):
                        emit(item)
                    continue
                if side.splitter is None:
                    emit(Unparsed(event.offset, event.data, side.reason))
                    continue
                for item in side.splitter.feed(event.data):
                    emit(item)
                end = event.offset + len(event.data)
                if end - side.splitter.offset > self.limits.max_frame:
                    for item in self._restart(side, end, f"a frame longer than "
                                              f"{self.limits.max_frame} bytes (the limit); "
                                              f"splitting restarts after it"):
                        emit(item)
            elif isinstance(event, Gap):
                if state.layer is not None and side.protocol is not None:
                    for item in state.layer.gap(direction, event.offset):
                        emit(item)
                if side.splitter is not None:
                    for item in self._restart(side, event.offset + event.size,
                                              f"a frame cut by the gap at offset "
                                              f"{event.offset}"):
                        emit(item)
                emit(event)
            else:
                emit(event)
        half = side.half
        stats.retransmitted_bytes += half.retransmitted
        stats.unverified_bytes += half.unverified
        half.retransmitted = half.unverified = 0
        return out

    @staticmethod
    def _restart(side: _Side, offset: int, reason: str) -> list[Item]:
        """Close the direction's splitter (its unfinished frame is Incomplete with `reason`)
        and start a new one at `offset`."""
        assert side.splitter is not None and side.protocol is not None
        items = [Incomplete(i.offset, i.data, reason) if isinstance(i, Incomplete) else i
                 for i in side.splitter.close()]
        side.splitter = Splitter(side.protocol, offset=offset)
        return items

    def _close(self, state: _Tcp, how: str) -> list[CaptureItem]:
        """End a connection: deliver what is held (holes become gaps), close the splitters."""
        conn = state.conn
        record = Record(conn.last_record, conn.last_time, 0, b"", 0)
        items: list[CaptureItem] = []
        reason = {"ended": "the capture ends", "evicted": "tracking of the connection "
                  "stopped (too many connections open)"}.get(how, "the connection closed")
        for direction, side in state.sides.items():
            before = side.half.held_bytes
            events = side.half.flush(f"missing from the capture: never captured before "
                                     f"{reason}")
            self._held_total += side.half.held_bytes - before
            items.extend(self._events(state, direction, events, record))
            if side.pending is not None:
                items.append(side.pending)
                side.pending = None
            if side.splitter is not None or (state.layer is not None and side.protocol):
                ended = side.splitter.close() if side.splitter is not None else \
                    state.layer.close(direction)
                tail = [Incomplete(i.offset, i.data, f"{reason} inside a frame")
                        if isinstance(i, Incomplete) else i for i in ended]
                proto = side.protocol.name if side.protocol else None
                items.extend(CaptureItem(conn.last_time, conn.last_record, conn, direction,
                                         proto, i) for i in tail)
                side.splitter = None
            side.half.drop_history()
        conn.state = how
        self._open.pop(state.key, None)
        if how in ("closed", "reset"):
            self._closed[state.key] = state
            while len(self._closed) > self.limits.connections:
                self._closed.popitem(last=False)
        return items

    def _evict(self) -> list[CaptureItem]:
        items: list[CaptureItem] = []
        while len(self._open) + len(self._udp) > self.limits.connections and self._open:
            _, oldest = next(iter(self._open.items()))
            items.extend(self._close(oldest, "evicted"))
        while len(self._open) + len(self._udp) > self.limits.connections and self._udp:
            evicted = self._udp.popitem(last=False)[1]
            evicted.state = "evicted"
            self._udp_layers.pop(evicted.id, None)
        return items

    def _relieve(self) -> list[CaptureItem]:
        """Over the total held-bytes bound: the direction holding most reports its hole."""
        items: list[CaptureItem] = []
        while self._held_total > self.limits.held_total:
            state, direction = max(((s, d) for s in self._open.values() for d in s.sides),
                                   key=lambda sd: sd[0].sides[sd[1]].half.held_bytes)
            half = state.sides[direction].half
            before = half.held_bytes
            events = half.skip_to_held(f"missing from the capture: more than "
                                       f"{self.limits.held_total} out-of-order bytes were "
                                       f"held in all connections")
            self._held_total += half.held_bytes - before
            record = Record(state.conn.last_record, state.conn.last_time, 0, b"", 0)
            items.extend(self._events(state, direction, events, record))
        return items

    # UDP ---------------------------------------------------------------------------------------
    def _udp_datagram(self, seg: Segment, record: Record) -> list[CaptureItem]:
        service, direction = self._service(seg)
        if service is None:
            self.summary.unmapped(seg, record)
            return []
        if direction == "client":
            key = (seg.src, seg.sport, seg.dst, seg.dport)
        else:
            key = (seg.dst, seg.dport, seg.src, seg.sport)
        conn = self._udp.get(key)
        items: list[CaptureItem] = []
        if conn is None:
            conn = self._new_connection(seg, record, service, direction)
            self._udp[key] = conn
            items.extend(self._evict())
        else:
            self._udp.move_to_end(key)
        conn.last_time, conn.last_record = record.time, record.number
        conn.datagrams[direction] += 1
        number = conn.datagrams[direction]
        conn.stats[direction].bytes += len(seg.payload)
        proto = self.portmap.protocols(service)[direction]
        side = _Side(proto, service, direction, self.limits, tcp=False)
        name = side.protocol.name if side.protocol else None

        def emit(content: Content) -> None:
            items.append(CaptureItem(record.time, record.number, conn, direction, name,
                                     content, number))

        layer = self._udp_layers.get(conn.id)
        if layer is None and conn.id not in self._udp_layers:
            layer = self._udp_layers[conn.id] = self._layer(conn,
                                                            self.portmap.protocols(service))
        for item in datagram_items(layer, side.protocol, side.reason, direction, seg.payload,
                                   cut=bool(seg.missing)):
            emit(item)
        if seg.missing:
            emit(Gap(len(seg.payload), seg.missing, "not in the capture: the datagram was "
                                                    "cut at the capture's snap length"))
        return items

    def _layer(self, conn: Connection, protocols: dict) -> LayerStream | None:
        """The game layer of a new connection, when its service has one for the connection's
        transport (a stream layer frames TCP, a datagram layer reads UDP); its notes become
        the connection's."""
        module = layer_of(protocols)
        if module is None or module.PLAIN != ("packet" if conn.transport == "tcp"
                                              else "datagram"):
            return None
        layer = LayerStream(module, protocols, self.keys.get(conn.service))
        conn.notes = layer.notes
        return layer

    def _item(self, conn: Connection, direction: str, proto: str | None, content: Content,
              time: float, number: int) -> CaptureItem:
        return CaptureItem(time, number, conn, direction, proto, content)


def read_capture(source: str | os.PathLike | BinaryIO, *,
                 ports: Iterable[str] | Mapping[int | str, str] = (),
                 services: Iterable[str] | None = None, default_ports: bool = True,
                 limits: Limits | None = None,
                 keys: Iterable[str] | Mapping[str, object] = ()) -> Capture:
    """Open a capture for lazy reading; see `Capture`.

    ports: extra or overriding mappings, `{29000: "flyff.cluster", "54230/udp": "ffxi.world"}`
    or `["29000=flyff.cluster"]`. services: only these services (their default ports and the
    ports given). default_ports=False: only the ports given. keys: for encrypted services,
    `{"pangya.loginservice": 5, "ffxi.world": bytes.fromhex(...)}` or `["ffxi.world=<hex>"]`
    (PangYa's key is found without it: from the hello, or by trial).
    """
    return Capture(source, ports=ports, services=services, default_ports=default_ports,
                   limits=limits, keys=keys)
