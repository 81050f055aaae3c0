"""The Lua of one service: its Wireshark protocol, framing per direction, ports, layer.

From each protocol's stream spec (manifest `stream`, ksy/README.md "Streams"): a PDU is the
dispatcher itself when packets delimit themselves (TMW, plaintext PangYa), or the stream's frame
type when frames are length-prefixed (FlyFF's 0x5E header, FFXI's packet header). Both work
across TCP segments (the runtime asks Wireshark to reassemble until a PDU is whole) and inside
datagrams (FFXI: the prologue fields, then packets until the end marker of `repeat-until`).
Where packets delimit themselves, the direction also gets the lengths its dispatcher declares
for ids without a spec (`Protocol.declared_lengths`), and a packet whose end is unknown stops
it, as it stops pkttools' splitter (service.lua).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.registry import Protocol
from .wslua_expr import Kind, Scope, Uncovered, lua_string
from .wslua_fields import PathMap, ServiceFields
from .wslua_plan import Note, ProtoSpec, Roles
from .wslua_types import TypeGen


@dataclass
class Service:
    """A game service (`tmw.login`) with the protocol of each direction that has specs."""

    name: str
    protocols: dict[str, Protocol]  # direction -> protocol
    transport: str
    ports: list[int]
    layer: str | None = None  # "pangya", "ffxi": the Lua layer module that decrypts it

    @property
    def abbr(self) -> str:
        return self.name.replace(".", "_")


def roles_of(services: list[Service]) -> Roles:
    """What the protocols' dispatchers and stream specs make special in the types."""
    roles = Roles()
    for service in services:
        for proto in service.protocols.values():
            roles.dispatchers.add(proto.type_key)
            roles.bodies[proto.type_key] = proto.body_field
            if "." not in proto.opcode_field:
                roles.opcodes.add((proto.type_key, proto.opcode_field))
            frame = (proto.stream or {}).get("frame")
            if frame and frame["kind"] == "length":
                roles.frame_bodies[frame["type"]] = frame["body_field"]
    return roles


def _declared(lengths: dict[int, int | str]) -> str:
    """The lengths a dispatcher declares for ids without a spec, as a Lua table body."""
    return ", ".join(f"[{opcode}] = {length if isinstance(length, int) else lua_string(length)}"
                     for opcode, length in sorted(lengths.items()))


