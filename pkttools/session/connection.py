"""Live connections for fake servers and test clients, with asyncio.

    from pkttools import session

    async with await session.connect("tmw.login", "127.0.0.1", 6901) as conn:
        await conn.send({"packet": "server_version_request"})
        version = await conn.expect("server_version", timeout=5)

    async def handle(conn):                      # one task per accepted connection
        async for packet in conn:                # Packets, or items for bytes that do not parse
            ...
    listener = await session.listen("tmw.login", port=0, handler=handle)

A connection has a role (`client` or `server`): it sends that direction's packets and reads
the other's, with the service's framing and game layer (wire.py). `recv` gives a `Packet`, or
for bytes that do not parse the stream item that holds them (`Frame` with its error,
`Unframed`, `Incomplete`, `Unparsed`); None once the peer has closed and everything is read.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any, Awaitable, Callable, Iterable

from ..codec.packet import Packet
from ..errors import PkttoolsError, UsageError
from ..model.conventions import DIRECTIONS
from ..model.registry import Registry
from ..stream.items import Frame
from .wire import Sendable, Wire, WireItem, other

READ_SIZE = 64 << 10
Chunker = Callable[[bytes], Iterable[bytes]]


class SessionError(PkttoolsError):
    """A connection did not go as the script expected: another packet, or the peer closed."""


def address(sockaddr: Any) -> str:
    """`host:port` of a socket address (`[::1]:port` for IPv6)."""
    if not sockaddr:
        return "?"
    host, port = sockaddr[0], sockaddr[1]
    return f"[{host}]:{port}" if ":" in str(host) else f"{host}:{port}"


class Connection:
    """One TCP connection of a service, seen from `role`'s end.

    `pieces`, for tests of framing: a function that cuts every write into the chunks to send
    one by one (each written and drained on its own, with a moment between), e.g. at random.
    """

    def __init__(self, service: str, role: str, reader: asyncio.StreamReader,
                 writer: asyncio.StreamWriter, *, key: Any = None,
                 registry: Registry | None = None, pieces: Chunker | None = None):
        if role not in DIRECTIONS:
            raise UsageError(f"role must be 'client' or 'server', not {role!r}")
        self.service = service
        self.role = role
        self.wire = Wire(service, key=key, registry=registry)
        self.reader = reader
        self.writer = writer
        self.pieces = pieces
        self.local = address(writer.get_extra_info("sockname"))
        self.peer = address(writer.get_extra_info("peername"))
        self._items: deque[WireItem] = deque()
        self._ended = False

    @property
    def notes(self) -> list[str]:
        """What the game layer learnt (the key from a hello, ...)."""
        return self.wire.notes

    # -- receiving ------------------------------------------------------------------------------
    async def recv(self, timeout: float | None = None) -> "Packet | WireItem | None":
        """The next packet the peer sent (or the item of bytes that do not parse); None when
        the peer has closed and everything is read. `timeout`: seconds, else TimeoutError."""
        if timeout is not None:
            return await asyncio.wait_for(self.recv(), timeout)
        while not self._items:
            if self._ended:
                return None
            data = await self.reader.read(READ_SIZE)
            peer = other(self.role)
            if data:
                self._items.extend(self.wire.feed(peer, data))
            else:
                self._ended = True
                self._items.extend(self.wire.close(peer))
        item = self._items.popleft()
        if isinstance(item, Frame) and item.packet is not None:
            return item.packet
        return item

    async def expect(self, packet: str, timeout: float | None = None) -> Packet:
        """The next packet, which must be `packet` (its name); SessionError otherwise."""
        got = await self.recv(timeout)
        if isinstance(got, Packet) and got.name == packet:
            return got
        what = "the connection closed" if got is None else (
            f"got {got.name}" if isinstance(got, Packet) else
            f"got {type(got).__name__.lower()} bytes ({getattr(got, 'reason', None) or got.error})")
        raise SessionError(f"{self.service} {self.role} {self.local}: expected {packet} from "
                           f"{self.peer}, {what}")

    def __aiter__(self) -> "Connection":
        return self

    async def __anext__(self) -> "Packet | WireItem":
        got = await self.recv()
        if got is None:
            raise StopAsyncIteration
        return got

    # -- sending --------------------------------------------------------------------------------
    async def send(self, data: Sendable, *, header: Any = None) -> bytes:
        """Send plain data (a dict as `build` takes it), a Packet, or wire bytes as they are;
        returns the bytes sent. Waits while the peer is slow to read (the write buffer is
        full)."""
        wire = self.wire.encode(self.role, data, header=header)
        await self.send_raw(wire)
        return wire

    async def send_raw(self, wire: bytes) -> None:
        """Write bytes as they are (cut by `pieces` when given)."""
        chunks = [wire] if self.pieces is None else [c for c in self.pieces(wire) if c]
        for i, chunk in enumerate(chunks):
            if i:
                await asyncio.sleep(0.001)  # let each piece travel on its own
            self.writer.write(chunk)
            await self.writer.drain()

    async def close(self) -> None:
        """Close the connection (the peer reads its end)."""
        if not self.writer.is_closing():
            self.writer.close()
        try:
            await self.writer.wait_closed()
        except (ConnectionError, OSError):  # the peer had already gone
            pass

    async def finish(self) -> None:
        """Say this side has sent everything (a FIN) and keep reading what the peer sends."""
        if self.writer.can_write_eof() and not self.writer.is_closing():
            self.writer.write_eof()

    async def __aenter__(self) -> "Connection":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"<Connection {self.service} {self.role} {self.local} <-> {self.peer}>"


async def connect(service: str, host: str, port: int, *, role: str = "client",
                  key: Any = None, timeout: float | None = 10.0,
                  registry: Registry | None = None, pieces: Chunker | None = None
                  ) -> Connection:
    """Open a connection to `host:port` as `role` (a client, usually) of `service`."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    return Connection(service, role, reader, writer, key=key, registry=registry, pieces=pieces)


