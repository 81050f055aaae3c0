-- pkttools' Wireshark runtime, its second part (pkttools/publish/lua/service.lua): a
-- service's Wireshark protocol, its PDUs and where failures go. The generator copies it into
-- the plugin after runtime.lua, as function(PK) ... end, adding to the same PK.
local fail, format = PK.fail, string.format

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
    no_spec = ProtoField.bytes(abbr .. ".no_spec_body", "no spec", base.NONE,
                               "the bytes after a packet id that has no spec, to the length "
                               .. "its dispatcher declares"),
  }
  S.X = {
    truncated = ProtoExpert.new(abbr .. ".truncated", "Truncated packet", g.MALFORMED, s.ERROR),
    invalid = ProtoExpert.new(abbr .. ".invalid", "A valid or contents rule fails",
                              g.MALFORMED, s.ERROR),
    unknown = ProtoExpert.new(abbr .. ".unknown_opcode", "No packet has this opcode",
                              undecoded, s.WARN),
    no_spec = ProtoExpert.new(abbr .. ".no_spec", "A packet id without a spec, stepped over by "
                              .. "its declared length", undecoded, s.NOTE),
    stopped = ProtoExpert.new(abbr .. ".stopped", "Not dissected: an earlier packet of this "
                              .. "direction has no known end", undecoded, s.WARN),
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
  S.stopped = {} -- tcp.stream .. direction -> where the direction stopped
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

-- A packet id no packet has: stepped over when the dispatcher declares its length
-- (-pkttools-packet-lengths, D.declared: a number, or "variable" when the u2le at offset 2 is
-- the whole length), as pkttools' splitter does; otherwise the end of the packet is unknown.
function PK.unknown_opcode(r, t, ctx, key)
  local declared = ctx.D.declared and ctx.D.declared[key]
  if declared == nil then
    fail("unknown", format("no %s packet has opcode %s (0x%x)", ctx.D.protocol, PK.to_s(key),
                           key), r.pos)
  end
  local start, length = ctx.start, declared
  if declared == "variable" then
    if start + 4 > r.pos then r:need(start + 4 - r.pos) end
    length = r.tvb:range(start + 2, 2):le_uint()
    if length < 4 then
      fail("invalid", format("packet id 0x%04x declares the impossible length %d, so the next "
                             .. "packet cannot be found", key, length), r.pos)
    end
  end
  if start + length < r.pos then
    fail("invalid", format("packet id 0x%04x is declared %d bytes long, shorter than its id",
                           key, length), r.pos)
  end
  local n = start + length - r.pos
  local rg = n > 0 and r:range(n) or nil
  local msg = format("opcode 0x%04x has no spec in %s (its declared length, %d bytes, steps "
                     .. "over it)", key, ctx.D.protocol, length)
  if t then
    if rg then t:add(ctx.S.f.no_spec, rg) end
    t:add_proto_expert_info(ctx.S.X.no_spec, msg)
  end
  ctx.name = format("(no spec) 0x%04x", key)
  fail("no_spec", msg, r.pos)
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
  elseif err.kind == "no_spec" then -- shown by PK.unknown_opcode; the next packet follows
    return err.pos, false
  else
    local msg = err.msg
    if err.kind == "more" then msg = msg .. " (the captured data ends inside the packet)" end
    target:add_proto_expert_info(S.X[KIND_EXPERT[err.kind]], msg)
  end
  -- Inside a length-prefixed frame the next PDU starts at the frame's end; a frame header
  -- that does not parse is skipped to the next magic byte (D.magic), as pkttools' splitter
  -- skips it (none in this data: the next data is tried as a frame again); elsewhere the
  -- packet's end is unknown, and so is where anything after it starts.
  local resume, skipped = ctx.pdu_end, false
  if resume == nil and ctx.D.magic and ctx.start and PK.is_failure(err) and
      err.kind ~= "more" then
    skipped = true
    local from = ctx.start + 1
    if from < stop then
      local found = r.tvb:range(from, stop - from):raw():find(ctx.D.magic, 1, true)
      if found then resume = from + found - 1 end
    end
  end
  local finish = resume or stop
  if at > finish then at = finish end
  if finish > at then
    local u = item:add(S.f.undissected, r.tvb:range(at, finish - at))
    u:append_text(format(" (%d bytes)", finish - at))
    if skipped then u:append_text(": not a frame; skipped to the next magic byte") end
  end
  if skipped then
    ctx.lost = false
    return finish, resume == nil
  end
  -- lost: where the next packet starts is unknown (not merely beyond the captured data)
  ctx.lost = resume == nil and not (PK.is_failure(err) and err.kind == "more")
  return finish, resume == nil
end

-- Parses one PDU of `tvb` from `offset` into `item` (a PDU subtree): returns the end of what
-- it used, whether the rest of the tvb must be left alone (after a failure whose extent is
-- unknown), the packet's name, and whether the start of the next packet is lost.
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
  return used, halt, name, ctx.lost
end

-- One PDU from `offset` in a subtree of its own: returns the bytes it used, whether the rest
-- of the tvb must be left alone, its name, and whether the next packet's start is lost.
function PK.show_pdu(S, D, tvb, offset, stop, outer, tree, pinfo, parse, label)
  local item = tree:add(S.proto, tvb:range(offset, 0))
  item:add(S.f.direction, D.dir):set_generated()
  local used, halt, name, lost = PK.parse_into(S, D, item, tvb, offset, stop, outer, pinfo,
                                               parse)
  name = name or label
  item:set_len(used - offset)
  item:append_text(format(", %s: %s", D.dir, name or "?"))
  return used - offset, halt, name, lost
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

-- A connection (or UDP flow) as a key: the client's and the server's address and port. Not
-- tcp.stream: a field extractor has no value in a pass without a tree (Wireshark loading a
-- file, tshark -2), and what that pass learns (a key, where a direction stops) must hold
-- when a frame is shown later.
function PK.conversation(pinfo, dir)
  local src = tostring(pinfo.src) .. "/" .. tostring(pinfo.src_port)
  local dst = tostring(pinfo.dst) .. "/" .. tostring(pinfo.dst_port)
  if dir == "client" then return src .. ">" .. dst end
  return dst .. ">" .. src
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

-- Where packets delimit themselves (D.stops), a packet whose end is unknown (an unknown id,
-- a packet that does not parse) stops the direction, as it stops pkttools' splitter: nothing
-- after it is dissected. (A packet cut by the end of the captured data does not: without
-- reassembly the next segment may start a packet.) The first pass records the frame; later
-- passes (the GUI) stop after it.
local function stopped(S, D, tvb, offset, pinfo, tree)
  local key = D.stops and (PK.conversation(pinfo, D.dir) .. " " .. D.dir)
  local stop = key and S.stopped[key]
  if not stop or (pinfo.visited and pinfo.number <= stop.frame) then return key, false end
  local rg = tvb:range(offset, tvb:len() - offset)
  local item = tree:add(S.proto, rg)
  item:add(S.f.direction, D.dir):set_generated()
  item:append_text(", " .. D.dir .. ": not dissected")
  item:add_proto_expert_info(S.X.stopped, format(
    "not dissected: in frame %d the end of a packet could not be found (%s), so this "
    .. "direction stops there, as pkttools' splitter does", stop.frame, stop.name or "?"))
  item:add(S.f.undissected, rg)
  return key, true
end

-- A TCP stream: PDUs back to back, reassembled across segments (Wireshark's desegmentation:
-- a PDU that runs past the end of the data asks for more, with the exact count when the
-- spec makes it known).
function PK.tcp_pdus(S, D, tvb, pinfo, tree, names, start)
  local offset, len = start or 0, tvb:len()
  local key, stop = stopped(S, D, tvb, offset, pinfo, tree)
  if stop then
    names[#names + 1] = "(not dissected)"
    return
  end
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
    local used, halt, name, lost = PK.show_pdu(S, D, tvb, offset, len, true, tree, pinfo)
    names[#names + 1] = name
    if lost and key and not S.stopped[key] then
      S.stopped[key] = {frame = pinfo.number, name = name}
    end
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
          item:add_proto_expert_info(S.X.trailing, format("%d bytes after the end marker",
                                                          len - offset))
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
  S.proto.init = function() -- a new capture: what earlier ones left behind goes
    S.stopped = {}
    if S.layer and S.layer.init then S.layer.init() end
  end
  local table_name = S.transport .. ".port"
  local dt = DissectorTable.get(table_name)
  for _, port in ipairs(ports) do dt:add(port, S.proto) end
  if dt.add_for_decode_as then dt:add_for_decode_as(S.proto) end
end
