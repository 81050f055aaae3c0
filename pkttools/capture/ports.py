"""Which game service listens on which port: defaults per game, overridable.

A capture holds connections, not protocols: pkttools finds the service of a connection by its
server port, and the direction by which side owns that port (bytes sent to the server port are
the client's, parsed with `<service>.client`; the others with `<service>.server`).

The defaults are the ports the public server implementations listen on out of the box; each
entry names its source. Users override them with `PORT[/udp|/tcp]=SERVICE`
(`pkttools capture --port 29000=flyff.cluster`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from ..errors import UsageError
from ..model.conventions import DIRECTIONS
from ..model.registry import Protocol, Registry, default_registry


@dataclass(frozen=True)
class DefaultPort:
    service: str
    transport: str
    port: int
    source: str


DEFAULT_PORTS: tuple[DefaultPort, ...] = (
    DefaultPort("flyff.cluster", "tcp", 28000,
                "Rhisis bin/config/cluster-server.yml (cluster server port)"),
    DefaultPort("tmw.login", "tcp", 6901,
                "tmwAthena tools/config.py (login_conf login_port)"),
    DefaultPort("tmw.char", "tcp", 6122,
                "tmwa-server-data world/conf/char_local.conf.example (char_port; tmwAthena's "
                "built-in default in tools/config.py is 6121)"),
    DefaultPort("tmw.map", "tcp", 5122,
                "tmwa-server-data world/map/conf/map_local.conf.example (map_port; tmwAthena's "
                "built-in default in tools/config.py is 5121)"),
    DefaultPort("pangya.loginservice", "tcp", 10101,
                "pangbox/server cmd/loginserver/main.go (listenAddr)"),
    DefaultPort("ffxi.world", "udp", 54230,
                "LandSandBoat settings/default/network.lua (MAP_PORT)"),
)

class PortMap:
    """(transport, port) -> service, and service -> its protocol per direction."""

    def __init__(self, ports: Iterable[str] | Mapping[int | str, str] = (), *,
                 services: Iterable[str] | None = None, defaults: bool = True,
                 registry: Registry | None = None):
        self.registry = registry or default_registry()
        self.services = sorted({f"{p.game}.{p.service}" for p in self.registry})
        self.table: dict[tuple[str, int], str] = {}
        if defaults:
            for entry in DEFAULT_PORTS:
                if entry.service in self.services:
                    self.table[(entry.transport, entry.port)] = entry.service
        items = ports.items() if isinstance(ports, Mapping) else \
            (_split_spec(spec) for spec in ports)
        for port, service in items:
            transport, number = self._port(port, self.service_name(service))
            self.table[(transport, number)] = self.service_name(service)
        if services is not None:
            wanted = {self.service_name(s) for s in services}
            self.table = {k: v for k, v in self.table.items() if v in wanted}
            for service in sorted(wanted - set(self.table.values())):
                raise UsageError(f"{service} has no default port; give one with "
                                 f"--port PORT={service}")
        self._protocols: dict[str, dict[str, Protocol | None]] = {}

    def service_name(self, name: str) -> str:
        """A service (`flyff.cluster`); a protocol name (`flyff.cluster.server`) names its
        service too."""
        name = str(name).strip()
        if name in self.services:
            return name
        head, _, tail = name.rpartition(".")
        if tail in DIRECTIONS and head in self.services:
            return head
        raise UsageError(f"unknown service {name!r}; known: {', '.join(self.services)}")

    def lookup(self, transport: str, port: int) -> str | None:
        return self.table.get((transport, port))

    def protocols(self, service: str) -> dict[str, Protocol | None]:
        """The protocol of each direction (None where the specs have none, e.g. FFXI's
        client side)."""
        found = self._protocols.get(service)
        if found is None:
            found = {d: self.registry.protocols.get(f"{service}.{d}") for d in DIRECTIONS}
            self._protocols[service] = found
        return found

    def describe(self) -> list[str]:
        return [f"{port}/{transport}={service}"
                for (transport, port), service in sorted(self.table.items(),
                                                         key=lambda kv: kv[0][1])]

    def _port(self, port: int | str, service: str) -> tuple[str, int]:
        text = str(port).strip()
        number, _, transport = text.partition("/")
        transport = transport.lower() or default_transport(service)
        if transport not in ("tcp", "udp"):
            raise UsageError(f"port {text!r}: the transport must be tcp or udp")
        try:
            value = int(number, 0)
        except ValueError:
            raise UsageError(f"port {text!r} is not a number") from None
        if not 0 < value < 65536:
            raise UsageError(f"port {value} is out of range (1-65535)")
        return transport, value


def _split_spec(spec: str) -> tuple[str, str]:
    port, sep, service = str(spec).partition("=")
    if not sep or not port.strip() or not service.strip():
        raise UsageError(f"--port {spec!r}: expected PORT=SERVICE, e.g. 29000=flyff.cluster "
                         f"or 54230/udp=ffxi.world")
    return port, service


def default_transport(service: str) -> str:
    """The transport a service travels on: that of its default port ("tcp" without one)."""
    return next((e.transport for e in DEFAULT_PORTS if e.service == service), "tcp")
