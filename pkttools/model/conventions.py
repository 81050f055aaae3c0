"""The conventions that tie specs, generated code and pkttools together, defined once.

Where a protocol's specs live (`ksy/<game>/<service>/<direction>/index.ksy`), what a direction
is, which flavours of classes build.py generates and with which compiler settings, and how the
compiler names a type's class. Standard library only: build.py reads it before anything is
installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# A pkttools checkout: ksy/, tools/, tests/ beside the package (absent in an installed pkttools).
PROJECT = Path(__file__).resolve().parents[2]
# The package build.py generates; besides the classes it keeps what an installed pkttools needs
# from the checkout: ksy/ (the specs), vectors/, guides/, node/ (the compiler wrapper).
GENERATED = "kaitai_gen"
# Who sends a protocol's packets: the folder name under ksy/<game>/<service>/.
DIRECTIONS = ("client", "server")
DISPATCHER_FILE = "index.ksy"
STREAM_FILE = "stream.ksy"

# The generated flavours of every spec (kaitai_gen.<flavour>), with the compiler settings of each:
# read-only classes parse, debug classes locate fields, read-write classes build.
FLAVOURS: dict[str, dict[str, Any]] = {
    "ro": {"lang": "python", "debug": False, "readWrite": False},
    "dbg": {"lang": "python", "debug": True, "readWrite": False},
    "rw": {"lang": "python", "debug": False, "readWrite": True},
}


def class_name(type_name: str) -> str:
    """Kaitai's upperCamelCase: `login_success` -> `LoginSuccess`."""
    if type_name.startswith("_"):
        return "_" + class_name(type_name[1:])
    return "".join(part[:1].upper() + part[1:] for part in type_name.split("_"))


def contents_bytes(contents: Any) -> bytes:
    """A `contents` value (a list of byte values and strings, or one of them) as bytes."""
    items = contents if isinstance(contents, list) else [contents]
    out = bytearray()
    for item in items:
        out += bytes([item]) if isinstance(item, int) else str(item).encode("utf-8")
    return bytes(out)


def checkout_or_built(checkout: Path, name: str) -> Path:
    """A resource of the checkout when there is one, else the copy the generated package keeps
    (`ksy`, `vectors`, `guides`, `node`)."""
    if checkout.exists():
        return checkout
    import importlib.util

    found = importlib.util.find_spec(GENERATED)
    if found is None or not found.origin:
        return checkout  # neither: the caller reports the missing folder
    return Path(found.origin).parent / name
