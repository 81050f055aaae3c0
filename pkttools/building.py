"""Packet bytes from plain data, written by the compiler's own read-write classes.

`build(protocol, data)` takes the shape `Packet.to_dict()` returns and:

1. turns the plain values into a tree of nodes, one per object, checking field names, value
   kinds and integer / bit widths against the spec (kaitai_gen/manifest.json);
2. fills in what the data implies and may be left out, reading the specs' own expressions:
   lengths and counts named by `size:` / `repeat-expr:` (the expression is inverted: a field
   reference, +, -, * and / by constants, through value instances), `contents` constants, the
   opcode, and switch keys implied by which case's fields the body has. A size that cannot be
   inverted exactly (words of 4 bytes) is padded by the rule beside the field:
   `-pkttools-size-align: 4`. A value given that contradicts the data is an error naming the
   field (or, with recompute=True, is recomputed: that is how edited packets are rewritten);
3. measures the exact size (so `size-eos`, `repeat-eos` and `if: not _io.eof` write right),
   builds the read-write objects, `_check()`s every one of them, and writes;
4. parses the bytes again and compares them with the data given, so anything the writer would
   silently change (a switch case that is not the body's, a condition that drops a field) is
   an error rather than a wrong packet.
"""

from __future__ import annotations

import math
import re
import struct
from functools import lru_cache
from io import BytesIO
from typing import Any

import kaitaistruct as ks
from kaitaistruct import KaitaiStream

from .errors import (BuildError, FieldValueError, InconsistentError, MissingFieldError,
                     PacketError, UnknownFieldError, UsageError)
from .expr import ExprError, Scope, apply_method, evaluate, parse_expr, paths_in, solve
from .plain import NON_FINITE, EnumName, format_path
from .registry import PacketType, Protocol, Registry, default_registry
from .specmodel import class_name

_INT = re.compile(r"^([us])([1248])(?:le|be)?$")
_FLOAT = re.compile(r"^f([48])(?:le|be)?$")
_BITS = re.compile(r"^b(\d+)(?:le|be)?$")
ALIGN_KEY = "-pkttools-size-align"


class _Missing(ExprError):
    """A path names a field that has no value (yet)."""


# -- field kinds ----------------------------------------------------------------------------------
class FieldSpec:
    """What the builder needs to know about one seq field, computed once per field."""

    __slots__ = ("id", "attr", "kind", "width", "signed", "enum", "type_key", "cases",
                 "switch_on", "repeat", "encoding", "size", "optional", "contents", "align",
                 "range")

    def __init__(self, field: dict, encoding: str | None):
        attr = field["attr"]
        self.id: str = field["id"]
        self.attr = attr
        self.enum: str | None = field["enum"]
        self.type_key: str | None = field["type"]
        self.cases: dict | None = field["cases"]
        self.switch_on = field["switch_on"]
        self.repeat: str | None = attr.get("repeat")
        self.encoding = attr.get("encoding", encoding)
        self.size = attr.get("size")
        self.optional = "if" in attr
        self.align = attr.get(ALIGN_KEY)
        self.contents = _contents(attr["contents"]) if "contents" in attr else None
        self.width = 0
        self.signed = False
        raw_type = attr.get("type") if isinstance(attr.get("type"), str) else None
        if self.contents is not None:
            self.kind = "contents"
        elif self.switch_on is not None:
            self.kind = "switch"
        elif self.type_key is not None:
            self.kind = "struct"
        elif raw_type is None:
            self.kind = "bytes"
        elif raw_type in ("str", "strz"):
            self.kind = "str"
        elif _INT.match(raw_type):
            m = _INT.match(raw_type)
            self.kind, self.signed, self.width = "int", m.group(1) == "s", int(m.group(2))
        elif _FLOAT.match(raw_type):
            self.kind, self.width = "float", int(_FLOAT.match(raw_type).group(1))
        elif _BITS.match(raw_type):
            self.kind, self.width = "bits", int(_BITS.match(raw_type).group(1))
        else:
            self.kind = "unsupported"
        if self.kind == "bits":
            self.range = (0, (1 << self.width) - 1)
        elif self.signed:
            self.range = (-(1 << (8 * self.width - 1)), (1 << (8 * self.width - 1)) - 1)
        else:
            self.range = (0, (1 << (8 * self.width)) - 1)

    @property
    def terminated(self) -> bool:
        return self.attr.get("type") == "strz" or "terminator" in self.attr

    def element_size(self, value: Any, node: "Node") -> int:
        """Bytes one element of this field takes (bits are handled by the caller)."""
        if self.kind == "contents":
            return len(self.contents)
        if self.size is not None:
            return node.eval_int(self.size, self.id)
        if self.attr.get("size-eos"):
            return self.natural(value)
        if self.kind == "int":
            return self.width
        if self.kind == "float":
            return self.width
        if self.kind in ("struct", "switch"):
            return value.measure() if isinstance(value, Node) else len(value)
        if self.kind == "str" and self.terminated:
            return len(value) + (0 if self.attr.get("include") else 1)
        if self.kind == "bytes" and "terminator" in self.attr:
            return len(value) + (0 if self.attr.get("include") else 1)
        raise BuildError(f"cannot size field {self.id}", protocol="", path=self.id)

    def natural(self, value: Any) -> int:
        """The length the content needs: what `size:` should say when it is derived."""
        if isinstance(value, Node):
            return value.measure()
        if self.kind == "str" and self.terminated and not self.attr.get("size-eos"):
            return len(value) + 1
        return len(value)


