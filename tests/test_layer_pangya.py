"""The PangYa LoginService layer (pkttools/layers/pangya.py): the transport under the payloads.

Vectors: pangbox/pangcrypt's own tests (client_test.go and server_test.go at commit
2bf7a1d36591, ISC) and the hello frame of its README; hsreina/pangya-server's hello
(src/Server/Login/LoginServer.pas); tests/data/pangya/, the example payloads of
examples/pangya/loginservice/ encrypted by pangcrypt itself (see its README); and the same
payloads through the layer's own encoder.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import random

import pytest

import pkttools
from pkttools.layers import pangya
from pkttools.layers.pangya import (Decoded, PangyaDecompressError, PangyaFrameError,
                                    PangyaKeyError, PangyaLayerError, Session)

from conftest import ROOT

DATA = ROOT / "tests" / "data" / "pangya"
LOGIN = ROOT / "examples" / "pangya" / "loginservice"


# -- the tables ---------------------------------------------------------------------------------

def test_tables_are_pangcrypts():
    data = (ROOT / "pkttools" / "layers" / "data" / "pangya_keys.bin").read_bytes()
    assert hashlib.sha256(data).hexdigest() == \
        "003d0b42f9fc1e2fb3b9dc37d23bbe1ff018669ea81bf0068abfaea4942b7133"
    # pangcrypt common.go: cryptTable[0] starts 0x00, 0x01, 0x29, 0x23, 0xBE ...,
    # cryptTable[1] starts 0x00, 0x01, 0x55, 0x27, 0x9F ... (SuperSS-Dev: "Key 1", "Key 2").
    assert pangya.MASK[:5] == bytes.fromhex("00 01 29 23 be")
    assert pangya.SEED[:5] == bytes.fromhex("00 01 55 27 9f")


def test_check_byte():
    # pangcrypt client vectors: salt 0x34 key 0 -> f0; salt 0x07 key 5 -> 5b.
    assert pangya.check_byte(0, 0x34) == 0xF0
    assert pangya.check_byte(5, 0x07) == 0x5B
    assert pangya.keys_for_check(0x07, 0x5B) == (5,)
    # Salt 0x03: keys 0x0b and 0x0d share the check byte; salts 0 and 1 fit every key.
    assert pangya.keys_for_check(0x03, pangya.check_byte(0x0B, 0x03)) == (0x0B, 0x0D)
    assert pangya.keys_for_check(0x00, 0x00) == tuple(range(16))
    assert pangya.keys_for_check(0x01, 0x00) == tuple(range(16))


def test_check_byte_statistics():
    """Over all 256 salts: how often one frame's check byte names the key."""
    groups = {1: 0, 2: 0, 3: 0, 16: 0}
    for salt in range(256):
        largest = max(len(pangya.keys_for_check(salt, pangya.check_byte(k, salt)))
                      for k in range(16))
        groups[largest] += 1
    assert groups == {1: 159, 2: 93, 3: 2, 16: 2}


# -- client frames: pangcrypt client_test.go ----------------------------------------------------

CLIENT_VECTORS = [
    (0,  # a made-up packet
     "34 22 00 00 f0 00 00 02 c6 00 68 67 74 6c 04 0a 0e 4c 1b 00 05 4c 13 52"
     "6d 6c 64 34 1f 31 32 3e 2e 01 1c 07 00 01",
     "00 00 02 0d 00 68 65 79 6c 6c 6f 77 20 77 6f 72 6c 64 3d 1f 00 00 09 00"
     "31 32 37 2e 30 2e 30 2e 31"),
    (5,  # login: "john", MD5 of "test"
     "07 3c 00 00 5b 01 00 04 47 6b 6f 6c 6e 4a 6f 58 57 18 46 06 7b 7b 02 02"
     "74 71 75 70 05 05 02 07 72 73 76 77 04 7c 76 06 73 0a 04 70 02 74 01 42"
     "34 46 36 00 00 00 00 00 00 00 00 00 00 00 00 00",
     "01 00 04 00 6a 6f 68 6e 20 00 30 39 38 46 36 42 43 44 34 36 32 31 44 33"
     "37 33 43 41 44 45 34 45 38 33 32 36 32 37 42 34 46 36 00 00 00 00 00 00"
     "00 00 00 00 00 00 00 00 00 00 00"),
    (5,  # select server 0x4eea
     "11 07 00 00 6e 03 00 ea cf 03 00",
     "03 00 ea 4e 00 00"),
]


