"""A scripted TMW client, made with pkttools.session: the login flow as ManaPlus goes through it.

It sends 0x7530 and reads 0x7531, sends a 0x0064 login request and reads the answers up to
0x0069 (or an error), then goes on to the first char-server 0x0069 lists, as ManaPlus does,
sends it 0x0065 Char Server Connect with the session keys, and keeps its first answer
(tmwAthena's 0x8000 hold).

    python examples/tmw/login_client.py 127.0.0.1:6901 --username player --password secret
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass, field

import pkttools
from pkttools import session


@dataclass
class Login:
    """What the client saw: every packet the login server sent, and the char-server's answer."""

    received: list = field(default_factory=list)  # Packets (or items of bytes that do not parse)
    login_data: pkttools.Packet | None = None
    error: pkttools.Packet | None = None
    char_server: tuple[str, int] | None = None
    char_answer: object = None  # the char-server's first packet (or item)


async def login(host: str, port: int, username: str, password: str, *, follow: bool = True,
                pieces=None, timeout: float = 5.0) -> Login:
    """Log in at `host:port`; with `follow`, connect to the first char-server too."""
    result = Login()
    async with await session.connect("tmw.login", host, port, pieces=pieces) as conn:
        await conn.send({"packet": "server_version_request"})
        result.received.append(await conn.expect("server_version", timeout))
        await conn.send({"packet": "login_request", "fields": {
            "client_version": 8, "username": username, "password": password}})
        while result.login_data is None and result.error is None:
            packet = await conn.recv(timeout)
            if packet is None:
                break
            result.received.append(packet)
            name = getattr(packet, "name", None)
            if name == "login_data":
                result.login_data = packet
            elif name in ("login_error", "connection_problem"):
                result.error = packet
    if result.login_data is None or not follow:
        return result
    fields = result.login_data.fields()
    first = fields["char_servers"][0]
    result.char_server = (first["ip_dotted"], first["port"])
    async with await session.connect("tmw.char", *result.char_server, pieces=pieces) as char:
        await char.send({"packet": "char_server_connect", "fields": {
            "account_id": fields["account_id"], "login_id1": fields["login_id1"],
            "login_id2": fields["login_id2"], "client_protocol_version": 8, "sex": "male"}})
        result.char_answer = await char.recv(timeout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("server", metavar="HOST:PORT")
    parser.add_argument("--username", default="player")
    parser.add_argument("--password", default="secret")
    args = parser.parse_args()
    host, port = args.server.rsplit(":", 1)
    result = asyncio.run(login(host, int(port), args.username, args.password))
    for packet in result.received:
        print(packet)
    if result.char_server:
        print(f"char-server {result.char_server[0]}:{result.char_server[1]} answered "
              f"{result.char_answer}")


if __name__ == "__main__":
    main()
