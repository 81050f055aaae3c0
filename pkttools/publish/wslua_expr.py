"""Kaitai expressions as Lua 5.2 for the Wireshark dissector, from the parsed trees of expr.py.

The generated dissector keeps each object's field values in a Lua table (`o`): integers and
floats as numbers, b1 fields as booleans, text as UTF-8 strings, byte arrays as raw strings,
user types as tables, repeated fields as lists, enums as their numbers. An expression is
translated against that: names resolve as the compiler resolves them (the type's seq fields and
instances, `_parent`, `_io`, `_` and `_index` where they exist), and every node gets a kind so
that `+` can be addition or concatenation, `/` integer or float division, `.length` a string's
characters or a list's items. Kaitai's integer semantics (floor division and modulo, 64-bit bit
operations) go through helpers of the runtime (`PK.idiv`, `PK.band`, ...). What cannot be
translated raises `Uncovered` with the reason; the caller then makes the dissector show the
bytes as undissected instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ExprError, PkttoolsError
from ..model.expr import (Binary, Call, EnumLit, Index, ListLit, Num, Path, Ternary, Unary,
                          parse_expr)
from ..model.registry import Registry

LUA_KEYWORDS = frozenset("""and break do else elseif end false for function goto if in local
nil not or repeat return then true until while""".split())

_INT_TYPE = re.compile(r"^([us])([1248])(le|be)?$")
_FLOAT_TYPE = re.compile(r"^f([48])(le|be)?$")
_BITS_TYPE = re.compile(r"^b(\d+)(le|be)?$")


class Uncovered(PkttoolsError):
    """A spec construct the generator does not translate to Lua."""


@dataclass(frozen=True)
class Kind:
    """What a value is in the generated Lua: int (ref: its enum key or None), float, bool,
    str, bytes, struct (ref: type key), array (ref: element kind), switch (ref: the case
    type keys), any (not known)."""

    name: str
    ref: Any = None

    @property
    def numeric(self) -> bool:
        return self.name in ("int", "float")


INT, FLOAT, BOOL, STR, BYTES, ANY = (Kind("int"), Kind("float"), Kind("bool"), Kind("str"),
                                     Kind("bytes"), Kind("any"))


def lua_name(name: str) -> str:
    """A Lua table key: `.name`, or `["name"]` for Lua keywords."""
    return f'["{name}"]' if name in LUA_KEYWORDS else f".{name}"


def lua_string(text: str | bytes) -> str:
    """A Lua string literal of text (as UTF-8) or bytes; non-printable bytes as \\ddd."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    out = []
    for i, b in enumerate(data):
        if 0x20 <= b < 0x7F and b not in (0x22, 0x5C):
            out.append(chr(b))
        else:
            # \ddd takes up to three digits: pad so a following digit is not read into it
            out.append(f"\\{b:03d}")
    return '"' + "".join(out) + '"'


def lua_number(value: int | float) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if abs(value) >= 2 ** 53:
            raise Uncovered(f"the integer {value} is beyond what a Lua 5.2 number holds exactly")
        return str(value)
    text = repr(float(value))
    if text in ("inf", "-inf", "nan"):
        return {"inf": "(1/0)", "-inf": "(-1/0)", "nan": "(0/0)"}[text]
    return text


def primitive_kind(type_name: str, enum: str | None) -> Kind | None:
    """The kind of a built-in type (`u2`, `b1`, `strz`, ...), None for user types."""
    if _INT_TYPE.match(type_name):
        return Kind("int", enum)
    if _FLOAT_TYPE.match(type_name):
        return FLOAT
    bits = _BITS_TYPE.match(type_name)
    if bits:
        return BOOL if bits.group(1) == "1" and enum is None else Kind("int", enum)
    if type_name in ("str", "strz"):
        return STR
    return None


@dataclass
class Scope:
    """Where a translated expression runs: `var` is the Lua expression of the object whose
    fields bare names are (`o`), `type_key` its type; `special` binds `_`, `_index` or the
    value of a `valid` rule to a Lua expression and a kind."""

    type_key: str
    var: str = "o"
    special: dict[str, tuple[str, Kind]] = field(default_factory=dict)