@pytest.mark.parametrize("key, wire, plain", CLIENT_VECTORS)
def test_pangcrypt_client_vectors(key, wire, plain):
    wire, plain = bytes.fromhex(wire), bytes.fromhex(plain)
    assert wire[0] != 0 and int.from_bytes(wire[1:3], "little") == len(wire) - 4  # salt, length
    assert pangya.decrypt_client(wire, key) == plain
    assert pangya.encrypt_client(plain, key, wire[0]) == wire


def test_client_login_shows_through_the_chain():
    """pangcrypt's README: the last MD5 digits stay readable, because the chain XORs each byte
    with the plain byte 4 before it, and the login's zero padding repeats."""
    wire = bytes.fromhex(CLIENT_VECTORS[1][1])
    assert wire[48:51] == b"4F6"


# -- server frames: pangcrypt server_test.go ----------------------------------------------------

MACROS = b"\x06\x00" + b"".join(b"Pangya!".ljust(64, b"\x00") for _ in range(8)) + bytes(64)

SERVER_VECTORS = [
    (0,
     "ee 13 00 fb 00 00 00 36 1b 96 00 f5 fb 63 05 ff e0 f5 05 11 00 00",
     bytes.fromhex("96 00 ff e0 f5 05 00 00 00 00")),
    (7,  # login status 1
     "49 10 00 20 00 00 00 88 18 01 00 06 18 01 00 01 11 00 00",
     bytes.fromhex("01 00 01 00 00 00 00")),
    (5,  # chat macros: eight "Pangya!", one empty; 578 bytes in 43
     "23 2b 00 aa 00 00 02 13 07 06 02 14 66 68 67 29 00 4f 67 59 76 23 00 70"
     "76 22 00 ce 9d 20 20 89 20 07 25 17 dc 07 05 00 00 00 00 11 00 00",
     MACROS),
    (5,  # login success for "john"
     "84 25 00 45 00 00 00 58 09 01 00 27 0d 01 6a 6f 6c 6e de 7f 68 43 b4 10"
     "09 25 00 6a 66 60 6e 1e 0a 1b 1a 74 65 62 74 00",
     bytes.fromhex("01 00 00 04 00 6a 6f 68 6e b4 10 00 00 00 00 00 00 00 00 00 00 00 00 00"
                   "00 00 00 08 00 6a 6f 68 6e 74 65 73 74 00 00")),
]


@pytest.mark.parametrize("key, wire, plain", SERVER_VECTORS)
def test_pangcrypt_server_vectors(key, wire, plain):
    wire = bytes.fromhex(wire)
    assert int.from_bytes(wire[1:3], "little") == len(wire) - 3
    assert pangya.decrypt_server(wire, key) == plain
    size, compressed = pangya.open_server(wire, key)
    assert size == len(plain)
    # Re-encrypting pangcrypt's compressed bytes gives its frame byte for byte ...
    assert pangya.seal_server(compressed, size, key, wire[0]) == wire
    # ... and the layer's own compression gives the same header and the same plaintext.
    ours = pangya.encrypt_server(plain, key, wire[0])
    assert ours[0] == wire[0] and ours[3] == wire[3]
    assert pangya.decrypt_server(ours, key) == plain


def test_server_header_of_the_macro_vector():
    wire = bytes.fromhex(SERVER_VECTORS[2][1])
    assert wire[0] == 0x23  # salt
    assert wire[1:3] == bytes.fromhex("2b 00")  # 43 body bytes
    assert wire[3] == pangya.check_byte(5, 0x23) == 0xAA
    assert wire[4:7] == bytes.fromhex("00 00 02")  # size // 255 = 2, in the clear
    assert wire[7] ^ pangya.SEED[5 << 8 | 0x23] == 0x44  # size % 255 = 68, under SEED
    assert pangya.decode_size(bytes.fromhex("00 00 02 44")) == 578


