-- The FFXI world-server layer in the dissector (pkttools/publish/lua/layer_ffxi.lua), the same as
-- pkttools/layers/ffxi.py. A datagram is its 0x1C-byte header in the clear, then (in whole
-- 8-byte blocks, a shorter tail clear) FFXI's Blowfish of: the compressed packets (a flag
-- byte 0x01 and the bit codes, least significant bit first), the u32le bit count (the flag's
-- 8 bits included) and the MD5 of both. The Blowfish key is the MD5 of the 20-byte session
-- key with every byte from its first zero byte on set to zero; the session key's last four
-- bytes (u32le) step on by 2 after the server sends packet 0x00B. The session key is not in
-- the capture: the protocol's `session_key` preference gives it (40 hex digits). Without it a
-- datagram whose packets chain to its end is read as plaintext (a decrypted dump, as pkttools
-- parses it), any other is shown as encrypted.
-- The generator wraps this file in function(PK, PI, CODES): PI the 1042 words of the
-- P-array and S-boxes every key schedule starts from, CODES the bit code of each byte.
local L = {}
local band, bor, bxor, bnot = PK.bit32.band, PK.bit32.bor, PK.bit32.bxor, PK.bit32.bnot
local lshift, rshift, lrotate = PK.bit32.lshift, PK.bit32.rshift, PK.bit32.lrotate
local format, char, concat, floor = string.format, string.char, table.concat, math.floor
local unpack = table.unpack or unpack
local HEADER, MD5_SIZE, BITS_SIZE = 0x1C, 16, 4
local MIN_DATAGRAM = HEADER + 1 + BITS_SIZE + MD5_SIZE
local MAX_BODY = 2499
local LOGOUT = 0x00B
local TWO32 = 2 ^ 32

local function u32le(s, i)
  local a, b, c, d = s:byte(i, i + 3)
  return ((d * 256 + c) * 256 + b) * 256 + a
end

local function le32(x)
  return char(x % 256, floor(x / 256) % 256, floor(x / 65536) % 256, floor(x / 16777216))
end

