"""What the live tests (sessions, the proxy) share: the examples as modules, a time limit for
every asyncio test, random write pieces, and a char-server stand-in.

Every test that opens sockets runs under `run(...)`, which cancels it after a few seconds, so
a test can fail but never hang.
"""

from __future__ import annotations

import asyncio
import importlib.util
import random
import struct
import sys
from types import ModuleType

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
    """A stand-in for a tmwAthena char-server (pkttools has no tmw.char specs yet): it reads
    the 17-byte 0x0065 Char Server Connect and answers the account id as 4 bytes, as
    tmwAthena does first; everything it read is kept in `received`."""

    def __init__(self) -> None:
        self.received = bytearray()
        self.server: asyncio.AbstractServer | None = None
        self.port = 0

    async def start(self) -> "CharServer":
        self.server = await asyncio.start_server(self.serve, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            data = await reader.readexactly(17)
            self.received += data
            writer.write(struct.pack("<I", struct.unpack_from("<I", data, 2)[0]))
            await writer.drain()
            self.received += await reader.read()  # until the client closes
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def close(self) -> None:
        self.server.close()
