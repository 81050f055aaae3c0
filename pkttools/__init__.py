"""pkttools: parse, check, edit and rebuild MMO game network packets from Kaitai Struct specs.

    >>> import pkttools
    >>> pkt = pkttools.parse("pangya.loginservice.server", bytes.fromhex("0100da"))
    >>> pkt.name, pkt.fields()["status"]
    ('login', 'need_select_character')

The generated classes are imported only when a protocol is first used, which keeps
`import pkttools` fast for command-line use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    from .parsing import Packet
    from .plain import EnumName
    from .registry import Protocol

__all__ = [
    "parse", "split", "Splitter", "protocol", "protocols", "Packet", "Protocol", "EnumName",
    "PkttoolsError", "PacketError", "ParseError", "TruncatedError", "ValidationError",
    "DecodeError", "UnknownOpcodeError", "TrailingBytesError", "UnknownProtocolError",
    "UsageError", "NotBuiltError", "build", "build_frame", "BuildError", "UnknownFieldError",
    "MissingFieldError", "FieldValueError", "InconsistentError", "read_capture",
]


def parse(protocol, data, *, strict: bool = False) -> "Packet":
    """Parse one packet payload; see `pkttools.parsing.parse`."""
    from .parsing import parse as _parse

    return _parse(protocol, data, strict=strict)


def build(protocol, data, *, recompute: bool = False) -> bytes:
    """Packet bytes from plain data (the shape `Packet.to_dict()` returns); see
    `pkttools.building.build`."""
    from .building import build as _build

    return _build(protocol, data, recompute=recompute)


def build_frame(protocol, data, *, header=None, recompute: bool = False) -> bytes:
    """One stream frame carrying a packet; see `pkttools.building.build_frame`."""
    from .building import build_frame as _build_frame

    return _build_frame(protocol, data, header=header, recompute=recompute)


def split(protocol, data) -> list:
    """Split a whole stream (bytes or chunks) into frames; see `pkttools.framing`."""
    from .framing import split as _split

    return _split(protocol, data)


def read_capture(source, **options):
    """A pcap/pcapng file read lazily: iterate it for packets (and gaps, unframed bytes, ...)
    of every connection on a known port; see `pkttools.capture.read_capture`."""
    from .capture import read_capture as _read_capture

    return _read_capture(source, **options)


def protocols() -> list["Protocol"]:
    """Every protocol the built specs define, sorted by name."""
    from .registry import default_registry

    return list(default_registry())


def protocol(name: str) -> "Protocol":
    """One protocol by name, e.g. ``pangya.loginservice.server``."""
    from .registry import default_registry

    return default_registry().protocol(name)


def __getattr__(name: str):
    if name == "Packet":
        from .parsing import Packet

        return Packet
    if name == "Protocol":
        from .registry import Protocol

        return Protocol
    if name == "Splitter":
        from .framing import Splitter

        return Splitter
    if name == "EnumName":
        from .plain import EnumName

        return EnumName
    raise AttributeError(f"module 'pkttools' has no attribute {name!r}")
