"""Split a captured stream into packets, driven by the protocol's stream.ksy.

One splitter serves every protocol. What differs between protocols is read from the stream
spec (build.py derives the description; ksy/README.md explains the rules):

- prologue fields read once at the start (e.g. a datagram header);
- frames that are the dispatcher itself ("self": each packet's spec says where it ends), or
  length-prefixed frames ("length": a header type, then a body whose size is a header field);
- an optional end marker (`repeat-until` on the frame header).

Bytes arrive in chunks of any size (`Splitter.feed`); every byte fed comes back exactly once,
in stream order, inside one of the items of items.py. Nothing is dropped. Frames come back as
soon as their last byte arrives; `split()` does the whole stream at once.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Iterable

import kaitaistruct as ks
from kaitaistruct import KaitaiStream

from ..codec import offsets
from ..codec.faststream import Stream
from ..codec.decode import light_dispatcher, ran_out, read_packet, unknown_opcode
from ..codec.packet import Packet, parse
from ..errors import PacketError, ParseError, UnknownOpcodeError, UsageError
from ..hextext import payload
from ..show import show
from ..model.expr import ObjectScope, evaluate, parse_expr
from ..model.paths import MISSING, path_value
from ..model.registry import Protocol, Registry, resolve
from .items import Frame, Incomplete, Item, Prologue, Unframed, merge_unframed


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
        proto = resolve(protocol, registry)
        if proto.stream is None:
            folder = proto.spec_path.rsplit("/", 1)[0]
            raise UsageError(f"{proto.name} has no stream spec (ksy/{folder}/stream.ksy), so its "
                             f"streams cannot be split")
        self.protocol = proto
        self._registry = proto.registry
        self._desc = proto.stream
        self._frame = self._desc["frame"]
        self._until = _EndMarker(self._desc["until"]) if self._desc["until"] else None
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

    def feed(self, data: bytes | bytearray | memoryview | str) -> list[Item]:
        """The items the stream's next bytes (or hex text) complete."""
        if self._closed:
            raise UsageError("feed() after close()")
        if not isinstance(data, (bytes, bytearray, memoryview)):
            data = payload(data, "a chunk of the stream")
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
        io = Stream(self._data)
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
            if ran_out(exc, io):
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
        start = self._pos
        try:
            ptype, body, dispatcher, end = read_packet(self.protocol, self._data, start)
        except Exception as exc:  # generated code
            if ran_out(exc):
                self._wait(exc)
                return None
            error = offsets.explain_failure(self.protocol, self._data[start:], exc)
            return self._stop("a packet does not parse, and without a length the next one "
                              "cannot be found", error.shifted(self._offset()))
        size = end - start
        data = self._data[start:end]
        if ptype is None:  # no spec: stepped over if its length is known
            return self._declared(unknown_opcode(self.protocol, data, body), start, size)
        packet = Packet(self.protocol, ptype, body, dispatcher, data, b"")
        offset = self._offset()
        if self._until is not None and self._until(
                dispatcher if dispatcher is not None else
                light_dispatcher(self.protocol, data) or packet.dispatcher):
            self._stopped = ("after the end marker", None)
        return Frame(offset, self._take(size), packet, None, None, offset)

    def _declared(self, error: UnknownOpcodeError, start: int, size: int) -> Item | None:
        """A packet id without a spec: a frame of the length its dispatcher declares
        (`-pkttools-packet-lengths`), its bytes kept; splitting stops where none is declared."""
        declared = self.protocol.declared_lengths.get(error.opcode)
        if declared is None:
            return self._stop("unknown packet id: its length is unknown, so splitting stops",
                              error.shifted(self._offset()))
        available = len(self._data) - start
        if declared == "variable":
            if available < 4:
                self._wait(total=4)
                return None
            length = int.from_bytes(self._data[start + 2:start + 4], "little")
            if length < 4:
                return self._stop(f"packet id 0x{error.opcode:04x} declares the impossible "
                                  f"length {length}, so the next packet cannot be found",
                                  error.shifted(self._offset()))
        else:
            length = declared
        if available < length:
            self._wait(total=length)
            return None
        offset = self._offset()
        data = self._take(length)
        unknown = UnknownOpcodeError(
            f"opcode 0x{error.opcode:04x} has no spec in {self.protocol.name} (its declared "
            f"length, {length} bytes, steps over it)", opcode=error.opcode, data=data,
            protocol=self.protocol.name, path=error.path, offset=offset + (error.offset or 0))
        return Frame(offset, data, None, unknown, None, offset)

    def _length_prefixed(self, final: bool) -> Item | None:
        desc = self._frame
        io = self._stream_at_cursor()
        start = self._pos
        try:
            header = self._registry.cls(desc["header_type"])(io)
        except Exception as exc:  # generated code
            if ran_out(exc, io):
                self._wait(exc)
                return None  # at close() the tail is reported as incomplete
            return self._bad_header(f"frame header does not parse: {_describe(exc)}", final)
        header_size = io.pos() - start
        if self._until is not None and self._until(
                SimpleNamespace(**{desc["header_field"]: header})):
            return self._stop("after the end marker", None)
        length = path_value(header, desc["body_length"])
        length = None if length is MISSING else length
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
            packet, error = None, exc.shifted(offset + skip)
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


def split(protocol: str | Protocol, data: bytes | str | Iterable[bytes]) -> list[Item]:
    """Split a whole stream (bytes, hex text as `parse` takes it, or an iterable of chunks)
    into items.

    The result does not depend on how the stream was chunked: runs of unframed bytes that
    arrived in several chunks are merged (see `merge_unframed`).
    """
    splitter = Splitter(protocol)
    items: list[Item] = []
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        chunks: Iterable = [payload(data)]
    elif isinstance(data, Iterable):
        chunks = (payload(chunk, "a chunk of the stream") for chunk in data)
    else:
        raise UsageError(f"split takes bytes, hex text or an iterable of chunks, not "
                         f"{type(data).__name__}")
    for chunk in chunks:
        items.extend(splitter.feed(chunk))
    items.extend(splitter.close())
    return merge_unframed(items)


# -- helpers ------------------------------------------------------------------------------------
def _missing(exc: BaseException) -> int:
    needed = getattr(exc, "bytes_needed", None)
    available = getattr(exc, "bytes_available", None)
    if isinstance(needed, int) and isinstance(available, int) and needed > available:
        return needed - available
    return 1


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ks.ValidationNotEqualError):
        return f"expected {show(exc.expected)}, got {show(exc.actual)}"
    return f"{type(exc).__name__}: {exc}"


class _EndMarker:
    """A stream spec's `repeat-until` (over `_`, the frame just read); `_io.eof` is false:
    the end of the data is the splitter's own business."""

    def __init__(self, expr: str):
        self.tree = parse_expr(expr)

    def __call__(self, element) -> bool:
        return bool(evaluate(self.tree, ObjectScope(element=element)))
