"""Final Fantasy XI world-server layer (pkttools/layers/ffxi.py): cipher, bit coder, datagrams.

Source of the vectors marked LSB: LandSandBoat/server at commit
924877059a516f1b68b27a9c918463124b8ba1f4 (2025-01-16), files src/common/blowfish.cpp,
src/common/zlib.cpp, src/common/md52.cpp, res/compress.dat, res/decompress.dat, the
`initBlowfish` / `incrementBlowfish` of `map_session_data_t` in src/map/map.h, and the steps of
`send_parse` / `map_decipher_packet` / `recv_parse` in src/map/map.cpp (the same steps as
src/map/map_networking.cpp on today's base branch). Those files were compiled outside this
repository with a small driver that called them on the inputs written here (the keys, the
blocks, the packets of tests/vectors/ffxi_world_server.py) and printed the results; only the
printed bytes are kept. Other vectors are made here and say so.
"""

from __future__ import annotations

import hashlib
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pkttools
from pkttools.layers import ffxi
from vectors import ffxi_world_server as V

LOGIN_MYROOM = V.LOGIN_MYROOM.data  # server 0x00A, 0x104 bytes, sync 0x0123
GROUP_LIST2_SHORT = V.GROUP_LIST2_SHORT.data  # server 0x0E2, 0x30 bytes, sync 0x0123
GROUP_LIST2_FULL = V.GROUP_LIST2_FULL.data  # server 0x0E2, 0x38 bytes, sync 0x0124
GROUP_LIST2_NO_NUL = V.GROUP_LIST2_NO_NUL.data  # server 0x0E2, 0x2C bytes, sync 0x0125

# The session key as accounts_sessions.session_key holds it (made up), and the key after one
# zone change: bytes 16-19 read as a little-endian u32, plus 2.
SESSION_KEY = bytes.fromhex("101112131415161718191a1b1c1d1e1f20212223")
NEXT_SESSION_KEY = bytes.fromhex("101112131415161718191a1b1c1d1e1f22212223")


