"""Final Fantasy XI world (zone) server layer: UDP datagrams to the plaintext the specs read.

A world-server datagram, in both directions, is laid out as LandSandBoat's map server reads
and writes it (`MapNetworking::recv_parse` / `send_parse`, `src/common/zlib.cpp`,
`blowfish.cpp`, `md52.cpp`):

    0x00  28 bytes   datagram header, always in the clear
    0x1C  n bytes    compressed packets: a flag byte 0x01, then the bit codes (LSB first)
    ...   4 bytes    u32le bit count of the compressed data, the 8 bits of the flag included
    ...   16 bytes   MD5 of the compressed data and the bit count

Everything from 0x1C is encrypted in whole 8-byte blocks; the last `(len - 28) % 8` bytes
stay clear. The cipher is FFXI's variant of Blowfish (see `Blowfish`); its key is the MD5 of
the 20-byte session key (`blowfish_key`), and the session key steps on at each zone change
(`next_session_key`). The plaintext this layer gives back is the datagram header followed by
the decompressed packets, which is what `ksy/ffxi/world/server/stream.ksy` reads.

A client's zone-in datagram (first packet 0x00A) travels unencrypted and uncompressed: the
header, the packets, and the MD5 of the packets (`login_datagram`).
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..errors import PkttoolsError, UsageError
from ..model.conventions import DIRECTIONS
from .base import Decoded

LAYER_SERVICE = "ffxi.world"

HEADER_SIZE = 0x1C  # FFXI_HEADER_SIZE: the clear datagram header
MD5_SIZE = 16
BIT_COUNT_SIZE = 4
SESSION_KEY_SIZE = 20  # accounts_sessions.session_key
BLOCK_SIZE = 8
# LandSandBoat decompresses into a buffer of kMaxBufferSize (2500) bytes and gives up once the
# output reaches it, so a body of 2500 bytes or more never reaches its packet parser.
MAX_BODY = 2499
# Smallest encrypted datagram: header, flag byte, bit count, MD5 (a datagram with no packets).
MIN_ENCRYPTED = HEADER_SIZE + 1 + BIT_COUNT_SIZE + MD5_SIZE
LOGIN_PACKET_ID = 0x00A  # client 0x00A GP_CLI_COMMAND_LOGIN, the zone-in request
LOGIN_PACKET_SIZE = 0x5C  # sizeof(GP_CLI_LOGIN) in LandSandBoat
LOGOUT_PACKET_ID = 0x00B  # server 0x00B GP_SERV_COMMAND_LOGOUT: after it the key steps on
# each decoded unit is one whole datagram, for the service splitter
PLAIN = "datagram"

_MASK32 = 0xFFFFFFFF


class FfxiLayerError(PkttoolsError):
    """Something the FFXI layer cannot do with the bytes or the key it was given."""


class SessionKeyError(FfxiLayerError):
    """A session key that is not 20 bytes, or an operation that needs a key and has none."""


class DatagramError(FfxiLayerError):
    """A datagram that does not decode; `offset` is where in the datagram the problem is."""

    def __init__(self, detail: str, *, offset: int | None = None):
        self.detail = detail
        self.offset = offset
        where = f" at offset {offset} (0x{offset:x})" if offset is not None else ""
        super().__init__(f"{detail}{where}")


class ShortDatagramError(DatagramError):
    """Fewer bytes than the smallest datagram of its kind."""


class ChecksumError(DatagramError):
    """The MD5 trailer does not match: a wrong key, or a corrupt datagram."""


class CompressionError(DatagramError):
    """The compressed data is not what the bit coder writes (flag, cut code, overrun)."""


# -- Blowfish, FFXI's variant -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _pi_words() -> tuple[int, ...]:
    """The 1042 32-bit words of pi's fraction that start every Blowfish key schedule.

    LandSandBoat carries them as a table (`subkey` in blowfish.cpp); they are exactly the
    standard Blowfish P-array and S-boxes (checked word for word), which are defined as the
    hexadecimal digits of pi, so they are computed here rather than kept as data.
    """
    words = 18 + 4 * 256
    bits = words * 32 + 64  # guard bits against the truncation of the series

    def arctan_inverse(x: int) -> int:
        total = term = (1 << bits) // x
        n, sign = 1, -1
        while term:
            term //= x * x
            total += sign * (term // (2 * n + 1))
            n, sign = n + 1, -sign
        return total

    pi = 4 * (4 * arctan_inverse(5) - arctan_inverse(239))  # Machin's formula
    fraction = pi - (3 << bits)
    return tuple((fraction >> (bits - 32 * (i + 1))) & _MASK32 for i in range(words))


def initial_tables() -> tuple[int, ...]:
    """The P-array (18 words) and the four S-boxes (256 words each) every key schedule starts
    from, in that order: what the Wireshark plugin carries (pkttools/publish/wireshark.py)."""
    return _pi_words()


class Blowfish:
    """FFXI's Blowfish: standard structure and initial tables, two differences.

    - The round function is ``((S1[b1] & 1) ^ 32) + ((S3[b3] & 1) ^ 32) + S2[b2] + S0[b0]``
      (b0 the low byte of the half), not ``((S0[b3] + S1[b2]) ^ S2[b1]) + S3[b0]``.
    - The key schedule reads the key as signed bytes: ``data = (data << 8) | key[j]`` with a
      byte of 0x80 or more sign-extended, which sets the upper 24 bits of `data`.

    So no library's Blowfish decrypts FFXI traffic. A block is two little-endian u32 (left
    half first), as LandSandBoat casts the datagram buffer to `uint32*` on x86.
    """

    ROUNDS = 16

    def __init__(self, key: bytes):
        key = bytes(key)
        if not 1 <= len(key) <= 56:
            raise SessionKeyError(f"a Blowfish key is 1 to 56 bytes, not {len(key)}")
        table = _pi_words()
        p = list(table[:18])
        s = [list(table[18 + 256 * i: 18 + 256 * (i + 1)]) for i in range(4)]
        j = 0
        for i in range(18):
            data = 0
            for _ in range(4):
                byte = key[j]
                signed = byte | 0xFFFFFF00 if byte & 0x80 else byte
                data = ((data << 8) & _MASK32) | signed
                j = (j + 1) % len(key)
            p[i] ^= data
        self._p, self._s = p, s
        left = right = 0
        for i in range(0, 18, 2):
            left, right = self.encrypt_block(left, right)
            p[i], p[i + 1] = left, right
        for box in s:
            for i in range(0, 256, 2):
                left, right = self.encrypt_block(left, right)
                box[i], box[i + 1] = left, right

    def _f(self, x: int) -> int:
        s0, s1, s2, s3 = self._s
        return (((s1[(x >> 8) & 0xFF] & 1) ^ 32) + ((s3[x >> 24] & 1) ^ 32)
                + s2[(x >> 16) & 0xFF] + s0[x & 0xFF]) & _MASK32

    def encrypt_block(self, left: int, right: int) -> tuple[int, int]:
        """Encipher one block given as its two u32 halves."""
        p, f = self._p, self._f
        for i in range(self.ROUNDS):
            left ^= p[i]
            left, right = right ^ f(left), left
        return right ^ p[17], left ^ p[16]

    def decrypt_block(self, left: int, right: int) -> tuple[int, int]:
        """Decipher one block given as its two u32 halves."""
        p, f = self._p, self._f
        for i in range(self.ROUNDS + 1, 1, -1):
            left ^= p[i]
            left, right = right ^ f(left), left
        return right ^ p[0], left ^ p[1]

    def _blocks(self, data: bytes, decrypt: bool) -> bytes:
        """Every whole 8-byte block of `data` through the cipher, one loop with the round
        function written out (a datagram is hundreds of blocks: calls would dominate). The
        round function's two one-bit terms come from tables made once per key."""
        whole = len(data) - len(data) % BLOCK_SIZE
        if not whole:
            return bytes(data)
        s0, s1, s2, s3 = self._s
        t1, t3 = self._bit_tables()
        p = self._p
        order = p[17:1:-1] if decrypt else p[:16]
        last_l, last_r = (p[0], p[1]) if decrypt else (p[17], p[16])
        words = list(struct.unpack_from(f"<{whole // 4}I", data))
        mask = _MASK32
        for n in range(0, len(words), 2):
            left, right = words[n], words[n + 1]
            for key in order:
                left ^= key
                left, right = right ^ ((t1[(left >> 8) & 0xFF] + t3[left >> 24]
                                        + s2[(left >> 16) & 0xFF] + s0[left & 0xFF]) & mask), left
            words[n], words[n + 1] = right ^ last_l, left ^ last_r
        return struct.pack(f"<{whole // 4}I", *words) + bytes(data[whole:])

    def _bit_tables(self) -> tuple[list[int], list[int]]:
        tables = getattr(self, "_tables", None)
        if tables is None:
            s1, s3 = self._s[1], self._s[3]
            tables = self._tables = ([(v & 1) ^ 32 for v in s1], [(v & 1) ^ 32 for v in s3])
        return tables

    def encrypt(self, data: bytes) -> bytes:
        """Encipher the whole 8-byte blocks of `data`; a shorter tail is left as it is."""
        return self._blocks(data, decrypt=False)

    def decrypt(self, data: bytes) -> bytes:
        """Decipher the whole 8-byte blocks of `data`; a shorter tail is left as it is."""
        return self._blocks(data, decrypt=True)


