"""Packet bytes from what users paste or point at: hex text in its common spellings, or files.

Accepted hex: `0100e3`, `01 00 e3`, `01:00:e3`, `0x01, 0x00, 0xe3`, `0x0100e3`, `\\x01\\x00`,
spread over lines. Separated tokens of one digit (`0x1 0x0`) are single bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import UsageError

_SEPARATORS = re.compile(r"[\s,:;\-]+")
_PREFIX = re.compile(r"^(?:0x|\\x)", re.IGNORECASE)
_HEX = re.compile(r"^[0-9a-fA-F]*$")
_HEXISH = re.compile(rb"^[0-9a-fA-FxX\s,:;\\\-]*$")
HEX_SUFFIXES = (".hex", ".txt")


def parse_hex(text: str) -> bytes:
    """Hex text -> bytes; raises UsageError naming the first thing that is not hex."""
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


def looks_like_hex(data: bytes) -> bool:
    """Whether bytes read from a file or stdin are hex text rather than a binary packet."""
    return bool(data.strip()) and _HEXISH.match(data) is not None


def read_input(arg: str | None, mode: str = "auto", stdin=None) -> tuple[str, bytes]:
    """One CLI input -> (label, bytes).

    arg is hex text, a file path, or '-'/None for stdin. mode 'hex' or 'raw' forces how file
    and stdin contents are read; 'auto' reads files as binary (hex for .hex/.txt files) and
    stdin as hex when it is hex text.
    """
    if arg is None or arg == "-":
        import sys

        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        return "<stdin>", _decode(data, mode, hex_default=looks_like_hex(data), label="stdin")
    path = Path(arg)
    if _is_file(path):
        data = path.read_bytes()
        return arg, _decode(data, mode, hex_default=path.suffix.lower() in HEX_SUFFIXES,
                            label=arg)
    if mode == "raw":
        raise UsageError(f"{arg}: no such file")
    try:
        return "<hex>", parse_hex(arg)
    except UsageError as exc:
        raise UsageError(f"{arg!r} is neither a file nor hex ({exc})") from None


def _decode(data: bytes, mode: str, hex_default: bool, label: str) -> bytes:
    if mode == "raw" or (mode == "auto" and not hex_default):
        return data
    try:
        return parse_hex(data.decode("ascii"))
    except (UnicodeDecodeError, UsageError) as exc:
        raise UsageError(f"{label}: not hex text ({exc})") from None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # e.g. a long hex argument is "File name too long"
        return False


def read_inputs(args: list[str], mode: str = "auto") -> list[tuple[str, bytes]]:
    """CLI inputs -> [(label, bytes)]. Arguments that are all hex text are one input, so
    `01 00 da` typed without quotes is one packet; files (or '-') are one input each."""
    if args and all(arg != "-" and not _is_file(Path(arg)) for arg in args):
        text = " ".join(args)
        try:
            return [("<hex>", parse_hex(text))]
        except UsageError as exc:
            raise UsageError(f"{text!r} is neither a file nor hex ({exc})") from None
    return [read_input(arg, mode) for arg in args or ["-"]]
