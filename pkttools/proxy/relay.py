"""One proxied connection: the client's socket, the upstream's, and a pump each way.

A pump reads what one side sent, feeds the connection's `Wire` (the service's framing and
game layer, both ways on one layer session), and forwards each item as it completes: bytes
that do not parse as they came; a packet through the hook and the redirects, as its original
bytes when neither changed it, else as the replacements built (and encrypted by the layer).
Every piece sent is reported (a `ProxyItem` to `report`) and recorded (pcapng.py).

Backpressure: after each chunk read, the pump waits until the other side's write buffer is
below its high-water mark (`drain`) before it reads again, so a slow reader stops the pump,
the kernel's buffers fill, and the sender is slowed down in turn; the proxy itself holds at
most a read buffer, a write buffer and one unfinished frame per direction.

A side that closes (mid-packet too) ends its direction: the unfinished frame is forwarded
and reported as incomplete, and the other side gets a FIN; the connection ends when both
directions have. A reset or a failed write aborts both sides.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any, Callable

from ..capture.items import Connection, Content
from ..codec.packet import Packet
from ..errors import PkttoolsError
from ..model.conventions import DIRECTIONS
from ..session.connection import address
from ..session.wire import Wire, other
from ..stream.items import Frame, Incomplete
from .hooks import ORIGINAL, Hook, PacketContext, ProxiedConnection, call
from .items import Moved, ProxyItem, moved_to
from .pcapng import Recorder, TcpTrace
from .redirects import Opener, rewrite

READ_SIZE = 64 << 10
HIGH_WATER = 256 << 10  # bytes a side's write buffer may hold before its pump waits
COMMENTS = {"edited": "edited by the proxy", "injected": "injected by the hook"}


@dataclass
class Unit:
    """One piece to send: what the hook (or nobody) asked for, as the items it makes."""

    action: str
    items: list[Content]
    moved: list[Moved]


@dataclass(frozen=True)
class Duties:
    """What every relay of a proxy shares: the hook, the opener of redirect listeners, the
    recorder, where items and notes go, how long to wait for an upstream."""

    hook: Hook | None
    opener: Opener
    recorder: Recorder
    report: Callable[[ProxyItem], None]
    note: Callable[[str], None]
    connect_timeout: float = 10.0


class Relay:
    """A connection from a client, proxied to `upstream` as `service`."""

    def __init__(self, number: int, service: str, reader: asyncio.StreamReader,
                 writer: asyncio.StreamWriter, upstream: tuple[str, int], duties: Duties, *,
                 key: Any = None):
        self.number = number
        self.service = service
        self.upstream = upstream
        self.duties = duties
        self.hook = duties.hook
        self.note = duties.note
        self.key = key
        self.streams = {"client": (reader, writer)}
        sockname = writer.get_extra_info("sockname")
        self.reached = sockname[0] if sockname else ""  # the host the client reached us on
        self.client = writer.get_extra_info("peername")
        self.wire: Wire | None = None
        self.trace: TcpTrace | None = None
        self.conn: Connection | None = None
        self.proxied: ProxiedConnection | None = None
        self.sent = {d: 0 for d in DIRECTIONS}  # bytes forwarded per direction
        self.ended = {d: False for d in DIRECTIONS}

    def label(self) -> str:
        return f"connection {self.number} ({self.service} {address(self.client)} > " \
               f"{self.upstream[0]}:{self.upstream[1]})"

    # -- the connection's life -------------------------------------------------------------------
    async def run(self) -> None:
        client_writer = self.streams["client"][1]
        try:
            self.wire = Wire(self.service, key=self.key)
            up = await asyncio.wait_for(asyncio.open_connection(*self.upstream),
                                        self.duties.connect_timeout)
        except (OSError, asyncio.TimeoutError) as exc:
            self.note(f"{self.label()}: cannot reach the upstream: {exc or 'timed out'}")
            client_writer.close()
            return
        self.streams["server"] = up
        for _, writer in self.streams.values():
            writer.transport.set_write_buffer_limits(high=HIGH_WATER)
        now = time.time()
        server_addr = up[1].get_extra_info("peername")
        self.conn = Connection(self.number, "tcp", address(self.client), address(server_addr),
                               self.service, {d: (p.name if p else None)
                                              for d, p in self.wire.protocols.items()},
                               now, now, 0, syn_seen=True)
        self.conn.notes = self.wire.notes
        self.proxied = ProxiedConnection(self.number, self.service, self.conn.client,
                                         self.conn.server)
        self.trace = self.duties.recorder.connection(self.client, server_addr)
        self.trace.open(now)
        self.note(f"{self.label()}: open")
        pumps = [asyncio.ensure_future(self.pump(d)) for d in DIRECTIONS]
        try:
            done = await asyncio.gather(*pumps)
            how = "closed" if all(done) else "reset"
        except asyncio.CancelledError:
            for task in pumps:
                task.cancel()
            await asyncio.gather(*pumps, return_exceptions=True)
            self.stopped()
            how = "stopped by the proxy"
        finally:
            for _, writer in self.streams.values():
                writer.close()
        self.conn.state = how if how in ("closed", "reset") else "ended"
        self.note(f"{self.label()}: {how}")

    async def pump(self, direction: str) -> bool:
        """Forward what `direction` sends until it closes (True) or the connection breaks
        (False)."""
        reader = self.streams[direction][0]
        writer = self.streams[other(direction)][1]
        assert self.wire is not None and self.trace is not None
        try:
            while True:
                data = await reader.read(READ_SIZE)
                if not data:
                    break
                for item in self.wire.feed(direction, data):
                    await self.forward(direction, item)
                await writer.drain()
            for item in self.wire.close(direction):
                if isinstance(item, Incomplete):
                    item = Incomplete(item.offset, item.data,
                                      "the connection closed inside a frame")
                await self.forward(direction, item)
            self.ended[direction] = True
            self.trace.fin(direction, time.time())
            if writer.can_write_eof() and not writer.is_closing():
                writer.write_eof()
            await writer.drain()
            return True
        except (ConnectionError, OSError) as exc:
            self.note(f"{self.label()}: {direction} side: {exc.strerror or exc}")
            self.trace.reset(direction, time.time())
            for _, w in self.streams.values():
                w.transport.abort()
            return False

    def stopped(self) -> None:
        """The proxy stops: what each direction holds is forwarded as it is, then FINs."""
        assert self.wire is not None and self.trace is not None
        for direction in DIRECTIONS:
            if self.ended[direction]:
                continue
            for item in self.wire.close(direction):
                if isinstance(item, Incomplete):
                    item = Incomplete(item.offset, item.data,
                                      "the proxy stopped inside a frame")
                self.send(direction, [Unit("forwarded", [item], [])], None, None)
            self.trace.fin(direction, time.time())

    # -- forwarding ------------------------------------------------------------------------------
    async def forward(self, direction: str, item: Content) -> None:
        """Send one item of what `direction` sent on to the other side, and report it."""
        if not isinstance(item, Frame) or item.packet is None:
            self.send(direction, [Unit("forwarded", [item], [])], None, None)
            return
        units, hook_error = await self.decide(direction, item)
        units = [await self.redirect(direction, unit) for unit in units]
        if not units:
            self.emit(direction, item, "dropped", item, [], hook_error, self.trace.recorder
                      .records)
            return
        self.send(direction, units, item, hook_error)

    async def decide(self, direction: str, item: Frame) -> tuple[list[Unit], str | None]:
        """The hook's answer for a packet as units (see `hook_units`)."""
        assert self.wire is not None and self.proxied is not None
        wire = self.wire
        return await hook_units(self.hook, item, PacketContext(direction, self.service,
                                                              self.proxied),
                                lambda data: wire.frames(direction, data, header=item.header),
                                lambda text: self.note(f"{self.label()}: {text}"))

    async def redirect(self, direction: str, unit: Unit) -> Unit:
        """The unit with the server addresses its packets hand out rewritten to listeners of
        the proxy."""
        out: list[Content] = []
        action = unit.action
        assert self.wire is not None
        for item in unit.items:
            packet = item.packet if isinstance(item, Frame) else None
            plain, moved, problems = await rewrite(packet, self.reached, self.duties.opener) \
                if isinstance(packet, Packet) else (None, [], [])
            for problem in problems:
                self.note(f"{self.label()}: redirect: {problem}")
            if plain is None:
                out.append(item)
                continue
            try:
                out += self.wire.frames(direction, plain, header=item.header)
            except PkttoolsError as exc:  # e.g. an address too long for its field
                self.note(f"{self.label()}: redirect: the rewritten {packet.name} cannot be "
                          f"built ({exc}); it is forwarded as it was")
                out.append(item)
                continue
            unit.moved.extend(moved)
            if action == "forwarded":
                action = "edited"
        return Unit(action, out, unit.moved)

    def send(self, direction: str, units: list[Unit], original: Frame | None,
             hook_error: str | None) -> None:
        """Write the units' bytes to the other side, record and report each item."""
        writer = self.streams[other(direction)][1]
        assert self.trace is not None
        for unit in units:
            for item in unit.items:
                now = time.time()
                if not writer.is_closing():
                    writer.write(item.data)
                record = self.trace.data(direction, now, item.data, COMMENTS.get(unit.action))
                placed = moved_to(item, self.sent[direction])
                self.sent[direction] += len(item.data)
                self.emit(direction, placed, unit.action,
                          original if unit.action == "edited" else None, unit.moved,
                          hook_error, record, now)

    def emit(self, direction: str, content: Content, action: str, original: Content | None,
             moved: list[Moved], hook_error: str | None, record: int,
             now: float | None = None) -> None:
        conn = self.conn
        assert conn is not None
        now = time.time() if now is None else now
        counted(conn, direction, content, action, now, record)
        self.duties.report(ProxyItem(now, record, conn, direction, conn.protocols.get(direction),
                                     content, None, action, original, list(moved), hook_error))