def _check_session_key(session_key: bytes) -> bytes:
    if not isinstance(session_key, (bytes, bytearray, memoryview)):
        raise SessionKeyError(f"a session key is 20 bytes, not {type(session_key).__name__}")
    session_key = bytes(session_key)
    if len(session_key) != SESSION_KEY_SIZE:
        raise SessionKeyError(f"a session key is 20 bytes, not {len(session_key)}")
    return session_key


def blowfish_key(session_key: bytes) -> bytes:
    """The 16-byte Blowfish key of a 20-byte session key (`MapSession::initBlowfish`).

    The MD5 of the session key, with every byte from the first zero byte on set to zero (the
    hash is handled as a C string), used as a 16-byte key all the same.
    """
    digest = hashlib.md5(_check_session_key(session_key)).digest()
    end = digest.find(0)
    return digest if end < 0 else digest[:end] + bytes(MD5_SIZE - end)


def next_session_key(session_key: bytes) -> bytes:
    """The session key after a zone change (`MapSession::incrementBlowfish`).

    The last four bytes are a little-endian u32 (`key[4]` of `uint32 key[5]`) plus 2, wrapping.
    """
    session_key = _check_session_key(session_key)
    (last,) = struct.unpack_from("<I", session_key, 16)
    return session_key[:16] + struct.pack("<I", (last + 2) & _MASK32)


