"""The builder: plain data -> a checked tree of nodes -> read-write objects -> bytes.

`Builder.build_root` does the work `build` and `build_frame` share:

1. turns the plain values into a tree of nodes, one per object, checking field names, value
   kinds and integer / bit widths against the spec (kaitai_gen/manifest.json); sets the fields
   that given value instances stand for and the spec defaults of fields left out (implied.py);
2. fills in what the data implies and may be left out, reading the specs' own expressions:
   lengths and counts named by `size:` / `repeat-expr:` (the expression is inverted: a field
   reference, +, -, * and / by constants, through value instances), `contents` constants, the
   opcode, and switch keys implied by which case's fields the body has. A size that cannot be
   inverted exactly (words of 4 bytes) is padded by the rule beside the field:
   `-pkttools-size-align: 4`. A value given that contradicts the data is an error naming the
   field (or, with recompute=True, is recomputed: that is how edited packets are rewritten);
   every field still missing is named in one MissingFieldError;
3. measures the exact size (so `size-eos`, `repeat-eos` and `if: not _io.eof` write right),
   builds the read-write objects, `_check()`s every one of them, and writes.

Reading the bytes back and comparing them with the data given is build.py's.
"""

from __future__ import annotations

import math
from functools import lru_cache
from io import BytesIO
from typing import Any

import kaitaistruct as ks
from kaitaistruct import KaitaiStream

from ..errors import (BuildError, ExprError, FieldValueError, InconsistentError,
                      MissingFieldError, PacketError, UnknownFieldError)
