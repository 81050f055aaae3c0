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
function PK.reader(tvb, start, stop, outer)
  return setmetatable({tvb = tvb, start = start, pos = start, stop = stop, outer = outer},
                      Reader)
end

function Reader:eof() return self.pos >= self.stop end
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
  return rg
end

-- The next n bytes as a window of their own (a sized field of a user type).
function Reader:sub(n)
  self:need(n)
  local sub = PK.reader(self.tvb, self.pos, self.pos + n, false)
  self.pos = self.pos + n
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

-- A run of bit fields is read as one unsigned integer of n bytes (n <= 4, little-endian for
-- bit-endian le); each field is `width` bits from bit `shift` (0 = least significant), shown
-- with its mask over the run's bytes.
function PK.run(r, n, le) return r:int(n, false, le) end

function PK.bits(t, pf, c, rg, shift, width, le, bool)
  local v = floor(c / 2 ^ shift) % 2 ^ width
  local item = add(t, pf, rg, le)
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
    r.pos = r.stop
    return start, #s, r.tvb:range(start, #s)
  end
  local n = include and k or k - 1
  local used = consume and k or k - 1
  r.pos = start + used
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
function PK.struct(r, t, ctx, pf, fn, fs, parent, sized)
  local start = r.pos
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

-- The protocol of a service ---------------------------------------------------------------------
-- Fields and expert infos every service has besides those of its specs.
function PK.service(name, title, abbr)
  local g, s = expert.group, expert.severity
  local undecoded = g.UNDECODED or g.PROTOCOL
  local S = {proto = Proto(abbr, title), abbr = abbr, name = name}
  S.f = {
    direction = ProtoField.string(abbr .. ".direction", "direction", base.ASCII,
                                  "who sent the packet: client or server"),
    packet = ProtoField.string(abbr .. ".packet", "packet", base.ASCII,
                               "the packet's name in the specs"),
    undissected = ProtoField.bytes(abbr .. ".undissected", "undissected", base.NONE,
                                   "bytes the dissector could not place in a field"),
    trailing = ProtoField.bytes(abbr .. ".trailing", "trailing", base.NONE,
                                "bytes after the end of the packet"),
    after_end = ProtoField.bytes(abbr .. ".after_end_marker", "after end marker", base.NONE,
                                 "bytes after the stream's end marker"),
  }
  S.X = {
    truncated = ProtoExpert.new(abbr .. ".truncated", "Truncated packet", g.MALFORMED, s.ERROR),
    invalid = ProtoExpert.new(abbr .. ".invalid", "A valid or contents rule fails",
                              g.MALFORMED, s.ERROR),
    unknown = ProtoExpert.new(abbr .. ".unknown_opcode", "No packet has this opcode",
                              undecoded, s.WARN),
    trailing = ProtoExpert.new(abbr .. ".trailing_bytes", "Bytes after the packet",
                               g.PROTOCOL, s.WARN),
    uncovered = ProtoExpert.new(abbr .. ".not_covered",
                                "A spec construct the generated dissector does not cover",
                                undecoded, s.NOTE),
    no_case = ProtoExpert.new(abbr .. ".no_case", "No case of the switch matches",
                              undecoded, s.WARN),
    text = ProtoExpert.new(abbr .. ".bad_text", "Text not valid in its encoding",
                           g.PROTOCOL, s.WARN),
    eval = ProtoExpert.new(abbr .. ".eval", "An expression cannot be evaluated",
                           g.PROTOCOL, s.WARN),
    layer = ProtoExpert.new(abbr .. ".layer", "Cannot decrypt", g.DECRYPTION or g.PROTOCOL,
                            s.WARN),
    layer_note = ProtoExpert.new(abbr .. ".layer_note", "Decryption", g.DECRYPTION or g.PROTOCOL,
                                 s.NOTE),
    end_marker = ProtoExpert.new(abbr .. ".end_marker", "End marker", g.SEQUENCE, s.CHAT),
    no_specs = ProtoExpert.new(abbr .. ".no_specs", "No specs for this direction", undecoded,
                               s.NOTE),
    internal = ProtoExpert.new(abbr .. ".dissector_error", "Dissector error", g.MALFORMED,
                               s.ERROR),
  }
  S.dirs = {}
  return S
end

