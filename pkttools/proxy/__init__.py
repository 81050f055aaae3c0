"""A live proxy for a game service: every packet of both directions parsed and reported as
it is forwarded, with redirects that keep the client's next connections in the proxy, hooks
that edit, drop and inject packets, and the traffic saved as pcapng.

server.py holds the listeners (`Proxy`), relay.py one proxied TCP connection, datagrams.py one
proxied UDP flow (FFXI), redirects.py the
rewriting of server addresses the specs declare, hooks.py the user's `on_packet`, items.py
what is reported, pcapng.py the saved file. `pkttools proxy` (cli/proxy.py) is the command.
"""

from __future__ import annotations

from .hooks import PacketContext, ProxiedConnection, load_hook
from .items import ACTIONS, Moved, ProxyItem
from .server import Proxy

__all__ = ["Proxy", "ProxyItem", "Moved", "ACTIONS", "load_hook", "PacketContext",
           "ProxiedConnection"]
