"""A read-only Kaitai stream over bytes with an integer position: the fast path of parsing.

The runtime's KaitaiStream reads through BytesIO, and each integer through a chain of calls
(read_u4le -> read_bytes -> align_to_byte -> _read_bytes_not_aligned -> BytesIO.read ->
unpack). `FastStream` keeps the bytes and a position and reads each value with one
`unpack_from`; a sized substream is a window on the same bytes, not a copy. It behaves as the
runtime does, errors included (EndOfStreamError with the bytes needed and available), so the
unmodified read-only classes run on it. The read-only classes build.py post-processes
(model/rofast.py) also ask it for several fixed-width values at once (`read_struct`) and for
the streams of their sized fields (`child`); `RuntimeStream` answers the same on top of the
runtime, for comparison (PKTTOOLS_FAST=0) and as the reference the differential tests use.

The debug and read-write classes keep the runtime: positions and writing are theirs.
"""

from __future__ import annotations

import struct
from io import BytesIO

from kaitaistruct import EndOfStreamError, InvalidArgumentError, KaitaiStream, \
    NoTerminatorFoundError

from .. import fastpaths

_S1, _U1 = struct.Struct("b").unpack_from, struct.Struct("B").unpack_from
_U2LE, _U4LE, _U8LE = (struct.Struct(f).unpack_from for f in ("<H", "<I", "<Q"))
_S2LE, _S4LE, _S8LE = (struct.Struct(f).unpack_from for f in ("<h", "<i", "<q"))
_U2BE, _U4BE, _U8BE = (struct.Struct(f).unpack_from for f in (">H", ">I", ">Q"))
_S2BE, _S4BE, _S8BE = (struct.Struct(f).unpack_from for f in (">h", ">i", ">q"))
_F4LE, _F8LE, _F4BE, _F8BE = (struct.Struct(f).unpack_from for f in ("<f", "<d", ">f", ">d"))


_ARRAYS: dict[tuple[str, int], struct.Struct] = {}  # array formats by item format and count


def _short(stream: "FastStream", n: int) -> EndOfStreamError:
    """A read past the end: like the runtime's, it consumes what is left (so the stream is at
    its end, which the splitter takes for "wait for more bytes") and says how much that was."""
    available = max(0, stream._end - stream._p)
    stream._p = max(stream._p, stream._end)
    return EndOfStreamError(f"requested {n} bytes, but only {available} bytes available",
                            n, available)


