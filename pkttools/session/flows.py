"""UDP flows of a datagram service (FFXI's world server) for fake servers and test clients.

    from pkttools import session

    flow = await session.open_flow("ffxi.world", "127.0.0.1", 54230, key=KEY)   # a client
    await flow.send(header, [{"packet": ..., "fields": ...}, packet, b"..."])   # one datagram
    datagram = await flow.recv(timeout=5)        # the next datagram from the peer
    datagram.packets                             # its Packets; .items: as capture reads it

    async def serve(flow):                       # one task per client address
        async for datagram in flow: ...
    listener = await session.listen_flows("ffxi.world", port=0, handler=serve, key=KEY)

A datagram is read as `pkttools capture` reads one: through the service's game layer
(decrypted and decompressed with the flow's session key, the key stepping on as the layer
follows it), then split into its header (a `Prologue` item), its packets (`Frame`s) and the
rest; one that does not decode is a single `Unframed` item with the reason. A datagram to send
is a header (the service's datagram header as bytes: FFXI's 28 bytes, whose sequence numbers
are the sender's to keep) and packets (plain data as `build` takes it, with its frame header
where the stream frames packets, a Packet, or bytes), put together and sent as the layer sends
it. `DatagramCodec` does this both ways without sockets: the proxy's UDP flows use it too.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Iterable

from ..capture.decrypt import LayerStream, datagram_items, layer_of, unparsed_reason
from ..capture.items import Unparsed
from ..capture.ports import PortMap, default_transport
from ..codec.packet import Packet, parse
from ..errors import PacketError, UsageError
from ..model.conventions import DIRECTIONS
from ..model.registry import Registry
from ..stream.frames import build_frame
from ..stream.items import Frame, Prologue
from .connection import Handlers, SessionError
from .wire import Sendable, other

QUEUE = 256  # datagrams a flow holds unread (more are dropped, as UDP may drop them)


@dataclass
class Datagram:
    """One datagram received: its bytes as they came and its items as capture reads them."""

    raw: bytes
    items: list

    @property
    def packets(self) -> list[Packet]:
        """The packets that parsed, in order."""
        return [i.packet for i in self.items if isinstance(i, Frame) and i.packet is not None]

    @property
    def header(self) -> bytes | None:
        """The datagram header (its prologue) as bytes, when it decoded."""
        return next((i.data for i in self.items if isinstance(i, Prologue)), None)


class DatagramCodec:
    """A UDP flow's datagrams both ways, without sockets: `decode` what a direction sent,
    `encode` what it sends (one game-layer session, so a key step seen one way holds for
    both)."""

    def __init__(self, service: str, *, key: Any = None, registry: Registry | None = None):
        services = PortMap(registry=registry)
        self.service = services.service_name(service)
        self.protocols = services.protocols(self.service)
        if default_transport(self.service) != "udp":
            raise UsageError(f"{service} travels in TCP streams: use session.connect and "
                             f"session.listen")
        module = layer_of(self.protocols)
        self.layer = LayerStream(module, self.protocols, key) if module is not None else None

    @property
    def notes(self) -> list[str]:
        """What the game layer learnt (key steps, ...); empty without a layer."""
        return self.layer.notes if self.layer is not None else []

    def decode(self, direction: str, data: bytes) -> list:
        """The datagram's items, as `pkttools capture` reads them."""
        proto = self.protocols[direction]
        return datagram_items(self.layer, proto, unparsed_reason(self.service, direction, proto),
                              direction, bytes(data))

    def frame(self, direction: str, data: Sendable) -> Frame | Unparsed:
        """One packet to put in a datagram, as the item its receiver reads."""
        proto = self.protocols[direction]
        if proto is None:
            if not isinstance(data, (bytes, bytearray, memoryview)):
                raise UsageError(f"{self.service} has no {direction} protocol: send bytes")
            return Unparsed(0, bytes(data), f"{self.service} has no {direction} protocol")
        if isinstance(data, Packet):
            raw = data.to_bytes() + data.trailing
        elif isinstance(data, dict):
            raw = build_frame(proto, data, recompute=True)
        elif isinstance(data, (bytes, bytearray, memoryview)):
            raw = bytes(data)
        else:
            raise UsageError(f"send plain data (a dict), a Packet or bytes, not "
                             f"{type(data).__name__}")
        try:
            return Frame(0, raw, parse(proto, raw), None, None, 0)
        except PacketError as exc:
            return Frame(0, raw, None, exc, None, 0)

    def seal(self, direction: str, plain: bytes) -> bytes:
        """A plaintext datagram as its sender sends it: through the game layer, if any."""
        if self.layer is None:
            return bytes(plain)
        return self.layer.session.encode(direction, plain)

    def encode(self, direction: str, header: bytes, packets: Iterable[Sendable]) -> bytes:
        """The wire bytes of a datagram `direction` sends: `header`, then the packets."""
        body = b"".join(self.frame(direction, p).data for p in packets)
        return self.seal(direction, bytes(header) + body)


