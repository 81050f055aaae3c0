"""Hex text as users paste it."""

from __future__ import annotations

import pytest

from pkttools.errors import UsageError
from pkttools.cli.inputs import read_input
from pkttools.hextext import looks_like_hex, parse_hex


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


# -- hex dumps ------------------------------------------------------------------------------------
# tmw.login.server 0x006A login_error, code 6, banned until "2026-12-31 23:59:59" (23 bytes)
BANNED = bytes.fromhex("6a 00 06 32 30 32 36 2d 31 32 2d 33 31 20 32 33 3a 35 39 3a 35 39 00")

# Wireshark, Packet Bytes > "Copy Bytes as Hex + ASCII Dump" and "...as Hex Dump": the layout of
# DataPrinter::hexTextDump (ui/qt/utils/data_printer.cpp, wireshark/wireshark 00c6706): the
# offset as 4 hex digits, two spaces, " %02x" per byte, three spaces, the text (the last line
# padded to the column).
WIRESHARK_HEX_ASCII = (
    "0000   6a 00 06 32 30 32 36 2d 31 32 2d 33 31 20 32 33   j..2026-12-31 23\n"
    "0010   3a 35 39 3a 35 39 00                              :59:59.\n")
WIRESHARK_HEX = (
    "0000   6a 00 06 32 30 32 36 2d 31 32 2d 33 31 20 32 33\n"
    "0010   3a 35 39 3a 35 39 00\n")

# `xxd` (2022-01-14, Debian 12) of the same bytes, and with -g1 and -a -c 8.
XXD = (
    "00000000: 6a00 0632 3032 362d 3132 2d33 3120 3233  j..2026-12-31 23\n"
    "00000010: 3a35 393a 3539 00                        :59:59.\n")
XXD_G1 = (
    "00000000: 6a 00 06 32 30 32 36 2d 31 32 2d 33 31 20 32 33  j..2026-12-31 23\n"
    "00000010: 3a 35 39 3a 35 39 00                             :59:59.\n")

# `hexdump -C` (util-linux 2.38.1): two 8-byte halves, |text|, and the length on the last line.
HEXDUMP_C = (
    "00000000  6a 00 06 32 30 32 36 2d  31 32 2d 33 31 20 32 33  |j..2026-12-31 23|\n"
    "00000010  3a 35 39 3a 35 39 00                              |:59:59.|\n"
    "00000017\n")

# `tshark -x` (4.0.17) of the same payload in a TCP segment made by text2pcap -T 6901,40000:
# dummy Ethernet, IPv4 and TCP headers, then the 23 bytes.
TSHARK_X = (
    "0000  20 52 45 43 56 00 20 53 45 4e 44 00 08 00 45 00    RECV. SEND...E.\n"
    "0010  00 3f 12 34 00 00 ff 06 92 7f 0a 01 01 01 0a 02   .?.4............\n"
    "0020  02 02 1a f5 9c 40 00 00 00 00 00 00 00 00 50 00   .....@........P.\n"
    "0030  20 00 80 9f 00 00 6a 00 06 32 30 32 36 2d 31 32    .....j..2026-12\n"
    "0040  2d 33 31 20 32 33 3a 35 39 3a 35 39 00            -31 23:59:59.\n"
    "\n")


@pytest.mark.parametrize("dump", [WIRESHARK_HEX_ASCII, WIRESHARK_HEX, XXD, XXD_G1, HEXDUMP_C],
                         ids=["wireshark-hex-ascii", "wireshark-hex", "xxd", "xxd-g1",
                              "hexdump-C"])
def test_dumps_read_as_their_bytes(dump):
    assert parse_hex(dump) == BANNED
    assert looks_like_hex(dump.encode())


def test_tshark_dump_of_a_whole_frame():
    frame = parse_hex(TSHARK_X)
    assert len(frame) == 0x4D and frame.endswith(BANNED)


def test_repeated_lines_are_written_out():
    # hexdump -C of pangya.loginservice.server 0x0006 (tests/vectors): '*' stands for copies of
    # the line before it, up to the next offset; 0x242 = 578 bytes
    dump = "".join(
        f"{0x40 * i:08x}  00 00 74 65 73 74 20 {0x31 + i:02x}  00 00 00 00 00 00 00 00  "
        f"|..test {i + 1}........|\n"
        f"{0x40 * i + 0x10:08x}  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  "
        f"|................|\n*\n" for i in range(9)).replace("00000000  00 00", "00000000  06 00")
    dump += "00000240  00 00" + " " * 45 + "|..|\n00000242\n"
    data = parse_hex(dump)
    assert len(data) == 578 and data[:8] == b"\x06\x00test 1"
    assert data[0x40:0x48] == b"\x00\x00test 2" and data[0x48:0x80] == bytes(0x38)
    from pkttools.publish.vectors import load

    assert data == next(v.data for v in load() if v.name == "chat_macros")


def test_xxd_autoskip():
    # xxd -a -c 8 of tmw.login.server 0x0069 with one char-server (tests/vectors)
    dump = ("00000000: 6900 4f00 3e2c 1d4b  i.O.>,.K\n"
            "00000008: 8084 1e00 0d0c 0b0a  ........\n"
            "00000010: 0000 0000 0000 0000  ........\n"
            "*\n"
            "00000028: 0000 0000 0000 02cb  ........\n"
            "00000030: 0071 07ea 1754 6865  .q...The\n"
            "00000038: 204d 616e 6120 576f   Mana Wo\n"
            "00000040: 726c 6400 0000 0000  rld.....\n"
            "00000048: 002a 0000 0000 00    .*.....\n")
    data = parse_hex(dump)
    assert len(data) == 79 and data[0x10:0x2e] == bytes(0x1e) and data[-7:] == b"\x00*" + bytes(5)


def test_a_text_column_that_looks_like_hex_is_ignored():
    # bytes "cafe 00 be" shown by xxd: the text column "cafe..." must not be read as bytes
    dump = "00000000: 6361 6665 2030 3020 6265  cafe 00 be\n"
    assert parse_hex(dump) == b"cafe 00 be"


@pytest.mark.parametrize("text, expected", [
    ("0000 0100 da41", "00000100da41"),       # one line, one space: plain hex
    ("0100 da41\n4243 4445", "0100da4142434445"),  # offsets do not add up: plain hex
    ("dead:beef", "deadbeef"),
])
def test_plain_hex_that_only_looks_like_a_dump(text, expected):
    assert parse_hex(text).hex() == expected


def test_a_dump_whose_offsets_do_not_add_up():
    dump = XXD.replace("00000010:", "00000012:")
    with pytest.raises(UsageError, match="line 2: the dump's offset is 0x12, but the lines "
                                         "before it end at 0x10"):
        parse_hex(dump)


def test_word_dumps_are_refused():
    # `hexdump` without -C (util-linux 2.38.1) shows 16-bit words in the machine's byte order
    # (little-endian here): read as bytes they would come out swapped
    dump = ("0000000 006a 3206 3230 2d36 3231 332d 2031 3332\n"
            "0000010 353a 3a39 3935 0000                    \n"
            "0000017\n")
    with pytest.raises(UsageError, match="hexdump's default format"):
        parse_hex(dump)