def _contents(value: Any) -> bytes:
    items = value if isinstance(value, list) else [value]
    out = bytearray()
    for item in items:
        out += bytes([item]) if isinstance(item, int) else str(item).encode("utf-8")
    return bytes(out)


# -- nodes ----------------------------------------------------------------------------------------
class Node(Scope):
    """One object being built: its type, field values (plain Python or child nodes), place."""

    def __init__(self, builder: "Builder", key: str, parent: "Node | None", path: tuple):
        self.builder = builder
        self.key = key
        self.parent = parent
        self.root: Node = parent.root if parent is not None else self
        self.path = path
        self.specs = builder.field_specs(key)
        self.instances = builder.instances(key)
        self.values: dict[str, Any] = {}
        self.derived: set[str] = set()
        self.given_instances: list[str] = []

    # Scope ---------------------------------------------------------------------------------
    def lookup(self, parts: tuple[str, ...]) -> Any:
        value: Any = self
        for part in parts:
            value = value.get(part) if isinstance(value, Node) else apply_method(value, part)
        return value

    def get(self, name: str) -> Any:
        if name == "_parent":
            if self.parent is None:
                raise _Missing("_parent of the top-level object")
            return self.parent
        if name == "_root":
            return self.root
        if name == "_io":
            raise ExprError("_io cannot be evaluated while building")
        if name in self.values:
            return self.values[name]
        inst = self.instances.get(name)
        if inst is not None and "value" in inst["attr"]:
            return evaluate(parse_expr(inst["attr"]["value"]), self)
        raise _Missing(name)

    def instance(self, parts: tuple[str, ...]):
        owner: Any = self
        for part in parts[:-1]:
            try:
                owner = owner.get(part) if isinstance(owner, Node) else None
            except ExprError:
                return None
            if not isinstance(owner, Node):
                return None
        inst = owner.instances.get(parts[-1])
        if inst is None or "value" not in inst["attr"]:
            return None
        return parse_expr(inst["attr"]["value"]), owner

    def enum_value(self, enum: tuple[str, ...], label: str) -> int:
        return self.builder.enum_value(self.key, enum, label)

    # helpers -------------------------------------------------------------------------------
    def eval_int(self, expr: Any, field: str) -> int:
        try:
            value = evaluate(parse_expr(expr), self)
        except ExprError as exc:
            raise self.error(BuildError, f"cannot evaluate {expr!r}: {exc}", field) from None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(BuildError, f"{expr!r} is {value!r}, not an integer", field)
        return value

    def error(self, cls: type, detail: str, *field: Any) -> BuildError:
        return cls(detail, protocol=self.builder.protocol.name, packet=self.builder.packet_name,
                   path=format_path(self.builder.rel(self.path + field)))

    def absorbs_padding(self) -> bool:
        """Whether zero bytes after this object's content read back as part of it: it ends in
        text that runs to the end of its stream and stops at a NUL (an FFXI name)."""
        last = next((spec for spec in reversed(self.specs) if spec.id in self.values), None)
        if last is None:
            return False
        value = self.values[last.id]
        if isinstance(value, Node) and not last.repeat and last.size is None:
            return value.absorbs_padding()
        return last.kind == "str" and bool(last.attr.get("size-eos")) and last.terminated

    def children(self):
        """(field spec, child node) for every sub-object, in field order."""
        for spec in self.specs:
            value = self.values.get(spec.id)
            for item in (value if isinstance(value, list) else (value,)):
                if isinstance(item, Node):
                    yield spec, item

    def measure(self) -> int:
        """Exact size in bytes of this object as it will be written."""
        bits = 0
        total = 0
        for spec in self.specs:
            if spec.id not in self.values:
                continue
            value = self.values[spec.id]
            if spec.kind == "bits":
                bits += spec.width * (len(value) if spec.repeat else 1)
                continue
            total += math.ceil(bits / 8)
            bits = 0
            if spec.kind in ("int", "float") and spec.size is None:
                total += spec.width * (len(value) if spec.repeat else 1)
                continue
            items = value if spec.repeat else [value]
            total += sum(spec.element_size(item, self) for item in items)
        return total + math.ceil(bits / 8)


