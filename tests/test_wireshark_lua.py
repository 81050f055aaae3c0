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

import pkttools
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


# -- the generated parsers, tree-less, on a Tvb stand-in ------------------------------------------

# Just enough of Wireshark's Lua API to load pkttools.lua outside Wireshark: registration calls
# return a stand-in that accepts anything, and a Tvb over a Lua string reads integers, floats
# and bytes as TvbRange does. The parsers then run without a tree, as the dissector runs them
# to find where a reassembled PDU ends.
MOCK = r'''
local ANY = setmetatable({}, {__index = function(t) return t end,
                              __call = function(t) return t end})
Proto, ProtoField, ProtoExpert, Pref, DissectorTable, Field = ANY, ANY, ANY, ANY, ANY, ANY
expert, base, ByteArray = ANY, ANY, ANY
DESEGMENT_ONE_MORE_SEGMENT = -1

local Range = {}
Range.__index = Range
local Tvb = {}
Tvb.__index = Tvb
function MockTvb(s) return setmetatable({d = s}, Tvb) end
function Tvb:len() return #self.d end
function Tvb:range(o, n)
  n = n or #self.d - o
  if o < 0 or n < 0 or o + n > #self.d then error("range out of bounds", 2) end
  return setmetatable({d = self.d, o = o, n = n}, Range)
end
function Range:raw() return self.d:sub(self.o + 1, self.o + self.n) end
function Range:len() return self.n end
function Range:offset() return self.o end
function Range:string() return self:raw() end
Range.ustring, Range.le_ustring = Range.string, Range.string
function Range:tvb() return MockTvb(self:raw()) end
local function unsigned(s, le)
  local v = 0
  for i = 1, #s do
    local b = le and s:byte(#s - i + 1) or s:byte(i)
    v = v * 256 + b
  end
  return v
end
local function signed(s, le)
  local v = unsigned(s, le)
  if v >= 2 ^ (8 * #s - 1) then v = v - 2 ^ (8 * #s) end
  return math.floor(v)
end
function Range:uint() return math.floor(unsigned(self:raw(), false)) end
function Range:le_uint() return math.floor(unsigned(self:raw(), true)) end
function Range:int() return signed(self:raw(), false) end
function Range:le_int() return signed(self:raw(), true) end
local function big(v) return {tonumber = function() return v end} end
function Range:uint64() return big(unsigned(self:raw(), false)) end
function Range:le_uint64() return big(unsigned(self:raw(), true)) end
function Range:int64() return big(signed(self:raw(), false)) end
function Range:le_int64() return big(signed(self:raw(), true)) end
local function ieee(s, le)
  local bits = unsigned(s, le)
  local ebits, mbits = #s == 4 and 8 or 11, #s == 4 and 23 or 52
  local sign = bits >= 2 ^ (ebits + mbits) and -1 or 1
  local e = math.floor(bits / 2 ^ mbits) % 2 ^ ebits
  local m = bits % 2 ^ mbits
  if e == 2 ^ ebits - 1 then return m == 0 and sign * math.huge or 0 / 0 end
  if e == 0 then return sign * m * 2 ^ (1 - (2 ^ (ebits - 1) - 1) - mbits) end
  return sign * (1 + m / 2 ^ mbits) * 2 ^ (e - (2 ^ (ebits - 1) - 1))
end
function Range:float() return ieee(self:raw(), false) end
function Range:le_float() return ieee(self:raw(), true) end
'''

HOOK = '''
local SERVICES = {}
do
  local register = PK.register
  PK.register = function(S, ports) SERVICES[S.name] = S; return register(S, ports) end
end
'''

READ = r'''
local function dump(v, seen)
  if type(v) == "number" then
    if v ~= v then return "nan" end
    if v == math.floor(v) and math.abs(v) < 2 ^ 63 then return PK.to_s(v) end
    return string.format("%.17g", v)
  end
  if type(v) == "string" then return PK.hex(v) end
  if type(v) ~= "table" then return tostring(v) end
  if seen[v] then return "<cycle>" end
  seen[v] = true
  local keys = {}
  for k in pairs(v) do
    if type(k) ~= "string" or k:sub(1, 1) ~= "_" then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = tostring(k) .. "=" .. dump(v[k], seen) end
  seen[v] = nil
  return "{" .. table.concat(out, ",") .. "}"
end

local function read(service, dir, data)
  local S = SERVICES[service]
  local D = S.dirs[dir]
  local tvb = MockTvb(data)
  local r = PK.reader(tvb, 0, tvb:len(), false)
  local ctx = PK.new_ctx(S, D, nil, nil)
  local ok, o = pcall(D.frame, r, nil, ctx)
  if not ok then return "failed: " .. tostring(o) end
  return table.concat({tostring(r.pos == tvb:len()), tostring(ctx.name), dump(o, {})}, " ")
end
'''


def framed(protocol: str, data: bytes) -> bytes:
    """A FlyFF body in its frame, as the stream spec reads it (checksums 0)."""
    if not protocol.startswith("flyff."):
        return data
    checksum = bytes(4) if protocol.endswith(".client") else b""
    return b"\x5e" + checksum + len(data).to_bytes(4, "little") + checksum + data


def whole_plugin_script(vectors) -> str:
    lua = wireshark.generate().lua
    at = lua.index("local VS = {}")
    calls = []
    for v in vectors:
        service, direction = v.protocol.rsplit(".", 1)
        calls.append(f'print({lua_bytes(v.name.encode())} .. " " .. read("{service}", '
                     f'"{direction}", {lua_bytes(framed(v.protocol, v.data))}))')
    return MOCK + lua[:at] + HOOK + lua[at:] + READ + "\n".join(calls) + "\n"


@pytest.mark.skipif(len(interpreters()) < 2 or "lua5.2" not in interpreters(),
                    reason="needs Debian's lua5.2 and another Lua")
def test_the_generated_parsers_read_every_vector_alike_on_every_lua(tmp_path):
    """Every test vector of every service, read by the generated parsers without a tree: on
    Lua 5.2 (what tshark's conformance test checks field by field) and on Lua 5.4 the same
    packet, the whole of it, and the same values."""
    vectors = load()
    script = tmp_path / "plugin.lua"
    script.write_text(whole_plugin_script(vectors), encoding="latin-1")
    outputs = {}
    for lua in interpreters():
        done = subprocess.run([lua, str(script)], capture_output=True, text=True,
                              encoding="latin-1", timeout=300)
        assert done.returncode == 0, (lua, done.stderr[-2000:])
        outputs[lua] = done.stdout.splitlines()
    reference = outputs["lua5.2"]
    assert len(reference) == len(vectors)
    for v, line in zip(vectors, reference):
        name, whole, packet, _ = line.split(" ", 3)
        assert (name, whole, packet) == (v.name, "true", pkttools.parse(v.protocol, v.data).name), \
            line[:300]
    for lua, lines in outputs.items():
        differ = [(a[:200], b[:200]) for a, b in zip(reference, lines) if a != b]
        assert not differ, (lua, differ[:3])
