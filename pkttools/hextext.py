"""Packet bytes from text people paste: hex in its common spellings, and hex dumps.

Plain hex: `0100e3`, `01 00 e3`, `01:00:e3`, `0x01, 0x00, 0xe3`, `0x0100e3`, `\\x01\\x00`,
spread over lines. Separated tokens of one digit (`0x1 0x0`) are single bytes.

Hex dumps, with their offset and text columns ignored:

- Wireshark's "Copy Bytes as Hex + ASCII Dump" and "...as Hex Dump" (`0000   01 00 da   ...`:
  the offset, three spaces, the bytes, three spaces, the text; `ui/qt/utils/data_printer.cpp`),
  and `tshark -x` (two spaces after the offset);
- `xxd` (`00000000: 0100 da41  ...A`, any `-g` grouping and `-c` width);
- `hexdump -C` (`00000000  01 00 da 41  |...A|`, then a line with the total length);
- `od -Ax -tx1` and `tcpdump -x` / `-X` (`0x0000:  4500 0054`);
- a `*` line (hexdump, `xxd -a`, od): the line before it repeats up to the next offset.

A dump's offsets are checked (each line starts where the one before it ended), so a text column
read as bytes is an error, never wrong bytes. Text whose lines only look like a dump by chance
(a first group of four digits) and whose offsets do not add up is read as plain hex. The module
needs only the standard library: it is the floor `pkttools.parse` and the command line share.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import UsageError

_SEPARATORS = re.compile(r"[\s,:;\-]+")
_PREFIX = re.compile(r"^(?:0x|\\x)", re.IGNORECASE)
_HEX = re.compile(r"^[0-9a-fA-F]*$")
_HEXISH = re.compile(rb"^[0-9a-fA-FxX\s,:;\\\-]*$")

_DUMP_LINE = re.compile(r"^\s*(?:0x)?(?P<offset>[0-9a-fA-F]{4,})(?P<colon>:?)(?P<gap>[ \t]+)"
                        r"(?P<rest>\S.*?)\s*$")
_END_LINE = re.compile(r"^\s*(?:0x)?(?P<offset>[0-9a-fA-F]{4,}):?\s*$")
_PIPE_TEXT = re.compile(r"^(?P<hex>.*?)\s+\|.*\|$")  # hexdump -C's text column
_COLUMN_GAP = re.compile(r" {2,}|\t")  # what ends the hex column of other dumps
_TOKEN = re.compile(r"^(?:[0-9a-fA-F]{2})+$")


def parse_hex(text: str) -> bytes:
    """Hex text or a hex dump -> bytes; raises UsageError naming the first thing that is not
    hex (or the dump line whose offset does not add up)."""
    dump, problem = _dump(text)
    if dump is not None:
        return dump
    try:
        return _plain(text)
    except UsageError:
        if problem is not None:
            raise UsageError(problem) from None
        raise


def payload(data: Any, what: str = "data") -> bytes:
    """Bytes from what the API takes as a packet or a stream chunk: bytes, bytearray,
    memoryview, or hex text (`parse_hex`). Anything else is a UsageError: `bytes(12)` would
    silently be twelve zero bytes."""
    if type(data) is bytes:
        return data
    if isinstance(data, str):
        return parse_hex(data)
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise UsageError(f"{what} must be bytes or hex text, not {type(data).__name__}")


def looks_like_hex(data: bytes) -> bool:
    """Whether bytes read from a file or stdin are hex text (or a hex dump) rather than a
    binary packet."""
    if not data.strip():
        return False
    if _HEXISH.match(data) is not None:
        return True
    return is_dump(data)


def is_dump(data: bytes) -> bool:
    """Whether bytes are the text of a hex dump whose offsets add up."""
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        return False
    try:
        return _dump(text)[0] is not None
    except UsageError:  # a dump, but one that cannot be read: say so when it is read
        return True


def _plain(text: str) -> bytes:
    tokens = [t for t in _SEPARATORS.split(text.strip()) if t]
    chunks = []
    for token in tokens:
        # `\x01\x00` glued together is one token with several prefixes.
        parts = [p for p in re.split(r"\\x", token, flags=re.IGNORECASE) if p] \
            if "\\x" in token.lower() else [_PREFIX.sub("", token)]
        for part in parts:
            if not _HEX.match(part):
                bad = next(c for c in part if not _HEX.match(c))
                raise UsageError(f"not hex: {bad!r} in {token!r}")
            if len(part) == 1 and len(tokens) > 1:
                part = "0" + part
            if len(part) % 2:
                raise UsageError(f"odd number of hex digits in {token!r}")
            chunks.append(part)
    return bytes.fromhex("".join(chunks))


def _dump(text: str) -> tuple[bytes | None, str | None]:
    """(bytes, None) for a dump; (None, why) for text shaped like a dump whose offsets do not
    add up; (None, None) for anything else."""
    rows = []  # as _dump_row gives them; '*' has no offset, the end line no bytes
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.strip() == "*":
            rows.append((number, None, None, False, False))
            continue
        end = _END_LINE.match(line)
        if end is not None:
            rows.append((number, int(end["offset"], 16), None, False, False))
            continue
        row = _dump_row(number, line)
        if row is None:
            return None, None
        rows.append(row)
    data_rows = [r for r in rows if r[2] is not None]
    if not data_rows or any(r[2] is None and r[1] is not None for r in rows[:-1]):
        return None, None  # no bytes, or an offset-only line before the end
    if len(data_rows) == 1 and not (data_rows[0][1] == 0 and data_rows[0][3]):
        return None, None  # one line: a dump only when it starts at 0 and has a dump's marks
    words = next((r[0] for r in data_rows if r[4]), None)
    if words is not None and data_rows[0][1] == 0 and all(
            after[1] == before[1] + len(before[2])
            for before, after in zip(data_rows, data_rows[1:])):
        # hexdump's default format and od -x show 16-bit words in the machine's byte order
        # (and pad an odd last byte into a word, so the end offset does not add up either)
        raise UsageError(f"line {words}: a dump of 16-bit words (hexdump's default format, or "
                         f"od -x) shows the bytes in the machine's order; dump with hexdump -C, "
                         f"xxd or od -Ax -tx1")
    return _assemble(rows)


def _dump_row(number: int, line: str) -> tuple[int, int, bytes, bool, bool] | None:
    """(line number, offset, bytes, whether it has a dump's marks, whether it shows words
    without xxd's or tcpdump's colon), or None for a line that is not a dump's."""
    m = _DUMP_LINE.match(line)
    if m is None:
        return None
    rest = m["rest"]
    piped = _PIPE_TEXT.match(rest)
    if piped is not None:
        column, text = piped["hex"], True
    else:
        parts = _COLUMN_GAP.split(rest, maxsplit=1)
        column, text = parts[0], len(parts) > 1
    tokens = column.split()
    if not tokens or not all(_TOKEN.match(t) for t in tokens):
        return None
    words = any(len(t) > 2 for t in tokens) and not m["colon"]
    marked = bool(m["colon"]) or text or len(m["gap"].expandtabs()) >= 2
    return number, int(m["offset"], 16), bytes.fromhex("".join(tokens)), marked, words


def _assemble(rows: list) -> tuple[bytes | None, str | None]:
    out = bytearray()
    position: int | None = None
    previous: bytes | None = None
    repeating = False
    for number, offset, data, _, _ in rows:
        if offset is None:  # '*': the previous line repeats up to the next offset
            if previous is None:
                return None, f"line {number}: '*' before any line of bytes"
            repeating = True
            continue
        if position is None:
            position = offset
        elif offset != position:
            gap = offset - position
            if not (repeating and previous and gap > 0 and gap % len(previous) == 0):
                return None, (f"line {number}: the dump's offset is 0x{offset:x}, but the lines "
                              f"before it end at 0x{position:x}")
            out += previous * (gap // len(previous))
            position = offset
        repeating = False
        if data is not None:
            out += data
            position += len(data)
            previous = data
    if repeating:
        return None, "the dump ends with '*' and no offset, so the repeated length is unknown"
    return bytes(out), None
