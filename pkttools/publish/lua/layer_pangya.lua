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
local bxor, band, rshift = bit32.bxor, bit32.band, bit32.rshift
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

-- Per connection (tcp.stream): the transport (encrypted or plaintext) and the key.
local states = {}
local tcp_stream

local function state(pinfo)
  local f = tcp_stream()
  local id = f and f.value or -1
  local st = states[id]
  if not st then
    st = {}
    states[id] = st
  end
  return st
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
  tcp_stream = Field.new("tcp.stream")
  local prefs = S.proto.prefs
  prefs.transport = Pref.enum("Transport", MODE_AUTO,
    "auto: encrypted when the server's first bytes are a hello (or a key is set), else " ..
    "plaintext payloads as pkttools parses them", {
      {1, "auto", MODE_AUTO}, {2, "encrypted", MODE_ENCRYPTED},
      {3, "plaintext", MODE_PLAINTEXT}}, false)
  local keys = {{1, "hello", KEY_FROM_HELLO}}
  for k = 0, 15 do keys[#keys + 1] = {k + 2, tostring(k), k} end
  prefs.key = Pref.enum("Key", KEY_FROM_HELLO,
    "the key (0-15) when the capture has no hello; 'hello' takes it from the hello", keys,
    false)
end

function L.active(S, D, tvb, pinfo)
  local prefs = S.proto.prefs
  if prefs.transport == MODE_PLAINTEXT then return false end
  if prefs.transport == MODE_ENCRYPTED or prefs.key ~= KEY_FROM_HELLO then return true end
  local st = state(pinfo)
  if st.encrypted == nil and D.dir == "server" then
    st.encrypted = hello_key(tvb, 0) ~= nil
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
  if key == nil then
    return undissected("no key: the capture has no hello before this frame; set the " ..
                       "protocol's Key preference")
  end
  frame:add(S.lf.key, key):set_generated()
  local plain, why = decrypt(tvb:range(offset + hdr, n - hdr):raw(), key, salt)
  if not plain then return undissected(why) end
  local payload = plain
  if D.dir == "server" then
    if #plain < 4 then return undissected("a server frame shorter than its size field") end
    local size = ((plain:byte(1) * 256 + plain:byte(2)) * 256 + plain:byte(3)) * 255 +
                 plain:byte(4)
    frame:add(S.lf.size, tvb:range(offset + hdr + 1, 4), size)
    if size > 256 * #plain + 1024 then
      return undissected(format("the size field says %d bytes, more than a %d-byte LZO1X " ..
                                "stream can hold", size, #plain - 4))
    end
    local ok, result = pcall(lzo1x, plain:sub(5), size)
    if not ok then return undissected(tostring(result)) end
    payload = result
  end
  if #payload == 0 then return undissected("an empty payload") end
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
  local st = state(pinfo)
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