@lru_cache(maxsize=16)
def cipher(session_key: bytes) -> Blowfish:
    """The cipher of a session key (cached: a key schedule takes 521 block encryptions)."""
    return Blowfish(blowfish_key(session_key))


# -- The bit coder ("zlib" in LandSandBoat, a fixed prefix code) ------------------------------


@dataclass(frozen=True)
class _Codes:
    encode: tuple[tuple[int, int], ...]  # byte -> (code, length), code bits LSB first
    decode: tuple[tuple[int, int], ...]  # 12-bit window (LSB first) -> (byte, length)
    width: int


def _read_words(name: str) -> tuple[int, ...]:
    data = files(__package__).joinpath("data", "ffxi", name).read_bytes()
    return struct.unpack(f"<{len(data) // 4}I", data)


@lru_cache(maxsize=1)
def _codes() -> _Codes:
    """The code tables, from LandSandBoat's res/compress.dat and res/decompress.dat.

    compress.dat is 512 u32: the code of byte b at index (b + 0x80) & 0xFF (the byte as a
    signed char, plus 0x80), its length in bits 256 words later. decompress.dat is the
    decoding tree as a memory image from a 32-bit process: a word above 0xFF is a pointer
    (word 0 points at the root, and `word - (word0 - 4)` is a byte offset in the file); a node
    is two child pointers (bit 0, bit 1), and a node whose both are zero is a leaf whose byte
    is the word 3 after it. The decoder is built from the tree, as LandSandBoat decodes with it.
    """
    enc = _read_words("compress.dat")
    encode = tuple((enc[(b + 0x80) & 0xFF], enc[0x100 + ((b + 0x80) & 0xFF)]) for b in range(256))
    dec = _read_words("decompress.dat")
    base = dec[0] - 4
    leaves: list[tuple[int, int, int]] = []  # (code, length, byte)
    stack = [((dec[0] - base) // 4, 0, 0)]
    while stack:
        node, code, length = stack.pop()
        zero, one = dec[node], dec[node + 1]
        if zero == 0 and one == 0:
            leaves.append((code, length, dec[node + 3]))
        else:
            stack.append(((zero - base) // 4, code, length + 1))
            stack.append(((one - base) // 4, code | 1 << length, length + 1))
    width = max(length for _, length, _ in leaves)
    decode = [(0, 0)] * (1 << width)
    for code, length, byte in leaves:
        for high in range(1 << (width - length)):
            decode[code | high << length] = (byte, length)
    return _Codes(encode, tuple(decode), width)


def compress(body: bytes) -> tuple[bytes, int]:
    """Compress packets as `zlib_compress` does: (flag byte 0x01 + codes, bit count).

    The bit count includes the 8 bits of the flag byte, as LandSandBoat writes it; the unused
    high bits of the last byte are zero.
    """
    codes = _codes().encode
    value = position = 0
    for byte in body:
        code, length = codes[byte]
        value |= code << position
        position += length
    return b"\x01" + value.to_bytes((position + 7) // 8, "little"), position + 8


def decompress(data: bytes, bits: int, *, limit: int = MAX_BODY) -> bytes:
    """Decode exactly `bits - 8` bits of codes after the flag byte of `data`.

    LandSandBoat's `zlib_decompress` walks `bits` bits from the byte after the flag, 8 more
    than were written, so it can emit up to two stray bytes from the padding and the bit count
    after the last packet; this decoder stops where the data ends. Offsets in errors count from
    the flag byte; a bit count that does not fit points at `len(data)`, where a datagram holds
    the bit count.
    """
    if not data:
        raise CompressionError("no compressed data (not even the flag byte)", offset=0)
    if data[0] != 1:
        raise CompressionError(f"compression flag is 0x{data[0]:02x}, not 0x01", offset=0)
    if bits < 8:
        raise CompressionError(f"bit count {bits} is less than the 8 bits of the flag byte",
                               offset=len(data))
    if (bits + 7) // 8 > len(data):
        raise CompressionError(
            f"bit count {bits} needs {(bits + 7) // 8} bytes of compressed data, "
            f"only {len(data)} are there (the decompression would overrun)", offset=len(data))
    table = _codes()
    mask = (1 << table.width) - 1
    decode = table.decode
    stream = data[1:] + bytes(3)
    # each byte offset's next 24 bits, made at once: the loop then shifts and masks only
    ahead = [a | b << 8 | c << 16 for a, b, c in zip(stream, stream[1:], stream[2:])]
    end, position, out = bits - 8, 0, bytearray()
    while position < end:
        start = position >> 3
        byte, length = decode[(ahead[start] >> (position & 7)) & mask]
        if length == 0 or position + length > end:
            raise CompressionError(
                f"the bit count ends inside a code: {end - position} bits left after "
                f"{len(out)} bytes", offset=1 + start)
        if len(out) == limit:
            raise CompressionError(f"the decompressed data exceeds {limit} bytes",
                                   offset=1 + start)
        out.append(byte)
        position += length
    return bytes(out)


# -- Datagrams --------------------------------------------------------------------------------


def _md5(data: bytes) -> bytes:
    return hashlib.md5(data).digest()


def encrypt_datagram(plain: bytes, session_key: bytes) -> bytes:
    """A plaintext datagram (header + packets) as LandSandBoat's `send_parse` sends it."""
    plain = bytes(plain)
    if len(plain) < HEADER_SIZE:
        raise DatagramError(f"a datagram starts with a {HEADER_SIZE}-byte header; "
                            f"only {len(plain)} bytes given")
    if len(plain) - HEADER_SIZE > MAX_BODY:
        raise DatagramError(f"{len(plain) - HEADER_SIZE} bytes of packets; a datagram holds "
                            f"at most {MAX_BODY}", offset=HEADER_SIZE + MAX_BODY)
    data, bits = compress(plain[HEADER_SIZE:])
    payload = data + struct.pack("<I", bits)
    payload += _md5(payload)
    return plain[:HEADER_SIZE] + cipher(_check_session_key(session_key)).encrypt(payload)


def decrypt_datagram(datagram: bytes, session_key: bytes) -> tuple[bytes, int]:
    """(plaintext datagram, unused bytes) of an encrypted datagram; raises `DatagramError`.

    Unused bytes lie between the compressed data and the bit count: LandSandBoat's encoder
    leaves none, and its decoder ignores them; they are reported, never part of the plaintext.
    """
    datagram = bytes(datagram)
    if len(datagram) < MIN_ENCRYPTED:
        raise ShortDatagramError(
            f"{len(datagram)} bytes is shorter than the {MIN_ENCRYPTED} bytes of an encrypted "
            f"datagram (header, flag byte, bit count, MD5)", offset=len(datagram))
    payload = cipher(_check_session_key(session_key)).decrypt(datagram[HEADER_SIZE:])
    checked, digest = payload[:-MD5_SIZE], payload[-MD5_SIZE:]
    if _md5(checked) != digest:
        raise ChecksumError("MD5 mismatch after decrypting: wrong key or corrupt datagram",
                            offset=len(datagram) - MD5_SIZE)
    (bits,) = struct.unpack_from("<I", checked, len(checked) - BIT_COUNT_SIZE)
    compressed = checked[:-BIT_COUNT_SIZE]
    try:
        body = decompress(compressed, bits)
    except CompressionError as error:
        offset = None if error.offset is None else HEADER_SIZE + error.offset
        raise CompressionError(error.detail, offset=offset) from None
    return datagram[:HEADER_SIZE] + body, len(compressed) - (bits + 7) // 8


def login_datagram(plain: bytes) -> bytes:
    """The unencrypted form a client sends its zone-in in: header, packets, MD5 of packets."""
    plain = bytes(plain)
    if len(plain) < HEADER_SIZE:
        raise DatagramError(f"a datagram starts with a {HEADER_SIZE}-byte header; "
                            f"only {len(plain)} bytes given")
    return plain + _md5(plain[HEADER_SIZE:])


def login_problem(plain: bytes) -> str | None:
    """Why a plaintext datagram is not a zone-in LandSandBoat accepts unencrypted, or None.

    `recv_parse` takes an unencrypted datagram when its first packet is 0x00A, whole
    (0x5C bytes), with the right LoginPacketCheck: the byte at 0x04 of the packet equals the
    sum of its bytes 0x08-0x5B, modulo 256.
    """
    packet = plain[HEADER_SIZE:HEADER_SIZE + LOGIN_PACKET_SIZE]
    if len(packet) < 2:
        return "no packet after the header"
    packet_id = int.from_bytes(packet[:2], "little") & 0x1FF
    if packet_id != LOGIN_PACKET_ID:
        return f"its first packet is 0x{packet_id:03X}, not 0x00A"
    if len(packet) < LOGIN_PACKET_SIZE:
        return f"its 0x00A has {len(packet)} bytes, fewer than {LOGIN_PACKET_SIZE}"
    check = sum(packet[8:]) & 0xFF
    if packet[4] != check:
        return f"its LoginPacketCheck is 0x{packet[4]:02x}, the bytes sum to 0x{check:02x}"
    return None


def read_login_datagram(datagram: bytes) -> bytes | None:
    """The plaintext of an unencrypted datagram (its MD5 checks in the clear), else None."""
    datagram = bytes(datagram)
    if len(datagram) <= HEADER_SIZE + MD5_SIZE:
        return None
    if _md5(datagram[HEADER_SIZE:-MD5_SIZE]) != datagram[-MD5_SIZE:]:
        return None
    return datagram[:-MD5_SIZE]


def packet_ids(plain: bytes) -> list[int]:
    """The ids of the packets of a plaintext datagram, walked as the stream spec walks them."""
    ids, offset = [], HEADER_SIZE
    while offset + 2 <= len(plain):
        word = int.from_bytes(plain[offset:offset + 2], "little")
        size = (word >> 9) * 4
        if size == 0:
            break
        ids.append(word & 0x1FF)
        offset += size
    return ids


# -- Session ----------------------------------------------------------------------------------




class Session:
    """State of one world-server connection (both directions): the session key and its steps.

    `key` is the 20-byte session key (accounts_sessions.session_key) in force when the
    capture starts. It cannot be found by trial (it is 160 bits), so without it only the
    unencrypted zone-in datagrams decode. The MD5 trailer tells whether a key is right, so
    `check` (a parser test other layers use to choose between keys) is accepted and unused.

    The key steps on (`next_session_key`) after the server sends a datagram holding packet
    0x00B (the zone change or logout): that datagram still uses the old key. A datagram that
    fails under the current key is tried under the next key (a missed 0x00B) and the previous
    one (the client had not yet taken the 0x00B, or the server resent it); `notes` says which.
    Both `feed` and `encode` step the key after a server 0x00B, so a proxy keeps one Session
    for the traffic it reads and another for the traffic it writes.
    """

    def __init__(self, key: bytes | None = None, *,
                 check: Callable[[str, bytes], bool] | None = None):
        self.key: bytes | None = None if key is None else _check_session_key(key)
        self.previous_key: bytes | None = None
        self.check = check
        self.notes: list[str] = []
        self._count = dict.fromkeys(DIRECTIONS, 0)

    def _note(self, text: str) -> str:
        self.notes.append(text)
        return text

    def _step_key(self, where: str) -> str:
        assert self.key is not None
        self.previous_key, self.key = self.key, next_session_key(self.key)
        return self._note(f"{where}: server packet 0x00B sent; the session key steps on to "
                          f"{self.key.hex()} (bytes 16-19 as u32le + 2)")

    def feed(self, direction: str, data: bytes) -> list[Decoded]:
        """Decode one datagram; never raises for bad bytes (the error is in the item)."""
        _check_direction(direction)
        data = bytes(data)
        self._count[direction] += 1
        where = f"{direction} datagram {self._count[direction]}"
        if direction == "client":
            zone_in = self._read_zone_in(where, data)
            if zone_in is not None:
                return [zone_in]
        if self.key is None:
            return [Decoded(0, data, None, error=f"{where}: encrypted, and no session key "
                                                 "was given")]
        return [self._decrypt(direction, where, data)]

    def _read_zone_in(self, where: str, data: bytes) -> Decoded | None:
        """The unencrypted zone-in, tested as `recv_parse` tests it before decrypting."""
        plain = read_login_datagram(data)
        if plain is None:
            return None
        problem = login_problem(plain)
        if problem is None:
            return Decoded(0, data, plain, note="unencrypted zone-in (client 0x00A)")
        return Decoded(0, data, None, error=f"{where}: unencrypted (its MD5 checks in the "
                                            f"clear) but not a zone-in: {problem}")

    def _decrypt(self, direction: str, where: str, data: bytes) -> Decoded:
        """Try the current, next and previous keys; the first whose MD5 matches decides."""
        assert self.key is not None
        trials = [(self.key, "current"), (next_session_key(self.key), "next")]
        if self.previous_key is not None:
            trials.append((self.previous_key, "previous"))
        mismatch: ChecksumError | None = None
        for key, name in trials:
            try:
                plain, unused = decrypt_datagram(data, key)
            except ShortDatagramError as error:
                return Decoded(0, data, None, error=f"{where}: {error}")
            except ChecksumError as error:
                mismatch = error
                continue
            except DatagramError as error:
                return Decoded(0, data, None, error=f"{where}: {error} (the MD5 matched the "
                                                    f"{name} key)")
            notes = []
            if name == "next":
                self.previous_key, self.key = self.key, key
                notes.append(self._note(f"{where}: decoded with the next session key "
                                        f"{key.hex()} (its 0x00B was not seen): the key has "
                                        "stepped on"))
            elif name == "previous":
                notes.append(self._note(f"{where}: decoded with the previous session key "
                                        f"{key.hex()} (sent before the zone change took "
                                        "effect)"))
            if unused:
                notes.append(self._note(f"{where}: {unused} bytes between the compressed data "
                                        "and the bit count are not covered by the bit count "
                                        "(kept in raw only)"))
            if (direction == "server" and name != "previous"
                    and LOGOUT_PACKET_ID in packet_ids(plain)):
                notes.append(self._step_key(where))
            return Decoded(0, data, plain, note="; ".join(notes) or None)
        tried = ", ".join(name for _, name in trials)
        return Decoded(0, data, None, error=f"{where}: {mismatch} (tried the {tried} session "
                                            "keys)")

    def close(self, direction: str) -> list[Decoded]:
        """Nothing is ever left over: every datagram is read whole."""
        _check_direction(direction)
        return []

    def encode(self, direction: str, plain: bytes) -> bytes:
        """One plaintext datagram to wire bytes with the current key; feed(encode(p)) gives p.

        A client datagram whose first packet is a valid zone-in (0x00A) is sent unencrypted,
        as the client does; everything else is compressed and encrypted. Raises
        `FfxiLayerError` when the plaintext cannot be sent (no header, no key, too long).
        """
        _check_direction(direction)
        plain = bytes(plain)
        if direction == "client" and len(plain) >= HEADER_SIZE and login_problem(plain) is None:
            return login_datagram(plain)
        if self.key is None:
            raise SessionKeyError("encrypting needs the session key; none was given")
        wire = encrypt_datagram(plain, self.key)
        if direction == "server" and LOGOUT_PACKET_ID in packet_ids(plain):
            self._step_key("encoded server datagram")
        return wire


def _check_direction(direction: str) -> None:
    if direction not in DIRECTIONS:
        raise FfxiLayerError(f"direction is 'client' or 'server', not {direction!r}")


def parse_key(text: str) -> bytes:
    """`--key ffxi.world=<40 hex digits>`: the 20-byte session key (accounts_sessions)."""
    try:
        key = bytes.fromhex(str(text).strip().replace(" ", "").replace(":", ""))
    except ValueError:
        key = b""
    if len(key) != SESSION_KEY_SIZE:
        raise UsageError(f"an FFXI session key is {SESSION_KEY_SIZE} bytes as "
                         f"{2 * SESSION_KEY_SIZE} hex digits, not {text!r}")
    return key
