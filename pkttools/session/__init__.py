"""Live connections of a game service, with asyncio: fake servers and scripted clients.

    from pkttools import session

    conn = await session.connect("tmw.login", "127.0.0.1", 6901)          # a client
    listener = await session.listen("tmw.login", port=0, handler=serve)   # a server

`send` takes plain data, a Packet or wire bytes; `recv` gives Packets (or the stream item of
bytes that do not parse). Framing and the game layer (PangYa's encryption) are the service's,
as captures read them. wire.py holds the connection's bytes both ways (the proxy uses it too),
connection.py the asyncio side; flows.py does the same for UDP services (FFXI's world server:
`open_flow`, `listen_flows`), a datagram at a time.
"""

from __future__ import annotations

from .connection import Connection, Listener, SessionError, connect, listen
from .flows import Datagram, DatagramCodec, Flow, FlowListener, listen_flows, open_flow
from .wire import Wire

__all__ = ["Connection", "Listener", "SessionError", "connect", "listen", "Wire", "Datagram",
           "DatagramCodec", "Flow", "FlowListener", "listen_flows", "open_flow"]