def server_header(server_packet_id: int, client_packet_id: int, timestamp: int) -> bytes:
    """A server datagram header: the three fields send_parse writes, and made-up bytes where
    it leaves its buffer as it was (0x04-0x07, 0x0C-0x1B)."""
    return (struct.pack("<HH", server_packet_id, client_packet_id) + bytes.fromhex("a1a2a3a4")
            + struct.pack("<I", timestamp) + bytes.fromhex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebf"))


# -- Blowfish: the initial tables -------------------------------------------------------------

def test_initial_tables_are_the_digits_of_pi():
    # LandSandBoat's `subkey` table equals the standard Blowfish P-array and S-boxes word for
    # word; these are the standard's first and last values of each.
    words = ffxi._pi_words()
    assert len(words) == 18 + 4 * 256
    assert [hex(w) for w in (words[0], words[1], words[17])] == [
        "0x243f6a88", "0x85a308d3", "0x8979fb1b"]
    assert [hex(words[18 + 256 * box]) for box in range(4)] == [
        "0xd1310ba6", "0x4b7a70e9", "0xe93d5a68", "0x3a39ce37"]
    assert hex(words[-1]) == "0x3ac372e6"


# -- Blowfish: key schedule and blocks (LSB) --------------------------------------------------
# Each key: the P-array after the schedule (18 u32, little-endian), the first 4 words of S0,
# the last 4 of S3, and four blocks enciphered. The last key has bytes of 0x80 and more, which
# the schedule reads sign-extended; the third is a hash cut at its first zero byte.

BLOCKS = bytes.fromhex("0000000000000000" "0123456789abcdef" "ffffffffffffffff" "1c00000000000000")

BLOWFISH_VECTORS = [
    (
        "30313233343536373839616263646566",
        "578e794dd69d622e84d2a83411ed01a7f521b5b36c06c55e1b1925af241a4725"
        "877dfe6e8b132d32dc85388a7a754cd9d0c7856691067a617ed94f8073118dd8"
        "31acf7c33c9fd17b",
        "97d3d111ecd2e2051457e72bee03feff", "42b199a8bb15aaae4ad243c32f534fb1",
        "a96ff7344b2a4d81" "1d1c27c8e458b442" "6d7504c2a95e0427" "29f51841da857754",
    ),
    (
        "1f6098d4697246af6edc4ee252f28c1a",
        "a044f1f9f55881a37c4233cad71c9a31e0706648be5c3f9d6ab5e172ed93ea63"
        "20fd6a8bc52f38fd16861d9237e27d35d810f403237e572c0b1f34d5f3cb0dda"
        "7bb106065f2a2baa",
        "31d8e546f78bd3b6ad2589569c839f0d", "d7654e23bc1c624ae9cb3a0a0ad94232",
        "568d6553467cf271" "be8477a08a6ebc4f" "087d262ed75fc02a" "a2e0f46b85c47618",
    ),
    (
        "d4330000000000000000000000000000",
        "413e0d9ad0a6dd8823235067ed750ca5403df8b173d383ae0b298c6d63e06bf4"
        "a2f8e26ede23bf01c1a1d61486dc9906f6e915fb38a72527f5e331dd032aa006"
        "c743bcfbc76b27d3",
        "3f2c29f5e8ec23fc427e60afe1a02dd7", "0628601ed14694725c7d3a4c6015b748",
        "5dfe796876f3665b" "a20cfa192c8afa89" "42037c1661fccd31" "77cd3c3ca55e5edf",
    ),
    (
        "80ff7f0001fe8081c3c4a5b6e7f80910",
        "8622ea5dd5d6de2a294af96a53499f3e211fce41e85ce814cec6b7d9e9a398a7"
        "f7b466be44390fd75c7821a6a949b1b0b77659e3516665821878a8ca0abde1de"
        "d00fb35a51925b53",
        "e69be08f638e3d808f18300d16af93f5", "6c46cfe2fc21aeda281a8d0c45cfb4fb",
        "5f6fd39d75b8acf4" "612bb51b53af6c4d" "49795cfda6598997" "d433edc0ebb347c2",
    ),
]


@pytest.mark.parametrize("key, p_array, s0_first, s3_last, cipher", BLOWFISH_VECTORS)
def test_blowfish_key_schedule_and_blocks(key, p_array, s0_first, s3_last, cipher):
    bf = ffxi.Blowfish(bytes.fromhex(key))
    assert struct.pack("<18I", *bf._p).hex() == p_array
    assert struct.pack("<4I", *bf._s[0][:4]).hex() == s0_first
    assert struct.pack("<4I", *bf._s[3][-4:]).hex() == s3_last
    assert bf.encrypt(BLOCKS).hex() == cipher
    assert bf.decrypt(bytes.fromhex(cipher)) == BLOCKS


def test_block_halves_are_little_endian_u32():
    bf = ffxi.Blowfish(bytes.fromhex("30313233343536373839616263646566"))
    left, right = bf.encrypt_block(0x67452301, 0xEFCDAB89)  # the bytes 01 23 45 67 89 ab cd ef
    assert struct.pack("<II", left, right).hex() == "1d1c27c8e458b442"
    assert bf.decrypt_block(left, right) == (0x67452301, 0xEFCDAB89)


def test_a_tail_shorter_than_a_block_stays_clear():
    bf = ffxi.Blowfish(bytes.fromhex("30313233343536373839616263646566"))
    data = bytes.fromhex("0123456789abcdef" "aabbccddeeff11")
    assert bf.encrypt(data).hex() == "1d1c27c8e458b442" "aabbccddeeff11"
    assert bf.decrypt(bf.encrypt(data)) == data


# -- Session key to Blowfish key, and the zone-change step (LSB) ------------------------------
# session key -> its Blowfish key (MD5, cut at the first zero byte) -> a block under it; the
# next session key -> its Blowfish key -> the same block under it.

KEY_VECTORS = [
    ("101112131415161718191a1b1c1d1e1f20212223", "1f6098d4697246af6edc4ee252f28c1a",
     "be8477a08a6ebc4f", "101112131415161718191a1b1c1d1e1f22212223",
     "e2eca86e4de2c73d2efe209bb236cfc9", "b8372b020d311368"),
    # MD5 d43300c7837d743f99242e509e3c5797: the zero byte at 2 ends the key
    ("4c53422073657373696f6e206b6579200c000000", "d4330000000000000000000000000000",
     "a20cfa192c8afa89", "4c53422073657373696f6e206b6579200e000000",
     "1c82e1b91cce13af6cd00d7ff6517baa", "3d14890f186d7e6d"),
    # u32 0xfffffffe + 2 wraps to 0
    ("101112131415161718191a1b1c1d1e1ffeffffff", "e7c470d9509831d57ed67eb3814ea2df",
     "1e47222f91a33bc6", "101112131415161718191a1b1c1d1e1f00000000",
     "1dfcc456d6d5d91ea2048379a8419f2e", "20329e9176b003e7"),
]


@pytest.mark.parametrize("session_key, bf_key, block, next_key, next_bf_key, next_block",
                         KEY_VECTORS)
def test_key_derivation_and_step(session_key, bf_key, block, next_key, next_bf_key, next_block):
    session_key = bytes.fromhex(session_key)
    assert ffxi.blowfish_key(session_key).hex() == bf_key
    assert ffxi.cipher(session_key).encrypt(bytes.fromhex("0123456789abcdef")).hex() == block
    assert ffxi.next_session_key(session_key).hex() == next_key
    assert ffxi.blowfish_key(bytes.fromhex(next_key)).hex() == next_bf_key
    assert ffxi.cipher(bytes.fromhex(next_key)).encrypt(
        bytes.fromhex("0123456789abcdef")).hex() == next_block


def test_the_md5_of_the_key_is_plain_md5():
    assert hashlib.md5(bytes.fromhex("4c53422073657373696f6e206b6579200c000000")).hexdigest() \
        == "d43300c7837d743f99242e509e3c5797"


@pytest.mark.parametrize("key", [b"", bytes(19), bytes(21), "00" * 20, None])
def test_a_session_key_is_20_bytes(key):
    with pytest.raises(ffxi.SessionKeyError, match="20 bytes"):
        ffxi.blowfish_key(key)


# -- The bit coder (LSB) ----------------------------------------------------------------------

# zlib_compress of server 0x00A (0x104 bytes) then 0x0E2 (0x30 bytes): the flag byte 01, then
# 1874 bits of codes, LSB first; the bit count 1882 counts the flag's 8 bits.
LOGIN_AND_GROUP_COMPRESSED = bytes.fromhex(
    "0166b10c4ad446a94d315f14c2a540bb9f3d0ebc3279d0cf403215af7db50804"
    "cba090f3000d972429224312689602ff1d157206ee6a01eae97b8f4b0da5950e"
    "03e0087062b175588f45465f17a56ee48c7c8554055e461aa09626509ddd98fb"
    "7bec3a574730d0b0820c8f390c4dd29636327e8ca5e52f917d201aa2211aaa6a"
    "b11d6d4ffa67d74f1e729d5de5061e115ae5f481683897086abf9bb1a25ca709"
    "b8d71109ad5168e8a718d45f9f25eae1c07aa66800bf6f1d8b8668f817f8d65d"
    "9dfe0ddc39c09dd5b14d2783d26b948a6da631592d05ce815f995c1597e80a2b"
    "4ebffba6f4343e021c868c03"
)


def test_compress_known_packets():
    data, bits = ffxi.compress(LOGIN_MYROOM + GROUP_LIST2_SHORT)
    assert (len(data), bits) == (236, 1882)  # 1 + ceil(1874 / 8) bytes
    assert data == LOGIN_AND_GROUP_COMPRESSED
    assert ffxi.decompress(data, bits) == LOGIN_MYROOM + GROUP_LIST2_SHORT


def test_compress_nothing_is_the_flag_alone():
    assert ffxi.compress(b"") == (b"\x01", 8)
    assert ffxi.decompress(b"\x01", 8) == b""


@pytest.mark.parametrize("byte, code", [
    (0x00, "1"), (0x01, "01010"), (0x0A, "0110011"), (0xE2, "000110110110"),
    (0xFF, "010001011000")])
def test_codes_of_some_bytes(byte, code):
    # code bits in the order they are written, first bit = lowest bit of the first byte
    data, bits = ffxi.compress(bytes([byte]))
    written = "".join(str(int.from_bytes(data[1:], "little") >> i & 1) for i in range(bits - 8))
    assert written == code


def test_the_two_tables_agree():
    # compress.dat (codes by byte) and decompress.dat (the decoding tree) are separate files:
    # every byte's code decodes to the byte, and the code is complete (Kraft sum 1).
    codes = ffxi._codes()
    for byte, (code, length) in enumerate(codes.encode):
        assert codes.decode[code] == (byte, length)
    assert sum(2.0 ** -length for _, length in codes.encode) == 1.0
    assert max(length for _, length in codes.encode) == codes.width == 12


def test_decompress_reads_exactly_the_declared_bits():
    # LSB's zlib_decompress walks 8 bits past the data: for this body (0x00B then 0x0E2, made
    # by zlib_compress) it yields 86 bytes, the last two (16 00) from the padding bits and the
    # bit count; the declared 360 bits of codes are the 84 bytes of the two packets.
    compressed = bytes.fromhex("0146191ca2dc63ee6f65f625bafdffd8e6508728b91ba5febf593df0c02f494d"
                               "120187ba53229949004d1240d3ff")
    lsb_output = bytes.fromhex(
        "0b0e240102000000c0a8010a5ed60000000000000000000000000000e21c2401"
        "2e0b01000000000000000000000000000a0100000000050005000000f100044b"
        "052500034b7570697069000000000000000000001600")
    assert ffxi.decompress(compressed, 368) == lsb_output[:-2]
    assert lsb_output[:-2] == LOGOUT + GROUP_LIST2_FULL


@pytest.mark.parametrize("data, bits, message, offset", [
    (b"", 8, "not even the flag byte", 0),
    (b"\x00\xff", 16, "compression flag is 0x00", 0),
    (b"\x01", 7, "less than the 8 bits", 1),
    (b"\x01\x01", 17, "needs 3 bytes of compressed data, only 2", 2),
    # two data bits, 0 then 1 (0x02 read LSB first): the start of the 5-bit code 01010 of 0x01
    (b"\x01\x02", 10, "ends inside a code: 2 bits left after 0 bytes", 1),
])
def test_decompress_errors(data, bits, message, offset):
    with pytest.raises(ffxi.CompressionError, match=message) as info:
        ffxi.decompress(data, bits)
    assert info.value.offset == offset


def test_decompress_stops_past_the_limit():
    data, bits = ffxi.compress(bytes(11))  # eleven 1-bit codes
    assert ffxi.decompress(data, bits, limit=11) == bytes(11)
    with pytest.raises(ffxi.CompressionError, match="exceeds 10 bytes"):
        ffxi.decompress(data, bits, limit=10)


# -- Whole datagrams (LSB) --------------------------------------------------------------------

# 0x0123 server datagram: header, then server 0x00A and 0x0E2 of the pkttools vectors.
PLAIN_LOGIN_GROUP = server_header(0x0123, 0x0045, 1700000000) + LOGIN_MYROOM + GROUP_LIST2_SHORT
# send_parse's steps on it, with SESSION_KEY: compress, u32 bit count, MD5, 32 blocks enciphered
WIRE_LOGIN_GROUP = bytes.fromhex(
    "23014500a1a2a3a400f15365b0b1b2b3b4b5b6b7b8b9babbbcbdbebf64605795"
    "bca7c33845bb9550c9db6d412d5ba9dd440ebdcb36bfea18644f4417e00ed146"
    "df702570f462f8c575bae8f5d2b59910cc537ba6f78f3ef08271193cc68882b9"
    "7e8f9aa142f357f2973a6875de14efc81d2fb59ced6502bc549dab7424b4f610"
    "83c3f808ad41e5cd28cd0a6e80e6a3f2e5bc0b1e5bbe4dcb2231b5cd6babfa5d"
    "39ccd9c3adfa270d743648221b81ba8674d32ba70ba93ade313eea3a8d766665"
    "5dabfa2ef631b21882a1ea975b4342967a36580eca125e75a265b50e5875eb32"
    "5beaf553d39e03754f1518c0f08e81b446597072e36e234847297cf0298d1837"
    "ac55f212574331b7c1d2358f20c3463937d5e92e368f98c7330f7536"
)

# server 0x00B GP_SERV_COMMAND_LOGOUT (made up): size 7 words, sync 0x0124, LogoutState 2 (zone
# change), the next zone's IP and port, 8 zero bytes, cliErrCode 0
LOGOUT = bytes.fromhex("0b0e2401" "02000000" "c0a8010a" "5ed60000" "0000000000000000" "00000000")
PLAIN_LOGOUT = server_header(0x0124, 0x0046, 1700000001) + LOGOUT + GROUP_LIST2_FULL
# with SESSION_KEY: 66 bytes after the header, 8 blocks, the last 2 bytes of the MD5 in clear
WIRE_LOGOUT = bytes.fromhex(
    "24014600a1a2a3a401f15365b0b1b2b3b4b5b6b7b8b9babbbcbdbebf5587e8b2"
    "3b9d87d938950231675ec2e2ab32e91b4657ddc173dad73e2c3c05657ac2782d"
    "2718d3a5fc4321b2387ebb04820f7e1c3ee46a32817f9d202ac8ac32f798"
)

# The first datagram in the next zone, with NEXT_SESSION_KEY (incrementBlowfish's key)
PLAIN_NEXT_ZONE = server_header(0x0125, 0x0002, 1700000009) + GROUP_LIST2_NO_NUL
WIRE_NEXT_ZONE = bytes.fromhex(
    "25010200a1a2a3a409f15365b0b1b2b3b4b5b6b7b8b9babbbcbdbebf22371be8"
    "77d03d19a6f24a3fe529f02a8a0cca8c4ceff204ff217c3905db365ec0fd2e4d"
    "d97d737351f4b9677147e127"
)

# A datagram with no packets: flag byte, bit count 8, MD5 (49 bytes, the smallest)
PLAIN_EMPTY = server_header(0x0126, 0x0047, 1700000002)
WIRE_EMPTY = bytes.fromhex(
    "26014700a1a2a3a402f15365b0b1b2b3b4b5b6b7b8b9babbbcbdbebf317353f5"
    "33911ef64a5a0c093d6c4c0d72dda1038d"
)

# A client datagram: header (client datagram 0x0046, last server datagram 0x0123), then a made-up
# client packet 0x015 of 8 words; with SESSION_KEY, 4 blocks and 6 clear bytes of the MD5.
PLAIN_CLIENT = (bytes.fromhex("46002301") + bytes(24) + bytes.fromhex(
    "152046000000c8c20000e84000002842" "c00400000000000000000000000000f0"))
WIRE_CLIENT = bytes.fromhex(
    "46002301000000000000000000000000000000000000000000000000c803d380"
    "8b3fb9e209d9b3974a1725a9d55229a9f9130effb6f43d9ad7ae194f6344ca13"
    "c737"
)

# The client's zone-in, unencrypted: header (client datagram 1), client 0x00A GP_CLI_LOGIN
# (0x5C bytes, made up: LoginPacketCheck 0x5c, MyPort, MyIP, UniqueNo 0x00010B2C, GrapIDTbl,
# sName "Excenmille", sAccunt "kupo", Ticket, Ver, sPlatform "Win", uCliLang 2), then the MD5
# of the packet. LSB's recv_parse test for an unencrypted 0x00A accepts it.
WIRE_ZONE_IN = bytes.fromhex(
    "0100" "0000" "000000000000000000000000000000000000000000000000"  # header
    "0a2e0100" "5c00" "5ed6" "c0a80114" "2c0b0100"  # 0x00A, size 0x17 words, sync 1; check ...
    "050240104120423043404450056103720080"  # GrapIDTbl[9]
    "457863656e6d696c6c6500000000006b75706f0000000000000000000000"  # sName, sAccunt
    "f0e1d2c3b4a5968778695a4b3c2d1e0f" "1e000000" "57696e00" "0200" "0000"  # Ticket .. dammyArea
    "a56deaaf73b9cfc1aa7747d1138151f0"  # MD5 of the packet
)

LSB_DATAGRAMS = [
    (PLAIN_LOGIN_GROUP, WIRE_LOGIN_GROUP, SESSION_KEY),
    (PLAIN_LOGOUT, WIRE_LOGOUT, SESSION_KEY),
    (PLAIN_NEXT_ZONE, WIRE_NEXT_ZONE, NEXT_SESSION_KEY),
    (PLAIN_EMPTY, WIRE_EMPTY, SESSION_KEY),
    (PLAIN_CLIENT, WIRE_CLIENT, SESSION_KEY),
]


@pytest.mark.parametrize("plain, wire, key", LSB_DATAGRAMS)
def test_datagram_encrypt_and_decrypt(plain, wire, key):
    assert ffxi.encrypt_datagram(plain, key) == wire
    assert ffxi.decrypt_datagram(wire, key) == (plain, 0)


def test_datagram_layout():
    # header in clear, 32 encrypted blocks: compressed data (236 bytes), bit count, MD5
    assert len(WIRE_LOGIN_GROUP) == 0x1C + 236 + 4 + 16 == 284
    assert WIRE_LOGIN_GROUP[:0x1C] == PLAIN_LOGIN_GROUP[:0x1C]
    payload = ffxi.cipher(SESSION_KEY).decrypt(WIRE_LOGIN_GROUP[0x1C:])
    assert payload[:236] == LOGIN_AND_GROUP_COMPRESSED
    assert payload[236:240] == struct.pack("<I", 1882)
    assert payload[240:] == hashlib.md5(payload[:240]).digest()
    # 66 bytes after the header: 64 enciphered, the last 2 (end of the MD5) in clear
    assert WIRE_LOGOUT[-2:] == hashlib.md5(ffxi.cipher(SESSION_KEY).decrypt(
        WIRE_LOGOUT[0x1C:])[:-16]).digest()[-2:] == bytes.fromhex("f798")


def test_plaintext_is_what_the_stream_spec_reads():
    items = pkttools.split("ffxi.world.server", PLAIN_LOGIN_GROUP)
    assert [(type(i).__name__, i.offset, len(i.data)) for i in items] == [
        ("Prologue", 0, 0x1C), ("Frame", 0x1C, 0x104), ("Frame", 0x120, 0x30)]
    header = items[0].to_dict()["fields"]
    assert (header["server_packet_id"], header["client_packet_id"], header["timestamp"]) == (
        0x0123, 0x0045, 1700000000)
    assert [i.packet.name for i in items[1:]] == ["login", "group_list2"]
    assert items[1].packet.fields() == V.LOGIN_MYROOM_FIELDS
    assert items[2].packet.fields() == V.GROUP_LIST2_SHORT_FIELDS


def test_zone_in_datagram():
    plain = ffxi.read_login_datagram(WIRE_ZONE_IN)
    assert plain == WIRE_ZONE_IN[:-16] and len(plain) == 0x1C + 0x5C
    assert ffxi.login_problem(plain) is None
    assert ffxi.login_datagram(plain) == WIRE_ZONE_IN
    assert ffxi.packet_ids(plain) == [0x00A]


@pytest.mark.parametrize("change, problem", [
    (lambda p: p[:0x1C + 4] + b"\x5d" + p[0x1C + 5:], "LoginPacketCheck is 0x5d, the bytes "
                                                      "sum to 0x5c"),
    (lambda p: p[:0x1C] + b"\x0c" + p[0x1C + 1:], "first packet is 0x00C, not 0x00A"),
    (lambda p: p[:0x1C + 0x50], "has 80 bytes, fewer than 92"),
    (lambda p: p[:0x1C], "no packet after the header"),
])
def test_login_problems(change, problem):
    assert problem in ffxi.login_problem(change(WIRE_ZONE_IN[:-16]))


# -- Session: keys, rotation, bad input -------------------------------------------------------

def feed(session, direction, wire):
    (item,) = session.feed(direction, wire)
    assert item.raw == wire and item.offset == 0
    return item


def test_session_follows_a_zone_change():
    session = ffxi.Session(SESSION_KEY)
    first = feed(session, "server", WIRE_LOGIN_GROUP)
    assert (first.plain, first.error, first.note) == (PLAIN_LOGIN_GROUP, None, None)
    assert feed(session, "client", WIRE_CLIENT).plain == PLAIN_CLIENT

    zone_out = feed(session, "server", WIRE_LOGOUT)  # holds 0x00B, still under the old key
    assert zone_out.plain == PLAIN_LOGOUT
    assert zone_out.note == ("server datagram 2: server packet 0x00B sent; the session key "
                             "steps on to 101112131415161718191a1b1c1d1e1f22212223 "
                             "(bytes 16-19 as u32le + 2)")
    assert (session.key, session.previous_key) == (NEXT_SESSION_KEY, SESSION_KEY)

    late = feed(session, "client", WIRE_CLIENT)  # the client had not taken the 0x00B yet
    assert late.plain == PLAIN_CLIENT
    assert late.note == ("client datagram 2: decoded with the previous session key "
                         "101112131415161718191a1b1c1d1e1f20212223 (sent before the zone "
                         "change took effect)")

    zone_in = feed(session, "client", WIRE_ZONE_IN)
    assert (zone_in.plain, zone_in.note) == (WIRE_ZONE_IN[:-16], "unencrypted zone-in (client "
                                                                 "0x00A)")
    assert feed(session, "server", WIRE_NEXT_ZONE).plain == PLAIN_NEXT_ZONE
    assert session.key == NEXT_SESSION_KEY
    assert session.notes == [zone_out.note, late.note]


def test_session_finds_a_step_it_did_not_see():
    session = ffxi.Session(SESSION_KEY)
    item = feed(session, "server", WIRE_NEXT_ZONE)
    assert item.plain == PLAIN_NEXT_ZONE
    assert item.note == ("server datagram 1: decoded with the next session key "
                         "101112131415161718191a1b1c1d1e1f22212223 (its 0x00B was not seen): "
                         "the key has stepped on")
    assert session.key == NEXT_SESSION_KEY


def test_a_resent_zone_out_under_the_previous_key_steps_nothing():
    session = ffxi.Session(SESSION_KEY)
    feed(session, "server", WIRE_LOGOUT)
    again = feed(session, "server", WIRE_LOGOUT)  # LandSandBoat resends 0x00B with the old key
    assert again.plain == PLAIN_LOGOUT and "previous session key" in again.note
    assert session.key == NEXT_SESSION_KEY


def test_session_encode_round_trips_and_steps_like_feed():
    writer, reader = ffxi.Session(SESSION_KEY), ffxi.Session(SESSION_KEY)
    for direction, plain in [("server", PLAIN_LOGIN_GROUP), ("server", PLAIN_LOGOUT),
                             ("client", WIRE_ZONE_IN[:-16]), ("server", PLAIN_NEXT_ZONE)]:
        wire = writer.encode(direction, plain)
        assert feed(reader, direction, wire).plain == plain
    assert writer.key == reader.key == NEXT_SESSION_KEY
    assert writer.encode("client", WIRE_ZONE_IN[:-16]) == WIRE_ZONE_IN  # sent in the clear
    assert ffxi.Session(SESSION_KEY).encode("server", PLAIN_LOGIN_GROUP) == WIRE_LOGIN_GROUP


def test_wrong_key():
    item = feed(ffxi.Session(bytes(20)), "server", WIRE_LOGIN_GROUP)
    assert item.plain is None
    assert item.error == ("server datagram 1: MD5 mismatch after decrypting: wrong key or "
                          "corrupt datagram at offset 268 (0x10c) (tried the current, next "
                          "session keys)")


def test_no_key():
    session = ffxi.Session()
    item = feed(session, "server", WIRE_LOGIN_GROUP)
    assert item.error == "server datagram 1: encrypted, and no session key was given"
    assert feed(session, "client", WIRE_ZONE_IN).plain == WIRE_ZONE_IN[:-16]
    with pytest.raises(ffxi.SessionKeyError, match="needs the session key"):
        session.encode("server", PLAIN_LOGIN_GROUP)


def test_corrupt_byte():
    wire = bytearray(WIRE_LOGIN_GROUP)
    wire[100] ^= 0x40
    item = feed(ffxi.Session(SESSION_KEY), "server", bytes(wire))
    assert item.plain is None and "MD5 mismatch" in item.error


def test_too_short():
    item = feed(ffxi.Session(SESSION_KEY), "server", WIRE_EMPTY[:48])
    assert item.error == ("server datagram 1: 48 bytes is shorter than the 49 bytes of an "
                          "encrypted datagram (header, flag byte, bit count, MD5) at offset 48 "
                          "(0x30)")


def seal(header: bytes, payload: bytes, key: bytes = SESSION_KEY) -> bytes:
    """A datagram whose MD5 is right over any payload (compressed data and bit count)."""
    return header + ffxi.cipher(key).encrypt(payload + hashlib.md5(payload).digest())


def test_decompression_overrun():
    # bit count 0x1000 over a single data byte: the MD5 is right, the bit count is not
    wire = seal(PLAIN_EMPTY, b"\x01\x00" + struct.pack("<I", 0x1000))
    item = feed(ffxi.Session(SESSION_KEY), "server", wire)
    assert item.plain is None
    assert item.error == ("server datagram 1: bit count 4096 needs 512 bytes of compressed data, "
                          "only 2 are there (the decompression would overrun) at offset 30 "
                          "(0x1e) (the MD5 matched the current key)")


def test_decompression_over_the_buffer():
    data, bits = ffxi.compress(bytes(2500))  # 2500 one-bit codes: more than LSB's buffer holds
    item = feed(ffxi.Session(SESSION_KEY), "server",
                seal(PLAIN_EMPTY, data + struct.pack("<I", bits)))
    assert item.plain is None and "exceeds 2499 bytes" in item.error
    with pytest.raises(ffxi.DatagramError, match="at most 2499"):
        ffxi.Session(SESSION_KEY).encode("server", PLAIN_EMPTY + bytes(2500))


def test_bad_flag_byte():
    item = feed(ffxi.Session(SESSION_KEY), "server",
                seal(PLAIN_EMPTY, b"\x02" + struct.pack("<I", 8)))
    assert "compression flag is 0x02, not 0x01 at offset 28" in item.error


def test_unused_bytes_before_the_bit_count_are_noted():
    data, bits = ffxi.compress(GROUP_LIST2_NO_NUL)
    wire = seal(PLAIN_NEXT_ZONE[:0x1C], data + b"\xee\xee" + struct.pack("<I", bits))
    item = feed(ffxi.Session(SESSION_KEY), "server", wire)
    assert item.plain == PLAIN_NEXT_ZONE
    assert item.note == ("server datagram 1: 2 bytes between the compressed data and the bit "
                         "count are not covered by the bit count (kept in raw only)")


def test_unencrypted_datagram_that_is_not_a_zone_in():
    plain = PLAIN_CLIENT
    item = feed(ffxi.Session(SESSION_KEY), "client", ffxi.login_datagram(plain))
    assert item.plain is None
    assert item.error == ("client datagram 1: unencrypted (its MD5 checks in the clear) but not "
                          "a zone-in: its first packet is 0x015, not 0x00A")


def test_usage_errors_raise():
    with pytest.raises(ffxi.SessionKeyError):
        ffxi.Session(bytes(16))
    with pytest.raises(ffxi.FfxiLayerError, match="direction"):
        ffxi.Session(SESSION_KEY).feed("up", WIRE_EMPTY)
    with pytest.raises(ffxi.DatagramError, match="28-byte header"):
        ffxi.Session(SESSION_KEY).encode("server", bytes(27))
    assert ffxi.Session(SESSION_KEY).close("server") == []


def test_layer_service():
    assert ffxi.LAYER_SERVICE == "ffxi.world"


# -- Properties -------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(direction=st.sampled_from(["client", "server"]),
       data=st.one_of(st.binary(max_size=120),
                      st.binary(min_size=1, max_size=64).map(
                          lambda tail: WIRE_LOGIN_GROUP[:-len(tail)] + tail),
                      st.binary(max_size=64).map(lambda payload: seal(PLAIN_EMPTY, payload))))
def test_random_datagrams_never_raise(direction, data):
    session = ffxi.Session(SESSION_KEY)
    (item,) = session.feed(direction, data)
    assert item.raw == data
    assert (item.plain is None) != (item.error is None)


@settings(max_examples=60, deadline=None)
@given(direction=st.sampled_from(["client", "server"]),
       plain=st.binary(min_size=0x1C, max_size=400))
def test_any_plaintext_round_trips(direction, plain):
    writer, reader = ffxi.Session(SESSION_KEY), ffxi.Session(SESSION_KEY)
    wire = writer.encode(direction, plain)
    assert feed(reader, direction, wire).plain == plain