@pytest.mark.parametrize("size, field", [
    (0, "00 00 00 00"), (7, "00 00 00 07"), (254, "00 00 00 fe"), (255, "00 00 01 00"),
    (578, "00 00 02 44"), (65024, "00 00 fe fe"),
    # From 65025 on pangcrypt writes 00 01 00 00 (digits wrapped at 255); SuperSS-Dev, whose
    # server real clients use, writes size // 255 as a big-endian u3.
    (65025, "00 00 ff 00"), (70000, "00 01 12 82")])
def test_size_field(size, field):
    assert pangya.encode_size(size) == bytes.fromhex(field)
    assert pangya.decode_size(bytes.fromhex(field)) == size


def test_pangcrypt_error_cases():
    with pytest.raises(PangyaKeyError, match="key 16 is outside 0..15"):
        pangya.encrypt_client(b"", 0x10, 0)
    with pytest.raises(PangyaKeyError, match="key 16 is outside 0..15"):
        pangya.decrypt_client(bytes.fromhex("00 01 00 00 00"), 0x10)
    with pytest.raises(PangyaKeyError):
        pangya.decrypt_server(bytes.fromhex("00 05 00 00 00 00 00 01"), 0x10)
    with pytest.raises(PangyaFrameError, match="client frame of 0 bytes is shorter"):
        pangya.decrypt_client(b"", 0)
    with pytest.raises(PangyaFrameError, match="server frame of 0 bytes is shorter"):
        pangya.decrypt_server(b"", 0)
    # pangcrypt: "00 01 00 00 00 00 00 01 ff" fails in LZO ("EOF"); its length field (1) is
    # not its length, which the layer says first ...
    with pytest.raises(PangyaFrameError, match=r"the length field \(offset 1\) is 1, but the "
                                               r"body has 6 bytes"):
        pangya.decrypt_server(bytes.fromhex("00 01 00 00 00 00 00 01 ff"), 0)
    # ... and with the length right, the LZO stream is what breaks.
    with pytest.raises(PangyaDecompressError, match=r"the 1-byte LZO1X stream is broken: "
                                                     r"InputOverrun \(the stream ends early\)"):
        pangya.decrypt_server(bytes.fromhex("00 06 00 00 00 00 00 01 ff"), 0)


def test_check_byte_refuses_a_wrong_key():
    wire = bytes.fromhex(CLIENT_VECTORS[2][1])  # key 5, salt 0x11, check byte 0x6e
    with pytest.raises(PangyaFrameError, match=r"check byte 0x6e \(offset 4\) does not fit key "
                                               r"0x04 with salt 0x11 \(expects 0x"):
        pangya.decrypt_client(wire, 4)


def test_decompression_overrun():
    plain = bytes.fromhex("01 00 00 04 00 6a 6f 68 6e")
    wire = pangya.seal_server(pangya.compress(plain), len(plain) - 1, 5, 0x84)
    with pytest.raises(PangyaDecompressError, match=r"gives 9 bytes, the size field says 8 "
                                                    r"\(overrun\)"):
        pangya.decrypt_server(wire, 5)
    short = pangya.seal_server(pangya.compress(plain), len(plain) + 4, 5, 0x84)
    with pytest.raises(PangyaDecompressError, match=r"says 13 \(short\)"):
        pangya.decrypt_server(short, 5)
    # A size field no 3-byte stream can reach (11 00 00 is the empty stream): refused before
    # any buffer is made.
    with pytest.raises(PangyaDecompressError, match="the size field says 4278190080 bytes, "
                                                    "more than a 3-byte LZO1X stream can hold"):
        pangya.decompress(bytes.fromhex("11 00 00"), pangya.decode_size(b"\xff\xff\xff\xff"))
    assert pangya.decompress(bytes.fromhex("11 00 00"), 0) == b""


# -- the hello ----------------------------------------------------------------------------------

HELLO_PANGCRYPT = bytes.fromhex("00 0b 00 00 00 00 0c 00 00 00 75 27 00 00")  # its README
HELLO_HSREINA = bytes.fromhex("00 0b 00 00 00 00 05 00 00 00 0f 27 00 00")  # key byte 5


@pytest.mark.parametrize("frame, key, uid", [(HELLO_PANGCRYPT, 12, 10101),
                                             (HELLO_HSREINA, 5, 9999)],
                         ids=["pangcrypt", "hsreina"])
def test_hello(frame, key, uid):
    payload, found = pangya.read_hello(frame)
    assert found == key and payload == frame[4:]
    fields = pkttools.parse("pangya.loginservice.server", payload, strict=True).fields()
    assert fields["key"] == key and fields["server_uid"] == uid
    assert pangya.frame_hello(payload) == frame