async def hook_units(hook: Hook | None, item: Content, context: PacketContext,
                     frames: Callable[[Any], list[Content]], note: Callable[[str], None]
                     ) -> tuple[list[Unit], str | None]:
    """What to send for `item` as units: the hook's answer for a parsed packet, each piece of
    data made into the items a receiver reads (`frames`); the item alone, forwarded, for
    anything else, without a hook, or when the hook fails (the failure is noted and returned
    with the units)."""
    unchanged = [Unit("forwarded", [item], [])]
    packet = item.packet if isinstance(item, Frame) else None
    if hook is None or packet is None:
        return unchanged, None
    try:
        units = []
        for action, data in await call(hook, packet, context):
            if data is ORIGINAL:
                units.append(Unit(action, [item], []))
                continue
            items = frames(data)
            if action == "edited" and b"".join(i.data for i in items) == item.data:
                action, items = "forwarded", [item]  # the same bytes: nothing changed
            units.append(Unit(action, items, []))
        return units, None
    except Exception as exc:  # the user's hook: report it, forward the packet
        error = f"{type(exc).__name__}: {exc}"
        note(f"hook failed on {context.direction} {packet.name}: {error}; the packet is "
             f"forwarded unchanged")
        return unchanged, error


def counted(conn: Connection, direction: str, content: Content, action: str, now: float,
            record: int) -> None:
    """The connection's last record and statistics with an item reported."""
    conn.last_time, conn.last_record = now, record
    stats = conn.stats[direction]
    if action != "dropped":
        stats.bytes += len(content.data)
    if isinstance(content, Frame):
        stats.packets += content.packet is not None
        stats.errors += content.packet is None
