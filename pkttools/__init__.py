"""pkttools: parse, check, edit and rebuild MMO game network packets from Kaitai Struct specs.

    >>> import pkttools
    >>> pkt = pkttools.parse("pangya.loginservice.server", bytes.fromhex("0100da"))
    >>> pkt.name, pkt.fields()["status"]
    ('login', 'need_select_character')

The API below is imported on first use (and the generated classes when a protocol is first
used), which keeps `import pkttools` fast for the command line; after the first access each
name is an ordinary module attribute, so calls cost nothing extra.

- parse(protocol, bytes or hex text, *, strict=False) -> Packet (pkttools.codec.packet)
- build(protocol, data, *, recompute=False) -> bytes           (pkttools.codec.build)
- build_frame(protocol, data, *, header=None) -> bytes         (pkttools.stream.frames)
- build_stream(protocol, packets) -> bytes                     (pkttools.stream.frames)
- split(protocol, data) -> items; Splitter(protocol)           (pkttools.stream.framing)
- read_capture(file, *, ports=...) -> Capture (lazy items)     (pkttools.capture)
- live connections: pkttools.session (connect, listen), pkttools.proxy (Proxy)
- protocols() -> [Protocol]; protocol(name) -> Protocol        (pkttools.model.registry)
- use_specs([folder, ...]): your own .ksy folders join the protocols  (pkttools.model.registry)
- Packet, Protocol, EnumName; the exceptions of pkttools.errors

The package is built in layers, each a subpackage that imports only from those below it:
model (what the specs say) < codec (one packet) < stream (a byte stream of packets) <
capture (files and networks) < session (live connections, asyncio) < proxy (the live proxy);
publish (Web IDE, docs); cli (the command line) on top.
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
    from .capture.reader import read_capture
    from .codec.build import build
    from .codec.packet import Packet, parse
    from .codec.plain import EnumName
    from .model.registry import Protocol, protocol, protocols, use_specs
    from .stream.framing import Splitter, split
    from .stream.frames import build_frame, build_stream

_LAZY = {
    "parse": "codec.packet", "Packet": "codec.packet",
    "build": "codec.build", "build_frame": "stream.frames", "build_stream": "stream.frames",
    "split": "stream.framing", "Splitter": "stream.framing",
    "read_capture": "capture.reader",
    "protocol": "model.registry", "protocols": "model.registry", "Protocol": "model.registry",
    "use_specs": "model.registry",
    "EnumName": "codec.plain",
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