local function bytes_of(list, first, last)
  local parts = {}
  for i = first, last, 4096 do
    parts[#parts + 1] = char(unpack(list, i, math.min(last, i + 4095)))
  end
  return concat(parts)
end

-- MD5 (RFC 1321) ------------------------------------------------------------------------------
local MD5_K, MD5_S = {}, {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21}
for i = 1, 64 do MD5_K[i] = floor(math.abs(math.sin(i)) * TWO32) end

local function md5(msg)
  local n = #msg
  local padded = msg .. "\128" .. string.rep("\0", (55 - n) % 64) .. le32(n * 8 % TWO32) ..
                 le32(floor(n * 8 / TWO32))
  local a0, b0, c0, d0 = 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476
  local m = {}
  for chunk = 1, #padded, 64 do
    for j = 0, 15 do m[j] = u32le(padded, chunk + 4 * j) end
    local a, b, c, d = a0, b0, c0, d0
    for i = 0, 63 do
      local f, g
      if i < 16 then f, g = bor(band(b, c), band(bnot(b), d)), i
      elseif i < 32 then f, g = bor(band(d, b), band(bnot(d), c)), (5 * i + 1) % 16
      elseif i < 48 then f, g = bxor(b, c, d), (3 * i + 5) % 16
      else f, g = bxor(c, bor(b, bnot(d))), (7 * i) % 16 end
      local s = MD5_S[floor(i / 16) * 4 + i % 4 + 1]
      f = (f + a + MD5_K[i + 1] + m[g]) % TWO32
      a, d, c = d, c, b
      b = (b + lrotate(f, s)) % TWO32
    end
    a0, b0 = (a0 + a) % TWO32, (b0 + b) % TWO32
    c0, d0 = (c0 + c) % TWO32, (d0 + d) % TWO32
  end
  return le32(a0) .. le32(b0) .. le32(c0) .. le32(d0)
end
L.md5 = md5

-- FFXI's Blowfish: the standard structure and tables, its own round function, and the key
-- read as signed bytes ---------------------------------------------------------------------------
local function new_cipher(key)
  local p, s = {}, {{}, {}, {}, {}}
  for i = 0, 17 do p[i] = PI[i + 1] end
  for k = 1, 4 do
    for i = 0, 255 do s[k][i] = PI[18 + 256 * (k - 1) + i + 1] end
  end
  local s0, s1, s2, s3 = s[1], s[2], s[3], s[4]
  local function f(x)
    local t1 = bxor(band(s1[band(rshift(x, 8), 255)], 1), 32)
    local t3 = bxor(band(s3[rshift(x, 24)], 1), 32)
    return (t1 + t3 + s2[band(rshift(x, 16), 255)] + s0[band(x, 255)]) % TWO32
  end
  local function encrypt(l, r)
    for i = 0, 15 do
      l = bxor(l, p[i])
      l, r = bxor(r, f(l)), l
    end
    return bxor(r, p[17]), bxor(l, p[16])
  end
  local function decrypt(l, r)
    for i = 17, 2, -1 do
      l = bxor(l, p[i])
      l, r = bxor(r, f(l)), l
    end
    return bxor(r, p[0]), bxor(l, p[1])
  end
  local j, n = 1, #key
  for i = 0, 17 do
    local data = 0
    for _ = 1, 4 do
      local byte = key:byte(j)
      if byte >= 0x80 then byte = bor(byte, 0xFFFFFF00) end
      data = bor(lshift(data, 8), byte)
      j = j % n + 1
    end
    p[i] = bxor(p[i], data)
  end
  local l, r = 0, 0
  for i = 0, 17, 2 do
    l, r = encrypt(l, r)
    p[i], p[i + 1] = l, r
  end
  for k = 1, 4 do
    for i = 0, 255, 2 do
      l, r = encrypt(l, r)
      s[k][i], s[k][i + 1] = l, r
    end
  end
  return {decrypt = decrypt}
end

local ciphers = {}

local function blowfish_key(session_key)
  local digest = md5(session_key)
  local zero = digest:find("\0", 1, true)
  if zero then digest = digest:sub(1, zero - 1) .. string.rep("\0", MD5_SIZE - zero + 1) end
  return digest
end

local function cipher_of(session_key)
  local c = ciphers[session_key]
  if not c then
    c = new_cipher(blowfish_key(session_key))
    ciphers[session_key] = c
  end
  return c
end

local function next_key(session_key)
  return session_key:sub(1, 16) .. le32((u32le(session_key, 17) + 2) % TWO32)
end

-- The bit coder ---------------------------------------------------------------------------------
local DECODE, WIDTH = {}, 0
for byte = 0, 255 do
  local length = CODES[byte + 1][2]
  if length > WIDTH then WIDTH = length end
end
for byte = 0, 255 do
  local code, length = CODES[byte + 1][1], CODES[byte + 1][2]
  for high = 0, 2 ^ (WIDTH - length) - 1 do DECODE[code + high * 2 ^ length] = {byte, length} end
end

-- `bits - 8` bits of codes after the flag byte; errors are strings.
local function decompress(data, bits)
  if #data == 0 or data:byte(1) ~= 1 then
    error(format("compression flag is 0x%02x, not 0x01", data:byte(1) or 0), 0)
  end
  if bits < 8 then error(format("bit count %d is less than the flag byte's 8", bits), 0) end
  if floor((bits + 7) / 8) > #data then
    error(format("bit count %d needs %d bytes of compressed data, only %d are there", bits,
                 floor((bits + 7) / 8), #data), 0)
  end
  local stream = data:sub(2) .. "\0\0\0"
  local finish, position, out = bits - 8, 0, {}
  local mask = 2 ^ WIDTH
  while position < finish do
    local start = floor(position / 8)
    local a, b, c = stream:byte(start + 1, start + 3)
    local window = floor((a + b * 256 + c * 65536) / 2 ^ (position % 8)) % mask
    local entry = DECODE[window]
    if not entry or position + entry[2] > finish then
      error(format("the bit count ends inside a code: %d bits left after %d bytes",
                   finish - position, #out), 0)
    end
    if #out == MAX_BODY then
      error(format("the decompressed data exceeds %d bytes", MAX_BODY), 0)
    end
    out[#out + 1] = entry[1]
    position = position + entry[2]
  end
  return bytes_of(out, 1, #out)
end

-- Datagrams -------------------------------------------------------------------------------------
-- The plaintext (header and packets), the unused bytes before the bit count, the bit count;
-- or nil, whether the MD5 failed, and why.
local function decrypt_datagram(raw, session_key)
  if #raw < MIN_DATAGRAM then
    return nil, false, format("%d bytes is shorter than the %d of an encrypted datagram",
                              #raw, MIN_DATAGRAM)
  end
  local cipher = cipher_of(session_key)
  local payload = raw:sub(HEADER + 1)
  local whole = #payload - #payload % 8
  local out = {}
  for i = 1, whole, 8 do
    local l, r = cipher.decrypt(u32le(payload, i), u32le(payload, i + 4))
    out[#out + 1] = le32(l) .. le32(r)
  end
  local plain = concat(out) .. payload:sub(whole + 1)
  local checked, digest = plain:sub(1, -MD5_SIZE - 1), plain:sub(-MD5_SIZE)
  if md5(checked) ~= digest then
    return nil, true, "MD5 mismatch after decrypting: wrong key or corrupt datagram"
  end
  local bits = u32le(checked, #checked - 3)
  local compressed = checked:sub(1, -BITS_SIZE - 1)
  local ok, body = pcall(decompress, compressed, bits)
  if not ok then return nil, false, body end
  return raw:sub(1, HEADER) .. body, #compressed - floor((bits + 7) / 8), bits
end
L.decrypt_datagram = decrypt_datagram

local function has_logout(plain)
  local offset = HEADER
  while offset + 2 <= #plain do
    local word = plain:byte(offset + 1) + plain:byte(offset + 2) * 256
    local size = floor(word / 512) * 4
    if size == 0 then return false end
    if word % 512 == LOGOUT then return true end
    offset = offset + size
  end
  return false
end

-- Per UDP flow: the session key in force and the one before it; per frame (first pass): the
-- key that decoded it.
local flows, frames = {}, {}
function L.init() flows, frames = {}, {} end

local function parse_key(text)
  local hex = text:gsub("[%s:]", "")
  if not hex:match("^%x+$") or #hex ~= 40 then return nil end
  return (hex:gsub("..", function(h) return char(tonumber(h, 16)) end))
end

function L.attach(S)
  local a = S.abbr .. ".layer"
  S.lf = {
    frame = ProtoField.none(a, "encrypted datagram", "the datagram as it was on the wire"),
    key = ProtoField.string(a .. ".session_key", "session key", base.ASCII,
                            "the 20-byte session key that decrypted the datagram, in hex"),
    bits = ProtoField.uint32(a .. ".bit_count", "bit count", base.DEC, nil, nil,
                             "bits of compressed data, the flag byte's 8 included"),
    unused = ProtoField.uint32(a .. ".unused", "unused", base.DEC, nil, nil,
                               "bytes between the compressed data and the bit count"),
    md5 = ProtoField.bytes(a .. ".md5", "md5", base.NONE,
                           "MD5 of the compressed data and the bit count"),
  }
  S.layer = L
  S.proto.prefs.session_key = Pref.string("Session key", "",
    "the 20-byte session key (40 hex digits) of the connection when the capture starts; " ..
    "empty: the datagrams are plaintext payloads, as pkttools parses them")
  S.proto.prefs_changed = function()
    flows, frames = {}, {}
  end
end

-- Whether a datagram reads as plaintext: its packet headers, from 0x1C on, chain to its end
-- (or to an end marker). Encrypted bytes practically never do.
local function plaintext(tvb)
  local offset, len = HEADER, tvb:len()
  if len < HEADER then return false end
  while offset + 2 <= len do
    local size = floor(tvb:range(offset, 2):le_uint() / 512) * 4
    if size == 0 then return true end
    offset = offset + size
  end
  return offset == len
end

-- The layer decrypts a server datagram when a session key is set; without one, a datagram
-- that does not read as plaintext is shown as encrypted (or damaged: a plaintext datagram cut
-- short cannot be told from an encrypted one).
function L.active(S, D, tvb, pinfo)
  if D.dir ~= "server" then return false end
  return S.proto.prefs.session_key ~= "" or not plaintext(tvb)
end

function L.dissect(S, D, tvb, pinfo, tree, names)
  local item = tree:add(S.proto, tvb:range(0, tvb:len()))
  item:add(S.f.direction, D.dir):set_generated()
  local frame = item:add(S.lf.frame, tvb:range(0, tvb:len()))
  item:append_text(", " .. D.dir .. ": encrypted datagram")
  if S.proto.prefs.session_key == "" then
    item:add_proto_expert_info(S.X.layer, "its packets do not chain to its end: encrypted " ..
                               "(set the session_key preference to decrypt it) or damaged")
    item:add(S.f.undissected, tvb:range(0, tvb:len()))
    return
  end
  local given = parse_key(S.proto.prefs.session_key)
  if not given then
    item:add_proto_expert_info(S.X.layer, "the session_key preference is not 40 hex digits")
    item:add(S.f.undissected, tvb:range(0, tvb:len()))
    return
  end
  local flow_id = PK.conversation(pinfo, D.dir)
  local flow = flows[flow_id]
  if not flow then
    flow = {key = given}
    flows[flow_id] = flow
  end
  local raw = tvb:range(0, tvb:len()):raw()
  local memo = frames[pinfo.number]
  local trials
  if memo then
    trials = {{memo.key, memo.how}}
  else
    trials = {{flow.key, "current"}, {next_key(flow.key), "next"}}
    if flow.previous then trials[#trials + 1] = {flow.previous, "previous"} end
  end
  local plain, unused, bits, why, used
  for _, trial in ipairs(trials) do
    local a, b, c = decrypt_datagram(raw, trial[1])
    if a then
      plain, unused, bits, used = a, b, c, trial
      break
    end
    why = c
    if not b then break end -- not an MD5 mismatch: another key would not help
  end
  if not plain then
    item:add_proto_expert_info(S.X.layer, why .. (#trials > 1 and " (tried the current, " ..
                               "next and previous session keys)" or ""))
    item:add(S.f.undissected, tvb:range(HEADER, tvb:len() - HEADER))
    return
  end
  frame:add(S.lf.key, PK.hex(used[1])):set_generated()
  frame:add(S.lf.bits, bits):set_generated()
  frame:add(S.lf.unused, unused):set_generated()
  frame:add(S.lf.md5, tvb:range(tvb:len() - MD5_SIZE, MD5_SIZE))
  if used[2] ~= "current" then
    item:add_proto_expert_info(S.X.layer_note, "decrypted with the " .. used[2] ..
                               " session key")
  end
  if not memo and not pinfo.visited then
    frames[pinfo.number] = {key = used[1], how = used[2]}
    if used[2] == "next" then flow.previous, flow.key = flow.key, used[1] end
    if used[2] ~= "previous" and has_logout(plain) then
      flow.previous, flow.key = flow.key, next_key(flow.key)
      item:add_proto_expert_info(S.X.layer_note, "packet 0x00B: the session key steps on")
    end
  end
  local ptvb = ByteArray.new(plain, true):tvb("Decrypted FFXI")
  PK.datagram_pdus(S, D, ptvb, pinfo, tree, names)
end

return L
