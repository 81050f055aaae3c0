-- The PangYa LoginService transport in the dissector (pkttools/publish/lua/layer_pangya.lua), the
-- same layer as pkttools/layers/pangya.py: the server's hello in the clear, then frames
-- encrypted with the key the hello names (0..15), both ways:
--   client frame: salt, u16 body length, sequence byte, body (check byte, payload)
--   server frame: salt, u16 body length, body (check byte, u32 size as
--                 `size // 255` big-endian in 3 bytes and `size % 255`, LZO1X-compressed payload)
-- With i = key * 256 + salt the first body byte is SEED[i] in the plain and
-- SEED[i] ^ MASK[i] on the wire; from byte 4 on each byte is XORed with the plain byte four
-- before it. The generator wraps this file in function(PK, MASK, SEED) with the two
-- 0x1000-byte tables of pkttools/layers/data/pangya_keys.bin.
local L = {}
local bxor, band, rshift = PK.bit32.bxor, PK.bit32.band, PK.bit32.rshift
local format, char, concat = string.format, string.char, table.concat
local unpack = table.unpack or unpack
local HEADER = {client = 4, server = 3}

local MODE_AUTO, MODE_ENCRYPTED, MODE_PLAINTEXT = 0, 1, 2
local KEY_FROM_HELLO = -1

