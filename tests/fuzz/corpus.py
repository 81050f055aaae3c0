"""The seed corpus for fuzzing: every packet and stream the repository's tests and examples
hold, found by trying each literal against each protocol (so a new test vector joins the
corpus without being listed here)."""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

import pkttools
from pkttools.stream.framing import split
from pkttools.stream.items import Frame

TESTS = Path(__file__).resolve().parent.parent
EXAMPLES = TESTS.parent / "examples"


@lru_cache(maxsize=None)
def _literals() -> tuple[bytes, ...]:
    found: dict[bytes, None] = {}
    for path in sorted(TESTS.glob("test_*.py")):
        module = importlib.import_module(path.stem)
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, bytes) and value:
                found[value] = None
    for path in sorted(EXAMPLES.rglob("*.bin")):
        found[path.read_bytes()] = None
    return tuple(found)


@lru_cache(maxsize=None)
def packets() -> tuple[tuple[str, bytes], ...]:
    """(protocol, bytes) for every literal that is exactly one packet of a protocol."""
    out = []
    for data in _literals():
        for proto in pkttools.protocols():
            try:
                pkttools.parse(proto, data, strict=True)
            except pkttools.PacketError:
                continue
            out.append((proto.name, data))
    return tuple(out)


@lru_cache(maxsize=None)
def streams() -> tuple[tuple[str, bytes], ...]:
    """(protocol, bytes) for every literal that splits into two or more clean frames."""
    out = []
    for data in _literals():
        for proto in pkttools.protocols():
            if proto.stream is None:
                continue
            items = split(proto, data)
            frames = [i for i in items if isinstance(i, Frame) and i.error is None]
            if len(frames) >= 2 and all(isinstance(i, Frame) or type(i).__name__ == "Prologue"
                                        or getattr(i, "error", 1) is None for i in items):
                out.append((proto.name, data))
    return tuple(out)
