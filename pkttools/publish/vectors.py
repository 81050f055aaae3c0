"""Test vectors: literal packet bytes with the packet and field values they must parse to.

One source for three readers: the tests check every vector (parse, build, round trip, and the
Web IDE's JavaScript parse), the documentation shows them as examples on each packet's page,
and the conformance check runs them in JavaScript. They live in a pkttools checkout as Python
modules under tests/vectors/, one per protocol, each declaring `Vector`s at module level, so a
vector keeps its comments beside its bytes and reads like packet documentation.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from types import ModuleType

from ..errors import UsageError
from ..model.conventions import PROJECT, checkout_or_built

# The checkout's tests/vectors, or in an installed pkttools the copy build.py packed.
VECTORS_DIR = checkout_or_built(PROJECT / "tests" / "vectors", "vectors")


@dataclass(frozen=True)
class Vector:
    """One packet payload (as `pkttools.parse` takes it) and what it must parse to.

    name: unique within the protocol (the module-level variable name, lowercased, when not
    given); packet: the packet name; fields / frame: `Packet.to_dict()`'s "fields" and "frame";
    title: one line for the documentation; doc: where the bytes come from and what they show;
    source: the capture file the bytes are (relative to the project root), if any.
    """

    protocol: str
    name: str
    packet: str
    data: bytes
    fields: dict
    frame: dict | None = None
    title: str = ""
    doc: str = ""
    source: str | None = None
    module: str = field(default="", compare=False)

    def __post_init__(self):
        if not isinstance(self.data, bytes):
            object.__setattr__(self, "data", bytes(self.data))

    @property
    def label(self) -> str:
        return f"{self.protocol}/{self.name}"


def for_protocol(protocol: str):
    """`vector = for_protocol("tmw.login.server")`; then `vector(name, packet, data, fields)`."""
    return partial(Vector, protocol)


def _load_module(path: Path) -> ModuleType:
    name = f"_pkttools_vectors_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise UsageError(f"{path}: cannot be loaded as a vector module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load(directory: Path = VECTORS_DIR, protocol: str | None = None) -> list[Vector]:
    """Every Vector declared at module level in directory/*.py, in declaration order."""
    if not directory.is_dir():
        raise UsageError(f"{directory}: no vector folder (a pkttools checkout has tests/vectors, "
                         f"an installed pkttools a copy in kaitai_gen/vectors)")
    found: list[Vector] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module = _load_module(path)
        for var, value in vars(module).items():
            if not isinstance(value, Vector):
                continue
            vec = replace(value, name=value.name or var.lower(), module=path.name)
            if vec.label in seen:
                if seen[vec.label] == f"{path.name}:{var}":
                    continue
                raise UsageError(f"{path}: vector {vec.label} is declared twice "
                                 f"({seen[vec.label]} and {var})")
            seen[vec.label] = f"{path.name}:{var}"
            found.append(vec)
    return [v for v in found if protocol is None or v.protocol == protocol]