# -- the builder ----------------------------------------------------------------------------------
class Builder:
    """Builds packets of one protocol; holds the caches that make repeated builds cheap."""

    def __init__(self, protocol: Protocol):
        self.protocol = protocol
        self.registry: Registry = protocol.registry
        self.packet_name: str | None = None
        self.recompute = False
        self.opcode: int | None = None
        self.prefix: tuple = (protocol.body_field,)  # where the packet body is in the tree
        self._field_specs: dict[str, list[FieldSpec]] = {}
        self._derivable: dict[str, set[str]] = {}
        self._instances: dict[str, dict[str, dict]] = {}

    def instances(self, key: str) -> dict[str, dict]:
        found = self._instances.get(key)
        if found is None:
            found = {i["id"]: i for i in self.registry.types[key]["instances"]}
            self._instances[key] = found
        return found

    def field_specs(self, key: str) -> list[FieldSpec]:
        specs = self._field_specs.get(key)
        if specs is None:
            info = self.registry.types[key]
            encoding = self.registry.specs[info["spec"]]["meta"].get("encoding")
            specs = [FieldSpec(f, encoding) for f in info["seq"]]
            self._field_specs[key] = specs
        return specs

    def rel(self, path: tuple) -> tuple:
        """Path from the object built -> path in the packet, as parse errors show it."""
        n = len(self.prefix)
        return path[n:] if path[:n] == self.prefix else path

    def enum_value(self, key: str, enum: tuple[str, ...], label: str) -> int:
        entry = self.resolve_enum(key, enum)
        if entry is None:
            raise ExprError(f"unknown enum {'::'.join(enum)}")
        for value, item in entry["values"].items():
            if item["id"] == label:
                return int(value)
        raise ExprError(f"enum {'::'.join(enum)} has no value {label}")

    def resolve_enum(self, key: str, enum: tuple[str, ...]) -> dict | None:
        enums = self.registry.enums
        if len(enum) == 1:
            scope: str | None = key
            while scope is not None:
                if f"{scope}::{enum[0]}" in enums:
                    return enums[f"{scope}::{enum[0]}"]
                spec, qual = scope.split(":", 1)
                scope = f"{spec}:{qual.rsplit('.', 1)[0]}" if "." in qual else None
        owner = f"{enum[0]}:{class_name(enum[0])}"
        for part in enum[1:-1]:
            owner += f".{class_name(part)}"
        return enums.get(f"{owner}::{enum[-1]}")

    # -- phase 1: plain data -> nodes ------------------------------------------------------
    def node(self, key: str, data: Any, parent: Node | None, path: tuple) -> Node:
        node = Node(self, key, parent, path)
        if not isinstance(data, dict):
            raise node.error(FieldValueError, f"expected an object with the fields of "
                             f"{self.registry.types[key]['name']}, got {_show(data)}")
        known = [s.id for s in node.specs]
        for name in data:
            if name not in known and name not in node.instances:
                raise node.error(UnknownFieldError, f"{self.registry.types[key]['name']} has no "
                                 f"field {name!r}; its fields are {', '.join(known) or 'none'}",
                                 name)
        node.given_instances = [name for name in data if name in node.instances]
        for spec in node.specs:
            if spec.kind == "switch":
                continue
            if spec.id in data:
                node.values[spec.id] = self.value(spec, data[spec.id], node)
            elif spec.kind == "struct" and not spec.repeat and not spec.optional:
                # Derivations may fill it (a header's length); missing fields are found later.
                node.values[spec.id] = self.node(spec.type_key, {}, node, path + (spec.id,))
        if key == self.protocol.type_key and self.opcode is not None:
            # The packet type sets the opcode (through a value instance if need be) before
            # the dispatcher's switch picks the body's type.
            self.assign(node, parse_expr(self.protocol.opcode_field), self.opcode,
                        ("opcode",), derive=False)
        for spec in node.specs:
            if spec.kind == "switch" and spec.id in data:
                node.values[spec.id] = self.switch_body(spec, data[spec.id], node)
        return node

    def value(self, spec: FieldSpec, data: Any, node: Node, index: int | None = None) -> Any:
        if spec.repeat and index is None:
            if not isinstance(data, list):
                raise node.error(FieldValueError, f"expected a list, got {_show(data)}", spec.id)
            count = spec.attr.get("repeat-expr")
            if isinstance(count, int) and len(data) != count:
                raise node.error(FieldValueError, f"needs exactly {count} items, got "
                                 f"{len(data)}", spec.id)
            return [self.value(spec, item, node, i) for i, item in enumerate(data)]
        where = (spec.id,) if index is None else (spec.id, index)
        kind = spec.kind
        if kind == "struct":
            return self.node(spec.type_key, data, node, node.path + where)
        if kind in ("int", "bits"):
            return self.integer(spec, data, node, where)
        if kind == "float":
            if isinstance(data, str) and data in NON_FINITE.values():
                data = _float(data)
            if isinstance(data, bool) or not isinstance(data, (int, float)):
                raise node.error(FieldValueError, f"expected a number (or NaN, Infinity, "
                                 f"-Infinity), got {_show(data)}", *where)
            value = float(data)
            if spec.width == 4 and math.isfinite(value) and abs(value) > 3.4028234663852886e38:
                raise node.error(FieldValueError, f"{value} does not fit in an f4", *where)
            return value
        if kind == "str":
            if not isinstance(data, str):
                raise node.error(FieldValueError, f"expected text, got {_show(data)}", *where)
            try:
                encoded = data.encode(spec.encoding or "utf-8")
            except (UnicodeEncodeError, LookupError) as exc:
                raise node.error(FieldValueError, f"{data!r} cannot be written in "
                                 f"{spec.encoding}: {exc}", *where) from None
            if spec.terminated and 0 in encoded:
                raise node.error(FieldValueError, "text may not contain NUL: the field ends "
                                 "at its first NUL", *where)
            if isinstance(spec.size, int) and len(encoded) > spec.size:
                raise node.error(FieldValueError, f"{len(encoded)} bytes do not fit in "
                                 f"{spec.size}", *where)
            return encoded
        if kind in ("bytes", "contents"):
            raw = _bytes(data)
            if raw is None:
                raise node.error(FieldValueError, f"expected hex bytes, got {_show(data)}", *where)
            if kind == "contents" and raw != spec.contents:
                raise node.error(InconsistentError, f"must be {spec.contents.hex(' ')} (a "
                                 f"constant), got {raw.hex(' ') or 'nothing'}", *where)
            if isinstance(spec.size, int) and len(raw) != spec.size and \
                    "terminator" not in spec.attr and "pad-right" not in spec.attr:
                raise node.error(FieldValueError, f"needs exactly {spec.size} bytes, got "
                                 f"{len(raw)}", *where)
            return raw
        raise node.error(BuildError, f"fields of type {spec.attr.get('type')!r} cannot be built",
                         *where)

    def integer(self, spec: FieldSpec, data: Any, node: Node, where: tuple) -> int:
        value = data
        if spec.enum is not None and isinstance(data, str):
            entry = self.registry.enums[spec.enum]
            value = next((int(v) for v, item in entry["values"].items() if item["id"] == data),
                         None)
            if value is None:
                names = ", ".join(item["id"] for item in entry["values"].values())
                raise node.error(FieldValueError, f"{data!r} is not in enum {entry['name']} "
                                 f"({names})", *where)
        if isinstance(value, bool) and spec.kind == "bits" and spec.width == 1:
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            raise node.error(FieldValueError, f"expected an integer, got {_show(data)}", *where)
        lo, hi = spec.range
        if not lo <= value <= hi:
            kind = f"b{spec.width}" if spec.kind == "bits" else \
                f"{'s' if spec.signed else 'u'}{spec.width}"
            raise node.error(FieldValueError, f"{value} does not fit in {kind} "
                             f"({lo}..{hi})", *where)
        if spec.kind == "bits" and spec.width == 1:
            return bool(value)
        return value

    def switch_body(self, spec: FieldSpec, data: Any, node: Node) -> Any:
        key = self.switch_key(spec, data, node)
        case = self.case_for(spec, key, node)
        if case is None:
            if spec.size is None:
                raise node.error(InconsistentError, f"{spec.switch_on} = {key} has no case, so "
                                 f"{spec.id} cannot be written", spec.id)
            raw = _bytes(data)
            if raw is None:
                raise node.error(FieldValueError, f"{spec.switch_on} = {key} has no case: give "
                                 f"{spec.id} as hex bytes", spec.id)
            return raw
        return self.node(case, data, node, node.path + (spec.id,))

    def switch_key(self, spec: FieldSpec, data: Any, node: Node) -> Any:
        tree = parse_expr(spec.switch_on)
        try:
            return evaluate(tree, node)
        except _Missing:
            pass
        except ExprError as exc:
            raise node.error(BuildError, f"cannot evaluate {spec.switch_on}: {exc}",
                             spec.id) from None
        # The key is not given: the case whose fields the body has decides.
        fits = [case for case, type_key in spec.cases.items()
                if case != "_" and type_key is not None and self.fits(type_key, data)]
        if len(fits) != 1:
            raise node.error(MissingFieldError, f"{spec.switch_on} is not given and "
                             f"{'no case' if not fits else 'more than one case'} of "
                             f"{spec.id} fits the fields given ({', '.join(fits) or 'none'})",
                             *_parts(spec.switch_on))
        key = evaluate(parse_expr(fits[0]), node)
        self.assign(node, parse_expr(spec.switch_on), key, (spec.id,), derive=False)
        return key

    def fits(self, key: str, data: Any) -> bool:
        """Whether plain data could be an object of this type: no unknown field, and every
        field that is neither optional, constant, nor a length or count is given."""
        if not isinstance(data, dict):
            return False
        info = self.registry.types[key]
        names = {f["id"] for f in info["seq"]} | {i["id"] for i in info["instances"]}
        if not set(data) <= names:
            return False
        derivable = self.derivable(key)
        for spec in self.field_specs(key):
            if spec.optional or spec.kind == "contents" or spec.id in derivable:
                continue
            if spec.kind == "struct" and not spec.repeat:
                if not self.fits(spec.type_key, data.get(spec.id, {})):
                    return False
            elif spec.id not in data:
                return False
        return True

    def derivable(self, key: str) -> set[str]:
        """Fields of a type that its own expressions make derivable (see derivable_paths)."""
        return {path[0] for path in self.derivable_paths(key) if len(path) == 1}

    def derivable_paths(self, key: str) -> set[tuple[str, ...]]:
        """Paths of fields that a type's expressions make derivable: the lengths and counts
        that `size:` / `repeat-expr:` name and the keys of its switches, followed through value
        instances and into sub-objects (`header.len_body` -> `header.size`)."""
        found = self._derivable.get(key)
        if found is None:
            found = set()
            for spec in self.field_specs(key):
                for expr in (spec.size, spec.attr.get("repeat-expr"), spec.switch_on):
                    if isinstance(expr, str):
                        for path in paths_in(parse_expr(expr)):
                            found |= self._resolve_paths(key, path, set())
            self._derivable[key] = found
        return found

    def _resolve_paths(self, key: str, path: tuple, seen: set) -> set[tuple[str, ...]]:
        info = self.registry.types[key]
        name = path[0]
        spec = next((s for s in self.field_specs(key) if s.id == name), None)
        if spec is not None:
            if len(path) == 1:
                return {(name,)}
            if spec.kind == "struct" and not spec.repeat:
                return {(name,) + sub
                        for sub in self._resolve_paths(spec.type_key, path[1:], seen)}
            return set()
        inst = next((i for i in info["instances"] if i["id"] == name), None)
        if inst is None or "value" not in inst["attr"] or (key, name) in seen:
            return set()
        seen = seen | {(key, name)}
        return {found for inner in paths_in(parse_expr(inst["attr"]["value"]))
                for found in self._resolve_paths(key, inner, seen)}

    def case_for(self, spec: FieldSpec, key: Any, node: Node) -> str | None:
        default = None
        for case, type_key in spec.cases.items():
            if case == "_":
                default = type_key
                continue
            if evaluate(parse_expr(case), node) == key:
                return type_key
        return default

    # -- phase 2: derived fields ----------------------------------------------------------
    def derive(self, node: Node) -> None:
        for spec, child in node.children():
            self.derive(child)
            size = spec.size if isinstance(spec.size, int) else None
            if isinstance(spec.size, str):
                try:
                    size = node.eval_int(spec.size, spec.id)
                except BuildError:  # derived later from the content
                    size = None
            self.fill_tail(child, size)
            if isinstance(spec.size, int) and not spec.repeat and child.measure() > size:
                raise node.error(FieldValueError, f"the content needs {child.measure()} bytes, "
                                 f"the field holds {size}", spec.id)
        if node.parent is None:
            self.fill_tail(node, None)
        for spec in node.specs:
            if spec.kind == "contents" and spec.id not in node.values:
                node.values[spec.id] = spec.contents
                node.derived.add(spec.id)
            if spec.id not in node.values:
                continue
            value = node.values[spec.id]
            if isinstance(spec.size, str) and not spec.repeat:
                natural = spec.natural(value)
                if spec.align:
                    natural = -(-natural // int(spec.align)) * int(spec.align)
                # Text with a terminator, padding, or a sub-object may sit in more bytes than
                # it needs (and text may fill them without its terminator).
                padded = spec.terminated or "pad-right" in spec.attr or \
                    (isinstance(value, Node) and value.absorbs_padding())
                minimal = len(value) if spec.kind in ("str", "bytes") else natural
                self.require(node, spec, spec.size, natural, "bytes",
                             minimal=minimal if padded else None)
            if spec.repeat == "expr":
                self.require(node, spec, spec.attr["repeat-expr"], len(value), "items")

    def fill_tail(self, node: Node, size: int | None) -> None:
        """A trailing `size-eos` bytes field left out (bytes after a NUL, padding): zeros up to
        the size of the field that holds the object, or nothing when that size is free."""
        last = node.specs[-1] if node.specs else None
        if last is None or last.id in node.values or last.kind != "bytes" \
                or not last.attr.get("size-eos") or last.repeat:
            return
        node.values[last.id] = b""
        if size is not None:
            node.values[last.id] = bytes(max(0, size - node.measure()))
        node.derived.add(last.id)

    def require(self, node: Node, spec: FieldSpec, expr: str, natural: int, unit: str,
                minimal: int | None = None) -> None:
        """Make `expr` evaluate to `natural`: check it when its fields are given (any value
        from `minimal` up is fine for padded content), or solve it."""
        tree = parse_expr(expr)
        if not self.recompute:
            try:
                current = evaluate(tree, node)
            except _Missing:
                current = None
            if current is not None:
                if current == natural or (minimal is not None and isinstance(current, int)
                                          and current >= minimal):
                    return
                raise self._contradiction(node, tree, expr, current, natural, spec, unit)
        self.assign(node, tree, natural, (spec.id,), derive=True, expr=expr)

    def _contradiction(self, node: Node, tree: Any, expr: str, current: Any, natural: int,
                       spec: FieldSpec, unit: str) -> BuildError:
        """The error for a given length or count that is not the data's: named after the
        field that holds it (found by solving, through value instances)."""
        where: tuple = _parts(expr)
        owner: Node = node
        solved = solve(tree, natural, node)
        if solved is not None and isinstance(solved[1], Node):
            owner, where = solved[1], solved[0]
        return owner.error(InconsistentError, f"{expr} = {current}, but {spec.id} has "
                           f"{natural} {unit}", *where)

    def assign(self, node: Node, tree: Any, value: Any, why: tuple, derive: bool,
               expr: str | None = None) -> None:
        solved = solve(tree, value, node)
        if solved is None or not isinstance(solved[1], Node):
            raise node.error(MissingFieldError, f"{expr or tree} cannot be derived from "
                             f"{format_path(why)}: give it explicitly", *why)
        parts, owner, target = solved
        try:
            holder = owner.lookup(parts[:-1]) if len(parts) > 1 else owner
        except ExprError:
            holder = None
        name = parts[-1]
        spec = next((s for s in holder.specs if s.id == name), None) \
            if isinstance(holder, Node) else None
        if spec is None or spec.kind not in ("int", "bits"):
            raise node.error(MissingFieldError, f"{expr or tree} names no integer field to "
                             f"derive from {format_path(why)}", *why)
        if isinstance(target, float) and target.is_integer():
            target = int(target)
        target = self.integer(spec, target, holder, (name,))
        given = holder.values.get(name)
        if given is not None and name not in holder.derived and given != target \
                and not (self.recompute and derive):
            raise holder.error(InconsistentError, f"given as {given}, but "
                               f"{format_path(why) or 'the packet'} needs {target}", name)
        holder.values[name] = target
        holder.derived.add(name)

    # -- phase 3: everything there? ----------------------------------------------------------
    def check_complete(self, node: Node) -> None:
        for _, child in node.children():
            self.check_complete(child)
        for spec in node.specs:
            present = spec.id in node.values
            if spec.optional:
                wanted = self.condition(node, spec)
                if wanted is True and not present:
                    raise node.error(MissingFieldError, f"needed because {spec.attr['if']} "
                                     f"holds", spec.id)
                if wanted is False and present:
                    raise node.error(InconsistentError, f"given, but {spec.attr['if']} does "
                                     f"not hold, so it cannot be written", spec.id)
            elif not present and not self.no_case(node, spec):
                raise node.error(MissingFieldError, "required: it is neither optional nor "
                                 "derivable from the other fields", spec.id)

    def no_case(self, node: Node, spec: FieldSpec) -> bool:
        """Whether a switch field is absent because its key has no case (and no size): the
        reader reads nothing there, so the writer writes nothing (an unknown status whose
        bytes a parsed packet keeps as trailing)."""
        if spec.kind != "switch" or spec.size is not None:
            return False
        try:
            key = evaluate(parse_expr(spec.switch_on), node)
        except ExprError:
            return False
        return self.case_for(spec, key, node) is None

    def condition(self, node: Node, spec: FieldSpec) -> bool | None:
        """An `if:` evaluated on the data, or None when it depends on the stream (`_io`)."""
        try:
            return bool(evaluate(parse_expr(spec.attr["if"]), node))
        except _Missing:
            return None
        except ExprError:
            return None

    # -- phase 4: read-write objects ---------------------------------------------------------
    def objects(self, node: Node, parent: Any) -> Any:
        cls = self.registry.cls(node.key, "rw")
        same_spec = parent is not None and node.parent is not None and \
            node.key.split(":", 1)[0] == node.parent.key.split(":", 1)[0]
        obj = cls(None, parent, parent._root) if same_spec else cls(None)
        # Plain assignment: ReadWriteKaitaiStruct.__setattr__ would mark the object dirty on
        # every field, and every object is _check()ed (which clears the flag) before writing.
        fields = obj.__dict__
        for spec in node.specs:
            if spec.id not in node.values:
                continue
            value = node.values[spec.id]
            if isinstance(value, list):
                value = [self.objects(v, obj) if isinstance(v, Node) else self.plain(spec, v)
                         for v in value]
            elif isinstance(value, Node):
                value = self.objects(value, obj)
            else:
                value = self.plain(spec, value)
            fields[spec.id] = value
        return obj

    @staticmethod
    def plain(spec: FieldSpec, value: Any) -> Any:
        if spec.kind == "str":
            return value.decode(spec.encoding or "utf-8")
        return value

    def check_objects(self, obj: Any, node: Node) -> None:
        for spec in node.specs:
            value = node.values.get(spec.id)
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, Node):
                        self.check_objects(getattr(obj, spec.id)[i], item)
            elif isinstance(value, Node):
                self.check_objects(getattr(obj, spec.id), value)
        try:
            obj._check()
        except (ks.ConsistencyError, ks.KaitaiStructError) as exc:
            field = getattr(exc, "id", None)
            raise node.error(InconsistentError, str(exc), *([field] if field else [])) from None

    # -- the whole thing ---------------------------------------------------------------------
    def build_root(self, key: str, data: dict) -> tuple[bytes, set[tuple]]:
        """Bytes of a root object, and the paths of the fields derived rather than given."""
        root = self.node(key, data, None, ())
        self.derive(root)
        self.check_complete(root)
        size = root.measure()
        obj = self.objects(root, None)
        self.check_objects(obj, root)
        io = KaitaiStream(BytesIO(bytearray(size)))
        try:
            obj._write(io)
        except PacketError:
            raise
        except Exception as exc:  # generated code: a gap between the checks and the writer
            raise root.error(BuildError, f"the writer failed: {type(exc).__name__}: {exc}") \
                from exc
        return bytes(io.to_byte_array()), self.recomputed(root)

    def recomputed(self, node: Node) -> set[tuple]:
        """Paths whose given value may legitimately change: derived fields, and (when
        recomputing) value instances, which follow the fields they are computed from."""
        paths = {node.path + (name,) for name in node.derived}
        if self.recompute:
            paths |= {node.path + (name,) for name in node.given_instances}
        for _, child in node.children():
            paths |= self.recomputed(child)
        return paths