-- LZO1X -----------------------------------------------------------------------------------------
-- Decompresses an LZO1X stream that must give exactly `size` bytes (the format as liblzo2's
-- lzo1x_decompress_safe reads it: literal runs and matches, the state of the last
-- instruction's literal count, the end marker a match of distance 16384). Errors are strings.
local function lzo1x(src, size)
  local out, op, ip, n = {}, 0, 1, #src
  local function byte()
    local b = src:byte(ip)
    if not b then error("the LZO1X stream ends early", 0) end
    ip = ip + 1
    return b
  end
  local function literal(count)
    if op + count > size then error("more output than the size field declares", 0) end
    for _ = 1, count do
      op = op + 1
      out[op] = byte()
    end
  end
  local function copy(dist, count)
    local from = op - dist
    if from < 0 then error("an LZO1X match reaches before the start", 0) end
    if op + count > size then error("more output than the size field declares", 0) end
    for k = 1, count do
      op = op + 1
      out[op] = out[from + k]
    end
  end
  local function long(base)
    local t, b = 0, byte()
    while b == 0 do
      t = t + 255
      b = byte()
    end
    return base + t + b
  end
  local state = 0
  local t = byte()
  if t > 17 then
    literal(t - 17)
    state = t - 17 < 4 and t - 17 or 4
    t = byte()
  end
  while true do
    local matched = true
    if t >= 64 then
      local h = byte()
      copy(band(rshift(t, 2), 7) + h * 8 + 1, rshift(t, 5) + 1)
      state = band(t, 3)
    elseif t >= 32 then
      local count = band(t, 31)
      if count == 0 then count = long(31) end
      local b0, b1 = byte(), byte()
      copy(rshift(b0, 2) + b1 * 64 + 1, count + 2)
      state = band(b0, 3)
    elseif t >= 16 then
      local count = band(t, 7)
      if count == 0 then count = long(7) end
      local b0, b1 = byte(), byte()
      local dist = band(t, 8) * 2048 + rshift(b0, 2) + b1 * 64
      if dist == 0 then break end -- the end marker
      copy(dist + 16384, count + 2)
      state = band(b0, 3)
    elseif state == 0 then
      local count = t
      if count == 0 then count = long(15) end
      literal(count + 3)
      state = 4
      matched = false
    elseif state < 4 then
      local h = byte()
      copy(rshift(t, 2) + h * 4 + 1, 2)
      state = band(t, 3)
    else
      local h = byte()
      copy(rshift(t, 2) + h * 4 + 2049, 3)
      state = band(t, 3)
    end
    if matched and state > 0 then literal(state) end
    t = byte()
  end
  if ip <= n then error(format("%d bytes follow the LZO1X end marker", n - ip + 1), 0) end
  if op ~= size then
    error(format("the LZO1X stream gives %d bytes, the size field says %d", op, size), 0)
  end
  local parts = {}
  for i = 1, op, 4096 do
    parts[#parts + 1] = char(unpack(out, i, math.min(op, i + 4095)))
  end
  return concat(parts)
end
L.lzo1x = lzo1x

-- Frames -----------------------------------------------------------------------------------------
local function table_byte(tbl, key, salt) return tbl:byte(key * 256 + salt + 1) end

-- The plain body of an encrypted frame after its check byte, or nil and why not.
local function decrypt(raw, key, salt)
  local seed = table_byte(SEED, key, salt)
  local check = bxor(seed, table_byte(MASK, key, salt))
  if raw:byte(1) ~= check then
    return nil, format("check byte 0x%02x does not fit key %d with salt 0x%02x (expects 0x%02x)",
                       raw:byte(1), key, salt, check)
  end
  local b = {seed, raw:byte(2, 4)}
  for j = 5, #raw do b[j] = bxor(raw:byte(j), b[j - 4]) end
  local parts = {}
  for i = 2, #b, 4096 do parts[#parts + 1] = char(unpack(b, i, math.min(#b, i + 4095))) end
  return concat(parts)
end

-- The hello: salt 0, u16 length, a zero byte, then the payload: id 0x0000, u32 key (< 16),
-- u32 server id.
local function hello_key(tvb, offset)
  if tvb:len() - offset < 14 then return nil end
  local n = tvb:range(offset + 1, 2):le_uint()
  if tvb:range(offset, 1):uint() ~= 0 or tvb:range(offset + 3, 1):uint() ~= 0 or
      n < 7 or tvb:len() - offset < 3 + n or tvb:range(offset + 4, 2):le_uint() ~= 0 then
    return nil
  end
  local key = tvb:range(offset + 6, 4):le_uint()
  if key >= 16 then return nil end
  return key
end

-- The payload of an encrypted frame's body (from its check byte) under `key`, or nil and why
-- not; server frames also give their declared size.
local function open_body(dir, raw, key, salt)
  local plain, why = decrypt(raw, key, salt)
  if not plain then return nil, why end
  if dir == "client" then
    if #plain == 0 then return nil, "an empty payload" end
    return plain
  end
  if #plain < 4 then return nil, "a server frame shorter than its size field" end
  local size = ((plain:byte(1) * 256 + plain:byte(2)) * 256 + plain:byte(3)) * 255 +
               plain:byte(4)
  if size > 256 * #plain + 1024 then
    return nil, format("the size field says %d bytes, more than a %d-byte LZO1X stream can " ..
                       "hold", size, #plain - 4), size
  end
  local ok, result = pcall(lzo1x, plain:sub(5), size)
  if not ok then return nil, tostring(result), size end
  if #result == 0 then return nil, "an empty payload", size end
  return result, nil, size
end
L.open_body = open_body

-- Whether `payload` parses as a whole packet of the direction, without a tree: the test the
-- key trial prefers, as pkttools' layer prefers keys under which frames parse.
local function parses(S, D, payload, pinfo)
  local ptvb = ByteArray.new(payload, true):tvb("PangYa key trial")
  local r = PK.reader(ptvb, 0, ptvb:len(), false)
  local ctx = PK.new_ctx(S, D, pinfo, nil)
  local ok = pcall(D.frame, r, nil, ctx)
  return ok and r.pos == ptvb:len() and r.nb == 0 and not ctx.bad_text
end

-- Keys as runs ("0x00-0x0a, 0x0c"), as pkttools' layer writes them: a message stays within
-- the length of an expert info.
local function key_list(set)
  local out, first = {}, nil
  for k = 0, 16 do
    if set[k] and first == nil then first = k end
    if not set[k] and first ~= nil then
      if k - first > 2 then
        out[#out + 1] = format("0x%02x-0x%02x", first, k - 1)
      else
        for x = first, k - 1 do out[#out + 1] = format("0x%02x", x) end
      end
      first = nil
    end
  end
  return concat(out, ", ")
end

local function count(set)
  local n = 0
  for k = 0, 15 do
    if set[k] then n = n + 1 end
  end
  return n
end

-- Per connection (PK.conversation): the transport (encrypted or plaintext), the key, and
-- while no hello has named it the candidate keys of the trial.
local states = {}

local function state(pinfo, dir)
  local id = PK.conversation(pinfo, dir)
  local st = states[id]
  if not st then
    st = {frames = 0}
    states[id] = st
  end
  return st
end

function L.init() states = {} end

-- The candidates under which a frame decrypts (`ok`: key -> payload) and, of those, the keys
-- under which it also parses.
local function fitting(S, D, st, raw, salt, pinfo)
  local ok, parsing, any = {}, {}, false
  for k = 0, 15 do
    if st.cands[k] then
      local payload = open_body(D.dir, raw, k, salt)
      if payload then
        ok[k] = payload
        any = true
      end
    end
  end
  local several, verdicts = count(ok) > 1, {}
  for k, payload in pairs(ok) do
    -- one key that decrypts needs no parse to be chosen; keys that read the frame the same
    -- (salts 0 and 1 read it the same under every key) share one parse
    if several and verdicts[payload] == nil then
      verdicts[payload] = parses(S, D, payload, pinfo)
    end
    if not several or verdicts[payload] then parsing[k] = true end
  end
  return ok, parsing, any
end

-- A frame of a connection without a hello: the key by trial (pkttools/layers/pangya.py's
-- Session). The first pass narrows the candidates frame by frame; a later pass (tshark -2,
-- Wireshark's GUI) reads every frame with the key the whole connection gave. Returns the key
-- to decrypt with, or nil and what to say instead (with the payload when every remaining key
-- reads the frame the same).
local function trial(S, D, st, raw, salt, pinfo, where)
  if not st.cands then
    st.cands = {}
    for k = 0, 15 do st.cands[k] = true end
  end
  if st.found then return st.found, where == st.found_at and st.found_note or nil end
  local ok, parsing, any = fitting(S, D, st, raw, salt, pinfo)
  if not pinfo.visited then
    st.frames = st.frames + 1
    if next(parsing) ~= nil then
      st.cands = parsing
    elseif any then -- keys under which the frame decrypts, though it parses under none
      st.cands = {}
      for k in pairs(ok) do st.cands[k] = true end
    end
    if count(st.cands) == 1 then
      st.found, st.found_at = next(st.cands), where
      st.found_note = format("key 0x%02x found by trial after %d frame(s)", st.found,
                             st.frames) -- as pkttools' layer says it
      return st.found, st.found_note
    end
  end
  if not any then
    return nil, format("%s frame: check byte 0x%02x (offset %d) fits none of the candidate " ..
                       "keys (%s)", D.dir, raw:byte(1), HEADER[D.dir], key_list(st.cands))
  end
  local keys = next(parsing) ~= nil and parsing or ok
  local same
  for k in pairs(keys) do
    if same == nil then same = ok[k] elseif same ~= ok[k] then same = false end
  end
  if same then
    return nil, format("key not known yet (%s): the frame reads the same under %s",
                       key_list(st.cands), key_list(keys)), same
  end
  return nil, format("key not known yet: the frame reads differently under %s; dissect " ..
                     "in two passes (tshark -2) or set the Key preference", key_list(keys))
end

-- Whether the first frame of a connection without a hello is an encrypted frame: it fills
-- the segment exactly and decrypts under some key (a server frame decompresses to its
-- declared size; a client frame has sequence 0 and parses). Plaintext payloads, read as a
-- frame header, almost never pass.
local function looks_encrypted(S, D, tvb, pinfo)
  local hdr, len = HEADER[D.dir], tvb:len()
  if len < hdr + 2 or hdr + tvb:range(1, 2):le_uint() ~= len then return false end
  if D.dir == "client" and tvb:range(3, 1):uint() ~= 0 then return false end
  local raw, salt = tvb:range(hdr, len - hdr):raw(), tvb:range(0, 1):uint()
  for k = 0, 15 do
    local payload = open_body(D.dir, raw, k, salt)
    if payload and (D.dir == "server" or parses(S, D, payload, pinfo)) then return true end
  end
  return false
end

function L.attach(S)
  local a = S.abbr .. ".layer"
  S.lf = {
    frame = ProtoField.none(a, "encrypted frame", "a frame of the LoginService transport"),
    salt = ProtoField.uint8(a .. ".salt", "salt", base.HEX, nil, nil,
                            "picks the table entries with the key"),
    length = ProtoField.uint16(a .. ".length", "length", base.DEC, nil, nil,
                               "bytes of the body after the header"),
    sequence = ProtoField.uint8(a .. ".sequence", "sequence", base.DEC, nil, nil,
                                "client frames: written 0 by every client, read by no server"),
    check = ProtoField.uint8(a .. ".check", "check", base.HEX, nil, nil,
                             "SEED ^ MASK of the key and salt: tells whether the key fits"),
    size = ProtoField.uint32(a .. ".size", "size", base.DEC, nil, nil,
                             "server frames: the payload's size before LZO1X compression"),
    key = ProtoField.uint8(a .. ".key", "key", base.DEC, nil, nil,
                           "the connection's key, from the hello or the preference"),
  }
  S.layer = L
  local prefs = S.proto.prefs
  prefs.transport = Pref.enum("Transport", MODE_AUTO,
    "auto: encrypted when the server's first bytes are a hello, a key is set, or the " ..
    "first frame decrypts under some key; else plaintext payloads as pkttools parses them", {
      {1, "auto", MODE_AUTO}, {2, "encrypted", MODE_ENCRYPTED},
      {3, "plaintext", MODE_PLAINTEXT}}, false)
  local keys = {{1, "hello", KEY_FROM_HELLO}}
  for k = 0, 15 do keys[#keys + 1] = {k + 2, tostring(k), k} end
  prefs.key = Pref.enum("Key", KEY_FROM_HELLO,
    "the key (0-15); 'hello' takes it from the hello, or finds it by trial (as pkttools " ..
    "does) in a connection the capture has without its hello", keys,
    false)
end

function L.active(S, D, tvb, pinfo)
  local prefs = S.proto.prefs
  if prefs.transport == MODE_PLAINTEXT then return false end
  if prefs.transport == MODE_ENCRYPTED or prefs.key ~= KEY_FROM_HELLO then return true end
  local st = state(pinfo, D.dir)
  if st.encrypted == nil then
    if hello_key(tvb, 0) ~= nil and D.dir == "server" then
      st.encrypted = true
    elseif looks_encrypted(S, D, tvb, pinfo) then
      st.encrypted = true
      st.guessed = true
    elseif D.dir == "server" then
      st.encrypted = false -- the server's first bytes decide; a client's alone do not
    end
  end
  return st.encrypted == true
end

-- One frame of the TCP stream: its header, the key, the decrypted (and decompressed)
-- payload as a new data source, and the packet in it.
local function show_frame(S, D, tvb, offset, n, pinfo, tree, st)
  local hdr = HEADER[D.dir]
  local item = tree:add(S.proto, tvb:range(offset, n))
  item:add(S.f.direction, D.dir):set_generated()
  local frame = item:add(S.lf.frame, tvb:range(offset, hdr + (n > hdr and 1 or 0)))
  local salt = tvb:range(offset, 1):uint()
  frame:add(S.lf.salt, tvb:range(offset, 1))
  frame:add_le(S.lf.length, tvb:range(offset + 1, 2))
  if D.dir == "client" then frame:add(S.lf.sequence, tvb:range(offset + 3, 1)) end
  local key = hello_key(tvb, offset)
  if D.dir == "server" and key ~= nil and tvb:range(offset + 1, 2):le_uint() + 3 == n then
    if S.proto.prefs.key == KEY_FROM_HELLO then st.key = key end
    frame:append_text(": hello, in the clear")
    local used, _, name = PK.parse_into(S, D, item, tvb, offset + 4, offset + n, false, pinfo)
    if used < offset + n then
      PK.trailing(PK.reader(tvb, used, offset + n, false), item, {S = S})
    end
    item:append_text(format(", %s: %s", D.dir, name or "?"))
    return name
  end
  key = S.proto.prefs.key ~= KEY_FROM_HELLO and S.proto.prefs.key or st.key
  local function undissected(why, expert)
    item:add_proto_expert_info(expert or S.X.layer, why)
    if n > hdr then item:add(S.f.undissected, tvb:range(offset + hdr, n - hdr)) end
    item:append_text(format(", %s: not decrypted", D.dir))
    return "(not decrypted)"
  end
  if n <= hdr then return undissected("a frame without a body") end
  frame:add(S.lf.check, tvb:range(offset + hdr, 1))
  local raw = tvb:range(offset + hdr, n - hdr):raw()
  local payload, why, size
  if key == nil then
    local note, same
    key, note, same = trial(S, D, st, raw, salt, pinfo,
                            format("%d:%d:%s", pinfo.number, offset, D.dir))
    if key == nil and not same then return undissected(note) end
    if note then item:add_proto_expert_info(S.X.layer_note, note) end
    if key == nil then
      payload = same
      if D.dir == "server" then size = #same end
    end
  end
  if key ~= nil then
    frame:add(S.lf.key, key):set_generated()
    payload, why, size = open_body(D.dir, raw, key, salt)
  end
  if size then frame:add(S.lf.size, tvb:range(offset + hdr + 1, 4), size) end
  if not payload then return undissected(why) end
  local ptvb = ByteArray.new(payload, true):tvb("Decrypted PangYa")
  local used, _, name = PK.parse_into(S, D, item, ptvb, 0, ptvb:len(), false, pinfo)
  if used < ptvb:len() then
    PK.trailing(PK.reader(ptvb, used, ptvb:len(), false), item, {S = S})
  end
  item:append_text(format(", %s: %s", D.dir, name or "?"))
  return name
end

function L.dissect(S, D, tvb, pinfo, tree, names)
  local hdr = HEADER[D.dir]
  local st = state(pinfo, D.dir)
  local offset, len = 0, tvb:len()
  while offset < len do
    local n = len - offset >= 3 and hdr + tvb:range(offset + 1, 2):le_uint() or nil
    if n == nil or len - offset < n then
      if pinfo.can_desegment > 0 then
        pinfo.desegment_offset = offset
        pinfo.desegment_len = n and n - (len - offset) or DESEGMENT_ONE_MORE_SEGMENT
        return
      end
      local item = tree:add(S.proto, tvb:range(offset, len - offset))
      item:add(S.f.direction, D.dir):set_generated()
      item:add_proto_expert_info(S.X.truncated, format(
        "the frame needs %s bytes, the data ends after %d", n and tostring(n) or "3",
        len - offset))
      item:add(S.f.undissected, tvb:range(offset, len - offset))
      return
    end
    names[#names + 1] = show_frame(S, D, tvb, offset, n, pinfo, tree, st)
    offset = offset + n
  end
end

return L