class Handlers:
    """What a listener shares, for TCP connections or UDP flows: where it listens, the
    handler tasks it runs, and the exceptions they raised (`close` raises the first, so a
    broken fake server fails its test)."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()
        self.errors: list[BaseException] = []
        self.bound: tuple[str, int] = ("", 0)

    @property
    def address(self) -> tuple[str, int]:
        """(host, port) it listens (or listened) on: the port it got, when asked for 0."""
        return self.bound

    @property
    def port(self) -> int:
        return self.address[1]

    async def end_handlers(self) -> None:
        """Cancel the handlers still running; raise the first exception one raised."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.errors:
            raise self.errors[0]

    async def close(self) -> None:
        await self.end_handlers()

    async def __aenter__(self) -> "Handlers":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


class Listener(Handlers):
    """Accepted connections of one listening socket: `accept()` them one by one, or let a
    handler take each (`listen(..., handler=...)`)."""

    def __init__(self, service: str, role: str, key: Any, registry: Registry | None,
                 handler: Callable[[Connection], Awaitable[None]] | None,
                 pieces: Chunker | None):
        super().__init__()
        self.service, self.role, self.key, self.registry = service, role, key, registry
        self.handler = handler
        self.pieces = pieces
        self.server: asyncio.AbstractServer | None = None
        self._queue: asyncio.Queue[Connection] = asyncio.Queue()

    async def accepted(self, reader: asyncio.StreamReader,
                        writer: asyncio.StreamWriter) -> None:
        """A new connection: queued for `accept`, or run by the handler until it returns."""
        conn = Connection(self.service, self.role, reader, writer, key=self.key,
                          registry=self.registry, pieces=self.pieces)
        if self.handler is None:
            await self._queue.put(conn)
            return
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self.handler(conn)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the peer went away: nothing to tell
        except Exception as exc:  # kept for close(), which raises it
            self.errors.append(exc)
        finally:
            self._tasks.discard(task)
            await conn.close()

    async def accept(self, timeout: float | None = None) -> Connection:
        """The next connection accepted."""
        return await asyncio.wait_for(self._queue.get(), timeout)

    async def close(self) -> None:
        """Stop listening and end the handlers still running; raises the first exception a
        handler raised, so a broken fake server fails its test."""
        if self.server is not None:
            self.server.close()
        while not self._queue.empty():
            await self._queue.get_nowait().close()
        await self.end_handlers()


async def listen(service: str, host: str = "127.0.0.1", port: int = 0, *,
                 role: str = "server", key: Any = None,
                 handler: Callable[[Connection], Awaitable[None]] | None = None,
                 registry: Registry | None = None, pieces: Chunker | None = None) -> Listener:
    """Listen on `host:port` (0: any free port, see `Listener.address`) for connections
    of `service`, answered as `role` (a server, usually)."""
    if role not in DIRECTIONS:
        raise UsageError(f"role must be 'client' or 'server', not {role!r}")
    Wire(service, registry=registry)  # an unusable service fails here, not per connection
    listener = Listener(service, role, key, registry, handler, pieces)
    listener.server = await asyncio.start_server(listener.accepted, host, port)
    sockname = listener.server.sockets[0].getsockname()
    listener.bound = (sockname[0], sockname[1])
    return listener

