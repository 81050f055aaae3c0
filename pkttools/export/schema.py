"""The Arrow schema of each packet type, from the spec model alone.

A packet's columns never depend on the rows seen, so files written by separate runs, on
separate machines, of captures that hit different switch cases, always combine. The rules:

- integers keep their width and sign (u2 -> uint16, s4 -> int32); b1 is a bool, wider bit
  fields the smallest unsigned integer that holds them; f4 -> float32, f8 -> float64;
  str/strz -> string; sized bytes, `contents` and `size-eos` bytes -> binary;
- an enum field is a struct {name, value}: the member's name (null for a number outside the
  enum) and the number, typed as the field;
- a user type is a struct of its seq fields then its instances, in spec order; a type with no
  field at all is a bool (true where it was read), as Parquet has no empty struct;
- a repeated field is a list of its element;
- a switch is a struct with one child per case type, named by the type (`login_error`), of
  which only the matched one is set; builtin-typed cases share one child per kind (`int`,
  `str`, ...); a sized switch has a binary `_raw` child for bytes no case matched;
- a value instance is typed from its expression (infer.py): 64-bit integers, doubles, bools,
  strings, or the type of the field it names;
- what cannot be typed (a type that contains itself, a name that cannot be resolved) is an
  ExportError naming protocol, packet, spec and field, raised before anything is written.

Every table starts with the same columns, whose names start with `_` (Kaitai ids never do, so
they cannot clash with a packet's fields): where the packet was found (see META).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pyarrow as pa

from ..codec.tree import FieldSpec
from ..errors import ExportError, NotBuiltError
from ..model.conventions import class_name
from ..model.registry import PacketType, Registry
from .infer import infer
from .nodes import (BINARY, STRING, Node, bits_node, enum_node, int_type, list_node,
                    scalar, struct_node, switch_node)

TIME = pa.timestamp("us", tz="UTC")

# Where a packet (or any other item) was found; in every table, in this order.
META = pa.schema([
    pa.field("_capture", pa.string(), nullable=False),  # the capture file, as given
    pa.field("_record", pa.int64(), nullable=False),  # its record that completed the item
    pa.field("_time", TIME, nullable=False),  # that record's time
    pa.field("_connection", pa.int32(), nullable=False),  # connection number in the capture
    pa.field("_client", pa.string(), nullable=False),  # address:port
    pa.field("_server", pa.string(), nullable=False),
    pa.field("_direction", pa.string(), nullable=False),  # who sent it: client or server
    pa.field("_offset", pa.int64(), nullable=False),  # in the TCP stream, or the datagram
    pa.field("_datagram", pa.int32()),  # UDP: the flow's datagram number per direction
    pa.field("_length", pa.int64(), nullable=False),  # bytes of the frame (or gap)
])

# Everything a capture yields besides parsed packets (ITEMS_TABLE), and one row per capture.
ITEMS = pa.schema(list(META) + [
    pa.field("kind", pa.string(), nullable=False),  # frame, unframed, gap, prologue, ...
    pa.field("transport", pa.string(), nullable=False),
    pa.field("service", pa.string(), nullable=False),
    pa.field("protocol", pa.string()),  # null for a direction without a protocol
    pa.field("packet", pa.string()),  # a frame whose packet type is known but failed
    pa.field("opcode", pa.int64()),
    pa.field("reason", pa.string()),
    pa.field("error", pa.string()),  # the located error of a frame that did not parse
    pa.field("data", pa.binary()),  # the bytes (for an overlap: the bytes kept)
    pa.field("dropped", pa.binary()),  # an overlap's bytes that were not kept
    pa.field("fields", pa.string()),  # JSON: a prologue's fields, a failed frame's header
])
CAPTURES = pa.schema([
    pa.field("_capture", pa.string(), nullable=False),
    pa.field("format", pa.string()),
    pa.field("compressed", pa.bool_()),
    pa.field("records", pa.int64()),
    pa.field("first_time", TIME),
    pa.field("last_time", TIME),
    pa.field("connections", pa.int32()),
    pa.field("packets", pa.int64()),
    pa.field("items", pa.int64()),
    pa.field("problems", pa.int32()),
    pa.field("warnings", pa.list_(pa.string())),
])
ITEMS_TABLE = "_items"
CAPTURES_TABLE = "_captures"


@dataclass(frozen=True, eq=False)
class PacketTable:
    """The table of one packet type: `table` is its folder in the dataset
    (`<protocol>/<packet>`). body reads the packet object into its field columns; frame the
    dispatcher's own fields (`_frame`: a FlyFF DPID, the FFXI header); header the header of a
    stream frame whose packet is only the body (`_header`: FlyFF's length and checksums)."""

    ptype: PacketType
    schema: pa.Schema
    body: Node
    frame: Node | None
    header: Node | None

    @property
    def table(self) -> str:
        return f"{self.ptype.protocol.name}/{self.ptype.name}"


class TypeModel:
    """Nodes of a registry's types, built once each (see infer.Types for what inference
    asks of it)."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._types: dict[str, Node] = {}
        self._members: dict[tuple[str, str], Node] = {}
        self._building: list[str] = []
        self._pending: set[tuple[str, str]] = set()  # members being typed (cycle check)
        self._tables: dict[PacketType, PacketTable] = {}
        self._users: dict[str, set[str]] | None = None

    # -- packets --------------------------------------------------------------------------
    def packet_table(self, ptype: PacketType) -> PacketTable:
        found = self._tables.get(ptype)
        if found is None:
            try:
                found = self._tables[ptype] = self._packet_table(ptype)
            except ExportError as exc:
                raise ExportError(f"cannot export {ptype.protocol.name} {ptype.name}: "
                                  f"{exc}") from None
        return found

    def _packet_table(self, ptype: PacketType) -> PacketTable:
        proto = ptype.protocol
        fields = list(META)
        frame = header = None
        if proto.frame_fields:
            dispatcher = self.registry.types[proto.type_key]
            frame = struct_node(proto.type_key, [
                (f["id"], self.member(proto.type_key, f["id"])) for f in dispatcher["seq"]
                if f["id"] in proto.frame_fields], [])
            fields.append(pa.field("_frame", frame.type))
        layout = (proto.stream or {}).get("frame", {})
        if layout.get("kind") == "length" and layout.get("packet") == "body":
            header = self.type_node(layout["header_type"])
            fields.append(pa.field("_header", header.type))
        fields.append(pa.field("_trailing", pa.binary()))
        body = self.type_node(ptype.type_key)
        if body.kind == "struct":
            fields.extend(body.type)
        metadata = {"pkttools.protocol": proto.name, "pkttools.packet": ptype.name,
                    "pkttools.opcode": f"0x{ptype.opcode:04x}",
                    "pkttools.spec": ptype.spec_path}
        return PacketTable(ptype, pa.schema(fields, metadata=metadata), body, frame, header)

    # -- types ----------------------------------------------------------------------------
    def type_node(self, key: str) -> Node:
        found = self._types.get(key)
        if found is not None:
            return found
        info = self.registry.types[key]
        if key in self._building:
            chain = " -> ".join(self.registry.types[k]["name"] for k in self._building)
            raise ExportError(f"type {info['name']} contains itself ({chain} -> "
                              f"{info['name']}): Arrow has no recursive types")
        self._building.append(key)
        try:
            seq = [(f["id"], self.member(key, f["id"])) for f in info["seq"]]
            instances = [(f["id"], self.member(key, f["id"])) for f in info["instances"]]
        finally:
            self._building.pop()
        node = self._types[key] = struct_node(key, seq, instances)
        return node

    def member(self, key: str, name: str) -> Node | None:
        found = self._members.get((key, name))
        if found is not None:
            return found
        info = self.registry.types[key]
        field = next((f for f in info["seq"] + info["instances"] if f["id"] == name), None)
        if field is None:
            return None
        where = f"{self._origin(info['path'])} {info['yaml_path']}: field {name}"
        if (key, name) in self._pending:
            raise _FieldError(f"{where}: its value depends on itself")
        self._pending.add((key, name))
        try:
            node = self._field(key, field)
        except _FieldError:
            raise
        except ExportError as exc:
            raise _FieldError(f"{where}: {exc}") from None
        finally:
            self._pending.discard((key, name))
        self._members[(key, name)] = node
        return node

    def _field(self, key: str, field: dict) -> Node:
        attr = field["attr"]
        if "value" in attr and "type" not in attr:
            node = infer(attr["value"], key, self)
            if field["enum"] is not None:
                if node.kind != "int":
                    raise ExportError(f"an enum over a {node.kind}")
                node = enum_node(field["enum"], node.type)
            return list_node(node) if "repeat" in attr else node
        spec = FieldSpec(field, None)
        if spec.kind == "switch":
            node = self._switch(key, field)
        elif spec.kind == "struct":
            node = self.type_node(spec.type_key)
        else:
            node = _builtin(spec)
        if field["enum"] is not None:
            if spec.kind not in ("int", "bits"):
                raise ExportError(f"an enum over a {spec.kind}")
            base = node.type if node.kind == "int" else pa.uint8()  # b1 with an enum
            node = enum_node(field["enum"], base)
        return list_node(node) if spec.repeat else node

    def _switch(self, key: str, field: dict) -> Node:
        typed: list[tuple[str, str, Node]] = []
        builtin: dict[str, list[Node]] = {}
        raw_cases = {str(c): t for c, t in (field["attr"]["type"].get("cases") or {}).items()}
        for case, type_key in field["cases"].items():
            if type_key is not None:
                if all(k != type_key for _, k, _ in typed):
                    typed.append((self.registry.types[type_key]["name"], type_key,
                                  self.type_node(type_key)))
                continue
            spec = FieldSpec({"id": field["id"], "attr": {"type": raw_cases[case]},
                              "enum": None, "type": None, "cases": None, "switch_on": None},
                             None)
            node = _builtin(spec)
            builtin.setdefault(node.kind, []).append(node)
        merged = [(kind, _widest(kind, nodes)) for kind, nodes in builtin.items()]
        names = [name for name, _, _ in typed] + [name for name, _ in merged]
        clash = sorted({n for n in names if names.count(n) > 1})
        if clash:
            raise ExportError(f"switch cases would share the column {clash[0]!r}")
        sized = "size" in field["attr"] or bool(field["attr"].get("size-eos"))
        return switch_node(typed, merged, sized)

    def _origin(self, spec_path: str) -> str:
        """Where a spec is, as people find it (a user's folder, the project's ksy/)."""
        try:
            return self.registry.spec_origin(spec_path)
        except NotBuiltError:  # a registry made from spec data alone
            return f"ksy/{spec_path}"

    # -- what inference asks ----------------------------------------------------------------
    def parent(self, key: str) -> str:
        if self._users is None:
            users: dict[str, set[str]] = {}
            for owner, info in self.registry.types.items():
                for f in info["seq"] + info["instances"]:
                    for used in [f["type"], *(f["cases"] or {}).values()]:
                        if used is not None:
                            users.setdefault(used, set()).add(owner)
            self._users = users
        found = sorted(self._users.get(key, ()))
        if len(found) != 1:
            names = ", ".join(self.registry.types[k]["name"] for k in found) or "no type"
            raise ExportError(f"_parent of {self.registry.types[key]['name']} could be "
                              f"{names}: the spec must say which")
        return found[0]

    def enum(self, key: str, path: tuple[str, ...]) -> str:
        *owners, name = path
        scope: str | None = key
        while scope is not None:
            base = scope
            for owner in owners:
                base = f"{base}.{class_name(owner)}"
            if f"{base}::{name}" in self.registry.enums:
                return f"{base}::{name}"
            spec, _, qual = scope.partition(":")
            scope = f"{spec}:{qual.rsplit('.', 1)[0]}" if "." in qual else None
        if owners and f"{owners[0]}:{class_name(owners[0])}" in self.registry.types:
            head = f"{owners[0]}:{class_name(owners[0])}"
            for owner in owners[1:]:
                head = f"{head}.{class_name(owner)}"
            if f"{head}::{name}" in self.registry.enums:
                return f"{head}::{name}"
        raise ExportError(f"no enum {'::'.join(path)}")


class _FieldError(ExportError):
    """An ExportError that already names the spec and field it comes from."""


def _builtin(spec: FieldSpec) -> Node:
    if spec.kind in ("bytes", "contents"):
        return BINARY
    if spec.kind == "str":
        return STRING
    if spec.kind == "int":
        return scalar("int", int_type(spec.width, spec.signed))
    if spec.kind == "float":
        return scalar("float", pa.float32() if spec.width == 4 else pa.float64())
    if spec.kind == "bits":
        return bits_node(spec.width)
    raise ExportError(f"type {spec.attr.get('type')!r} has no column type")


def _widest(kind: str, nodes: list[Node]) -> Node:
    """One child for builtin-typed switch cases of one kind: a type that holds each of them."""
    if all(n.type.equals(nodes[0].type) for n in nodes):
        return nodes[0]
    if kind == "float":
        return scalar("float", pa.float64())
    if kind == "int":
        unsigned = [n.type.byte_width for n in nodes if pa.types.is_unsigned_integer(n.type)]
        signed = [n.type.byte_width for n in nodes if pa.types.is_signed_integer(n.type)]
        if not signed or not unsigned:
            return scalar("int", int_type(max(unsigned or signed), bool(signed)))
        width = max(max(signed), 2 * max(unsigned))  # a signed type that holds both
        if width <= 8:
            return scalar("int", int_type(width, True))
    raise ExportError(f"switch cases of types {', '.join(str(n.type) for n in nodes)} "
                      f"have no common column type")


@lru_cache(maxsize=None)
def model_for(registry: Registry) -> TypeModel:
    """The type model of a registry: one per registry, so its nodes are built once."""
    return TypeModel(registry)


def packet_table(ptype: PacketType) -> PacketTable:
    """The schema (and row readers) of a packet type's table."""
    return model_for(ptype.protocol.registry).packet_table(ptype)


def packet_schema(ptype: PacketType) -> pa.Schema:
    """The Arrow schema of a packet type's table: META, `_frame`/`_header` where the protocol
    has them, `_trailing`, then the packet's fields."""
    return packet_table(ptype).schema