# -- public API -----------------------------------------------------------------------------------
def build(protocol: str | Protocol, data: dict, *, recompute: bool = False,
          verify: bool = True, registry: Registry | None = None) -> bytes:
    """Packet bytes from plain data.

    `data` has `packet` (name) and/or `opcode`, `fields` (the body, as `Packet.fields()`
    returns it), optionally `frame` (dispatcher fields such as a header) and `trailing`
    (appended as is). Derived fields may be left out. With recompute=True, derived fields that
    are given are recomputed instead of checked (used to rewrite edited packets). With
    verify=True (the default) the bytes are parsed back and compared with `data`.
    """
    proto = _protocol(protocol, registry)
    builder, ptype, root = _prepare(proto, data, recompute)
    builder.prefix = (proto.body_field,)
    out, derived = builder.build_root(proto.type_key, root)
    trailing = _trailing(data, len(out), proto, ptype)
    if verify:
        _verify(proto, ptype, out, data, derived if recompute else set())
    return out + trailing


def build_frame(protocol: str | Protocol, data: dict, *, header: dict | None = None,
                recompute: bool = False, verify: bool = True,
                registry: Registry | None = None) -> bytes:
    """One frame of the protocol's stream carrying a packet, ready to send on the wire.

    For length-prefixed streams (FlyFF) the frame header is built from `header` (its magic and
    length filled in; other fields such as checksums given); where packets are their own frames
    (TMW, PangYa, FFXI) this is `build`.
    """
    proto = _protocol(protocol, registry)
    desc = proto.stream["frame"] if proto.stream else None
    if desc is None or desc["kind"] == "self" or desc["packet"] == "frame":
        if header:
            raise UsageError(f"{proto.name} packets are their own frames: there is no separate "
                             f"frame header to give")
        return build(proto, data, recompute=recompute, verify=verify)
    if isinstance(data, dict) and data.get("trailing"):
        raise UsageError("a packet inside a frame cannot have trailing bytes")
    builder, ptype, root = _prepare(proto, data, recompute)
    builder.prefix = (desc["body_field"], proto.body_field)
    frame = {desc["header_field"]: header or {}, desc["body_field"]: root}
    out, derived = builder.build_root(desc["type"], frame)
    if verify:
        _verify_frame(proto, ptype, out, data, header or {}, derived if recompute else set(),
                      desc)
    return out


