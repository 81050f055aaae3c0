-- pkttools' Wireshark runtime (pkttools/publish/lua/runtime.lua): what every generated
-- protocol shares. The generator (pkttools/publish/wireshark.py) copies it into the plugin
-- as it is; the code generated from the specs calls it as PK.
--
-- The generated type functions read fields through a Reader (a window [start, stop) of a
-- tvb), add each field to the tree with the ProtoField its path was given, and keep the
-- values in a Lua table for the specs' expressions. Bad bytes raise a Failure (never a Lua
-- error that reaches Wireshark): the PDU loop below turns it into expert info on the field
-- or subtree concerned and shows what it could not dissect as undissected bytes.
local PK = {}
local floor = math.floor
local format = string.format

-- Bit operations on 32-bit words: Lua 5.2's bit32 where it exists (Wireshark 4.0 and 4.2),
-- else the same functions on the integer operators of Lua 5.3 and later (Wireshark 4.4 and
-- later may run Lua 5.4, which has no bit32). Those operators are compiled from a string, so
-- that this file still parses under Lua 5.2.
local function bit32_on_operators()
  return load([[
    local M = 0xFFFFFFFF
    local tointeger, select = math.tointeger, select
    local function w(x)
      local i = tointeger(x)
      if i == nil then error("bit operation on a number that is not an integer", 2) end
      return i & M
    end
    local b = {}
    function b.band(...)
      local r = M
      for i = 1, select("#", ...) do r = r & w((select(i, ...))) end
      return r
    end
    function b.bor(...)
      local r = 0
      for i = 1, select("#", ...) do r = r | w((select(i, ...))) end
      return r
    end
    function b.bxor(...)
      local r = 0
      for i = 1, select("#", ...) do r = r ~ w((select(i, ...))) end
      return r
    end
    function b.bnot(x) return ~w(x) & M end
    function b.lshift(x, n)
      if n < 0 then return b.rshift(x, -n) end
      if n >= 32 then return 0 end
      return (w(x) << n) & M
    end
    function b.rshift(x, n)
      if n < 0 then return b.lshift(x, -n) end
      if n >= 32 then return 0 end
      return w(x) >> n
    end
    function b.lrotate(x, n)
      n = n % 32
      x = w(x)
      return ((x << n) | (x >> (32 - n))) & M
    end
    return b
  ]], "=pkttools bit32")()
end
PK.bit32 = bit32 or bit32_on_operators()
local bit32 = PK.bit32

-- Failures ------------------------------------------------------------------------------------
-- kind: "more" (the data ends where the stream goes on: wait for the next segment),
-- "truncated", "invalid" (a valid or contents rule), "unknown" (an opcode no packet has),
-- "uncovered" (a construct the generator does not translate), "eval" (an expression that
-- cannot be evaluated on these bytes).
local Failure = {}
Failure.__tostring = function(f) return f.msg end

local function fail(kind, msg, pos, item, missing)
  error(setmetatable({kind = kind, msg = msg, pos = pos, item = item, missing = missing},
                     Failure), 0)
end
PK.fail = fail

function PK.is_failure(x) return getmetatable(x) == Failure end

local function hex(s)
  return (s:gsub(".", function(c) return format("%02x", c:byte()) end))
end
PK.hex = hex

-- Readers -------------------------------------------------------------------------------------
local Reader = {}
Reader.__index = Reader

-- outer: the window ends where the captured stream ends so far (a TCP reassembly may bring
-- more); reading past it is "more", not "truncated".
-- nb: bits of the byte before pos that bit fields have not read yet (0-7, in bit order bo);
-- a byte-aligned read drops them, as Kaitai's align_to_byte does.
function PK.reader(tvb, start, stop, outer)
  return setmetatable({tvb = tvb, start = start, pos = start, stop = stop, outer = outer,
                       nb = 0}, Reader)
end

function Reader:eof() return self.nb == 0 and self.pos >= self.stop end
function Reader:size() return self.stop - self.start end
function Reader:at() return self.pos - self.start end