class FastStream(KaitaiStream):
    """`data[start:end]` as a Kaitai stream; positions count from `start`."""

    def __init__(self, data: bytes, start: int = 0, end: int | None = None):
        # The runtime's __init__ wraps an io object; this stream has none to wrap.
        self._buf = data
        self._base = start
        self._p = start
        self._end = len(data) if end is None else end
        self.bits_left = 0
        self.bits = 0
        self.bits_le = False
        self.bits_write_mode = False

    # -- position ---------------------------------------------------------------------------
    def is_eof(self) -> bool:
        return self.bits_left == 0 and self._p >= self._end

    def pos(self) -> int:
        return self._p - self._base

    def size(self) -> int:
        return self._end - self._base

    def seek(self, n: int) -> None:
        if n < 0:
            raise InvalidArgumentError(f"cannot seek to invalid position {n}")
        self.bits_left = self.bits = 0
        self._p = self._base + n

    def close(self) -> None:
        pass

    # -- several values at once, and sized substreams -------------------------------------------
    def read_struct(self, fmt: struct.Struct) -> tuple:
        """The values of a struct format read at once (build.py's merged reads)."""
        p = self._p
        e = p + fmt.size
        if e > self._end:
            raise _short(self, fmt.size)
        self._p = e
        self.bits_left = self.bits = 0
        return fmt.unpack_from(self._buf, p)

    def read_array(self, fmt: str, count: int) -> list:
        """`count` numbers of one struct format (`<I`) read at once (build.py's arrays)."""
        if count <= 0:  # as `for i in range(count)` reads nothing
            return []
        packer = _ARRAYS.get((fmt, count))
        if packer is None:
            packer = struct.Struct(f"{fmt[0]}{count}{fmt[1:]}")
            if len(_ARRAYS) < 4096:
                _ARRAYS[(fmt, count)] = packer
        return list(self.read_struct(packer))

    def child(self, data: bytes) -> "FastStream":
        """The stream of a sized field's bytes (what `KaitaiStream(BytesIO(raw))` makes)."""
        return FastStream(data)

    def window(self, n: int) -> "FastStream":
        """The next `n` bytes as a stream of their own, without copying them."""
        if n < 0:
            raise InvalidArgumentError(f"requested invalid {n} amount of bytes")
        p = self._p
        if p + n > self._end:
            raise _short(self, n)
        self._p = p + n
        self.bits_left = self.bits = 0
        return FastStream(self._buf, p, p + n)

    # -- integers and floats ------------------------------------------------------------------
    def _take(self, n: int) -> int:
        p = self._p
        if p + n > self._end:
            raise _short(self, n)
        self._p = p + n
        if self.bits_left:
            self.bits_left = self.bits = 0
        return p

    def read_u1(self):
        return _U1(self._buf, self._take(1))[0]

    def read_s1(self):
        return _S1(self._buf, self._take(1))[0]

    def read_u2le(self):
        return _U2LE(self._buf, self._take(2))[0]

    def read_u4le(self):
        return _U4LE(self._buf, self._take(4))[0]

    def read_u8le(self):
        return _U8LE(self._buf, self._take(8))[0]

    def read_s2le(self):
        return _S2LE(self._buf, self._take(2))[0]

    def read_s4le(self):
        return _S4LE(self._buf, self._take(4))[0]

    def read_s8le(self):
        return _S8LE(self._buf, self._take(8))[0]

    def read_u2be(self):
        return _U2BE(self._buf, self._take(2))[0]

    def read_u4be(self):
        return _U4BE(self._buf, self._take(4))[0]

    def read_u8be(self):
        return _U8BE(self._buf, self._take(8))[0]

    def read_s2be(self):
        return _S2BE(self._buf, self._take(2))[0]

    def read_s4be(self):
        return _S4BE(self._buf, self._take(4))[0]

    def read_s8be(self):
        return _S8BE(self._buf, self._take(8))[0]

    def read_f4le(self):
        return _F4LE(self._buf, self._take(4))[0]

    def read_f8le(self):
        return _F8LE(self._buf, self._take(8))[0]

    def read_f4be(self):
        return _F4BE(self._buf, self._take(4))[0]

    def read_f8be(self):
        return _F8BE(self._buf, self._take(8))[0]

    # -- bytes --------------------------------------------------------------------------------
    def read_bytes(self, n: int) -> bytes:
        if n < 0:
            raise InvalidArgumentError(f"requested invalid {n} amount of bytes")
        p = self._take(n)
        return self._buf[p:p + n]

    def _read_bytes_not_aligned(self, n: int) -> bytes:
        if n < 0:
            raise InvalidArgumentError(f"requested invalid {n} amount of bytes")
        p = self._p
        if p + n > self._end:
            raise _short(self, n)
        self._p = p + n
        return self._buf[p:p + n]

    def read_bytes_full(self) -> bytes:
        self.bits_left = self.bits = 0
        p, self._p = self._p, max(self._p, self._end)
        return self._buf[p:self._end]

    def read_bytes_term(self, term: int, include_term: bool, consume_term: bool,
                        eos_error: bool) -> bytes:
        self.bits_left = self.bits = 0
        p = self._p
        at = self._buf.find(bytes((term,)), p, self._end) if p < self._end else -1
        if at < 0:
            if eos_error:
                raise NoTerminatorFoundError(bytes((term,)), 0)
            self._p = max(p, self._end)
            return self._buf[p:self._end]
        self._p = at + 1 if consume_term else at
        return self._buf[p:at + 1 if include_term else at]

    def read_bytes_term_multi(self, term: bytes, include_term: bool, consume_term: bool,
                              eos_error: bool) -> bytes:
        self.bits_left = self.bits = 0
        unit = len(term)
        p = self._p
        scan = p
        while scan + unit <= self._end:
            if self._buf[scan:scan + unit] == term:
                self._p = scan + unit if consume_term else scan
                return self._buf[p:scan + unit if include_term else scan]
            scan += unit
        if eos_error:
            raise NoTerminatorFoundError(term, self._end - scan if scan < self._end else 0)
        self._p = max(p, self._end)
        return self._buf[p:self._end]


class RuntimeStream(KaitaiStream):
    """The runtime's own stream (BytesIO), made from bytes like FastStream, answering what
    post-processed classes ask the same way their modules teach KaitaiStream to."""

    def __init__(self, data: bytes, start: int = 0, end: int | None = None):
        stop = len(data) if end is None else end
        super().__init__(BytesIO(data[start:stop] if (start or end is not None) else data))

    def read_struct(self, fmt: struct.Struct) -> tuple:
        return fmt.unpack(self.read_bytes(fmt.size))

    def read_array(self, fmt: str, count: int) -> list:
        if count <= 0:
            return []
        return list(struct.unpack(f"{fmt[0]}{count}{fmt[1:]}",
                                  self.read_bytes(count * struct.calcsize(fmt))))

    def child(self, data: bytes) -> "RuntimeStream":
        return RuntimeStream(data)

    def window(self, n: int) -> "RuntimeStream":
        return RuntimeStream(self.read_bytes(n))


# Without the `stream` fast path (PKTTOOLS_FAST, pkttools/fastpaths.py) the read-only classes
# run on the runtime's stream instead: the bench shows the difference.
ENABLED = fastpaths.enabled("stream")
Stream = FastStream if ENABLED else RuntimeStream
