"""The PangYa LoginService transport: framing, the XOR chain, LZO1X, and finding the key.

What lies between a LoginService TCP connection and the payloads `pangya.loginservice.*`
parses (each payload starts with its u16 packet id). Learnt from pangbox/pangcrypt (the
algorithm and its tables, ISC), Acrisio-Filho/SuperSS-Dev (`Projeto IOCP/PACKET/packet.cpp`,
`CRYPT/crypt.cpp`: the same transform written as one header plus one XOR chain, and the size
field), and the hellos of pangbox/server, hsreina/pangya-server and SuperSS-Dev.

The wire, as verified against those sources and pangcrypt's test vectors:

- The server speaks first, with the hello, in the clear: `00`, u16 length, `00`, then the
  payload: packet id 0x0000, u4 key (0..15), u4 server id. Every later frame of the
  connection, both ways, is encrypted with that key.
- Client frame: salt (u1, any value), u16 body length, a sequence byte (SuperSS-Dev's name;
  every source writes 0 and none reads it), then the body: check byte, payload.
- Server frame: salt (u1), u16 body length, then the body: check byte, the payload's size in
  4 bytes (`size // 255` as a big-endian u3, then `size % 255`), the payload compressed
  with LZO1X.
- Encryption of a body (same both ways): with `i = key << 8 | salt`, the body's first byte is
  `SEED[i]` in the plain and `SEED[i] ^ MASK[i]` on the wire (the check byte), and from
  byte 4 on each byte is XORed with the plain byte 4 before it. Only the first byte depends
  on the key, so a wrong key damages every fourth byte (or the LZO stream) and nothing
  else, and salts 0x00 and 0x01 decrypt the same under every key.

`Session` follows one connection: the key from the hello, from the caller, or by trial on
the frames (16 candidates: the check byte, the LZO stream and an optional parse check
narrow them). The pure functions below are the primitives, each checkable on its own
against pangcrypt's vectors.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable

import lzallright

from ..errors import PkttoolsError, UsageError
from ..model.conventions import DIRECTIONS
from .base import Decoded

LAYER_SERVICE = "pangya.loginservice"

KEY_COUNT = 16
"""Keys are 0..15: each picks a 256-byte row of the tables, one entry per salt."""

# each decoded unit is one packet payload
PLAIN = "packet"
CLIENT_HEADER = 4  # salt, u16 body length, sequence byte
SERVER_HEADER = 3  # salt, u16 body length
SERVER_BODY_MIN = 5  # check byte and the 4-byte size field
MAX_BODY = 0xFFFF
HELLO_ID = 0x0000
HOLD_LIMIT = 32
"""Frames kept back while the key is ambiguous, per direction, before the oldest one is
given up as an error (see `Session`)."""


class PangyaLayerError(PkttoolsError):
    """Something the PangYa layer cannot do with the bytes or values given."""


class PangyaFrameError(PangyaLayerError):
    """A frame that cannot be decrypted: too short, a length that is not its length, or a
    check byte that does not fit the key."""


class PangyaDecompressError(PangyaLayerError):
    """A server body whose LZO1X stream is broken or does not give the size it declares."""


class PangyaKeyError(PangyaLayerError):
    """A key outside 0..15, or no key known where one is needed."""


def _load_tables() -> tuple[bytes, bytes]:
    data = resources.files(__package__).joinpath("data", "pangya_keys.bin").read_bytes()
    if len(data) != 2 * KEY_COUNT * 256:
        raise PangyaLayerError(f"pangya_keys.bin holds {len(data)} bytes, not 8192")
    return data[:0x1000], data[0x1000:]


MASK, SEED = _load_tables()
"""The two 0x1000-byte tables (data/pangya_keys.bin, pangcrypt's `cryptTable[0]` and
`cryptTable[1]`, SuperSS-Dev's `Keys` and `Keys + 4096`), indexed by `key << 8 | salt`."""


def _index(key: int, salt: int) -> int:
    if not isinstance(key, int) or not 0 <= key < KEY_COUNT:
        raise PangyaKeyError(f"key {key!r} is outside 0..15")
    if not isinstance(salt, int) or not 0 <= salt <= 0xFF:
        raise PangyaLayerError(f"salt {salt!r} is not a byte")
    return key << 8 | salt


def check_byte(key: int, salt: int) -> int:
    """The first body byte on the wire for `key` and `salt`: what tells a receiver (and a
    key search) whether the key fits."""
    i = _index(key, salt)
    return MASK[i] ^ SEED[i]


def keys_for_check(salt: int, check: int) -> tuple[int, ...]:
    """The keys whose check byte for `salt` is `check`: one key for most salts, two or three
    for some, all sixteen for salts 0x00 and 0x01."""
    return tuple(k for k in range(KEY_COUNT) if check_byte(k, salt) == check)


def _chain_encrypt(body: bytearray) -> None:
    for i in range(len(body) - 1, 3, -1):
        body[i] ^= body[i - 4]


def _chain_decrypt(body: bytearray) -> None:
    for i in range(4, len(body)):
        body[i] ^= body[i - 4]


def _seal(salt: int, key: int, plain_body: bytes, header_tail: bytes) -> bytes:
    i = _index(key, salt)
    body = bytearray([SEED[i]]) + plain_body
    if len(body) > MAX_BODY:
        raise PangyaFrameError(f"body of {len(body)} bytes does not fit the u16 length")
    _chain_encrypt(body)
    body[0] ^= MASK[i]
    return bytes([salt]) + len(body).to_bytes(2, "little") + header_tail + bytes(body)


def _open(frame: bytes, key: int, header: int, minimum: int, who: str) -> bytes:
    """The plain body of a frame after its check byte."""
    if len(frame) < header + minimum:
        raise PangyaFrameError(f"{who} frame of {len(frame)} bytes is shorter than its "
                               f"{header}-byte header and {minimum}-byte minimum body")
    declared = int.from_bytes(frame[1:3], "little")
    if declared != len(frame) - header:
        raise PangyaFrameError(f"{who} frame: the length field (offset 1) is {declared}, but "
                               f"the body has {len(frame) - header} bytes")
    i = _index(key, frame[0])
    if frame[header] != MASK[i] ^ SEED[i]:
        raise PangyaFrameError(
            f"{who} frame: check byte 0x{frame[header]:02x} (offset {header}) does not fit key "
            f"0x{key:02x} with salt 0x{frame[0]:02x} (expects 0x{MASK[i] ^ SEED[i]:02x})")
    body = bytearray(frame[header:])
    body[0] = SEED[i]
    _chain_decrypt(body)
    return bytes(body[1:])


# -- client frames ------------------------------------------------------------------------------

def encrypt_client(payload: bytes, key: int, salt: int, *, sequence: int = 0) -> bytes:
    """One client payload as the client sends it (pangcrypt's ClientEncrypt)."""
    return _seal(salt, key, bytes(payload), bytes([sequence]))


def decrypt_client(frame: bytes, key: int) -> bytes:
    """The payload of one whole client frame; `PangyaFrameError` when the frame is short, its
    length field disagrees, or its check byte does not fit `key` (pangcrypt's ClientDecrypt
    does not look at the check byte; SuperSS-Dev's server refuses the frame)."""
    return _open(bytes(frame), key, CLIENT_HEADER, 1, "client")


# -- server frames ------------------------------------------------------------------------------

def encode_size(size: int) -> bytes:
    """The 4-byte size field of a server body: `size // 255` as a big-endian u3, then
    `size % 255` (SuperSS-Dev's conversionByte). pangcrypt computes the same bytes for every
    size below 65025; above, it wraps the middle digits at 255 instead (its TODO says the
    formula is unverified)."""
    high, low = divmod(size, 255)
    if size < 0 or high >= 1 << 24:
        raise PangyaLayerError(f"size {size} does not fit the server size field")
    return high.to_bytes(3, "big") + bytes([low])


def decode_size(field: bytes) -> int:
    """The payload size a server body declares (inverse of `encode_size`)."""
    return int.from_bytes(field[:3], "big") * 255 + field[3]


_LZO = lzallright.LZOCompressor()
LZO_MAX_RATIO = 256
"""No LZO1X stream gives more than about 255 bytes per byte (a zero byte in a length adds
255): a bound on what a frame can declare."""


def compress(payload: bytes) -> bytes:
    """LZO1X-compressed `payload`. The bytes differ from the LZO1X-1 output of official
    servers and pangcrypt (lzallright compresses harder), but any LZO1X decompressor reads
    them back to `payload`, which is what the client needs."""
    return _LZO.compress(bytes(payload))


def decompress(data: bytes, size: int) -> bytes:
    """The `size` bytes an LZO1X stream holds; `PangyaDecompressError` when the stream is
    broken, has bytes after its end marker, or gives another size (an overrun). A size no
    stream of that length can reach is refused before decompressing, so a damaged size field
    costs no memory."""
    if size > LZO_MAX_RATIO * len(data) + 1024:
        raise PangyaDecompressError(f"the size field says {size} bytes, more than a "
                                    f"{len(data)}-byte LZO1X stream can hold")
    try:
        # The size is only a hint for the first buffer: the stream decides how much comes out.
        out = lzallright.LZOCompressor.decompress(bytes(data), max(1, min(size, 1 << 16)))
    except lzallright.LZOError as err:
        reason = str(err.args[0]).rsplit(".", 1)[-1] if err.args else "error"
        extra = {"InputOverrun": "the stream ends early",
                 "LookbehindOverrun": "a match reaches before the start",
                 "InputNotConsumed": "bytes follow the end marker",
                 "OutputOverrun": "more output than the header declares"}.get(reason, "")
        raise PangyaDecompressError(
            f"the {len(data)}-byte LZO1X stream is broken: {reason}"
            + (f" ({extra})" if extra else "")) from None
    if len(out) != size:
        what = "overrun" if len(out) > size else "short"
        raise PangyaDecompressError(f"LZO1X stream gives {len(out)} bytes, the size field says "
                                    f"{size} ({what})")
    return out


def seal_server(compressed: bytes, size: int, key: int, salt: int) -> bytes:
    """A server frame from an already compressed payload of `size` bytes; with pangcrypt's
    compressed bytes this gives pangcrypt's ServerEncrypt output byte for byte."""
    return _seal(salt, key, encode_size(size) + bytes(compressed), b"")


def open_server(frame: bytes, key: int) -> tuple[int, bytes]:
    """(declared payload size, compressed payload) of one whole server frame; the frame errors
    of `decrypt_client`."""
    body = _open(bytes(frame), key, SERVER_HEADER, SERVER_BODY_MIN, "server")
    return decode_size(body[:4]), body[4:]


def encrypt_server(payload: bytes, key: int, salt: int) -> bytes:
    """One server payload as the server sends it: compressed, then encrypted."""
    return seal_server(compress(payload), len(payload), key, salt)


def decrypt_server(frame: bytes, key: int) -> bytes:
    """The payload of one whole server frame: decrypted, then decompressed."""
    size, compressed = open_server(frame, key)
    return decompress(compressed, size)


# -- the hello ----------------------------------------------------------------------------------

def frame_hello(payload: bytes) -> bytes:
    """The hello frame around a hello payload (id 0x0000, key, server id): no salt, no
    encryption, a zero byte where the check byte would be."""
    if len(payload) + 1 > MAX_BODY:
        raise PangyaFrameError(f"hello payload of {len(payload)} bytes is too long")
    return b"\x00" + (len(payload) + 1).to_bytes(2, "little") + b"\x00" + bytes(payload)


def read_hello(frame: bytes) -> tuple[bytes, int] | None:
    """(payload, key) when `frame` is a hello: salt 0x00, a zero byte after the length,
    packet id 0x0000, a key below 16. An encrypted frame with salt 0 also starts
    `00 len 00 00 00`, but its key position holds the size field and the LZO stream, which
    make a key below 16 practically impossible."""
    if len(frame) < SERVER_HEADER + 1 + 6 or frame[0] != 0 or frame[3] != 0:
        return None
    if int.from_bytes(frame[1:3], "little") != len(frame) - SERVER_HEADER:
        return None
    payload = bytes(frame[4:])
    key = int.from_bytes(payload[2:6], "little")
    if int.from_bytes(payload[:2], "little") != HELLO_ID or key >= KEY_COUNT:
        return None
    return payload, key


# -- the session --------------------------------------------------------------------------------



Check = Callable[[str, bytes], bool]


@dataclass
class _Frame:
    """A whole frame, with what each key tried makes of it."""
    offset: int
    raw: bytes
    results: dict[int, tuple[bytes | None, str | None]] = field(default_factory=dict)
    parses: dict[int, bool] = field(default_factory=dict)
    note: str | None = None


_HEADER = {"client": CLIENT_HEADER, "server": SERVER_HEADER}
_MIN_BODY = {"client": 1, "server": SERVER_BODY_MIN}  # the check byte (and server's size field)


def _frame_length(direction: str, buf: bytearray) -> int | None:
    if len(buf) < 3:
        return None
    header = CLIENT_HEADER if direction == "client" else SERVER_HEADER
    return header + int.from_bytes(buf[1:3], "little")


def _keys(keys) -> str:
    """Keys as runs ("0x00-0x0a, 0x0c"): a message stays short enough for Wireshark's expert
    info, whose dissector writes the same text."""
    out, run = [], []
    for k in sorted(keys) + [None]:
        if run and (k is None or k != run[-1] + 1):
            out += [f"0x{run[0]:02x}-0x{run[-1]:02x}"] if len(run) > 2 else \
                [f"0x{x:02x}" for x in run]
            run = []
        if k is not None:
            run.append(k)
    return ", ".join(out)


class Session:
    """One LoginService connection, both directions: framing, the key, decryption.

    The key comes from the hello (the first server frame), from `key=`, or by trial: each
    frame keeps the candidate keys whose check byte fits and under which it decrypts (server:
    the LZO stream gives the declared size), preferring those whose plaintext `check`
    accepts. One candidate left: the key is found (`notes` says after how many frames). A
    frame that no candidate fits is an error item and narrows nothing. (A damaged frame whose
    check byte happens to fit a wrong key can still mislead the search: give the key then.)

    While several keys remain, a frame that reads the same under all of them (always so for
    salts 0x00 and 0x01) comes out at once, with a note. A frame that reads differently is
    held back, with every later frame of its direction so the order holds, until the key is
    found, until more than HOLD_LIMIT frames wait (the oldest then comes out as an error
    naming the candidates), or until `close`. Frames held in one direction can be decided by
    frames of the other; they come out at the next `feed` (an empty chunk will do) or
    `close` of their own direction.
    """

    def __init__(self, key: int | None = None, *, check: Check | None = None,
                 hold_limit: int = HOLD_LIMIT):
        if key is not None:
            _index(key, 0)
        self.key = key
        self.check = check
        self.hold_limit = hold_limit
        self.notes: list[str] = [f"key 0x{key:02x} given"] if key is not None else []
        self._given = key is not None
        self._candidates = {key} if key is not None else set(range(KEY_COUNT))
        self._buf = {d: bytearray() for d in DIRECTIONS}
        self._offset = {d: 0 for d in DIRECTIONS}
        self._held: dict[str, list[_Frame]] = {d: [] for d in DIRECTIONS}
        # why a direction cannot be framed any more (a length no frame can have): the rest of
        # it comes out as it arrives, as error items, instead of as thousands of false frames
        self._lost: dict[str, str | None] = {d: None for d in DIRECTIONS}
        self._trial_frames = 0
        self._said_trial = False
        self._said_ambiguous: frozenset[int] | None = None

    @property
    def candidates(self) -> frozenset[int]:
        """The keys still possible (one once the key is known)."""
        return frozenset(self._candidates)

    # -- reading --
    def feed(self, direction: str, data: bytes) -> list[Decoded]:
        """Decoded frames of `direction` that are complete after `data` (any chunk of the
        stream), in stream order; frames held for the key may come out later."""
        d = _direction(direction)
        out = self._release(d)
        buf = self._buf[d]
        buf += data
        while True:
            n = _frame_length(d, buf)
            if n is not None and self._lost[d] is None and \
                    n - _HEADER[d] < _MIN_BODY[d]:
                self._lost[d] = (f"{d} stream offset {self._offset[d]}: a length field of "
                                 f"{n - _HEADER[d]} bytes, less than any {d} frame's body: "
                                 f"the stream is not framed as the LoginService's from here")
            if self._lost[d] is not None:
                out += self._release(d, force=True)
                if buf:
                    out.append(Decoded(self._offset[d], bytes(buf), None, error=self._lost[d]))
                    self._offset[d] += len(buf)
                    buf.clear()
                break
            if n is None or len(buf) < n:
                break
            frame = _Frame(self._offset[d], bytes(buf[:n]))
            del buf[:n]
            self._offset[d] += n
            hello = self._hello(d, frame)
            if hello is not None:
                out.append(hello)
                continue
            self._observe(d, frame)
            self._held[d].append(frame)
            out += self._release(d)
        return out

    def close(self, direction: str) -> list[Decoded]:
        """The end of `direction`: every held frame (those still ambiguous as errors), then
        the unfinished tail as an error item."""
        d = _direction(direction)
        out = self._release(d, force=True)
        buf = self._buf[d]
        if buf:
            n = _frame_length(d, buf)
            what = (f"incomplete frame header: {len(buf)} of 3 bytes" if n is None
                    else f"incomplete frame: {len(buf)} of {n} bytes")
            out.append(Decoded(self._offset[d], bytes(buf), None,
                               error=f"{what} when the {d} stream ended"))
            self._offset[d] += len(buf)
            buf.clear()
        if self.key is None and len(self._candidates) > 1 and self._trial_frames:
            self._note_ambiguous()
        return out

    # -- writing --
    def encode(self, direction: str, plain: bytes, *, salt: int | None = None) -> bytes:
        """`plain` (one payload) as `direction` sends it with the session's key; a random salt
        unless one is given. A server payload with id 0x0000 is a hello and goes out in the
        clear; a session that has no key yet (a server greeting its client) takes the hello's
        key for the frames after it. Raises `PangyaKeyError` while no key is known."""
        d = _direction(direction)
        if d == "server" and len(plain) >= 2 and plain[:2] == b"\x00\x00":
            frame = frame_hello(plain)
            found = read_hello(frame)
            if found is not None and self.key is None:
                self.key = found[1]
                self._candidates = {self.key}
                self.notes.append(f"hello sent: key 0x{self.key:02x}")
            return frame
        if self.key is None:
            raise PangyaKeyError("no key to encrypt with: no hello seen and the key is not "
                                 f"found yet (candidates {_keys(self._candidates)})")
        salt = random.randrange(256) if salt is None else salt
        if d == "client":
            return encrypt_client(plain, self.key, salt)
        return encrypt_server(plain, self.key, salt)

    # -- internals --
    def _hello(self, d: str, frame: _Frame) -> Decoded | None:
        if d != "server" or frame.offset != 0:
            return None
        found = read_hello(frame.raw)
        if found is None:
            if not self._given:
                self._say_trial("the server stream does not start with a hello")
            return None
        payload, key = found
        if self._given and key != self.key:
            note = f"hello: key 0x{key:02x}, but key 0x{self.key:02x} was given and is kept"
        else:
            note = f"hello: key 0x{key:02x}"
            if self.key is None and self._trial_frames and key not in self._candidates:
                note += f" (the frames so far pointed to {_keys(self._candidates)})"
            self.key = key
            self._candidates = {key}
        self.notes.append(note)
        return Decoded(frame.offset, frame.raw, payload, note=note)

    def _say_trial(self, why: str) -> None:
        if not self._said_trial:
            self._said_trial = True
            self.notes.append(f"{why}: finding the key by trial")

    def _result(self, d: str, frame: _Frame, key: int) -> tuple[bytes | None, str | None]:
        """Plaintext or error of `frame` under `key`, computed once per key."""
        if key not in frame.results:
            try:
                plain = decrypt_client(frame.raw, key) if d == "client" \
                    else decrypt_server(frame.raw, key)
                frame.results[key] = (plain, None)
            except PangyaLayerError as err:
                frame.results[key] = (None, str(err))
        return frame.results[key]

    def _parses(self, d: str, frame: _Frame, key: int, plain: bytes) -> bool:
        if self.check is None:
            return True
        if key not in frame.parses:
            try:
                frame.parses[key] = bool(self.check(d, plain))
            except Exception:  # a check that fails on odd bytes says "does not parse"
                frame.parses[key] = False
        return frame.parses[key]

    def _fitting(self, d: str, frame: _Frame) -> tuple[set[int], set[int]]:
        """(candidates under which the frame decrypts, those whose plaintext also parses)."""
        ok, parsing = set(), set()
        for k in self._candidates:
            plain, _ = self._result(d, frame, k)
            if plain is not None:
                ok.add(k)
                if self._parses(d, frame, k, plain):
                    parsing.add(k)
        return ok, parsing

    def _observe(self, d: str, frame: _Frame) -> None:
        """Narrow the candidate keys with a newly complete frame."""
        if self.key is not None:
            return
        self._say_trial("no hello seen")
        self._trial_frames += 1
        ok, parsing = self._fitting(d, frame)
        keep = parsing or ok
        if keep:
            self._candidates = keep
        if len(self._candidates) == 1:
            (self.key,) = self._candidates
            frame.note = f"key 0x{self.key:02x} found by trial after {self._trial_frames} " \
                         f"frame(s)"
            self.notes.append(frame.note)

    def _release(self, d: str, force: bool = False) -> list[Decoded]:
        out = []
        held = self._held[d]
        while held:
            item = self._decide(d, held[0], force or len(held) > self.hold_limit)
            if item is None:
                break
            held.pop(0)
            out.append(item)
        return out

    def _decide(self, d: str, frame: _Frame, force: bool) -> Decoded | None:
        """The frame's item under the current candidates; None to keep holding it."""
        if self.key is not None:
            plain, error = self._result(d, frame, self.key)
            return Decoded(frame.offset, frame.raw, plain, error=error, note=frame.note)
        ok, parsing = self._fitting(d, frame)
        if not ok:
            return Decoded(frame.offset, frame.raw, None, error=self._no_key_fits(d, frame))
        keys = parsing or ok
        plains = {self._result(d, frame, k)[0] for k in keys}
        if len(plains) == 1:
            return Decoded(frame.offset, frame.raw, plains.pop(),
                           note=f"key not known yet ({_keys(self._candidates)}): the frame "
                                f"reads the same under {_keys(keys)}")
        if not force:
            return None
        self._note_ambiguous()
        return Decoded(frame.offset, frame.raw, None,
                       error=f"key ambiguous: the frame reads differently under "
                             f"{_keys(keys)}; give the key to decode it")

    def _no_key_fits(self, d: str, frame: _Frame) -> str:
        """Why no candidate decrypts the frame, in one line."""
        errors = {k: self._result(d, frame, k)[1] for k in sorted(self._candidates)}
        distinct = set(errors.values())
        if len(distinct) == 1:  # the frame itself is wrong (too short, bad length)
            return distinct.pop()
        header = CLIENT_HEADER if d == "client" else SERVER_HEADER
        deeper = {k: e for k, e in errors.items() if "check byte" not in e}
        line = (f"{d} frame: check byte 0x{frame.raw[header]:02x} (offset {header}) fits "
                f"none of the candidate keys ({_keys(self._candidates)})")
        if deeper:
            line = f"{d} frame: the check byte fits {_keys(deeper)}, but " + "; ".join(
                f"under 0x{k:02x} {e}" for k, e in list(deeper.items())[:3]) + \
                ("; ..." if len(deeper) > 3 else "")
        return line

    def _note_ambiguous(self) -> None:
        now = frozenset(self._candidates)
        if self._said_ambiguous != now:
            self._said_ambiguous = now
            self.notes.append(f"key still ambiguous among {_keys(now)} after "
                              f"{self._trial_frames} frame(s)")


def _direction(direction: str) -> str:
    if direction not in DIRECTIONS:
        raise PangyaLayerError(f"direction must be 'client' or 'server', not {direction!r}")
    return direction


def parse_key(text: str) -> int:
    """`--key pangya.loginservice=5`: the one-byte key of the hello, 0 to 15 (0x.. too)."""
    try:
        key = int(str(text).strip(), 0)
    except ValueError:
        raise UsageError(f"a PangYa key is a number from 0 to {KEY_COUNT - 1}, not "
                         f"{text!r}") from None
    if not 0 <= key < KEY_COUNT:
        raise UsageError(f"a PangYa key is a number from 0 to {KEY_COUNT - 1}, not {key}")
    return key