function Reader:need(n)
  if type(n) ~= "number" or n < 0 or n ~= floor(n) then
    fail("invalid", "a size of " .. tostring(n) .. " bytes", self.pos)
  end
  if self.pos + n > self.stop then
    fail(self.outer and "more" or "truncated",
         format("needs %d bytes, only %d left", n, self.stop - self.pos), self.pos, nil,
         self.pos + n - self.stop)
  end
end

function Reader:range(n)
  self:need(n)
  local rg = self.tvb:range(self.pos, n)
  self.pos = self.pos + n
  self.nb = 0
  return rg
end

-- The next n bytes as a window of their own (a sized field of a user type).
function Reader:sub(n)
  self:need(n)
  local sub = PK.reader(self.tvb, self.pos, self.pos + n, false)
  self.pos = self.pos + n
  self.nb = 0
  return sub
end

function Reader:rest() return self:sub(self.stop - self.pos) end

-- Integers of 1, 2, 4 or 8 bytes (8-byte ones become Lua numbers: exact below 2^53).
function Reader:int(n, signed, le)
  local rg = self:range(n)
  local v
  if n == 8 then
    local x
    if signed then x = le and rg:le_int64() or rg:int64()
    else x = le and rg:le_uint64() or rg:uint64() end
    v = x:tonumber()
  elseif signed then
    v = le and rg:le_int() or rg:int()
  else
    v = le and rg:le_uint() or rg:uint()
  end
  return v, rg
end

-- Tree items ----------------------------------------------------------------------------------
local function add(t, pf, rg, le)
  if not t then return nil end
  if le then return t:add_le(pf, rg) end
  return t:add(pf, rg)
end

function PK.int(r, t, pf, n, signed, le)
  local v, rg = r:int(n, signed, le)
  return v, add(t, pf, rg, le)
end

function PK.float(r, t, pf, n, le)
  local rg = r:range(n)
  local v = le and rg:le_float() or rg:float()
  return v, add(t, pf, rg, le)
end

-- Bit fields, as Kaitai reads them: bit-endian be takes each byte's bits from the most
-- significant one, the first bit read being the value's most significant; le from the least
-- significant one, the first bit read being the value's least significant. A field may
-- start inside a byte that earlier bits began (r.nb of its bits are left). The value is
-- summed byte by byte in Lua numbers: exact up to 53 bits. Returns the value and the range
-- of the bytes the field touches.
local function bitread(r, width, le)
  local start = r.pos * 8
  if r.nb > 0 then
    if r.bo ~= le then
      fail("uncovered", "bit fields of both bit orders share a byte", r.pos)
    end
    start = start - r.nb
  end
  local stop = start + width
  local last = floor((stop + 7) / 8)
  r:need(last - r.pos)
  local first = floor(start / 8)
  local bytes = r.tvb:range(first, last - first)
  local raw, v = bytes:raw(), 0
  for j = first, last - 1 do
    local byte = raw:byte(j - first + 1)
    local lo, hi = math.max(start, j * 8), math.min(stop, j * 8 + 8)
    if le then
      v = v + floor(byte / 2 ^ (lo - j * 8)) % 2 ^ (hi - lo) * 2 ^ (lo - start)
    else
      v = v + floor(byte / 2 ^ (j * 8 + 8 - hi)) % 2 ^ (hi - lo) * 2 ^ (stop - hi)
    end
  end
  r.pos, r.nb, r.bo = last, last * 8 - stop, le
  return v, bytes
end

-- A bit field shown with its value over the bytes it touches (a run that a Wireshark mask
-- cannot show: longer than 32 bits, or not starting on a byte). kind: "bool", "int" (a
-- uint32 field) or "int64" (a uint64 field, widths 33-53).
function PK.bitfield(r, t, pf, width, le, kind)
  local v, rg = bitread(r, width, le)
  if kind == "bool" then v = v == 1 end
  if not t then return v, nil end
  if kind == "int64" then return v, t:add(pf, rg, UInt64(v)) end
  return v, t:add(pf, rg, v)