def _protocol(protocol: str | Protocol, registry: Registry | None) -> Protocol:
    return protocol if isinstance(protocol, Protocol) else \
        (registry or default_registry()).protocol(protocol)


def _prepare(proto: Protocol, data: Any, recompute: bool) -> tuple[Builder, PacketType, dict]:
    """Check the top level of packet data; the builder and the dispatcher's plain data."""
    if not isinstance(data, dict):
        raise UsageError(f"a packet is an object with 'packet' or 'opcode' and 'fields', "
                         f"got {_show(data)}")
    if data.get("protocol", proto.name) != proto.name:
        raise UsageError(f"the data is a {data['protocol']} packet, not {proto.name}")
    extra = set(data) - {"protocol", "opcode", "packet", "frame", "fields", "trailing"}
    if extra:
        raise UsageError(f"unknown top-level key(s) {', '.join(sorted(extra))}; a packet has "
                         f"protocol, opcode, packet, frame, fields, trailing")
    ptype = _packet_type(proto, data)
    builder = _builder(proto)
    builder.packet_name = ptype.name
    builder.recompute = recompute
    builder.opcode = ptype.opcode
    frame = data.get("frame") or {}
    if not isinstance(frame, dict):
        raise UsageError(f"'frame' must be an object, got {_show(frame)}")
    root = dict(frame)
    root[proto.body_field] = data.get("fields", {})
    return builder, ptype, root