class ServiceBlock:
    """Writes the `do ... end` block of one service."""

    def __init__(self, service: Service, types: TypeGen, paths: PathMap):
        self.service = service
        self.types = types
        self.fields = ServiceFields(service.abbr, types, paths)
        self.notes: list[Note] = []

    def lua(self) -> str:
        service = self.service
        dirs = [self._direction(d, p) for d, p in sorted(service.protocols.items())]
        title = f"{service.name} (pkttools)"
        lines = [f"-- service {service.name}", "do",
                 f"  local S = PK.service({lua_string(service.name)}, {lua_string(title)}, "
                 f"{lua_string(service.abbr)})",
                 f"  S.short = {lua_string(service.abbr)}",
                 f"  S.transport = {lua_string(service.transport)}",
                 "  local F, FS = {}, {}"]
        lines += ["  " + d for d in self.fields.decls]
        lines += ["  " + s for s in self.fields.sets]
        for block in dirs:
            lines += ["  " + ln for ln in block]
        if service.layer:
            lines.append(f"  LAYERS[{lua_string(service.layer)}].attach(S)")
        ports = ", ".join(str(p) for p in service.ports)
        lines += ["  PK.register_fields(S, F)", f"  PK.register(S, {{{ports}}})", "end"]
        return "\n".join(lines)

    def _direction(self, direction: str, proto: Protocol) -> list[str]:
        packets = {p.type_key: p.name for p in proto.packets}
        names = ", ".join(f"[{p.opcode}] = {lua_string(p.name)}" for p in proto.packets)
        stream = proto.stream
        frame = stream["frame"] if stream else {"kind": "self", "type": proto.type_key}
        if frame["type"] == proto.type_key:
            fs = self.fields.fieldset(proto.type_key, self.service.abbr, proto.name,
                                      "dispatcher", packets)
        else:
            fs = self.fields.fieldset(frame["type"], f"{self.service.abbr}.frame", proto.name,
                                      "frame", packets)
        fn = self.types.ref(frame["type"])
        if stream is None:
            self.notes.append(Note(proto.type_key, "(stream)", "no stream.ksy: each packet is "
                                   "taken to end where its spec says"))
        lines = [f"S.dirs.{direction} = {{",
                 f"  dir = {lua_string(direction)}, protocol = {lua_string(proto.name)},",
                 f"  names = {{{names}}},",
                 f"  frame = function(r, t, ctx) ctx.start = r.pos; return {fn}(r, t, {fs}, nil, "
                 f"ctx) end,"]
        if frame.get("magic"):
            # a frame header that does not parse: the next frame is found again at the next
            # magic byte, as pkttools' splitter finds it
            magic = "".join(f"\\{b:03d}" for b in frame["magic"])
            lines.append(f'  magic = "{magic}",')
        if frame["kind"] == "self":
            # packets delimit themselves: one whose end is unknown stops the direction
            lines.append("  stops = true,")
            if proto.declared_lengths:
                lines.append(f"  declared = {{{_declared(proto.declared_lengths)}}},")
        if stream and stream["until"]:
            lines += self._until(proto, stream, frame)
        if stream and stream["prologue"]:
            if self.service.transport != "udp":
                self.notes.append(Note(stream["type"], stream["prologue"][0]["id"],
                                       "a prologue is read at the start of each datagram; on "
                                       "TCP it is not read (the frames are taken from the "
                                       "first byte)"))
            lines += self._prologue(proto, stream)
        lines.append("}")
        return lines

    def _until(self, proto: Protocol, stream: dict, frame: dict) -> list[str]:
        """The end marker: `repeat-until` on `_`, tested on the frame read up to its body
        (`_io.eof` is false there: the loop itself stops at the end of the data)."""
        scope = Scope(stream["type"], var="PK.NO_EOF",
                      special={"_": ("e", Kind("struct", frame["type"]))})
        try:
            code, _ = self.types.translator.translate(stream["until"], scope)
        except Uncovered as exc:
            self.notes.append(Note(stream["type"], stream["frames_field"],
                                   f"repeat-until not translated ({exc}): the frames are read "
                                   f"to the end of the data"))
            return []
        return [f"  ends = function(e, ctx) return {code} end,"]

    def _prologue(self, proto: Protocol, stream: dict) -> list[str]:
        """The fields a stream reads once before its frames (a datagram header)."""
        body = ["    local o = {_io = r}", "    local v, it"]
        for field in stream["prologue"]:
            abbrev = f"{self.service.abbr}.{field['id']}"
            if field["type"] is not None:
                fs = self.fields.fieldset(field["type"], abbrev, proto.name, "prologue",
                                          path=(field["id"],))
                pf = self.fields.field(abbrev, field["id"], ProtoSpec("none"))
                self.fields.record(proto.name, "prologue", (field["id"],), pf, ProtoSpec("none"))
                body.append(f"    o.{field['id']} = PK.struct(r, t, ctx, {pf}, "
                            f"{self.types.ref(field['type'])}, {fs}, o)")
            else:
                pf = self.fields.field(abbrev, field["id"], ProtoSpec("bytes"))
                self.fields.record(proto.name, "prologue", (field["id"],), pf,
                                   ProtoSpec("bytes"))
                body.append(f"    do local rg = r:range({field['size']}); "
                            f"o.{field['id']} = PK.bytes(t, {pf}, r.tvb, rg:offset(), "
                            f"rg:len()) end")
        return ["  prologue = function(r, t, ctx)"] + body + ["  end,"]
