"""pkttools: parse, check, edit and rebuild MMO game network packets from Kaitai Struct specs.

    >>> import pkttools
    >>> pkt = pkttools.parse("pangya.loginservice.server", bytes.fromhex("0100da"))
    >>> pkt.name, pkt.fields()["status"]
    ('login', 'need_select_character')

The API below is imported on first use (and the generated classes when a protocol is first
used), which keeps `import pkttools` fast for the command line; after the first access each
name is an ordinary module attribute, so calls cost nothing extra.

- parse(protocol, data, *, strict=False) -> Packet           (pkttools.parsing)
- build(protocol, data, *, recompute=False) -> bytes          (pkttools.building)
- build_frame(protocol, data, *, header=None) -> bytes        (pkttools.building)
- split(protocol, data) -> items; Splitter(protocol)          (pkttools.framing)
- read_capture(file, *, ports=...) -> Capture (lazy items)     (pkttools.capture)
- protocols() -> [Protocol]; protocol(name) -> Protocol       (pkttools.registry)
- Packet, Protocol, EnumName; the exceptions of pkttools.errors
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    BuildError,
    DecodeError,
    FieldValueError,
    InconsistentError,
    MissingFieldError,
    NotBuiltError,
    PacketError,
    ParseError,
    PkttoolsError,
    TrailingBytesError,
    TruncatedError,
    UnknownFieldError,
    UnknownOpcodeError,
    UnknownProtocolError,
    UsageError,
    ValidationError,
)

if TYPE_CHECKING:
    from .building import build, build_frame
    from .capture import read_capture
    from .framing import Splitter, split
    from .parsing import Packet, parse
    from .plain import EnumName
    from .registry import Protocol, protocol, protocols

_LAZY = {
    "parse": "parsing", "Packet": "parsing",
    "build": "building", "build_frame": "building",
    "split": "framing", "Splitter": "framing",
    "read_capture": "capture",
    "protocol": "registry", "protocols": "registry", "Protocol": "registry",
    "EnumName": "plain",
}

__all__ = [
    *_LAZY,
    "PkttoolsError", "PacketError", "ParseError", "TruncatedError", "ValidationError",
    "DecodeError", "UnknownOpcodeError", "TrailingBytesError", "UnknownProtocolError",
    "UsageError", "NotBuiltError", "BuildError", "UnknownFieldError", "MissingFieldError",
    "FieldValueError", "InconsistentError",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pkttools' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
