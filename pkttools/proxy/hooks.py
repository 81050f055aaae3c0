"""Hooks: a Python file whose `on_packet(packet, conn)` sees every parsed packet the proxy
forwards, and may let it through, change it, drop it, or add packets around it.

    def on_packet(packet, conn):
        if conn.direction == "server" and packet.name == "server_version":
            fields = packet.fields()
            fields["minor"] = 99
            return {"packet": "server_version", "fields": fields}   # forwarded instead
        if packet.name == "update_host":
            return []                                                # dropped
        conn.connection.state["seen"] = conn.connection.state.get("seen", 0) + 1
        return None                                                  # forwarded unchanged

What the hook returns: None, to forward the packet as it came (its original bytes); plain data
(a dict as `build` takes it: the protocol follows from the direction), a Packet, or bytes (sent
as they are) to forward instead; `[]` to drop it; a list to forward several in order. In a
list, the packet itself (the object passed in) stands for itself (edited in place or not) and
the rest are injected; without it, the first element replaces it. `on_packet` may be a
coroutine function. An exception, or a result that cannot be sent, is reported and the packet
forwarded unchanged.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable, Union

from ..codec.packet import Packet
from ..errors import UsageError

ORIGINAL = object()  # the packet's original bytes, forwarded as they came
Hook = Callable[[Packet, "PacketContext"], Union[Any, Awaitable[Any]]]


@dataclass(eq=False)
class ProxiedConnection:
    """A connection through the proxy, as the hook sees it: `id` (as in the rows), `service`,
    the `client` and upstream `server` addresses, and `state`, a dict of the hook's own that
    lives as long as the connection."""

    id: int
    service: str
    client: str
    server: str
    state: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PacketContext:
    """The `conn` of `on_packet(packet, conn)`: who sent the packet (`direction`, "client" or
    "server"), its `service`, and the proxied `connection`."""

    direction: str
    service: str
    connection: ProxiedConnection


def load_hook(path: str | Path) -> Hook:
    """`on_packet` of a hook file; UsageError when the file cannot be loaded or has none."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"--hook {path}: no such file")
    spec = importlib.util.spec_from_file_location(f"pkttools_hook_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise UsageError(f"--hook {path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and pickling look their module up
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # the user's code: any error is theirs to see, in one line
        raise UsageError(f"--hook {path}: {type(exc).__name__}: {exc}") from exc
    hook = getattr(module, "on_packet", None)
    if not callable(hook):
        raise UsageError(f"--hook {path}: defines no function on_packet(packet, conn)")
    return hook


async def call(hook: Hook, packet: Packet, context: PacketContext) -> list[tuple[str, Any]]:
    """What to send for `packet`: (action, data) pairs in order, data being ORIGINAL, plain
    data, a Packet or bytes; [] to drop it. Raises what the hook raised, or TypeError for a
    result of another kind."""
    result = hook(packet, context)
    if inspect.isawaitable(result):
        result = await result
    if result is None:
        return [("forwarded", ORIGINAL)]
    items = list(result) if isinstance(result, (list, tuple)) else [result]
    for item in items:
        if not isinstance(item, (dict, Packet, bytes, bytearray, memoryview)):
            raise TypeError(f"on_packet returned {type(item).__name__}; return None, plain data "
                            f"(a dict), a Packet, bytes, or a list of them")
    if not any(item is packet for item in items):
        return [("edited" if i == 0 else "injected", item) for i, item in enumerate(items)]
    out = []
    for item in items:
        if item is not packet:
            out.append(("injected", item))
        elif packet.to_bytes() == packet.data:  # returned as it came (not edited in place)
            out.append(("forwarded", ORIGINAL))
        else:
            out.append(("edited", item))
    return out
