"""The plugin's own Lua on every Lua a Wireshark may embed: 5.2 (Debian's Wireshark 4.0, with
`bit32`) and 5.4 (Wireshark 4.4 and later may be built with it; it has no `bit32`, so the
runtime puts the same functions on the integer operators).

Debian's standalone interpreters (`lua5.2`, `lua5.4`; setup.sh installs them where it can)
run the runtime, the service code and both game layers exactly as the generator writes them
into pkttools.lua, outside Wireshark: the expression helpers on values past 32 bits, PangYa's
XOR chain and LZO1X on every PangYa vector encrypted by pkttools' layer, FFXI's Blowfish
variant, MD5 and bit decoder on every FFXI vector. The results must be the bytes and numbers
pkttools' Python computes. (tests/test_wireshark.py runs the whole plugin in tshark.)
"""

from __future__ import annotations

import hashlib
import random
import shutil
import subprocess

import pytest

from pkttools.layers import ffxi as ffxi_layer
from pkttools.layers import pangya as pangya_layer
from pkttools.publish import wireshark
from pkttools.publish.vectors import load

INTERPRETERS = ["lua5.2", "lua5.3", "lua5.4"]
FFXI_HEADER = bytes.fromhex("3412 3300 00000000 80f0fa65 000102030405060708090a0b0c0d0e0f")
SESSION_KEY = bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f000112233")

# Kaitai's operators as the runtime evaluates them, on integers below 2^53: (Lua call, value)
BIG = (1 << 40) + 5
EXPRESSIONS = [
    ("PK.band(0xFFFFFFFF, 0x0F0F0F0F)", 0x0F0F0F0F),
    ("PK.band(%d, %d)" % (BIG, (1 << 41) - 1), BIG),
    ("PK.bor(%d, 2)" % BIG, BIG | 2),
    ("PK.bxor(%d, %d)" % ((1 << 52) + 0xF0, 0xFF), ((1 << 52) + 0xF0) ^ 0xFF),
    ("PK.bxor(0x80000000, 0xFFFFFFFF)", 0x7FFFFFFF),
    ("PK.shl(3, 40)", 3 << 40),
    ("PK.shr(%d, 33)" % BIG, BIG >> 33),
    ("PK.bnot(5)", -6),
    ("PK.idiv(-7, 2)", -4),
    ("PK.mod(-7, 3)", 2),
    ("PK.to_i('ff', 16)", 255),
    ("PK.bit32.lrotate(0x80000001, 1)", 3),
    ("PK.bit32.lshift(0xFFFFFFFF, 4)", 0xFFFFFFF0),
    ("PK.bit32.rshift(0x80000000, 31)", 1),
    ("PK.bit32.bnot(0)", 0xFFFFFFFF),
    ("PK.bit32.band(0xF0F0, 0xFF00, 0x3C00)", 0x3000),
    ("PK.bit32.bxor(1, 2, 4)", 7),
]


def interpreters() -> list[str]:
    return [name for name in INTERPRETERS if shutil.which(name)]


def lua_bytes(data: bytes) -> str:
    return '"' + "".join(f"\\{b:03d}" for b in data) + '"'


def plugin_core() -> str:
    """The runtime, the service code and both layers, as the generator writes them."""
    lua = wireshark.generate().lua
    start = lua.index("local PK = (function()")
    end = lua.index("local VS = {}")
    return lua[start:end]


def cases() -> tuple[list[str], list[str]]:
    """Lua statements that print one line each, and the line pkttools' Python expects."""
    rng = random.Random(5)
    code, expected = [], []
    for call, value in EXPRESSIONS:
        code.append(f"print(PK.to_s({call}))")
        expected.append(str(value))
    for v in load():
        if v.protocol.startswith("pangya.loginservice."):
            direction = v.protocol.rsplit(".", 1)[1]
            key, salt = rng.randrange(16), rng.randrange(256)
            seal = (pangya_layer.encrypt_client if direction == "client"
                    else pangya_layer.encrypt_server)
            header = pangya_layer.CLIENT_HEADER if direction == "client" \
                else pangya_layer.SERVER_HEADER
            body = seal(v.data, key, salt)[header:]
            code.append(f'print(hex((LAYERS.pangya.open_body("{direction}", {lua_bytes(body)}, '
                        f'{key}, {salt}))))')
            expected.append(v.data.hex())
        elif v.protocol == "ffxi.world.server":
            plain = FFXI_HEADER + v.data
            wire = ffxi_layer.encrypt_datagram(plain, SESSION_KEY)
            code.append(f"print(hex((LAYERS.ffxi.decrypt_datagram({lua_bytes(wire)}, "
                        f"{lua_bytes(SESSION_KEY)}))))")
            expected.append(plain.hex())
    data = bytes(rng.randrange(256) for _ in range(300))
    code.append(f"print(hex(LAYERS.ffxi.md5({lua_bytes(data)})))")
    expected.append(hashlib.md5(data).hexdigest())
    return code, expected


def test_the_cases_cover_both_layers():
    code, expected = cases()
    assert sum("open_body" in c for c in code) >= 20
    assert sum("decrypt_datagram" in c for c in code) >= 2
    assert len(code) == len(expected)


@pytest.mark.skipif(not interpreters(), reason="no standalone Lua (Debian: lua5.2, lua5.4)")
@pytest.mark.parametrize("lua", interpreters())
def test_the_plugins_lua_computes_what_pkttools_computes(lua, tmp_path):
    code, expected = cases()
    script = tmp_path / "core.lua"
    script.write_text(plugin_core() + "\nlocal hex = PK.hex\n"
                      + "print(bit32 and 'bit32' or 'operators')\n" + "\n".join(code) + "\n",
                      encoding="latin-1")
    done = subprocess.run([lua, str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    # 5.2 has bit32; 5.4 has not, and the runtime's operators stand in
    assert lines[0] == ("bit32" if lua == "lua5.2" else "operators"), lines[0]
    wrong = [(c, got, want) for c, got, want in zip(code, lines[1:], expected) if got != want]
    assert not wrong, wrong[:3]
    assert len(lines) - 1 == len(expected)