def _packet_type(proto: Protocol, data: dict) -> PacketType:
    by_name = by_opcode = None
    if "packet" in data:
        by_name = proto.packet(str(data["packet"]))
    if "opcode" in data:
        if isinstance(data["opcode"], bool) or not isinstance(data["opcode"], (int, str)):
            raise UsageError(f"opcode must be a number, got {_show(data['opcode'])}")
        by_opcode = proto.packet(data["opcode"])
    if by_name and by_opcode and by_name is not by_opcode:
        raise UsageError(f"packet {by_name.name!r} has opcode 0x{by_name.opcode:04x}, "
                         f"not {data['opcode']}")
    ptype = by_name or by_opcode
    if ptype is None:
        raise UsageError("say which packet: give 'packet' (its name) or 'opcode'")
    return ptype


def _trailing(data: dict, end: int, proto: Protocol, ptype: PacketType) -> bytes:
    trailing = data.get("trailing")
    if trailing is None:
        return b""
    raw = _bytes(trailing.get("hex") if isinstance(trailing, dict) else trailing)
    if raw is None:
        raise UsageError("trailing must be hex bytes or {'offset': n, 'hex': '...'}")
    if isinstance(trailing, dict) and trailing.get("offset", end) != end:
        raise InconsistentError(f"trailing bytes are said to start at offset "
                                f"{trailing['offset']}, but the packet is {end} bytes",
                                protocol=proto.name, packet=ptype.name, path="trailing")
    return raw