class Translator:
    """Translates expressions of one registry's types; `instance_ref` names the Lua function
    that computes a value instance (the caller decides where those functions live)."""

    def __init__(self, registry: Registry, instance_ref):
        self.registry = registry
        self.types = registry.types
        self.instance_ref = instance_ref
        self._instance_kinds: dict[tuple[str, str], Kind] = {}
        self._resolving: set[tuple[str, str]] = set()
        self._parents: dict[str, set[str]] | None = None

    # -- kinds of fields -------------------------------------------------------------------------
    def field_kind(self, fld: dict, owner: str) -> Kind:
        """The kind of a seq field or instance of type `owner`."""
        attr = fld["attr"]
        if "value" in attr and "pos" not in attr:
            base = self.instance_kind(owner, fld["id"])
        else:
            base = self._read_kind(fld)
        return Kind("array", base) if "repeat" in attr else base

    def _read_kind(self, fld: dict) -> Kind:
        attr = fld["attr"]
        kind = attr.get("type")
        if isinstance(kind, dict):
            cases = tuple(t for t in (fld.get("cases") or {}).values() if t is not None)
            prims = {primitive_kind(str(t), fld["enum"]) for t in kind.get("cases", {}).values()
                     if primitive_kind(str(t), fld["enum"]) is not None}
            if prims and not cases and len(prims) == 1:
                return prims.pop()
            return Kind("switch", cases)
        if isinstance(kind, str):
            prim = primitive_kind(kind, fld["enum"])
            if prim is not None:
                return prim
            return Kind("struct", fld["type"]) if fld["type"] else ANY
        return BYTES

    def instance_kind(self, owner: str, name: str) -> Kind:
        key = (owner, name)
        if key in self._instance_kinds:
            return self._instance_kinds[key]
        if key in self._resolving:
            raise Uncovered(f"instance {name} depends on itself")
        inst = self.find(owner, name, instances_only=True)
        if inst is None:
            raise Uncovered(f"no instance {name}")
        self._resolving.add(key)
        try:
            attr = inst["attr"]
            if "pos" in attr or "value" not in attr:
                raise Uncovered(f"instance {name}: positional instances are not translated")
            _, kind = self.translate(attr["value"], Scope(owner))
            if inst["enum"]:
                kind = Kind("int", inst["enum"])
        finally:
            self._resolving.discard(key)
        self._instance_kinds[key] = kind
        return kind

    def find(self, type_key: str, name: str, instances_only: bool = False) -> dict | None:
        info = self.types[type_key]
        pools = [info["instances"]] if instances_only else [info["seq"], info["instances"]]
        for pool in pools:
            for fld in pool:
                if fld["id"] == name:
                    return fld
        return None

    def parent_of(self, type_key: str) -> str:
        """The one type whose fields use `type_key` (what `_parent` is), else Uncovered."""
        if self._parents is None:
            self._parents = {}
            for owner, info in self.types.items():
                for fld in info["seq"] + info["instances"]:
                    used = [fld["type"]] + list((fld.get("cases") or {}).values())
                    for used_key in used:
                        if used_key:
                            self._parents.setdefault(used_key, set()).add(owner)
        parents = self._parents.get(type_key, set())
        if len(parents) != 1:
            raise Uncovered(f"_parent of {type_key.split(':')[-1]}, which "
                            f"{'several types use' if parents else 'no type uses'}")
        return next(iter(parents))

    # -- translation -----------------------------------------------------------------------------
    def translate(self, text: Any, scope: Scope) -> tuple[str, Kind]:
        """Lua source and kind of an expression (text or YAML scalar) in `scope`."""
        try:
            tree = parse_expr(text)
        except ExprError as exc:
            raise Uncovered(f"expression {text!r}: {exc}") from None
        return self.node(tree, scope)

    def node(self, n: Any, scope: Scope) -> tuple[str, Kind]:
        if isinstance(n, Num):
            value = n.value
            if isinstance(value, bool):
                return lua_number(value), BOOL
            if isinstance(value, int):
                return lua_number(value), INT
            if isinstance(value, float):
                return lua_number(value), FLOAT
            return lua_string(value), STR
        if isinstance(n, Path):
            return self.path(n.parts, scope)
        if isinstance(n, EnumLit):
            return self.enum_literal(n, scope)
        if isinstance(n, Unary):
            code, kind = self.node(n.operand, scope)
            if n.op == "not":
                return f"(not {code})", BOOL
            if n.op == "-" and kind.numeric:
                return f"(-{code})", kind
            if n.op == "~" and kind.name == "int":
                return f"PK.bnot({code})", INT
            raise Uncovered(f"unary {n.op} on {kind.name}")
        if isinstance(n, Binary):
            return self.binary(n, scope)
        if isinstance(n, Ternary):
            cond, _ = self.node(n.cond, scope)
            then, k1 = self.node(n.then, scope)
            other, k2 = self.node(n.other, scope)
            kind = k1 if k1 == k2 else (FLOAT if k1.numeric and k2.numeric else
                                        (k1 if k2.name == "any" else k2))
            return (f"(function() if {cond} then return {then} end return {other} end)()",
                    kind)
        if isinstance(n, Call):
            target, kind = self.node(n.target, scope)
            args = [self.node(a, scope)[0] for a in n.args]
            return self.method(target, kind, n.method, args)
        if isinstance(n, Index):
            target, kind = self.node(n.target, scope)
            index, ikind = self.node(n.index, scope)
            if ikind.name not in ("int", "any"):
                raise Uncovered(f"an index of kind {ikind.name}")
            if kind.name == "array":
                return f"PK.at({target}, {index})", kind.ref
            if kind.name == "bytes":
                return f"PK.byte({target}, {index})", INT
            raise Uncovered(f"indexing a {kind.name}")
        if isinstance(n, ListLit):
            items = [self.node(i, scope) for i in n.items]
            element = items[0][1] if items else ANY
            return "{" + ", ".join(code for code, _ in items) + "}", Kind("array", element)
        raise Uncovered(f"expression node {type(n).__name__}")

    def enum_literal(self, n: EnumLit, scope: Scope) -> tuple[str, Kind]:
        key = self.registry_enum("::".join(n.enum), scope.type_key)
        for value, entry in self.registry.enums[key]["values"].items():
            if entry["id"] == n.label:
                return lua_number(int(value)), Kind("int", key)
        raise Uncovered(f"enum {'::'.join(n.enum)} has no value {n.label}")

    def registry_enum(self, name: str, owner: str) -> str:
        """The enum key a name means inside type `owner` (innermost type outwards, then
        `spec::enum` of another spec), as the compiler resolves it."""
        *head, last = name.split("::")
        scopes = []
        if head:
            target = self._type_by_name("::".join(head), owner)
            scopes = [target] if target else []
        else:
            key = owner
            while key is not None:
                scopes.append(key)
                key = self._owner_of(key)
        for scope_key in scopes:
            if f"{scope_key}::{last}" in self.registry.enums:
                return f"{scope_key}::{last}"
        raise Uncovered(f"enum {name} not found from {owner.split(':')[-1]}")

    def _owner_of(self, type_key: str) -> str | None:
        spec, qual = type_key.split(":", 1)
        if "." not in qual:
            return None
        return f"{spec}:{qual.rsplit('.', 1)[0]}"

    def _type_by_name(self, name: str, owner: str) -> str | None:
        parts = name.split("::")
        key: str | None = owner
        while key is not None:  # a nested type of owner or one of its enclosing types
            candidate = f"{key}." + ".".join(_camel(p) for p in parts)
            if candidate in self.types:
                return candidate
            key = self._owner_of(key)
        root = f"{parts[0]}:{_camel(parts[0])}" + "".join(f".{_camel(p)}" for p in parts[1:])
        return root if root in self.types else None

    def binary(self, n: Binary, scope: Scope) -> tuple[str, Kind]:
        left, lk = self.node(n.left, scope)
        right, rk = self.node(n.right, scope)
        op = n.op
        if op in ("and", "or"):
            return f"({left} {op} {right})", BOOL
        if op in ("==", "!="):
            if "array" in (lk.name, rk.name) or "struct" in (lk.name, rk.name):
                raise Uncovered(f"{op} between {lk.name} and {rk.name}")
            return f"({left} {'==' if op == '==' else '~='} {right})", BOOL
        if op in ("<", "<=", ">", ">="):
            return f"({left} {op} {right})", BOOL
        if op == "+" and lk.name == "str" and rk.name == "str":
            return f"({left} .. {right})", STR
        if not (lk.numeric or lk.name == "any") or not (rk.numeric or rk.name == "any"):
            raise Uncovered(f"{op} between {lk.name} and {rk.name}")
        both_int = lk.name == "int" and rk.name == "int"
        kind = INT if both_int else FLOAT
        if op in ("+", "-", "*"):
            return f"({left} {op} {right})", kind
        if op == "/":
            return (f"PK.idiv({left}, {right})", INT) if both_int else (f"({left} / {right})",
                                                                        FLOAT)
        if op == "%":
            return f"PK.mod({left}, {right})", kind
        helper = {"&": "band", "|": "bor", "^": "bxor", "<<": "shl", ">>": "shr"}.get(op)
        if helper is None:
            raise Uncovered(f"operator {op}")
        return f"PK.{helper}({left}, {right})", INT

    def method(self, target: str, kind: Kind, name: str, args: list[str]) -> tuple[str, Kind]:
        if name == "to_s" and not args and kind.name in ("int", "str", "any"):
            return f"PK.to_s({target})", STR
        if name == "to_i" and kind.name in ("str", "int", "bool", "any"):
            if kind.name == "bool":
                return f"({target} and 1 or 0)", INT
            return f"PK.to_i({target}{', ' + args[0] if args else ''})", INT
        if name in ("length", "size") and not args:
            if kind.name == "str":
                return f"PK.ulen({target})", INT
            if kind.name in ("bytes", "array"):
                return f"#{target}", INT
        if name in ("first", "last") and kind.name == "array" and not args:
            index = "1" if name == "first" else f"#{target}"
            return f"PK.at({target}, {index} - 1)", kind.ref
        if name in ("first", "last") and kind.name == "bytes" and not args:
            index = "0" if name == "first" else f"#{target} - 1"
            return f"PK.byte({target}, {index})", INT
        if name in ("min", "max") and kind.name == "array" and not args:
            return f"PK.minmax({target}, {'true' if name == 'max' else 'false'})", kind.ref
        raise Uncovered(f"method .{name} on {kind.name}")

    def path(self, parts: tuple[str, ...], scope: Scope) -> tuple[str, Kind]:
        if parts[0] in scope.special:
            code, kind = scope.special[parts[0]]
            rest = parts[1:]
        else:
            code, kind = scope.var, Kind("struct", scope.type_key)
            rest = parts
        i = 0
        while i < len(rest):
            part = rest[i]
            if kind.name == "switch":
                kind = self._switch_member(kind, part)
            if kind.name != "struct":
                if kind.name == "array" and part in ("size", "length", "first", "last", "min",
                                                     "max"):
                    code, kind = self.method(code, kind, part, [])
                elif part in ("length", "size", "to_s", "to_i", "first", "last"):
                    code, kind = self.method(code, kind, part, [])
                else:
                    raise Uncovered(f"{'.'.join(parts)}: .{part} of a {kind.name}")
                i += 1
                continue
            owner = kind.ref
            if part == "_parent":
                code, kind = f"{code}._parent", Kind("struct", self.parent_of(owner))
            elif part == "_io":
                what = rest[i + 1] if i + 1 < len(rest) else None
                calls = {"eof": ("eof", BOOL), "size": ("size", INT), "pos": ("at", INT)}
                if what not in calls:
                    raise Uncovered(f"{'.'.join(parts)}: only _io.eof, _io.size and _io.pos")
                method, kind = calls[what]
                code = f"{code}._io:{method}()"
                i += 1
            elif part.startswith("_"):
                raise Uncovered(f"{'.'.join(parts)}: {part} is not translated")
            else:
                fld = self.find(owner, part)
                if fld is None:
                    raise Uncovered(f"{'.'.join(parts)}: {owner.split(':')[-1]} has no field "
                                    f"{part}")
                if fld in self.types[owner]["instances"] and "value" in fld["attr"]:
                    kind = self.field_kind(fld, owner)
                    code = f"{self.instance_ref(owner, part)}({code})"
                elif fld in self.types[owner]["instances"]:
                    raise Uncovered(f"{'.'.join(parts)}: positional instance {part}")
                else:
                    kind = self.field_kind(fld, owner)
                    code = f"{code}{lua_name(part)}"
            i += 1
        return code, kind

    def _switch_member(self, kind: Kind, part: str) -> Kind:
        """A path through a switch field: the member must be the same kind in every case."""
        found = None
        for case_key in kind.ref:
            fld = self.find(case_key, part)
            if fld is None:
                continue
            member = self.field_kind(fld, case_key)
            if found is not None and member != found:
                raise Uncovered(f".{part} differs between the cases of a switch")
            found = member
        if found is None:
            raise Uncovered(f"no case of the switch has .{part}")
        cases = [k for k in kind.ref if self.find(k, part) is not None]
        return Kind("struct", cases[0]) if len(cases) == 1 else Kind("struct", cases[0])


def _camel(name: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in name.split("_"))
