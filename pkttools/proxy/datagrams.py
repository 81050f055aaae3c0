"""One proxied UDP flow (FFXI's world server): a client address, its own socket to the
upstream, and every datagram of both directions decoded, shown and forwarded in turn.

A datagram is read as `pkttools capture` reads one (the service's game layer decrypts it, its
splitter cuts the plaintext into the prologue, packets and end marker); each packet goes
through the hook. When nothing changed, the datagram goes on as it came, byte for byte; when
the hook edited, dropped or added packets, the plaintext is put together again from the
items (replacements built from plain data, lengths recomputed) and sent as the layer sends
it (compressed and encrypted with the session key in force). A datagram that does not decode
goes on unchanged and is reported. Datagrams of one flow are handled one at a time, in the
order they arrive, so a hook sees them in order and the key steps follow the traffic.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from ..capture.items import Connection, Content
from ..errors import PkttoolsError
from ..model.registry import Registry
from ..session.connection import address
from ..session.flows import DatagramCodec
from .hooks import PacketContext, ProxiedConnection
from .items import ProxyItem, moved_to
from .relay import Duties, Unit, counted, hook_units

QUEUE = 256  # datagrams a flow holds while its hook works (more are dropped, as UDP may)


class _Upstream(asyncio.DatagramProtocol):
    def __init__(self, flow: "DatagramFlow"):
        self.flow = flow

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self.flow.arrived("server", data)

    def error_received(self, exc: Exception) -> None:
        self.flow.note(f"{self.flow.label()}: upstream: {exc}")


class DatagramFlow:
    """The datagrams between one client address and the upstream, as `service`."""

    def __init__(self, number: int, service: str, client: tuple[str, int],
                 listener: asyncio.DatagramTransport, upstream: tuple[str, int],
                 duties: Duties, *, key: Any = None, registry: Registry | None = None):
        self.number = number
        self.service = service
        self.client = client
        self.listener = listener
        self.upstream = upstream
        self.duties = duties
        self.hook = duties.hook
        self.note = duties.note
        self.codec = DatagramCodec(service, key=key, registry=registry)
        now = time.time()
        self.conn = Connection(number, "udp", address(client), address(upstream), service,
                               {d: (p.name if p else None)
                                for d, p in self.codec.protocols.items()}, now, now, 0)
        self.conn.notes = self.codec.notes
        self.proxied = ProxiedConnection(number, service, self.conn.client, self.conn.server)
        self.trace = duties.recorder.flow(client, upstream)
        self.queue: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue(QUEUE)
        self.transport: asyncio.DatagramTransport | None = None
        self.lost = 0

    def label(self) -> str:
        return f"flow {self.number} ({self.service} {address(self.client)} > " \
               f"{self.upstream[0]}:{self.upstream[1]})"

    # -- the flow's life -------------------------------------------------------------------------
    async def run(self) -> None:
        """Open the upstream socket, then handle datagrams until cancelled."""
        loop = asyncio.get_running_loop()
        try:
            self.transport, _ = await loop.create_datagram_endpoint(
                lambda: _Upstream(self), remote_addr=self.upstream)
        except OSError as exc:
            self.note(f"{self.label()}: cannot reach the upstream: {exc.strerror or exc}")
            return
        self.note(f"{self.label()}: open")
        try:
            while True:
                direction, data = await self.queue.get()
                await self.handle(direction, data)
        except asyncio.CancelledError:
            self.conn.state = "ended"
            self.note(f"{self.label()}: stopped by the proxy")
        finally:
            self.transport.close()
            self.duties.recorder.flush()

    def arrived(self, direction: str, data: bytes) -> None:
        """A datagram from `direction`, queued in arrival order."""
        try:
            self.queue.put_nowait((direction, data))
        except asyncio.QueueFull:
            self.lost += 1
            self.note(f"{self.label()}: {direction} datagram dropped: {QUEUE} are waiting "
                      f"for the hook ({self.lost} so far)")

    # -- one datagram ----------------------------------------------------------------------------
    async def handle(self, direction: str, data: bytes) -> None:
        now = time.time()
        self.conn.datagrams[direction] += 1
        number = self.conn.datagrams[direction]
        items = self.codec.decode(direction, data)
        outcomes = []
        changed = False
        for item in items:
            units, hook_error = await self.decide(direction, item)
            if [(u.action, u.items) for u in units] != [("forwarded", [item])]:
                changed = True
            outcomes.append((item, units, hook_error))
        wire = data
        if changed:
            try:
                wire = self.codec.seal(direction, b"".join(
                    i.data for _, units, _ in outcomes for u in units for i in u.items))
            except PkttoolsError as exc:
                self.note(f"{self.label()}: the edited {direction} datagram {number} cannot "
                          f"be sent ({exc}); it is forwarded as it came")
                outcomes = [(item, [Unit("forwarded", [item], [])], error)
                            for item, _, error in outcomes]
                changed = False
        self.send(direction, wire)
        record = self.trace.datagram(direction, now, wire,
                                     "edited by the proxy" if changed else None)
        offset = 0
        for item, units, hook_error in outcomes:
            if not units:
                self.emit(direction, item, "dropped", item, hook_error, record, number, now)
                continue
            for unit in units:
                for piece in unit.items:
                    placed = moved_to(piece, offset)
                    offset += len(piece.data)
                    self.emit(direction, placed, unit.action,
                              item if unit.action == "edited" else None, hook_error, record,
                              number, now)

    async def decide(self, direction: str, item: Content) -> tuple[list[Unit], str | None]:
        """The hook's answer for a packet as units (see `relay.hook_units`)."""
        return await hook_units(self.hook, item,
                                PacketContext(direction, self.service, self.proxied),
                                lambda data: [self.codec.frame(direction, data)],
                                lambda text: self.note(f"{self.label()}: {text}"))

    def send(self, direction: str, wire: bytes) -> None:
        if direction == "client":
            if self.transport is not None:
                self.transport.sendto(wire)
        else:
            self.listener.sendto(wire, self.client)

    def emit(self, direction: str, content: Content, action: str, original: Content | None,
             hook_error: str | None, record: int, number: int, now: float) -> None:
        counted(self.conn, direction, content, action, now, record)
        self.duties.report(ProxyItem(now, record, self.conn, direction,
                                     self.conn.protocols.get(direction), content, number,
                                     action, original, [], hook_error))


class Listener(asyncio.DatagramProtocol):
    """The proxy's UDP socket: a flow per client address."""

    def __init__(self, start_flow):
        self.start_flow = start_flow
        self.flows: dict[Any, DatagramFlow] = {}
        self.transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: Any) -> None:
        flow = self.flows.get(addr)
        if flow is None:
            flow = self.start_flow(addr)
            if flow is None:  # the proxy is stopping
                return
            self.flows[addr] = flow
        flow.arrived("client", data)