@lru_cache(maxsize=None)
def _builder(proto: Protocol) -> Builder:
    """One builder (and its per-type caches) per protocol."""
    return Builder(proto)


# -- verification: does it read back as given? ----------------------------------------------------
def _verify(proto: Protocol, ptype: PacketType, out: bytes, data: dict,
            skip: set[tuple]) -> None:
    """Parse the bytes back and compare with what was given (except `skip`: recomputed)."""
    from .parsing import parse

    try:
        packet = parse(proto, out, strict=True)
    except PacketError as exc:
        raise BuildError(f"the bytes written do not parse back: {exc}", protocol=proto.name,
                         packet=ptype.name, path=exc.path) from exc
    back = packet.to_dict()
    body = (proto.body_field,)
    skip = skip | {tuple(proto.opcode_field.split("."))}  # set from the packet type
    _compare(data.get("fields", {}), back["fields"], body, proto, ptype, skip)
    _compare(data.get("frame") or {}, back.get("frame", {}), (), proto, ptype, skip)


def _verify_frame(proto: Protocol, ptype: PacketType, out: bytes, data: dict, header: dict,
                  skip: set[tuple], desc: dict) -> None:
    """Split the frame back and compare its packet and header with what was given."""
    from .framing import Frame, split
    from .parsing import _converter

    items = split(proto, out)
    frame = items[0] if len(items) == 1 and isinstance(items[0], Frame) else None
    if frame is None or frame.packet is None:
        problem = frame.error if frame is not None else [type(i).__name__ for i in items]
        raise BuildError(f"the frame written does not split back into one packet: {problem}",
                         protocol=proto.name, packet=ptype.name)
    back = frame.packet.to_dict()
    # Paths in the frame's tree start with the frame's body field; the packet's do not.
    inner = {p[1:] for p in skip if p[:1] == (desc["body_field"],)}
    inner.add(tuple(proto.opcode_field.split(".")))
    _compare(data.get("fields", {}), back["fields"], (proto.body_field,), proto, ptype, inner)
    _compare(data.get("frame") or {}, back.get("frame", {}), (), proto, ptype, inner)
    header_back = _converter(proto.registry).convert(frame.header)
    _compare(header, header_back, (desc["header_field"],), proto, ptype, skip)


