"""Split a captured stream into packets, driven by the protocol's stream.ksy.

One splitter serves every protocol. What differs between protocols is read from the stream
spec (build.py derives the description; ksy/README.md explains the rules):

- prologue fields read once at the start (e.g. a datagram header);
- frames that are the dispatcher itself ("self": each packet's spec says where it ends), or
  length-prefixed frames ("length": a header type, then a body whose size is a header field);
- an optional end marker (`repeat-until` on the frame header).

Bytes arrive in chunks of any size (`Splitter.feed`); every byte fed comes back exactly once,
in stream order, inside one of the items: a `Prologue`, a `Frame` (with its parsed `Packet`, or
the error that kept the body from parsing), `Unframed` bytes (with the reason they cannot be
framed), or, at `close()`, the `Incomplete` tail. Nothing is dropped. Frames come back as soon
as their last byte arrives; `split()` does the whole stream at once.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from io import BytesIO
from types import SimpleNamespace
from typing import Any, Iterable, Union

import kaitaistruct as ks
from kaitaistruct import KaitaiStream, KaitaiStruct

from . import locate
from .errors import PacketError, ParseError, UsageError
from .parsing import Packet, packet_from_frame, parse
from .plain import MISSING
from .registry import Protocol, Registry, default_registry


@dataclass
class Prologue:
    """A field read once before the frames (e.g. the FFXI datagram header)."""

    offset: int
    data: bytes
    name: str
    obj: KaitaiStruct | None  # the parsed field, None for plain sized bytes

    def to_dict(self, registry: Registry | None = None) -> dict:
        out = {"kind": "prologue", "offset": self.offset, "length": len(self.data),
               "name": self.name, "hex": self.data.hex()}
        if self.obj is not None:
            out["fields"] = _plain(self.obj, registry)
        return out


@dataclass
class Frame:
    """One delimited frame: the bytes, and the packet they carry or why it did not parse.

    `error` offsets are stream offsets; `packet_offset` is where the packet bytes start (after
    the frame header when the packet is only the body).
    """

    offset: int
    data: bytes
    packet: Packet | None
    error: PacketError | None
    header: KaitaiStruct | None = None
    packet_offset: int = 0

    def to_dict(self, registry: Registry | None = None) -> dict:
        out: dict[str, Any] = {"kind": "frame", "offset": self.offset, "length": len(self.data)}
        if self.header is not None:
            out["header"] = _plain(self.header, registry)
        out["packet"] = self.packet.to_dict() if self.packet is not None else None
        if self.error is not None:
            out["error"] = str(self.error)
            out["hex"] = self.data.hex()
        return out


@dataclass
class Unframed:
    """Bytes that cannot be framed: garbage before a resync point, or everything after the
    splitter had to stop (an unknown packet with no length, a broken header, an end marker)."""

    offset: int
    data: bytes
    reason: str
    error: PacketError | None = None

    def to_dict(self, registry: Registry | None = None) -> dict:
        return {"kind": "unframed", "offset": self.offset, "length": len(self.data),
                "reason": self.reason, "error": None if self.error is None else str(self.error),
                "hex": self.data.hex()}


@dataclass
class Incomplete:
    """The tail left at close(): the start of a frame whose remaining bytes never came."""

    offset: int
    data: bytes
    reason: str

    def to_dict(self, registry: Registry | None = None) -> dict:
        return {"kind": "incomplete", "offset": self.offset, "length": len(self.data),
                "reason": self.reason, "hex": self.data.hex()}


Item = Union[Prologue, Frame, Unframed, Incomplete]


class Splitter:
    """Incremental splitter for one direction of one connection.

        s = Splitter("flyff.cluster.server")
        for chunk in chunks:
            for item in s.feed(chunk):
                ...
        for item in s.close():
            ...
    """

    def __init__(self, protocol: str | Protocol, registry: Registry | None = None, *,
                 offset: int = 0):
        """`offset` is the stream offset of the first byte fed (items and errors count from
        it), for a splitter that takes over a stream in the middle, e.g. after a capture gap."""
        proto = protocol if isinstance(protocol, Protocol) else \
            (registry or default_registry()).protocol(protocol)
        if proto.stream is None:
            raise UsageError(f"{proto.name} has no stream spec (ksy/{proto.spec_path.rsplit('/', 1)[0]}"
                             f"/stream.ksy), so its streams cannot be split")
        self.protocol = proto
        self._registry = proto.registry
        self._desc = proto.stream
        self._frame = self._desc["frame"]
        self._until = _Condition(self._desc["until"]) if self._desc["until"] else None
        self._magic = bytes(self._frame.get("magic") or b"")
        self._buf = bytearray()
        self._base = offset  # stream offset of self._buf[0]
        self._need = 0  # no parse attempt until the buffer holds this many bytes
        self._prologue = list(self._desc["prologue"])
        self._stopped: tuple[str, PacketError | None] | None = None
        self._closed = False
        self._data, self._pos = b"", 0

    @property
    def offset(self) -> int:
        """Stream offset of the first byte not yet returned in an item."""
        return self._base

    def feed(self, data: bytes | bytearray | memoryview) -> list[Item]:
        if self._closed:
            raise UsageError("feed() after close()")
        self._buf += data
        if len(self._buf) < self._need:  # still inside the frame: no copy, no parse attempt
            return []
        return self._drain(final=False)

    def close(self) -> list[Item]:
        """Split what can be split and return the rest as an `Incomplete` tail."""
        if self._closed:
            return []
        items = self._drain(final=True)
        if self._buf:
            what = "the prologue" if self._prologue else "a frame"
            items.append(Incomplete(self._base, bytes(self._buf),
                                    f"the stream ends inside {what}"))
            self._base += len(self._buf)
            self._buf.clear()
        self._closed = True
        return items

    # -- internals ----------------------------------------------------------------------------
    # One snapshot of the buffer per feed; a cursor walks it, so many small frames cost one
    # copy, not one copy each.
    def _drain(self, final: bool) -> list[Item]:
        items: list[Item] = []
        data = bytes(self._buf)
        self._data, self._pos = data, 0
        while self._pos < len(data):
            if self._stopped is not None:
                # Bytes fed after the stop continue the same unframed run; its error was
                # reported with the run's first piece (merge_unframed joins the pieces).
                reason, _ = self._stopped
                items.append(Unframed(self._offset(), self._take(len(data) - self._pos),
                                      reason, None))
                break
            if len(data) - self._pos < self._need and not final:
                break
            item = self._next_prologue() if self._prologue else self._next_frame(final)
            if item is None:
                break
            items.append(item)
        del self._buf[:self._pos]
        self._base += self._pos
        self._data, self._pos = b"", 0
        return items

    def _offset(self) -> int:
        return self._base + self._pos

    def _take(self, n: int) -> bytes:
        taken = self._data[self._pos:self._pos + n]
        self._pos += n
        self._need = 0
        return taken

    def _stream_at_cursor(self) -> KaitaiStream:
        io = KaitaiStream(BytesIO(self._data))
        io.seek(self._pos)
        return io

    def _wait(self, exc: BaseException | None = None, total: int | None = None) -> None:
        """Remember how many bytes (from the cursor) the next attempt needs at least."""
        have = len(self._data) - self._pos
        self._need = total if total is not None else have + _missing(exc)

    def _next_prologue(self) -> Item | None:
        field = self._prologue[0]
        if field["type"] is None:
            if len(self._data) - self._pos < field["size"]:
                self._wait(total=field["size"])
                return None
            self._prologue.pop(0)
            offset = self._offset()
            return Prologue(offset, self._take(field["size"]), field["id"], None)
        io = self._stream_at_cursor()
        try:
            obj = self._registry.cls(field["type"])(io)
        except Exception as exc:  # generated code
            if _ran_out(exc, io):
                self._wait(exc)
                return None
            error = ParseError(f"prologue {field['id']}: {_describe(exc)}",
                               protocol=self.protocol.name, path=field["id"],
                               offset=self._offset())
            return self._stop("the prologue does not parse", error)
        self._prologue.pop(0)
        offset = self._offset()
        return Prologue(offset, self._take(io.pos() - self._pos), field["id"], obj)

    def _next_frame(self, final: bool) -> Item | None:
        if self._frame["kind"] == "self":
            return self._self_delimited()
        return self._length_prefixed(final)

    def _self_delimited(self) -> Item | None:
        io = self._stream_at_cursor()
        start = self._pos
        try:
            frame = self.protocol.dispatcher_cls("ro")(io)
        except Exception as exc:  # generated code
            if _ran_out(exc, io):
                self._wait(exc)
                return None
            error = locate.explain_failure(self.protocol, self._data[start:], exc)
            return self._stop("a packet does not parse, and without a length the next one "
                              "cannot be found", _shifted(error, self._offset()))
        size = io.pos() - start
        try:
            packet = packet_from_frame(self.protocol, frame, self._data[start:start + size], size)
        except PacketError as error:  # unknown opcode: its length is unknown too
            return self._stop("unknown packet id: its length is unknown, so splitting stops",
                              _shifted(error, self._offset()))
        offset = self._offset()
        if self._until is not None and self._until(frame):
            self._stopped = ("after the end marker", None)
        return Frame(offset, self._take(size), packet, None, None, offset)

    def _length_prefixed(self, final: bool) -> Item | None:
        desc = self._frame
        io = self._stream_at_cursor()
        start = self._pos
        try:
            header = self._registry.cls(desc["header_type"])(io)
        except Exception as exc:  # generated code
            if _ran_out(exc, io):
                self._wait(exc)
                return None  # at close() the tail is reported as incomplete
            return self._bad_header(f"frame header does not parse: {_describe(exc)}", final)
        header_size = io.pos() - start
        if self._until is not None and self._until(
                SimpleNamespace(**{desc["header_field"]: header})):
            return self._stop("after the end marker", None)
        length = _path(header, desc["body_length"])
        if not isinstance(length, int) or length < 0:
            return self._bad_header(f"frame header gives body length {length!r}", final)
        total = header_size + length
        if len(self._data) - start < total:
            self._wait(total=total)
            return None
        offset = self._offset()
        frame_bytes = self._take(total)
        skip = 0 if desc["packet"] == "frame" else header_size
        try:
            packet, error = parse(self.protocol, frame_bytes[skip:]), None
        except PacketError as exc:
            packet, error = None, _shifted(exc, offset + skip)
        return Frame(offset, frame_bytes, packet, error, header, offset + skip)

    def _bad_header(self, reason: str, final: bool) -> Item | None:
        error = ParseError(reason, protocol=self.protocol.name,
                           path=self._frame["header_field"], offset=self._offset())
        if not self._magic:
            return self._stop("a frame header does not parse, and without a magic byte the "
                              "next frame cannot be found", error)
        # Resynchronise on the next magic; keep a possible partial magic at the end.
        rest = self._data[self._pos:]
        found = rest.find(self._magic, 1)
        if found < 0:
            keep = 0 if final else len(self._magic) - 1
            found = max(1, len(rest) - keep)
        offset = self._offset()
        return Unframed(offset, self._take(found),
                        "not a frame; skipped to the next magic byte", error)

    def _stop(self, reason: str, error: PacketError | None) -> Unframed:
        self._stopped = (reason, error)
        offset = self._offset()
        return Unframed(offset, self._take(len(self._data) - self._pos), reason, error)


def split(protocol: str | Protocol, data: bytes | Iterable[bytes]) -> list[Item]:
    """Split a whole stream (bytes, or an iterable of chunks) into items.

    The result does not depend on how the stream was chunked: runs of unframed bytes that
    arrived in several chunks are merged (see `merge_unframed`).
    """
    splitter = Splitter(protocol)
    items: list[Item] = []
    chunks = [data] if isinstance(data, (bytes, bytearray, memoryview)) else data
    for chunk in chunks:
        items.extend(splitter.feed(chunk))
    items.extend(splitter.close())
    return merge_unframed(items)


def merge_unframed(items: Iterable[Item]) -> list[Item]:
    """Join adjacent Unframed items of the same reason.

    `Splitter.feed` returns unframed bytes as soon as it knows they cannot be framed, so a run
    of garbage fed in pieces comes back in pieces; this puts each run back together (the first
    piece's error is kept).
    """
    merged: list[Item] = []
    for item in items:
        last = merged[-1] if merged else None
        if (isinstance(item, Unframed) and isinstance(last, Unframed)
                and last.reason == item.reason
                and last.offset + len(last.data) == item.offset):
            merged[-1] = Unframed(last.offset, last.data + item.data, last.reason,
                                  last.error or item.error)
        else:
            merged.append(item)
    return merged


# -- helpers ------------------------------------------------------------------------------------
def _ran_out(exc: BaseException, io: KaitaiStream) -> bool:
    """Whether a failed parse needs more bytes: it ran out of the whole buffer, not of a
    sized substream (whose bytes were all there)."""
    return isinstance(exc, EOFError) and io.is_eof()


def _missing(exc: BaseException) -> int:
    needed = getattr(exc, "bytes_needed", None)
    available = getattr(exc, "bytes_available", None)
    if isinstance(needed, int) and isinstance(available, int) and needed > available:
        return needed - available
    return 1


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ks.ValidationNotEqualError):
        return f"expected {locate._show(exc.expected)}, got {locate._show(exc.actual)}"
    return f"{type(exc).__name__}: {exc}"


def _shifted(error: PacketError, by: int) -> PacketError:
    """The same error with its offset moved from packet-relative to stream-relative."""
    if not by or error.offset is None:
        return error
    moved = type(error).__new__(type(error))
    moved.__dict__.update(error.__dict__)
    moved.offset = error.offset + by
    moved.args = (moved._format(),)
    moved.__cause__ = error.__cause__
    return moved


def _plain(obj: KaitaiStruct, registry: Registry | None) -> Any:
    from .parsing import _converter

    return _converter(registry or default_registry()).convert(obj)


def _path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part, MISSING)
        if obj is MISSING:
            return None
    return obj


class _Condition:
    """A `repeat-until` expression over `_` (comparisons, and/or/not, dotted paths, numbers).

    `_io.eof` is false: the end of the data is the splitter's own business.
    """

    _ALLOWED = (ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.Compare,
                ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Attribute, ast.Name,
                ast.Load, ast.Constant)

    def __init__(self, expr: str):
        self.expr = expr
        self.tree = ast.parse(str(expr).replace("_io.eof", "False"), mode="eval")
        for node in ast.walk(self.tree):
            if not isinstance(node, self._ALLOWED):
                raise UsageError(f"repeat-until {expr!r}: only comparisons of dotted paths "
                                 f"and numbers are supported by the splitter")

    def __call__(self, element: Any) -> bool:
        return bool(self._eval(self.tree.body, element))

    def _eval(self, node: ast.AST, element: Any) -> Any:
        if isinstance(node, ast.BoolOp):
            values = (self._eval(v, element) for v in node.values)
            return all(values) if isinstance(node.op, ast.And) else any(values)
        if isinstance(node, ast.UnaryOp):
            return not self._eval(node.operand, element)
        if isinstance(node, ast.Compare):
            left = self._eval(node.left, element)
            for op, right_node in zip(node.ops, node.comparators):
                right = self._eval(right_node, element)
                if not _COMPARE[type(op)](left, right):
                    return False
                left = right
            return True
        if isinstance(node, ast.Attribute):
            return getattr(self._eval(node.value, element), node.attr)
        if isinstance(node, ast.Name):
            if node.id == "_":
                return element
            if node.id in ("True", "False"):
                return node.id == "True"
            raise UsageError(f"repeat-until {self.expr!r}: unknown name {node.id}")
        if isinstance(node, ast.Constant):
            return node.value
        raise UsageError(f"repeat-until {self.expr!r}: unsupported expression")


_COMPARE = {
    ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b, ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b, ast.GtE: lambda a, b: a >= b,
}
