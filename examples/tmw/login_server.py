"""A fake TMW login server, made with pkttools.session.

It answers as tmwAthena's login server does (docs/tmw/login-flow.md): 0x7530 with 0x7531, and a
0x0064 login request with 0x006A for an unknown account, a wrong password or a client older than
version 6, else 0x0063 (when the client can take it and an update host is set), then 0x0069
with the char-servers, or 0x0081 when there is none. Packets are plain data: pkttools.build
fills in lengths, the packet id and what tmwAthena always writes.

    python examples/tmw/login_server.py --port 6901 --char-server 127.0.0.1:6122
"""

from __future__ import annotations

import argparse
import asyncio
import secrets

import pkttools
from pkttools import session

ACCOUNTS = {"player": ("secret", 2000000)}  # name: (password, account id)
VERSION = {"major": 23, "minor": 10, "patch": 22, "devel": 0, "registration_enabled": True,
           "is_login_server": True, "is_char_server": False, "is_inter_server": False,
           "is_map_server": False, "vendor_point": 0}


def answers(request: dict, char_servers: list[dict], update_host: str | None) -> list[dict]:
    """What the server sends for a login request (its fields), in order."""
    account = ACCOUNTS.get(request["username"])
    if account is None or account[0] != request["password"]:
        code = "unregistered_id" if account is None else "wrong_password"
        return [{"packet": "login_error", "fields": {"code": code, "message": ""}}]
    if request["client_version"] < 6:
        return [{"packet": "login_error", "fields": {"code": "client_too_old", "message": ""}}]
    out = []
    if request["can_handle_update_host"] and update_host:
        out.append({"packet": "update_host", "fields": {"update_host": update_host}})
    if not char_servers:
        return out + [{"packet": "connection_problem", "fields": {"code": "no_server"}}]
    return out + [{"packet": "login_data", "fields": {
        "login_id1": secrets.randbits(32), "account_id": account[1],
        "login_id2": secrets.randbits(32), "sex": "male", "char_servers": char_servers}}]


async def handle(conn: session.Connection, char_servers: list[dict],
                 update_host: str | None = None) -> None:
    """One client connection, until the client closes it."""
    async for packet in conn:
        if not isinstance(packet, pkttools.Packet):  # bytes that do not parse: tmwAthena
            return  # closes the connection of a client that sends an unknown packet
        if packet.name == "server_version_request":
            await conn.send({"packet": "server_version", "fields": VERSION})
        elif packet.name == "login_request":
            for answer in answers(packet.fields(), char_servers, update_host):
                await conn.send(answer)


async def serve(host: str = "127.0.0.1", port: int = 0, *,
                char_servers: list[tuple[str, int]] = (("127.0.0.1", 6122),),
                update_host: str | None = "http://updates.example.org",
                pieces=None) -> session.Listener:
    """Listen for clients; `Listener.port` says where. `pieces`: see session.Connection."""
    servers = [{"ip_dotted": ip, "port": p, "name": f"Fake {i + 1}", "users": 1}
               for i, (ip, p) in enumerate(char_servers)]
    return await session.listen("tmw.login", host, port, pieces=pieces,
                                handler=lambda conn: handle(conn, servers, update_host))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=6901)
    parser.add_argument("--char-server", action="append", default=[], metavar="HOST:PORT")
    args = parser.parse_args()
    servers = [(h, int(p)) for h, p in (s.rsplit(":", 1) for s in args.char_server)]
    listener = await serve(args.host, args.port, char_servers=servers or [("127.0.0.1", 6122)])
    print(f"fake tmw.login server on {args.host}:{listener.port}")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