-- Fields of the specs and of the layer, then those above; experts.
function PK.register_fields(S, fields)
  local all = {}
  for _, f in ipairs(fields) do all[#all + 1] = f end
  for _, f in pairs(S.f) do all[#all + 1] = f end
  for _, f in pairs(S.lf or {}) do all[#all + 1] = f end
  S.proto.fields = all
  local experts = {}
  for _, x in pairs(S.X) do experts[#experts + 1] = x end
  S.proto.experts = experts
end

function PK.new_ctx(S, D, pinfo, item)
  return {S = S, D = D, pinfo = pinfo, item = item, open = {}}
end

-- Called by the dispatcher with its switch key before the body: names the packet, or stops at
-- the stream's end marker (D.ends, tested on the dispatcher read so far).
function PK.opcode(t, ctx, o, key)
  local D = ctx.D
  if D.ends then
    local ok, stop = pcall(D.ends, o, ctx)
    if ok and stop then
      fail("end", "end marker", nil)
    end
  end
  local name = D.names[key]
  ctx.opcode = key
  ctx.name = name
  if t and name then t:add(ctx.S.f.packet, name):set_generated() end
  return name
end

function PK.unknown_opcode(r, ctx, key)
  fail("unknown", format("no %s packet has opcode %s (0x%x)", ctx.D.protocol, PK.to_s(key), key),
       r.pos)
end

-- The body of a length-prefixed frame: from here on the PDU's end is known.
function PK.frame_body(r, ctx, n)
  if type(n) == "number" and n >= 0 and r.pos + n <= r.stop then ctx.pdu_end = r.pos + n end
end

-- After a dispatcher that had a window of its own: bytes it did not read.
function PK.trailing(r, t, ctx)
  if r.pos < r.stop and t then
    local item = t:add(ctx.S.f.trailing, r.tvb:range(r.pos, r.stop - r.pos))
    item:add_proto_expert_info(ctx.S.X.trailing,
                               format("%d bytes after the end of the packet", r.stop - r.pos))
  end
end

-- PDUs ----------------------------------------------------------------------------------------
local KIND_EXPERT = {more = "truncated", truncated = "truncated", invalid = "invalid",
                     unknown = "unknown", uncovered = "uncovered", eval = "eval"}

-- Puts a failure on the tree and says where dissection may go on (nil: nowhere in this tvb).
local function report(ctx, item, err, r, stop)
  local S = ctx.S
  local at = r.pos
  if PK.is_failure(err) and err.pos then at = err.pos end
  for i = #ctx.open, 1, -1 do -- subtrees left open end where the failure is
    local open = ctx.open[i]
    if open[1] and at >= open[2] then open[1]:set_len(at - open[2]) end
  end
  local target = err.item
  if not target then
    for i = #ctx.open, 1, -1 do
      if ctx.open[i][1] then target = ctx.open[i][1]; break end
    end
  end
  target = target or item
  if not PK.is_failure(err) then
    target:add_proto_expert_info(S.X.internal, "dissector error: " .. tostring(err))
  elseif err.kind == "end" then
    item:add_proto_expert_info(S.X.end_marker, "the stream's end marker")
    ctx.name = "end marker"
    return r.pos, true
  else
    local msg = err.msg
    if err.kind == "more" then msg = msg .. " (the captured data ends inside the packet)" end
    target:add_proto_expert_info(S.X[KIND_EXPERT[err.kind]], msg)
  end
  -- Inside a length-prefixed frame the next PDU starts at the frame's end; elsewhere the
  -- packet's end is unknown, and so is where anything after it starts.
  local resume = ctx.pdu_end
  local finish = resume or stop
  if at > finish then at = finish end
  if finish > at then
    local u = item:add(S.f.undissected, r.tvb:range(at, finish - at))
    u:append_text(format(" (%d bytes)", finish - at))
  end
  return finish, resume == nil
end

-- Parses one PDU of `tvb` from `offset` into `item` (a PDU subtree): returns the end of what
-- it used, whether the rest of the tvb must be left alone (after a failure whose extent is
-- unknown), and the packet's name.
function PK.parse_into(S, D, item, tvb, offset, stop, outer, pinfo, parse)
  local ctx = PK.new_ctx(S, D, pinfo, item)
  local r = PK.reader(tvb, offset, stop, outer)
  local ok, err = pcall(parse or D.frame, r, item, ctx)
  local used, halt = r.pos, false
  if not ok then
    used, halt = report(ctx, item, err, r, stop)
  end
  local name = ctx.name
  if not name and ctx.opcode then name = format("unknown 0x%04x", ctx.opcode) end
  if not name and not ok then name = "(undissected)" end
  return used, halt, name
end

-- One PDU from `offset` in a subtree of its own: returns the bytes it used, whether the rest
-- of the tvb must be left alone, and its name.
function PK.show_pdu(S, D, tvb, offset, stop, outer, tree, pinfo, parse, label)
  local item = tree:add(S.proto, tvb:range(offset, 0))
  item:add(S.f.direction, D.dir):set_generated()
  local used, halt, name = PK.parse_into(S, D, item, tvb, offset, stop, outer, pinfo, parse)
  name = name or label
  item:set_len(used - offset)
  item:append_text(format(", %s: %s", D.dir, name or "?"))
  return used - offset, halt, name
end

local ARROW = {client = "C>S", server = "S>C"}

-- The Info column: the direction and the packets' names. TCP may call the dissector twice for
-- one frame (a reassembled PDU, then the rest of the segment): the second call appends.
function PK.info(pinfo, S, dir, names)
  pinfo.cols.protocol:set(S.short)
  if #names == 0 then return end
  local text = table.concat(names, ", ")
  local current = tostring(pinfo.cols.info)
  if current:sub(1, 4) == ARROW[dir] .. " " then
    pinfo.cols.info:append(", " .. text)
  else
    pinfo.cols.info:set(ARROW[dir] .. " " .. text)
  end
end

-- The direction of a segment: towards the port the dissector was found by is the client's.
function PK.direction(pinfo)
  if pinfo.match_uint == pinfo.dst_port then return "client" end
  return "server"
end

-- Bytes of a direction the specs have no protocol for.
function PK.no_protocol(S, dir, tvb, tree)
  local item = tree:add(S.proto, tvb:range(0, tvb:len()))
  item:add(S.f.direction, dir):set_generated()
  item:append_text(", " .. dir .. ": no specs for this direction")
  item:add_proto_expert_info(S.X.no_specs, "pkttools has no " .. S.name .. "." .. dir ..
                             " protocol: the bytes are not dissected")
  item:add(S.f.undissected, tvb:range(0, tvb:len()))
end

-- A TCP stream: PDUs back to back, reassembled across segments (Wireshark's desegmentation:
-- a PDU that runs past the end of the data asks for more, with the exact count when the
-- spec makes it known).
function PK.tcp_pdus(S, D, tvb, pinfo, tree, names, start)
  local offset, len = start or 0, tvb:len()
  while offset < len do
    if pinfo.can_desegment > 0 then
      local ok, err = pcall(D.frame, PK.reader(tvb, offset, len, true), nil,
                            PK.new_ctx(S, D, pinfo, nil))
      if not ok and PK.is_failure(err) and err.kind == "more" then
        pinfo.desegment_offset = offset
        pinfo.desegment_len = err.missing or DESEGMENT_ONE_MORE_SEGMENT
        return
      end
    end
    local used, halt, name = PK.show_pdu(S, D, tvb, offset, len, true, tree, pinfo)
    names[#names + 1] = name
    if halt or used <= 0 then return end
    offset = offset + used
  end
end

-- A datagram: its prologue fields, then PDUs to the end or to the end marker.
function PK.datagram_pdus(S, D, tvb, pinfo, tree, names)
  local offset, len = 0, tvb:len()
  if D.prologue then
    local used, halt = PK.show_pdu(S, D, tvb, 0, len, false, tree, pinfo, D.prologue,
                                   "datagram header")
    if halt then return end
    offset = used
  end
  while offset < len do
    local used, halt, name = PK.show_pdu(S, D, tvb, offset, len, false, tree, pinfo)
    if name ~= "end marker" then names[#names + 1] = name end
    offset = offset + used
    if halt or used <= 0 then
      if offset < len then
        local field = S.f.undissected
        local item = tree:add(S.proto, tvb:range(offset, len - offset))
        item:add(S.f.direction, D.dir):set_generated()
        if name == "end marker" then
          field = S.f.after_end
          item:append_text(", " .. D.dir .. ": after the end marker")
        else
          item:append_text(", " .. D.dir .. ": undissected")
        end
        item:add(field, tvb:range(offset, len - offset))
      end
      return
    end
  end
end

function PK.dissector(S)
  return function(tvb, pinfo, tree)
    local dir = PK.direction(pinfo)
    local D = S.dirs[dir]
    local names = {}
    pinfo.cols.protocol:set(S.short)
    if not D then
      PK.no_protocol(S, dir, tvb, tree)
    elseif S.layer and S.layer.active(S, D, tvb, pinfo) then
      S.layer.dissect(S, D, tvb, pinfo, tree, names)
    elseif S.transport == "udp" then
      PK.datagram_pdus(S, D, tvb, pinfo, tree, names)
    else
      PK.tcp_pdus(S, D, tvb, pinfo, tree, names)
    end
    PK.info(pinfo, S, dir, names)
    return tvb:len()
  end
end

-- Registers the service on its default ports and for Decode As.
function PK.register(S, ports)
  S.proto.dissector = PK.dissector(S)
  local table_name = S.transport .. ".port"
  local dt = DissectorTable.get(table_name)
  for _, port in ipairs(ports) do dt:add(port, S.proto) end
  if dt.add_for_decode_as then dt:add_for_decode_as(S.proto) end
end

return PK
