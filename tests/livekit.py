"""What the live tests (sessions, the proxy) share: the examples as modules, a time limit for
every asyncio test, random write pieces, and a char-server that goes as far as the examples.

Every test that opens sockets runs under `run(...)`, which cancels it after a few seconds, so
a test can fail but never hang.
"""

from __future__ import annotations

import asyncio
import importlib.util
import random
import sys
from types import ModuleType

from pkttools import session

from conftest import EXAMPLES

LIMIT = 10.0  # seconds any one live test may take


def example(name: str) -> ModuleType:
    """examples/tmw/<name>.py as a module."""
    path = EXAMPLES / "tmw" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"example_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def run(coro, limit: float = LIMIT):
    """Run a coroutine to its end, or fail after `limit` seconds."""
    return asyncio.run(asyncio.wait_for(coro, limit))


def random_pieces(seed: int, largest: int = 7):
    """A `pieces` function: each write cut at random into 1..largest bytes."""
    rng = random.Random(seed)

    def cut(data: bytes) -> list[bytes]:
        out, at = [], 0
        while at < len(data):
            n = rng.randint(1, largest)
            out.append(data[at:at + n])
            at += n
        return out

    return cut


class CharServer:
    """A char-server as far as the examples go: it reads 0x0065 Char Server Connect (its
    fields are kept in `connects`) and answers 0x8000 Hold, as tmwAthena does first."""

    def __init__(self) -> None:
        self.connects: list[dict] = []
        self.listener: session.Listener | None = None
        self.port = 0

    async def start(self) -> "CharServer":
        self.listener = await session.listen("tmw.char", handler=self.serve)
        self.port = self.listener.port
        return self

    async def serve(self, conn: session.Connection) -> None:
        self.connects.append((await conn.expect("char_server_connect", timeout=5)).fields())
        await conn.send({"packet": "hold", "fields": {"len_packet": 4}})
        await conn.recv()  # until the client closes

    def close(self) -> None:
        self.listener.server.close()
