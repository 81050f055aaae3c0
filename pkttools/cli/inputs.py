"""Packet bytes from what users paste or point at: hex text, hex dumps, or files.

The hex spellings and dump layouts are pkttools/hextext.py's (shared with `pkttools.parse`).
An argument is a file when one exists by that name, else hex text; a name that is both (a file
called `0100da`) is refused, with how to say which.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import UsageError
from ..hextext import is_dump, looks_like_hex, parse_hex

HEX_SUFFIXES = (".hex", ".txt")


def read_input(arg: str | None, mode: str = "auto", stdin=None) -> tuple[str, bytes]:
    """One CLI input -> (label, bytes).

    arg is hex text, a file path, or '-'/None for stdin. mode 'hex' or 'raw' forces how file
    and stdin contents are read; 'auto' reads files as binary (as hex for .hex/.txt files and
    hex dumps such as xxd's) and stdin as hex when it is hex text or a hex dump.
    """
    if arg is None or arg == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        return "<stdin>", _decode(data, mode, hex_default=looks_like_hex(data), label="stdin")
    path = Path(arg)
    if _is_file(path):
        _refuse_ambiguous(arg, mode)
        data = path.read_bytes()
        hex_default = path.suffix.lower() in HEX_SUFFIXES or is_dump(data)
        return arg, _decode(data, mode, hex_default=hex_default, label=arg)
    if mode == "raw":
        raise UsageError(f"{arg}: no such file")
    try:
        return "<hex>", parse_hex(arg)
    except UsageError as exc:
        raise UsageError(f"{arg!r} is neither a file nor hex ({exc})") from None


def _refuse_ambiguous(arg: str, mode: str) -> None:
    """A file whose name is also hex (`0100da`, `cafe`) could mean either: with --input auto,
    make the user say which."""
    if mode != "auto":
        return  # --input raw/hex says how files are read: the argument is the file
    try:
        parse_hex(arg)
    except UsageError:
        return
    raise UsageError(f"{arg!r} is both a file and hex text: for the file, give --input raw (or "
                     f"./{arg}); for the bytes, write the hex with spaces or 0x (e.g. "
                     f"{_spaced(arg)})")


def _spaced(arg: str) -> str:
    try:
        return repr(parse_hex(arg).hex(" "))
    except UsageError:
        return repr(arg)


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
