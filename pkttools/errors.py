"""Every exception pkttools raises, under one base class.

Every error about packet data carries the protocol, the packet (when known), the field path
and the byte offset, so a message alone tells the user where to look in a hex dump. Catch
`PacketError` for any problem with packet data, `PkttoolsError` for anything pkttools raises.
The module needs only the standard library: build.py uses it before anything is installed.
"""

from __future__ import annotations

import os


class PkttoolsError(Exception):
    """Base of every exception pkttools raises on purpose."""


class UsageError(PkttoolsError):
    """The caller asked for something that does not exist (protocol, packet, input form)."""


class UnknownProtocolError(UsageError):
    def __init__(self, name: str, known: list[str]):
        self.name = name
        self.known = known
        super().__init__(f"unknown protocol {name!r}; known: {', '.join(known) or 'none'}")


class NotBuiltError(PkttoolsError):
    """kaitai_gen is missing: the specs were never compiled."""


class PacketError(PkttoolsError):
    """A problem with packet bytes or packet data.

    Attributes: protocol (name), packet (name or None when not yet known), path (dotted field
    path relative to the packet, e.g. ``response.error_code``; ``[i]`` for array items), offset
    (byte offset in the input, or None when the problem has no position), and detail.
    """

    kind = "invalid packet"

    def __init__(self, detail: str, *, protocol: str, packet: str | None = None,
                 path: str | None = None, offset: int | None = None):
        self.detail = detail
        self.protocol = protocol
        self.packet = packet
        self.path = path
        self.offset = offset
        super().__init__(self.message())

    def message(self) -> str:
        """The one-line message: where (protocol, packet, field, offset), kind, detail."""
        where = self.protocol + (f" {self.packet}" if self.packet else "")
        parts = [where]
        if self.path:
            parts.append(f"field {self.path}")
        if self.offset is not None:
            parts.append(f"offset {self.offset} (0x{self.offset:x})")
        return f"{': '.join(parts)}: {self.kind}: {self.detail}"

    def shifted(self, by: int) -> "PacketError":
        """The same error with its offset moved by `by` bytes: a packet-relative error seen
        from the stream (or capture) that holds the packet."""
        if not by or self.offset is None:
            return self
        moved = type(self).__new__(type(self))
        moved.__dict__.update(self.__dict__)
        moved.offset = self.offset + by
        moved.args = (moved.message(),)
        moved.__cause__ = self.__cause__
        return moved


class ParseError(PacketError):
    """The bytes do not parse as the protocol says."""

    kind = "parse error"


class TruncatedError(ParseError):
    """The input ends before the field does."""

    kind = "truncated"

    def __init__(self, detail: str, *, needed: int | None = None, available: int | None = None,
                 **where):
        self.needed = needed
        self.available = available
        super().__init__(detail, **where)


class ValidationError(ParseError):
    """A field holds a value the spec forbids (a `contents` constant, a `valid` rule)."""

    kind = "invalid value"


class DecodeError(ParseError):
    """A string field's bytes are not valid in the spec's encoding."""

    kind = "undecodable text"


class UnknownOpcodeError(ParseError):
    """The opcode names no packet of the protocol. The whole input is kept in `data`."""

    kind = "unknown opcode"

    def __init__(self, detail: str, *, opcode: int | None, data: bytes, **where):
        self.opcode = opcode
        self.data = data
        super().__init__(detail, **where)


class TrailingBytesError(ParseError):
    """Bytes after the end of the packet (raised only when parsing strictly).

    `trailing` holds the bytes, `packet_obj` the packet that parsed before them.
    """

    kind = "trailing bytes"

    def __init__(self, detail: str, *, trailing: bytes, packet_obj=None, **where):
        self.trailing = trailing
        self.packet_obj = packet_obj
        super().__init__(detail, **where)


class BuildError(PacketError):
    """Plain data that cannot become packet bytes; `path` names the field."""

    kind = "cannot build"


class UnknownFieldError(BuildError):
    """A key that is not a field of the packet (or sub-structure) at that place."""

    kind = "unknown field"


class MissingFieldError(BuildError):
    """Fields that have to be given: neither optional, derivable from the rest, nor given a
    default by the spec. `paths` names every one found missing, `path` the first (so one
    build tells the caller everything that is missing, not one field per attempt)."""

    kind = "missing field"

    def __init__(self, detail: str, *, paths: list[str] | None = None, **where):
        self.paths = list(paths) if paths else ([where["path"]] if where.get("path") else [])
        if self.paths and not where.get("path"):
            where["path"] = self.paths[0]
        super().__init__(detail, **where)

    def message(self) -> str:
        if len(self.paths) < 2:
            return super().message()
        where = self.protocol + (f" {self.packet}" if self.packet else "")
        return (f"{where}: {len(self.paths)} fields: {', '.join(self.paths)}: {self.kind}: "
                f"{self.detail}")


class FieldValueError(BuildError):
    """A value of the wrong kind, or too wide for its integer or bit field."""

    kind = "bad value"


class InconsistentError(BuildError):
    """A given value contradicts the data (a length that is not the data's length, a switch
    key whose case is not the body given, a field that does not read back as given)."""

    kind = "inconsistent"


# -- the specs, the compiler and the tools pkttools drives -----------------------------------------
class SpecError(PkttoolsError):
    """A spec that compiles but does not follow pkttools' conventions."""


class ExprError(PkttoolsError):
    """A Kaitai expression outside the supported subset, or one that cannot be evaluated."""


class ToolError(PkttoolsError):
    """A tool pkttools drives (node, the compiler, graphviz) is missing or failed."""


class CompileError(PkttoolsError):
    """Specs that the compiler refused; `errors` lists {spec, where, message} dicts.

    `root` is the folder the spec paths are relative to, as the message should show it
    (`ksy` for the project's own specs)."""

    def __init__(self, errors: list[dict], root: "os.PathLike[str] | str"):
        self.errors = errors
        lines = []
        for err in errors:
            place = os.path.join(root, err["spec"]) if err.get("spec") else "compiler"
            if err.get("where"):
                place += f": {err['where']}"
            lines.append(f"{place}: {err['message']}")
        super().__init__("the Kaitai Struct compiler refused the specs:\n" + "\n".join(lines))


# -- files pkttools reads and writes ---------------------------------------------------------------
class CaptureFileError(PkttoolsError):
    """The file is not a capture pkttools can read (wrong magic, unreadable header)."""


class BundleError(UsageError):
    """A spec the Web IDE bundle cannot be made of (absolute import, clashing names)."""


class DocsError(PkttoolsError):
    """A documentation page cannot be built (an example that does not parse, a missing tool)."""


class ExportError(PkttoolsError):
    """A capture cannot be written as a dataset: a field whose spec has no Arrow column type
    (named by protocol, packet and field path), or a value its column cannot hold."""