end

-- A run of bit fields shown with masks: read as one unsigned integer of n bytes (n <= 4,
-- little-endian for bit-endian le), the container; each field is `width` bits from bit
-- `shift` (0 = least significant). A run of `total` bits that starts inside a byte is read
-- bit by bit and placed in the container as if it had started on one.
function PK.run(r, n, le, total)
  if r.nb == 0 then return r:int(n, false, le) end
  local v, rg = bitread(r, total, le)
  if not le then v = v * 2 ^ (n * 8 - total) end
  return v, rg
end

function PK.bits(t, pf, c, rg, shift, width, bool)
  local v = floor(c / 2 ^ shift) % 2 ^ width
  local item
  if t then item = t:add(pf, rg, c) end
  if bool then return v == 1, item end
  return v, item
end

-- Bytes and text ------------------------------------------------------------------------------
-- The value bytes of a sized field as Kaitai cuts them: pad bytes stripped from the right,
-- then everything from the terminator on (kept with include). Returns start and length.
function PK.cut(rg, term, include, pad)
  local s = rg:raw()
  local n = #s
  if pad then
    while n > 0 and s:byte(n) == pad do n = n - 1 end
  end
  if term then
    local k = s:sub(1, n):find(string.char(term), 1, true)
    if k then n = include and k or k - 1 end
  end
  return rg:offset(), n
end

-- Bytes up to a terminator (no size): the value's start and length, and the range read
-- (the terminator included when consumed).
function PK.upto(r, term, include, consume, eos_error)
  local start = r.pos
  local s = r.tvb:range(start, r.stop - start):raw()
  local k = s:find(string.char(term), 1, true)
  if not k then
    if eos_error then
      fail(r.outer and "more" or "truncated",
           format("no terminator 0x%02x before the end of the data", term), start)
    end
    r.pos, r.nb = r.stop, 0
    return start, #s, r.tvb:range(start, #s)
  end
  local n = include and k or k - 1
  local used = consume and k or k - 1
  r.pos, r.nb = start + used, 0
  return start, n, r.tvb:range(start, used)
end

local REPLACEMENT = "\239\191\189" -- U+FFFD in UTF-8

-- Text decoders. Wireshark 4.0's TvbRange:string() cuts text that decodes to more bytes than
-- it had (it returns as many bytes as the range), so text is decoded here: UTF-8 and ASCII by
-- rule, single-byte code pages by a table the generator writes from Python's codec of the same
-- name (so the text is what pkttools reads), UTF-16 by Wireshark. A byte the encoding does
-- not define becomes U+FFFD, and the caller adds an expert note.
PK.UTF8, PK.ASCII, PK.UTF16LE, PK.UTF16BE = {}, {}, {}, {}