def test_an_encrypted_frame_with_salt_0_is_no_hello():
    wire = pangya.encrypt_server(bytes.fromhex("01 00 da"), 0x0B, 0x00)
    assert wire[:4] == bytes.fromhex("00 0c 00 00")  # the hello's first bytes, almost
    assert pangya.read_hello(wire) is None
    assert pangya.read_hello(HELLO_PANGCRYPT[:-1]) is None  # length field disagrees


# -- sessions on pangcrypt's bytes --------------------------------------------------------------

# tests/data/pangya/README.md: offset, length, salt, payload (key 0x0b).
CLIENT_FRAMES = [
    (0, 64, 0x03, "client/GB.R7.852.00/0001-181018.1255-0000-7af0.bin"),
    (64, 7, 0x00, "client/TH.R6.829.01/0004-190812.1704-0000-6516.bin"),
    (71, 16, 0x01, "client/TH.R6.829.01/0006-190812.0138-0005-27ef.bin"),
    (87, 16, 0x5A, "client/TH.R6.829.01/0007-190812.0138-0003-6a0f.bin"),
    (103, 13, 0xC4, "client/TH.R6.829.01/0008-190812.0139-0007-9e06.bin"),
    (116, 11, 0x77, "client/GB.R7.852.00/0003-181018.1255-0006-036b.bin"),
    (127, 29, 0xE9, "client/Pangbox/000b-190817-1320-0000-101b.bin"),
]
SERVER_FRAMES = [
    (14, 19, 0x09, "server/TH.R6.829.01/0001-190812.0136-0000-379a.bin"),
    (33, 19, 0x00, "server/TH.R6.829.01/0001-190812.0136-0000-9b10.bin"),
    (52, 19, 0x1A, "server/TH.R6.829.01/0001-190812.0136-0002-6b25.bin"),
    (71, 15, 0x20, "server/TH.R6.829.01/0001-190812.0138-0006-ceeb.bin"),
    (86, 43, 0x2B, "server/TH.R6.829.01/0001-190812.0139-000a-48a8.bin"),
    (129, 381, 0xA5, "server/TH.R6.829.01/0002-190812.0431-0003-0803.bin"),
    (510, 104, 0x3C, "server/TH.R6.829.01/0009-181031.0013-9dcc.0000.dafc.0004-61a3.bin"),
    (614, 98, 0xF0, "server/TH.R6.829.01/0009-190812.0316-fe16.0000.eede.0004-3be3.bin"),
]
HELLO_0B = bytes.fromhex("00 0b 00 00 00 00 0b 00 00 00 75 27 00 00")


def wire(name: str) -> bytes:
    return (DATA / f"pangcrypt_{name}.bin").read_bytes()


def payload(path: str) -> bytes:
    return (LOGIN / path).read_bytes()


def parses(direction: str, plain: bytes) -> bool:
    """The `check` a capture gives the layer: the plaintext is one whole packet."""
    try:
        pkttools.parse(f"pangya.loginservice.{direction}", plain, strict=True)
    except pkttools.PacketError:
        return False
    return True


def feed_in(session: Session, direction: str, data: bytes, sizes) -> list[Decoded]:
    out, pos = [], 0
    for size in sizes:
        out += session.feed(direction, data[pos:pos + size])
        pos += size
    out += session.feed(direction, data[pos:])
    return out + session.close(direction)


