"""Redirects: the server addresses a packet hands the client, rewritten to the proxy's own.

The specs declare where a packet carries an address and which service answers there
(`-pkttools-redirect`, read by pkttools/model/redirects.py). For each address found in a
forwarded packet the proxy opens (or reuses) a listener on its `--listen` host, proxying to
the original address with that service, and writes the listener's address into the packet:
the host the client reached the proxy on, and the listener's port. The packet is then built
again from its plain data (lengths recomputed), so the client connects to the proxy next.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Any, Awaitable, Callable

from ..codec.packet import Packet
from ..model.redirects import ANY, Redirect, redirects
from ..model.registry import PacketType
from ..session.connection import address
from .items import Moved

Opener = Callable[[str, str, int], Awaitable[tuple[str, int]]]
"""(service, host, port) of a server -> (host, port) of the proxy listener that leads there;
the port is written into the packet, with the host the client reached the proxy on."""


@lru_cache(maxsize=None)
def declared(ptype: PacketType) -> tuple[Redirect, ...]:
    """The addresses a packet type carries (none for most)."""
    return redirects(ptype.protocol.registry.types, ptype.type_key)


def _holders(data: Any, path: tuple[str, ...]):
    """The objects at `path` in plain data (every list element where the path says `*`)."""
    if not path:
        if isinstance(data, dict):
            yield data
        return
    head, rest = path[0], path[1:]
    if head == ANY:
        for item in data if isinstance(data, list) else ():
            yield from _holders(item, rest)
    elif isinstance(data, dict) and head in data:
        yield from _holders(data[head], rest)


def _get(holder: dict, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(holder, dict) or part not in holder:
            return None
        holder = holder[part]
    return holder


def _host_text(kind: str, value: Any) -> str | None:
    if kind == "ipv4":
        try:
            raw = bytes.fromhex(value)
        except (TypeError, ValueError):
            return None
        return str(ipaddress.IPv4Address(raw)) if len(raw) == 4 else None
    return value if isinstance(value, str) and value else None


def _unmapped(host: str) -> str:
    """An IPv4 client of a dual-stack listener reaches it on `::ffff:a.b.c.d`: write a.b.c.d."""
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return host
    mapped = getattr(addr, "ipv4_mapped", None)
    return str(mapped) if mapped is not None else host


def _host_value(kind: str, host: str) -> str | None:
    """The plain-data value that writes `host` into a field of `kind`; None when it cannot
    (an IPv6 address in a 4-byte field)."""
    if kind != "ipv4":
        return host
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return None
    if isinstance(addr, ipaddress.IPv6Address):
        addr = addr.ipv4_mapped
        if addr is None:
            return None
    return addr.packed.hex()


async def rewrite(packet: Packet, reached: str, opener: Opener
                  ) -> tuple[dict | None, list[Moved], list[str]]:
    """(plain data of the packet with every address rewritten, or None when it carries none;
    the addresses moved; problems, e.g. an address that cannot be written)."""
    found = declared(packet.type)
    if not found:
        return None, [], []
    reached = _unmapped(reached)
    plain = packet.to_dict()
    plain.pop("trailing", None)
    moved: list[Moved] = []
    problems: list[str] = []
    for decl in found:
        for holder in _holders(plain["fields"], decl.holder):
            host = _host_text(decl.host_kind, _get(holder, decl.host))
            port = _get(holder, decl.port)
            if host is None or not isinstance(port, int) or isinstance(port, bool):
                continue
            value = _host_value(decl.host_kind, reached)
            if value is None:
                problems.append(f"{decl.service} at {host}:{port}: the client reached the "
                                f"proxy on {reached}, which a 4-byte address cannot hold")
                continue
            try:
                _, new_port = await opener(decl.service, host, port)
            except OSError as exc:
                problems.append(f"{decl.service} at {host}:{port}: no listener: {exc}")
                continue
            _put(holder, decl, value, new_port)
            moved.append(Moved(decl.service, address((host, port)), address((reached, new_port))))
    return (plain if moved else None), moved, problems


def _put(holder: dict, decl: Redirect, host: str, port: int) -> None:
    where = holder
    for part in decl.host[:-1]:
        where = where[part]
    where[decl.host[-1]] = host
    for name in decl.filler:  # the rest of a fixed text array: zeros
        where.pop(name, None)
    holder[decl.port[-1]] = port
    for name in decl.derived:  # value instances computed from the old fields
        holder.pop(name, None)