def _compare(given: Any, back: Any, path: tuple, proto: Protocol, ptype: PacketType,
             skip: set[tuple]) -> None:
    if path in skip or (given == back and type(given) is type(back)):
        return

    def fail(detail: str, where: tuple = path) -> None:
        rel = where[1:] if where[:1] == (proto.body_field,) else ("frame",) + where
        raise InconsistentError(detail, protocol=proto.name, packet=ptype.name,
                                path=format_path(rel))

    if isinstance(given, dict):
        if not isinstance(back, dict):
            fail(f"given an object, reads back {_show(back)}")
        for key, value in given.items():
            if path + (key,) in skip:
                continue
            if key not in back:
                fail("given, but not in the packet as written (its condition does not hold)",
                     path + (key,))
            _compare(value, back[key], path + (key,), proto, ptype, skip)
        return
    if isinstance(given, list):
        if not isinstance(back, list) or len(given) != len(back):
            fail(f"given {len(given)} items, reads back {_show(back)}")
        for i, (g, b) in enumerate(zip(given, back)):
            _compare(g, b, path + (i,), proto, ptype, skip)
        return
    if not _same(given, back):
        fail(f"given {_show(given)}, but it reads back as {_show(back)}")


def _same(given: Any, back: Any) -> bool:
    if isinstance(back, EnumName):
        return given == str(back) or (isinstance(given, int) and given == back.value)
    if isinstance(given, (bytes, bytearray)):
        return bytes(given).hex() == back
    if isinstance(given, str) and isinstance(back, str) and given != back:
        normal = given.replace(" ", "").lower()
        return _bytes(normal) is not None and normal == back
    if isinstance(given, float) or isinstance(back, float) or back in NON_FINITE.values():
        try:
            given_f, back_f = _float(given), _float(back)
            if given_f == back_f or (math.isnan(given_f) and math.isnan(back_f)):
                return True
            return struct.unpack("<f", struct.pack("<f", given_f))[0] == back_f
        except (TypeError, ValueError, OverflowError, struct.error):
            return False
    if isinstance(back, bool) and isinstance(given, int):
        return bool(given) == back
    return given == back


# -- small helpers --------------------------------------------------------------------------------
def _float(value: Any) -> float:
    """A number, or the strings plain data uses for NaN and the infinities."""
    if isinstance(value, str):
        return float(value.lower().replace("infinity", "inf"))
    return float(value)


def _bytes(data: Any) -> bytes | None:
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(data, str):
        text = data.replace(" ", "").replace(":", "")
        try:
            return bytes.fromhex(text)
        except ValueError:
            return None
    return None


def _parts(expr: Any) -> tuple:
    paths = paths_in(parse_expr(expr))
    return paths[0] if len(paths) == 1 else ()


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