def chunkings(data: bytes):
    rng = random.Random(len(data))
    yield "whole", [len(data)]
    yield "bytes", [1] * len(data)
    yield "random", [rng.randint(1, 40) for _ in range(len(data) // 8)]


def test_pangcrypt_files():
    assert hashlib.sha256(wire("client")).hexdigest() == \
        "f291019438269cdaee956ec06613c9bf48d1fd9266d000478a46b8e7ae96e9ef"
    assert hashlib.sha256(wire("server")).hexdigest() == \
        "5b1e108c1511285b5acb764cb7e6351e9286dc43273eeae35789c5838f04e755"
    assert wire("server")[:14] == HELLO_0B


@pytest.mark.parametrize("how", ["whole", "bytes", "random"])
def test_pangcrypt_connection_with_hello(how):
    session = Session()
    server, client = wire("server"), wire("client")
    sizes = dict(chunkings(server))[how]
    items = feed_in(session, "server", server, sizes)
    items += feed_in(session, "client", client, dict(chunkings(client))[how])
    assert session.notes == ["hello: key 0x0b"] and session.key == 0x0B
    hello, *rest = items
    assert (hello.offset, hello.raw, hello.plain, hello.note) == \
        (0, HELLO_0B, HELLO_0B[4:], "hello: key 0x0b")
    expected = SERVER_FRAMES + CLIENT_FRAMES
    assert [(i.offset, len(i.raw), i.raw[0], i.plain, i.error) for i in rest] == \
        [(off, n, salt, payload(path), None) for off, n, salt, path in expected]
    # The decrypted stream parses fully, hello included.
    assert all(parses(d, i.plain) for d, i in zip(["server"] * 9 + ["client"] * 7, items))


def test_pangcrypt_client_side_alone_waits_for_the_fourth_frame():
    """No hello, no check: frame 1 (salt 0x03) fits keys 0x0b and 0x0d and reads differently
    under each, frames 2 and 3 (salts 0 and 1) fit every key; all wait behind frame 1 until
    frame 4 (salt 0x5a) names the key."""
    session, client = Session(), wire("client")
    fed = 0
    while not (out := session.feed("client", client[fed:fed + 1])):
        fed += 1
    assert fed + 1 == 103  # the end of frame 4
    assert [i.offset for i in out] == [0, 64, 71, 87]
    assert out[3].note == "key 0x0b found by trial after 4 frame(s)"
    assert session.notes == ["no hello seen: finding the key by trial",
                             "key 0x0b found by trial after 4 frame(s)"]


@pytest.mark.parametrize("how", ["whole", "bytes", "random"])
def test_pangcrypt_client_side_alone(how):
    client = wire("client")
    items = feed_in(Session(), "client", client, dict(chunkings(client))[how])
    assert [(i.offset, i.plain) for i in items] == \
        [(off, payload(path)) for off, _, _, path in CLIENT_FRAMES]


def test_pangcrypt_client_side_with_check_finds_the_key_at_once():
    session = Session(check=parses)
    items = session.feed("client", wire("client"))
    assert session.key == 0x0B
    assert items[0].note == "key 0x0b found by trial after 1 frame(s)"
    assert [i.plain for i in items] == [payload(path) for *_, path in CLIENT_FRAMES]


@pytest.mark.parametrize("check", [None, parses])
@pytest.mark.parametrize("how", ["whole", "bytes", "random"])
def test_pangcrypt_connection_without_hello(check, how):
    """A capture that starts after the hello: the server's first frame (salt 0x09: keys 0x0b
    and 0x0f by the check byte) names the key through its LZO stream alone."""
    session = Session(check=check)
    server = wire("server")[14:]
    items = feed_in(session, "server", server, dict(chunkings(server))[how])
    items += feed_in(session, "client", wire("client"),
                     dict(chunkings(wire("client")))[how])
    assert session.notes == [
        "the server stream does not start with a hello: finding the key by trial",
        "key 0x0b found by trial after 1 frame(s)"]
    expected = [(off - 14, n, path) for off, n, _, path in SERVER_FRAMES] + \
        [(off, n, path) for off, n, _, path in CLIENT_FRAMES]
    assert [(i.offset, len(i.raw), i.plain) for i in items] == \
        [(off, n, payload(path)) for off, n, path in expected]


def test_given_key():
    session = Session(0x0B)
    items = session.feed("server", wire("server")[14:]) + session.feed("client", wire("client"))
    assert session.notes == ["key 0x0b given"]
    assert [i.plain for i in items] == \
        [payload(path) for *_, path in SERVER_FRAMES + CLIENT_FRAMES]


def test_a_wrong_key_keeps_every_byte_and_says_why():
    session = Session(0x03)
    server = wire("server")
    items = session.feed("server", server) + session.close("server")
    assert items[0].note == "hello: key 0x0b, but key 0x03 was given and is kept"
    assert sum(len(i.raw) for i in items) == len(server)
    # Salt 0x00 makes the same bytes under every key: that frame still reads.
    assert [i.plain is not None for i in items[1:]] == \
        [salt == 0x00 for _, _, salt, _ in SERVER_FRAMES]
    assert items[1].error == ("server frame: check byte 0x86 (offset 3) does not fit key 0x03 "
                              f"with salt 0x09 (expects 0x{pangya.check_byte(3, 9):02x})")


# -- sessions on the layer's own encoding -------------------------------------------------------

EXAMPLES = {
    "client": sorted((LOGIN / "client").rglob("*.bin")),
    "server": sorted((LOGIN / "server").rglob("*.bin")),
}


def test_every_example_round_trips_under_every_key():
    """Each of the 15 payloads under all 16 keys and 16 salts (salt 0x00 to 0xff step 17)."""
    count = 0
    for direction, paths in EXAMPLES.items():
        encrypt = pangya.encrypt_client if direction == "client" else pangya.encrypt_server
        decrypt = pangya.decrypt_client if direction == "client" else pangya.decrypt_server
        for path in paths:
            plain = path.read_bytes()
            for key in range(16):
                for salt in range(0, 256, 17):
                    assert decrypt(encrypt(plain, key, salt), key) == plain, (path, key, salt)
                    count += 1
    assert count == 15 * 16 * 16


def encoded_connection(key: int, seed: int) -> tuple[bytes, bytes]:
    """The example payloads as one connection, encoded by a session: hello, then frames."""
    session = Session(key)
    rng = random.Random(seed)
    hello = bytes.fromhex("00 00") + key.to_bytes(4, "little") + bytes.fromhex("75 27 00 00")
    server = session.encode("server", hello) + b"".join(
        session.encode("server", p.read_bytes(), salt=rng.randrange(256))
        for p in EXAMPLES["server"])
    client = b"".join(session.encode("client", p.read_bytes(), salt=rng.randrange(256))
                      for p in EXAMPLES["client"])
    return server, client


@pytest.mark.parametrize("key", [0x00, 0x07, 0x0F])
@pytest.mark.parametrize("hello", [True, False])
@pytest.mark.parametrize("how", ["whole", "bytes", "random"])
def test_encoded_connection_reads_back(key, hello, how):
    server, client = encoded_connection(key, seed=key)
    assert server[:4] == bytes.fromhex("00 0b 00 00") and server[6] == key
    if not hello:
        server = server[14:]
    session = Session(check=parses)
    out_server = feed_in(session, "server", server, dict(chunkings(server))[how])
    out_client = feed_in(session, "client", client, dict(chunkings(client))[how])
    plains = [p.read_bytes() for p in EXAMPLES["server"]]
    assert [i.plain for i in out_server] == ([server[4:14]] if hello else []) + plains
    assert [i.plain for i in out_client] == [p.read_bytes() for p in EXAMPLES["client"]]
    assert session.key == key
    assert session.notes[-1] == (f"hello: key 0x{key:02x}" if hello else
                                 f"key 0x{key:02x} found by trial after 1 frame(s)")


def test_encode_needs_a_key_except_for_the_hello():
    client = Session()
    with pytest.raises(PangyaKeyError, match="no key to encrypt with"):
        client.encode("client", b"\x04\x00")
    client.feed("server", HELLO_PANGCRYPT)
    frame = client.encode("client", b"\x04\x00", salt=0x42)
    assert frame == pangya.encrypt_client(b"\x04\x00", 12, 0x42)
    assert client.feed("client", frame)[0].plain == b"\x04\x00"


def test_a_server_takes_the_key_of_the_hello_it_sends():
    server = Session()
    assert server.encode("server", HELLO_PANGCRYPT[4:]) == HELLO_PANGCRYPT  # in the clear
    assert server.key == 12 and server.notes == ["hello sent: key 0x0c"]
    frame = server.encode("server", bytes.fromhex("01 00 da"), salt=0x42)
    assert pangya.decrypt_server(frame, 12) == bytes.fromhex("01 00 da")
    given = Session(5)  # a key given stays: the hello is sent as it is
    assert given.encode("server", HELLO_PANGCRYPT[4:]) == HELLO_PANGCRYPT and given.key == 5


def liblzo2():
    name = ctypes.util.find_library("lzo2")
    if name is None:
        pytest.skip("liblzo2 is not installed (Debian liblzo2-2; setup.sh installs it as root)")
    lib = ctypes.CDLL(name)
    # lzo_init(): version, then the sizes of short, int, long, lzo_uint32_t, lzo_uint,
    # lzo_sizeof_dict_t, char*, lzo_voidp, lzo_callback_t (LZO 2.10, LP64).
    assert lib.__lzo_init_v2(0x20A0, 2, 4, 8, 4, 8, 8, 8, 8, 48) == 0
    return lib


def test_the_reference_lzo_reads_what_the_layer_compresses():
    """The client decompresses with (mini)LZO's lzo1x_decompress; liblzo2's safe variant must
    read every compressed example back."""
    lib = liblzo2()
    for path in EXAMPLES["server"] + EXAMPLES["client"]:
        plain = path.read_bytes()
        data = pangya.compress(plain)
        out = ctypes.create_string_buffer(len(plain) + 64)
        size = ctypes.c_size_t(len(out))
        assert lib.lzo1x_decompress_safe(data, ctypes.c_size_t(len(data)), out,
                                         ctypes.byref(size), None) == 0, path
        assert out.raw[:size.value] == plain, path


# -- finding the key: ambiguity -----------------------------------------------------------------

def login_frames(salts, key=0x0B) -> bytes:
    plain = payload("client/GB.R7.852.00/0001-181018.1255-0000-7af0.bin")
    return b"".join(pangya.encrypt_client(plain, key, s) for s in salts)


def test_ambiguous_frames_wait_for_the_key_then_come_out_in_order():
    session = Session()
    assert session.feed("client", login_frames([0x03, 0x00])) == []
    assert session.candidates == {0x0B, 0x0D}
    items = session.feed("client", login_frames([0x5A]))
    assert [(i.offset, i.error) for i in items] == [(0, None), (64, None), (128, None)]
    assert session.key == 0x0B


def test_frames_that_read_the_same_under_every_candidate_come_out_at_once():
    session = Session()
    (item,) = session.feed("client", login_frames([0x00]))
    assert item.plain is not None and item.error is None
    assert item.note == "key not known yet (0x00-0x0f): the frame reads the same under 0x00-0x0f"
    assert session.key is None and len(session.candidates) == 16


def test_the_hold_is_bounded():
    session = Session(hold_limit=2)
    assert session.feed("client", login_frames([0x03, 0x03])) == []
    (first,) = session.feed("client", login_frames([0x03]))
    assert first.offset == 0 and first.plain is None and first.raw == login_frames([0x03])
    assert first.error == ("key ambiguous: the frame reads differently under 0x0b, 0x0d; give "
                           "the key to decode it")
    rest = session.close("client")
    assert [i.offset for i in rest] == [64, 128] and all(i.plain is None for i in rest)
    assert session.notes[-1] == "key still ambiguous among 0x0b, 0x0d after 3 frame(s)"


def test_the_check_decides_what_the_check_byte_cannot():
    session = Session(check=parses)
    (item,) = session.feed("client", login_frames([0x03]))
    assert session.key == 0x0B and item.error is None


def test_the_other_direction_can_decide_held_frames():
    session = Session()
    assert session.feed("client", login_frames([0x03])) == []
    server = pangya.encrypt_server(bytes.fromhex("01 00 da"), 0x0B, 0x20)
    assert session.feed("server", server)[0].plain == bytes.fromhex("01 00 da")
    assert session.key == 0x0B
    (held,) = session.feed("client", b"")
    assert held.plain == payload("client/GB.R7.852.00/0001-181018.1255-0000-7af0.bin")


def test_a_check_that_raises_means_no():
    def broken(direction, plain):
        raise ValueError("boom")

    session = Session(check=broken)
    items = session.feed("server", pangya.encrypt_server(bytes.fromhex("01 00 da"), 9, 0x20))
    assert items[0].plain == bytes.fromhex("01 00 da") and session.key == 9


def test_a_corrupt_frame_narrows_nothing():
    session = Session()
    bad = bytearray(pangya.encrypt_server(bytes.fromhex("01 00 da"), 0x0B, 0x20))
    bad[3] ^= 0xFF  # the check byte now fits no key
    (item,) = session.feed("server", bytes(bad))
    assert item.plain is None
    assert item.error == f"server frame: check byte 0x{bad[3]:02x} (offset 3) fits none of the " \
        "candidate keys (0x00-0x0f)"
    assert len(session.candidates) == 16
    # A broken LZO stream under the keys whose check byte fits: each says why.
    bad = bytearray(pangya.encrypt_server(bytes.fromhex("01 00 da") * 20, 0x0B, 0x20))
    bad[12] ^= 0x40
    (item,) = session.feed("server", bytes(bad))
    assert item.error == (
        "server frame: the check byte fits 0x06, 0x0b, but under 0x06 the 11-byte LZO1X stream "
        "is broken: LookbehindOverrun (a match reaches before the start); under 0x0b the "
        "11-byte LZO1X stream is broken: LookbehindOverrun (a match reaches before the start)")
    assert len(session.candidates) == 16


# -- bad input ----------------------------------------------------------------------------------

def test_a_corrupt_frame_is_skipped_by_its_length():
    server = wire("server")
    corrupt = bytearray(server)
    corrupt[14 + 12] ^= 0x40  # inside the LZO stream of the first encrypted frame
    session = Session()
    items = session.feed("server", bytes(corrupt)) + session.close("server")
    assert [i.offset for i in items] == [0] + [off for off, *_ in SERVER_FRAMES]
    assert items[1].plain is None and items[1].raw == bytes(corrupt[14:33])
    assert "LZO1X" in items[1].error or "size field" in items[1].error
    assert [i.plain for i in items[2:]] == [payload(path) for *_, path in SERVER_FRAMES[1:]]


def test_tails_at_close():
    session = Session(0x0B)
    server = wire("server")
    assert len(session.feed("server", server[:14 + 10])) == 1  # the hello
    (tail,) = session.close("server")
    assert (tail.offset, tail.raw, tail.plain) == (14, server[14:24], None)
    assert tail.error == "incomplete frame: 10 of 19 bytes when the server stream ended"
    session.feed("client", b"\x03\x3c")
    (tail,) = session.close("client")
    assert tail.error == "incomplete frame header: 2 of 3 bytes when the client stream ended"


@pytest.mark.parametrize("direction, frame, error", [
    ("client", "07 00 00 00", "client stream offset 0: a length field of 0 bytes, less than "
                              "any client frame's body: the stream is not framed as the "
                              "LoginService's from here"),
    ("server", "07 02 00 aa 00", "server stream offset 0: a length field of 2 bytes, less "
                                 "than any server frame's body: the stream is not framed as "
                                 "the LoginService's from here"),
])
def test_a_length_no_frame_can_have_ends_the_framing(direction, frame, error):
    # A body too short for the check byte (client) or the check byte and size field (server)
    # is no frame: what follows cannot be trusted to start on a frame either, so the rest of
    # the direction comes out as error items with its bytes, as it arrives, not as a flood of
    # false frames (bulk zeros would be one 4-byte "frame" each).
    session = Session(5)
    good = pangya.encrypt_client(b"\x04\x00", 5, 9) if direction == "client" else \
        pangya.encrypt_server(b"\x01\x00\xda", 5, 9)
    items = session.feed(direction, bytes.fromhex(frame) + good)
    assert [(i.offset, i.raw, i.plain, i.error) for i in items] == [
        (0, bytes.fromhex(frame) + good, None, error)]
    more = session.feed(direction, good)
    assert [(i.offset, i.raw, i.error) for i in more] == [
        (len(bytes.fromhex(frame)) + len(good), good, error)]
    assert session.close(direction) == []


def test_a_frame_too_short_to_decrypt_is_one_error_and_framing_goes_on():
    # A length field a frame can have, but a frame shorter than that (the check byte only):
    # the frame is an error, the next one decodes.
    session = Session(5)
    short = bytes.fromhex("07 01 00 00 aa")  # a client body of one byte: the check byte
    good = pangya.encrypt_client(b"\x04\x00", 5, 9)
    items = session.feed("client", short + good)
    assert [(i.raw, i.plain) for i in items] == [(short, None), (good, b"\x04\x00")]
    assert "check byte" in items[0].error or "payload" in items[0].error


def test_usage_errors_raise():
    with pytest.raises(PangyaKeyError):
        Session(16)
    with pytest.raises(PangyaLayerError, match="direction must be 'client' or 'server'"):
        Session().feed("both", b"")
    assert issubclass(PangyaLayerError, pkttools.PkttoolsError)