from ..show import show
from ..model.conventions import class_name
from ..model.expr import evaluate, parse_expr, paths_in
from ..model.invert import solve
from ..model.registry import Protocol, Registry
from . import implied
from .plain import NON_FINITE, enum_pair, format_path
from .tree import FieldSpec, Missing, Node, bytes_of, float_of

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
                             f"{self.registry.types[key]['name']}, got {show(data, 60)}")
        known = [s.id for s in node.specs]
        for name in data:
            if name not in known and name not in node.instances:
                raise node.error(UnknownFieldError, f"{self.registry.types[key]['name']} has no "
                                 f"field {name!r}; its fields are {', '.join(known) or 'none'}",
                                 name)
        node.given_instances = {name: value for name, value in data.items()
                                if name in node.instances}
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
                raise node.error(FieldValueError, f"expected a list, got {show(data, 60)}", spec.id)
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
                data = float_of(data)
            if isinstance(data, bool) or not isinstance(data, (int, float)):
                raise node.error(FieldValueError, f"expected a number (or NaN, Infinity, "
                                 f"-Infinity), got {show(data, 60)}", *where)
            value = float(data)
            if spec.width == 4 and math.isfinite(value) and abs(value) > 3.4028234663852886e38:
                raise node.error(FieldValueError, f"{value} does not fit in an f4", *where)
            return value
        if kind == "str":
            if not isinstance(data, str):
                raise node.error(FieldValueError, f"expected text, got {show(data, 60)}", *where)
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
            raw = bytes_of(data)
            if raw is None:
                raise node.error(FieldValueError, f"expected hex bytes, got {show(data, 60)}",
                                 *where)
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
        if spec.enum is not None and isinstance(data, dict):
            value = self.enum_number(spec.enum, data, node, where)
        elif spec.enum is not None and isinstance(data, str):
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
            raise node.error(FieldValueError, f"expected an integer, got {show(data, 60)}", *where)
        lo, hi = spec.range
        if not lo <= value <= hi:
            kind = f"b{spec.width}" if spec.kind == "bits" else \
                f"{'s' if spec.signed else 'u'}{spec.width}"
            raise node.error(FieldValueError, f"{value} does not fit in {kind} "
                             f"({lo}..{hi})", *where)
        if spec.kind == "bits" and spec.width == 1:
            return bool(value)
        return value

    def enum_number(self, enum: str, data: dict, node: Node, where: tuple) -> int:
        """The number of an enum value given as {"name": ..., "value": ...} (how `--enums
        both` prints it): the name, when given, must be the number's."""
        pair = enum_pair(data)
        entry = self.registry.enums[enum]
        if pair is None:
            raise node.error(FieldValueError, f"expected a name or number of enum "
                             f"{entry['name']}, or {{\"name\": ..., \"value\": ...}}, got "
                             f"{show(data, 60)}", *where)
        name, number = pair
        known = entry["values"].get(str(number))
        if name is not None and (known is None or known["id"] != name):
            raise node.error(InconsistentError, f"{name!r} is not the name of {number} in enum "
                             f"{entry['name']}" + (f" (that is {known['id']!r})" if known
                                                   else ""), *where)
        return number

    def switch_body(self, spec: FieldSpec, data: Any, node: Node) -> Any:
        key = self.switch_key(spec, data, node)
        case = self.case_for(spec, key, node)
        if case is None:
            if spec.size is None:
                raise node.error(InconsistentError, f"{spec.switch_on} = {key} has no case, so "
                                 f"{spec.id} cannot be written", spec.id)
            raw = bytes_of(data)
            if raw is None:
                raise node.error(FieldValueError, f"{spec.switch_on} = {key} has no case: give "
                                 f"{spec.id} as hex bytes", spec.id)
            return raw
        return self.node(case, data, node, node.path + (spec.id,))

    def switch_key(self, spec: FieldSpec, data: Any, node: Node) -> Any:
        tree = parse_expr(spec.switch_on)
        try:
            return evaluate(tree, node)
        except Missing:
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
        derivable = self.derivable(key) | implied.covered(self, key, data)
        for spec in self.field_specs(key):
            if spec.optional or spec.kind == "contents" or spec.id in derivable \
                    or spec.default is not None:
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
        if not self.recompute or not paths_in(tree):  # a constant is checked, never solved
            try:
                current = evaluate(tree, node)
            except Missing:
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
            holder = _holder(owner, where)
            if holder is not None and where[-1] in holder.via:  # set from a given instance
                owner, name = holder.via[where[-1]]
                where = (name,)
        return owner.error(InconsistentError, f"{expr} = {current}, but {spec.id} has "
                           f"{natural} {unit}", *where)

    def assign(self, node: Node, tree: Any, value: Any, why: tuple, derive: bool,
               expr: str | None = None) -> None:
        solved = solve(tree, value, node)
        if solved is None or not isinstance(solved[1], Node):
            raise node.error(MissingFieldError, f"{expr or tree} cannot be derived from "
                             f"{format_path(why)}: give it explicitly", *why)
        parts, owner, target = solved
        holder = _holder(owner, parts)
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
            needs = f"{format_path(why) or 'the packet'} needs {target}"
            if name in holder.via:
                inst_node, inst = holder.via[name]
                raise inst_node.error(InconsistentError, f"gives {name} = {given}, but {needs}",
                                      inst)
            raise holder.error(InconsistentError, f"given as {given}, but {needs}", name)
        holder.values[name] = target
        holder.derived.add(name)

    # -- phase 3: everything there? ----------------------------------------------------------
    def check_complete(self, root: Node) -> None:
        """Every field there, or one MissingFieldError naming all that are not."""
        missing: list[tuple[str, str]] = []
        self._find_missing(root, missing)
        if not missing:
            return
        paths = [path for path, _ in missing]
        reasons = {reason for _, reason in missing}
        if len(reasons) == 1:
            detail = reasons.pop()
        else:
            detail = "; ".join(f"{path} {reason}" for path, reason in missing)
        raise MissingFieldError(detail, paths=paths, protocol=self.protocol.name,
                                packet=self.packet_name)

    def _find_missing(self, node: Node, missing: list[tuple[str, str]]) -> None:
        for spec in node.specs:
            present = spec.id in node.values
            where = format_path(self.rel(node.path + (spec.id,)))
            if spec.optional:
                wanted = self.condition(node, spec)
                if wanted is True and not present:
                    missing.append((where, f"needed because {spec.attr['if']} holds"))
                if wanted is False and present:
                    raise node.error(InconsistentError, f"given, but {spec.attr['if']} does "
                                     f"not hold, so it cannot be written", spec.id)
            elif not present and not self.no_case(node, spec):
                missing.append((where, "required: neither optional, derivable from the "
                                "other fields, nor given a default by the spec"))
            value = node.values.get(spec.id)
            for item in (value if isinstance(value, list) else (value,)):
                if isinstance(item, Node):
                    self._find_missing(item, missing)

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
        except Missing:
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
        implied.fill(self, root)
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



@lru_cache(maxsize=None)
def builder_for(proto: Protocol) -> Builder:
    """One builder (and its per-type caches) per protocol."""
    return Builder(proto)


def _holder(owner: Node, parts: tuple) -> Node | None:
    """The object that holds the field at `parts` (relative to `owner`), if it is built."""
    try:
        holder = owner.lookup(parts[:-1]) if len(parts) > 1 else owner
    except ExprError:
        return None
    return holder if isinstance(holder, Node) else None


def _parts(expr: Any) -> tuple:
    paths = paths_in(parse_expr(expr))
    return paths[0] if len(paths) == 1 else ()
