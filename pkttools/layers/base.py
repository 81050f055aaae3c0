"""What every game layer shares: the unit it reads, and how a layer is found by its name.

A layer module (pangya.py, ffxi.py) has `LAYER_SERVICE`, `PLAIN` ("packet": each decoded unit
is one packet payload; "datagram": a whole datagram for the service's splitter), `parse_key`
(the text of `--key SERVICE=KEY` to a key), and `Session(key=None, *, check=None)` with
`feed(direction, data)`, `close(direction)`, `encode(direction, plain)` and `notes`. A service
names its layer once, in its stream specs (`-pkttools-layer: <module>`), and nothing else
tests for a game by name.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from ..errors import UsageError


@dataclass
class Decoded:
    """One unit a layer read: a frame of a TCP stream, or one UDP datagram."""

    offset: int  # where `raw` starts: in the stream fed to the session (TCP), 0 (a datagram)
    raw: bytes  # the bytes as they were on the wire (always kept, never dropped)
    plain: bytes | None  # the plaintext (see the module's PLAIN), None when it did not decode
    error: str | None = None  # why `plain` is None: a wrong key, a failed check, an overrun
    note: str | None = None  # something worth telling (the key a hello carried, a key step)


def load(name: str) -> ModuleType:
    """The layer module a stream spec names (`-pkttools-layer: pangya`)."""
    if not name.isidentifier() or name == "base":
        raise UsageError(f"{name!r} is not a game layer")
    try:
        return importlib.import_module(f"{__package__}.{name}")
    except ModuleNotFoundError:
        raise UsageError(f"no game layer {name!r} (pkttools/layers/{name}.py)") from None