local function utf8_clean(s)
  local out, bad, i, n = {}, false, 1, #s
  while i <= n do
    local c = s:byte(i)
    local need, low, high = 0, 0x80, 0xBF
    if c < 0x80 then need = 0
    elseif c >= 0xC2 and c <= 0xDF then need = 1
    elseif c >= 0xE0 and c <= 0xEF then
      need = 2
      if c == 0xE0 then low = 0xA0 elseif c == 0xED then high = 0x9F end
    elseif c >= 0xF0 and c <= 0xF4 then
      need = 3
      if c == 0xF0 then low = 0x90 elseif c == 0xF4 then high = 0x8F end
    else need = -1 end
    local ok = need >= 0 and i + need <= n
    if ok and need > 0 then
      local b = s:byte(i + 1)
      ok = b >= low and b <= high
      for k = 2, need do
        local d = s:byte(i + k)
        ok = ok and d >= 0x80 and d <= 0xBF
      end
    end
    if ok then
      out[#out + 1] = s:sub(i, i + need)
      i = i + need + 1
    else
      out[#out + 1] = REPLACEMENT
      bad = true
      i = i + 1
    end
  end
  return table.concat(out), bad
end

function PK.decode(rg, dec)
  if dec == PK.UTF16LE then return rg:le_ustring(), false end
  if dec == PK.UTF16BE then return rg:ustring(), false end
  local raw = rg:raw()
  if dec == PK.UTF8 then
    if not raw:find("[\128-\255]") then return raw, false end
    return utf8_clean(raw)
  end
  if dec == PK.ASCII then
    if not raw:find("[\128-\255]") then return raw, false end
    return (raw:gsub("[\128-\255]", REPLACEMENT)), true
  end
  local out, bad = {}, false
  for i = 1, #raw do
    local c = dec[raw:byte(i) + 1]
    if not c then
      c = REPLACEMENT
      bad = true
    end
    out[i] = c
  end
  return table.concat(out), bad
end

-- A string field: the value bytes decoded, shown over the bytes the field read.
function PK.text(t, ctx, pf, tvb, vstart, vlen, rg, dec, encname)
  local value, bad = "", false
  if vlen > 0 then value, bad = PK.decode(tvb:range(vstart, vlen), dec) end
  if bad then ctx.bad_text = true end -- a trial parse (no tree) counts it as a failure
  if t then
    local item = t:add(pf, rg, value)
    if bad then
      item:add_proto_expert_info(ctx.S.X.text, "bytes that are not valid " .. encname ..
                                 " are shown as U+FFFD")
    end
    return value, item
  end
  return value, nil
end

function PK.bytes(t, pf, tvb, vstart, vlen)
  local rg = tvb:range(vstart, vlen)
  return rg:raw(), add(t, pf, rg, false)
end

function PK.contents(r, t, pf, expected)
  local rg = r:range(#expected)
  local item = add(t, pf, rg, false)
  local got = rg:raw()
  if got ~= expected then
    fail("invalid", format("contents: expected %s, got %s", hex(expected), hex(got)),
         rg:offset() + rg:len(), item)
  end
  return got, item
end

-- A `valid` rule that does not hold; `pos` is where the field ends (what follows it is what
-- cannot be placed).
function PK.invalid(item, pos, msg) fail("invalid", msg, pos, item) end

-- Subtrees ------------------------------------------------------------------------------------
-- A field of a user type: a subtree over the bytes it read (all of a sized field's window).
-- bits_first: the type starts with a bit field, which goes on inside the byte before r.pos
-- when earlier bits left it half read; the subtree starts at that byte.
function PK.struct(r, t, ctx, pf, fn, fs, parent, sized, bits_first)
  local start = r.pos
  if bits_first and r.nb > 0 then start = start - 1 end
  local item
  if t then item = t:add(pf, r.tvb:range(start, sized and r.stop - start or 0)) end
  local open = ctx.open
  open[#open + 1] = {item, start}
  local o = fn(r, item, fs, parent, ctx)
  open[#open] = nil
  if item and not sized then item:set_len(r.pos - start) end
  return o, item
end

function PK.label(item, i)
  if item then item:append_text(format(" [%d]", i)) end
end

-- A repeat count: a count no data could satisfy is refused before looping (each element
-- reads at least one byte, or the loop guard below stops it).
function PK.count(n, r)
  if type(n) ~= "number" or n < 0 or n ~= floor(n) then
    fail("invalid", "a repeat count of " .. tostring(n), r.pos)
  end
  return n
end

-- Elements that read nothing cannot make a loop end at the end of the data.
function PK.guard(r, before, i)
  if r.pos == before and i > 65536 then
    fail("invalid", "more than 65536 elements that read no bytes", r.pos)
  end
end

-- A construct the generator did not translate: the rest is shown as undissected.
function PK.uncovered(r, what)
  fail("uncovered", "not dissected: " .. what, r.pos)
end

-- The stream object of an end-marker test: `_io.eof` is false there (the PDU loop itself
-- stops at the end of the data).
PK.NO_EOF = {_io = {eof = function() return false end}}

-- Value instances -----------------------------------------------------------------------------
-- Each is computed once per object (o["@name"]) when an expression or the tree asks for it.
function PK.memo(o, key, fn)
  local v = o[key]
  if v == nil then
    v = fn(o)
    o[key] = v
  end
  return v
end

-- A value instance as a generated field; one that cannot be evaluated gets an expert note.
function PK.instance(t, ctx, pf, kind, fn, o, name)
  if not t then return end
  local ok, v = pcall(fn, o)
  if not ok then
    t:add_proto_expert_info(ctx.S.X.eval, "instance " .. name .. " cannot be evaluated: " ..
                            tostring(v))
    return
  end
  if v == nil then return end
  local item
  if kind == "int" then
    if v ~= floor(v) or v >= 2 ^ 63 or v < -2 ^ 63 then
      t:add_proto_expert_info(ctx.S.X.eval, "instance " .. name .. " is not an integer: " ..
                              tostring(v))
      return
    end
    item = t:add(pf, Int64(v))
  elseif kind == "enum" then
    if v ~= floor(v) or v >= 2 ^ 31 or v < -2 ^ 31 then
      t:add_proto_expert_info(ctx.S.X.eval, "instance " .. name .. " = " .. tostring(v) ..
                              " does not fit a 32-bit enum field")
      return
    end
    item = t:add(pf, v)
  else
    item = t:add(pf, v)
  end
  item:set_generated()
end

-- Expression helpers: Kaitai's integer semantics on Lua 5.2 numbers -----------------------------
local function integral(x, what)
  if type(x) ~= "number" or x ~= floor(x) then
    error(what .. " needs integers, got " .. tostring(x), 0)
  end
  return x
end

function PK.idiv(a, b)
  if b == 0 then error("division by zero", 0) end
  return floor(a / b)
end

function PK.mod(a, b)
  if b == 0 then error("modulo by zero", 0) end
  return a % b
end

local TWO32 = 2 ^ 32

-- Bitwise operations on non-negative integers below 2^53, done on 32-bit halves.
local function halves(x, what)
  integral(x, what)
  if x < 0 or x >= 2 ^ 53 then error(what .. " of " .. tostring(x) .. " is not supported", 0) end
  return floor(x / TWO32), x % TWO32
end

local function bitwise(op, a, b, what)
  local ah, al = halves(a, what)
  local bh, bl = halves(b, what)
  return op(ah, bh) * TWO32 + op(al, bl)
end

function PK.band(a, b) return bitwise(bit32.band, a, b, "&") end
function PK.bor(a, b) return bitwise(bit32.bor, a, b, "|") end
function PK.bxor(a, b) return bitwise(bit32.bxor, a, b, "^") end
function PK.shl(a, b) integral(a, "<<"); integral(b, "<<"); return a * 2 ^ b end
function PK.shr(a, b) integral(a, ">>"); integral(b, ">>"); return floor(a / 2 ^ b) end
function PK.bnot(a) integral(a, "~"); return -a - 1 end

function PK.to_s(x)
  if type(x) == "number" then
    if x == floor(x) and x > -2 ^ 63 and x < 2 ^ 63 then return format("%d", x) end
    return tostring(x)
  end
  return tostring(x)
end

function PK.to_i(x, base)
  if type(x) == "number" then return x end
  local v = tonumber(x, base or 10)
  if not v then error("not a number: " .. tostring(x), 0) end
  return v
end

-- Characters of a UTF-8 string (Kaitai's str.length).
function PK.ulen(s)
  local _, n = s:gsub("[^\128-\191]", "")
  return n
end

function PK.at(list, i)
  local v = list[i + 1]
  if v == nil then error("index " .. tostring(i) .. " is out of range", 0) end
  return v
end

function PK.byte(s, i)
  local v = s:byte(i + 1)
  if v == nil then error("index " .. tostring(i) .. " is out of range", 0) end
  return v
end

function PK.minmax(list, want_max)
  local best = list[1]
  if best == nil then error("min/max of an empty array", 0) end
  for i = 2, #list do
    if (want_max and list[i] > best) or (not want_max and list[i] < best) then best = list[i] end
  end
  return best
end

return PK
