"""The proxy: a listener for the service, listeners for the servers it redirects to, and a
relay per connection.

    proxy = Proxy("tmw.login", listen=("127.0.0.1", 6901), upstream=("203.0.113.7", 6901),
                  hook=load_hook("hook.py"), save="session.pcapng", report=print)
    host, port = await proxy.start()
    ...
    await proxy.stop()        # every relay ends, the pcapng file is complete

A UDP service (FFXI's world server) is proxied per client address: each gets its own socket
to the upstream, and its datagrams are handled in turn (datagrams.py); it has no redirects.

Redirect listeners open on the `listen` host, one per (service, server address), on a free
port, and take any number of connections; each is proxied to that server with that service,
and its packets are redirected in turn (TMW: login -> char-server -> map server).
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable

from ..capture.ports import default_transport
from ..errors import UsageError
from ..model.registry import Registry, default_registry
from ..session.connection import address
from ..session.wire import Wire
from .datagrams import DatagramFlow, Listener
from .hooks import Hook
from .items import ProxyItem
from .pcapng import Recorder
from .relay import READ_SIZE, Duties, Relay


def _quiet(_: Any) -> None:
    pass


class Proxy:
    """Proxies connections of `service` from `listen` to `upstream` (see the module doc)."""

    def __init__(self, service: str, listen: tuple[str, int], upstream: tuple[str, int], *,
                 hook: Hook | None = None, save: str | None = None, key: Any = None,
                 report: Callable[[ProxyItem], None] = _quiet,
                 note: Callable[[str], None] = _quiet, registry: Registry | None = None,
                 connect_timeout: float = 10.0):
        registry = registry or default_registry()
        if not any(p.game + "." + p.service == service for p in registry):
            known = sorted({f"{p.game}.{p.service}" for p in registry})
            raise UsageError(f"unknown service {service!r}; known: {', '.join(known)}")
        self.transport = default_transport(service)
        if self.transport == "tcp":
            Wire(service, registry=registry)  # a service it cannot carry fails here
        self.registry = registry
        self.service = service
        self.listen_host, self.listen_port = listen
        self.upstream = upstream
        self.key = key
        self.note = note
        self.recorder = Recorder(save)
        self.duties = Duties(hook, self.redirect, self.recorder, report, note, connect_timeout)
        self.servers: list[asyncio.AbstractServer] = []
        self.redirects: dict[tuple[str, str, int], tuple[str, int]] = {}
        self.relays: dict[asyncio.Task, Relay | DatagramFlow] = {}
        self.datagrams: Listener | None = None  # the UDP socket of a datagram service
        self.count = 0
        self.address: tuple[str, int] = ("", 0)  # where clients connect, once started
        self._stopping = False

    async def start(self) -> tuple[str, int]:
        """Listen; the (host, port) the proxy accepts connections (or datagrams) on."""
        if self.transport == "udp":
            loop = asyncio.get_running_loop()
            transport, self.datagrams = await loop.create_datagram_endpoint(
                lambda: Listener(self.flow), local_addr=(self.listen_host or "0.0.0.0",
                                                         self.listen_port))
            self.address = transport.get_extra_info("sockname")[:2]
            return self.address
        server = await self.listener(self.service, self.upstream, self.listen_port)
        self.address = _bound(server)
        return self.address

    def flow(self, client: tuple[str, int]) -> DatagramFlow | None:
        """A new UDP flow from `client` (None once the proxy stops)."""
        if self._stopping or self.datagrams is None or self.datagrams.transport is None:
            return None
        self.count += 1
        flow = DatagramFlow(self.count, self.service, client, self.datagrams.transport,
                            self.upstream, self.duties, key=self.key, registry=self.registry)
        task = asyncio.ensure_future(flow.run())
        self.relays[task] = flow
        task.add_done_callback(lambda t: self.relays.pop(t, None))
        return flow

    async def listener(self, service: str, upstream: tuple[str, int],
                       port: int) -> asyncio.AbstractServer:
        async def accepted(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            if self._stopping:
                writer.close()
                return
            self.count += 1
            relay = Relay(self.count, service, reader, writer, upstream, self.duties,
                          key=self.key if service == self.service else None)
            task = asyncio.current_task()
            assert task is not None
            self.relays[task] = relay
            try:
                await relay.run()
            finally:
                self.relays.pop(task, None)

        server = await asyncio.start_server(accepted, self.listen_host or None, port,
                                            limit=READ_SIZE)
        self.servers.append(server)
        return server

    async def redirect(self, service: str, host: str, port: int) -> tuple[str, int]:
        """The listener that leads to `service` at `host:port` (opened on first use)."""
        key = (service, host, port)
        found = self.redirects.get(key)
        if found is None:
            server = await self.listener(service, (host, port), 0)
            found = self.redirects[key] = _bound(server)
            self.note(f"redirect: {service} at {host}:{port} -> proxy listener "
                      f"{address(found)}")
        return found

    async def stop(self) -> None:
        """Stop listening, end every connection (what each side held is forwarded), and
        complete the pcapng file."""
        self._stopping = True
        if self.datagrams is not None and self.datagrams.transport is not None:
            self.datagrams.transport.close()
        for server in self.servers:
            server.close()
        tasks = list(self.relays)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for server in self.servers:
            await server.wait_closed()
        self.recorder.close()

    async def __aenter__(self) -> "Proxy":
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


def _bound(server: asyncio.AbstractServer) -> tuple[str, int]:
    sockets = getattr(server, "sockets", None)
    assert sockets
    name = sockets[0].getsockname()
    return name[0], name[1]
