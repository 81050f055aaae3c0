"""Hex text as users paste it."""

from __future__ import annotations

import pytest

from pkttools.errors import UsageError
from pkttools.cli.inputs import looks_like_hex, parse_hex, read_input


@pytest.mark.parametrize("text, expected", [
    ("", b""),
    ("0100e3", b"\x01\x00\xe3"),
    ("01 00 E3", b"\x01\x00\xe3"),
    ("01:00:e3", b"\x01\x00\xe3"),
    ("01-00-e3", b"\x01\x00\xe3"),
    ("0x01, 0x00, 0xE3", b"\x01\x00\xe3"),
    ("0X0100e3", b"\x01\x00\xe3"),
    ("0x1 0x0 0xe3", b"\x01\x00\xe3"),
    ("\\x01\\x00\\xe3", b"\x01\x00\xe3"),
    ("0100\n e3\r\n", b"\x01\x00\xe3"),
])
def test_spellings(text, expected):
    assert parse_hex(text) == expected


@pytest.mark.parametrize("text, message", [
    ("01 0g", "not hex: 'g'"),
    ("010", "odd number of hex digits"),
    ("hello", "not hex: 'h'"),
])
def test_not_hex(text, message):
    with pytest.raises(UsageError, match=message):
        parse_hex(text)


def test_looks_like_hex():
    assert looks_like_hex(b"01 00 e3\n")
    assert not looks_like_hex(b"\x01\x00\xe3")
    assert not looks_like_hex(b"  \n")


def test_files(tmp_path):
    raw = tmp_path / "p.bin"
    raw.write_bytes(b"01")  # binary content that happens to be ASCII: still binary
    assert read_input(str(raw)) == (str(raw), b"01")
    assert read_input(str(raw), "hex") == (str(raw), b"\x01")
    text = tmp_path / "p.hex"
    text.write_text("01 00 e3\n")
    assert read_input(str(text))[1] == b"\x01\x00\xe3"
    assert read_input(str(text), "raw")[1] == b"01 00 e3\n"
    with pytest.raises(UsageError, match="no such file"):
        read_input(str(tmp_path / "missing.bin"), "raw")