class Flow:
    """One UDP flow as `role`: reads the peer's datagrams, sends `role`'s."""

    def __init__(self, service: str, role: str, codec: DatagramCodec,
                 send: Callable[[bytes], None], local: Any, peer: Any,
                 on_close: Callable[[], None] | None = None):
        if role not in DIRECTIONS:
            raise UsageError(f"role must be 'client' or 'server', not {role!r}")
        self.service, self.role, self.codec = service, role, codec
        self._send = send
        self._on_close = on_close
        self.local, self.peer = local, peer
        self._queue: asyncio.Queue[Datagram | None] = asyncio.Queue(QUEUE)
        self.dropped = 0
        self.closed = False

    @property
    def notes(self) -> list[str]:
        return self.codec.notes

    def received(self, data: bytes) -> None:
        """A datagram from the peer (called by the socket's protocol)."""
        if self.closed:
            return
        try:
            self._queue.put_nowait(Datagram(bytes(data), self.codec.decode(other(self.role),
                                                                            data)))
        except asyncio.QueueFull:
            self.dropped += 1

    async def recv(self, timeout: float | None = None) -> Datagram | None:
        """The next datagram from the peer; None once the flow is closed."""
        if self.closed and self._queue.empty():
            return None
        return await asyncio.wait_for(self._queue.get(), timeout)

    async def expect(self, packet: str, timeout: float | None = None) -> Packet:
        """The first packet named `packet` in the next datagrams; SessionError when a
        datagram holds anything else first or the flow closes."""
        async def find() -> Packet:
            while True:
                datagram = await self.recv()
                if datagram is None:
                    raise SessionError(f"{self.service}: the flow closed before a {packet}")
                for p in datagram.packets:
                    if p.name == packet:
                        return p
                    raise SessionError(f"{self.service}: expected {packet}, got {p.name}")
        return await asyncio.wait_for(find(), timeout)

    def __aiter__(self) -> "Flow":
        return self

    async def __anext__(self) -> Datagram:
        datagram = await self.recv()
        if datagram is None:
            raise StopAsyncIteration
        return datagram

    async def send(self, header: bytes, packets: Iterable[Sendable] = ()) -> bytes:
        """Send one datagram of `role`: `header`, then the packets; returns its wire bytes."""
        wire = self.codec.encode(self.role, header, packets)
        self.send_raw(wire)
        return wire

    def send_raw(self, wire: bytes) -> None:
        """Send bytes as they are (never encrypted)."""
        if self.closed:
            raise SessionError(f"{self.service}: the flow is closed")
        self._send(bytes(wire))

    async def close(self) -> None:
        """No more datagrams either way; a `recv` waiting gets None."""
        if not self.closed:
            self.closed = True
            try:
                self._queue.put_nowait(None)
            except asyncio.QueueFull:
                pass
            if self._on_close is not None:
                self._on_close()

    async def __aenter__(self) -> "Flow":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"<Flow {self.service} {self.role} {self.local} <-> {self.peer}>"


class _OneFlow(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.flow: Flow | None = None

    def datagram_received(self, data: bytes, addr: Any) -> None:
        if self.flow is not None:
            self.flow.received(data)


async def open_flow(service: str, host: str, port: int, *, role: str = "client",
                    key: Any = None, registry: Registry | None = None) -> Flow:
    """A flow to `host:port` as `role` (a client, usually) of a UDP `service`."""
    codec = DatagramCodec(service, key=key, registry=registry)
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_datagram_endpoint(_OneFlow,
                                                              remote_addr=(host, port))
    flow = Flow(service, role, codec, transport.sendto, transport.get_extra_info("sockname"),
                (host, port), on_close=transport.close)
    protocol.flow = flow
    return flow


class FlowListener(Handlers, asyncio.DatagramProtocol):
    """The flows of one UDP socket, a flow per peer address: `accept()` them one by one, or
    let a handler take each (`listen_flows(..., handler=...)`)."""

    def __init__(self, service: str, role: str, key: Any, registry: Registry | None,
                 handler: Callable[[Flow], Awaitable[None]] | None):
        super().__init__()
        self.service, self.role, self.key, self.registry = service, role, key, registry
        self.handler = handler
        self.transport: asyncio.DatagramTransport | None = None
        self.flows: dict[Any, Flow] = {}
        self._queue: asyncio.Queue[Flow] = asyncio.Queue()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: Any) -> None:
        flow = self.flows.get(addr)
        if flow is None:
            assert self.transport is not None
            transport = self.transport
            flow = Flow(self.service, self.role,
                        DatagramCodec(self.service, key=self.key, registry=self.registry),
                        lambda wire: transport.sendto(wire, addr), self.bound, addr)
            self.flows[addr] = flow
            if self.handler is None:
                self._queue.put_nowait(flow)
            else:
                task = asyncio.ensure_future(self._run(flow))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
        flow.received(data)

    async def _run(self, flow: Flow) -> None:
        assert self.handler is not None
        try:
            await self.handler(flow)
        except Exception as exc:  # kept for close(), which raises it
            self.errors.append(exc)
        finally:
            await flow.close()

    async def accept(self, timeout: float | None = None) -> Flow:
        """The next new flow (a peer address not seen before)."""
        return await asyncio.wait_for(self._queue.get(), timeout)

    async def close(self) -> None:
        """Stop, end the handlers still running; raises the first exception a handler
        raised, so a broken fake server fails its test."""
        for flow in self.flows.values():
            await flow.close()
        if self.transport is not None:
            self.transport.close()
        await self.end_handlers()


async def listen_flows(service: str, host: str = "127.0.0.1", port: int = 0, *,
                       role: str = "server", key: Any = None,
                       handler: Callable[[Flow], Awaitable[None]] | None = None,
                       registry: Registry | None = None) -> FlowListener:
    """Listen on `host:port` (0: any free port, see `FlowListener.address`) for flows of a
    UDP `service`, answered as `role` (a server, usually)."""
    if role not in DIRECTIONS:
        raise UsageError(f"role must be 'client' or 'server', not {role!r}")
    DatagramCodec(service, key=key, registry=registry)  # an unusable service fails here
    loop = asyncio.get_running_loop()
    _, listener = await loop.create_datagram_endpoint(
        lambda: FlowListener(service, role, key, registry, handler), local_addr=(host, port))
    assert listener.transport is not None
    sockname = listener.transport.get_extra_info("sockname")
    listener.bound = (sockname[0], sockname[1])
    return listener
