"""Generates the compiled writer of one packet type: Python source from the spec model.

The general builder (builder.py) turns plain data into a tree of nodes, derives, checks and
writes it through the read-write classes: right for anything, but every field costs dozens of
calls. A compiled writer does the same work for one packet type in straight-line code: each
field in a local variable holding what the builder's node would hold (numbers for enums,
encoded bytes for text), the same checks in the same order of phases (given values, the
opcode, switch keys, value instances given, defaults, sub-objects, lengths and counts, the
read-write classes' rules), lengths and counts derived from the specs' expressions
(writerexpr.py), then the bytes (writeremit.py): runs of fixed-width fields packed with one
precompiled `struct.Struct`, bit fields shifted together. A sub-object without size or
condition is written in line; arrays of objects, sized or conditional objects and switch cases
get a function of their own.

The writer only answers for data it is sure of. Anything else raises GiveUp (an unknown key,
a missing field, a value of an unusual form or out of range, a given length that does not
match, a value instance whose fields are not all given): the general builder then builds the
packet and gives today's bytes or today's error. A type the generator cannot write
(Unsupported) leaves the whole packet type to the general builder.
"""

from __future__ import annotations

import codecs
import struct
from operator import itemgetter
from typing import Any

from ..model.invert import exact
from ..model.registry import PacketType, Protocol
from .builder import Builder
from .tree import ALIGN_KEY, Node
from .writeremit import Emitter, absorbs, fills, trailing_bytes
from .writerexpr import Scope, Slot, Translator, Unsupported, solve

F4_MAX = 3.4028234663852886e38
IO_TAIL = "not _io.eof"  # the one `if:` the specs use: present while bytes are left


class GiveUp(Exception):
    """Raised by generated code: this data takes the general builder."""


class _Function:
    """The lines of one generated function."""

    def __init__(self, header: str):
        self.lines = [header]
        self.depth = 1

    def add(self, line: str) -> None:
        self.lines.append("    " * self.depth + line)


class PacketSource:
    """The source of one packet type's writer: `build(frame, fields)` -> bytes, and a function
    per object written apart; `env` holds the constants the source names."""

    def __init__(self, proto: Protocol, ptype: PacketType):
        self.proto = proto
        self.ptype = ptype
        self.builder = Builder(proto)
        self.registry = proto.registry
        self.translator = Translator(self.builder.enum_value)
        self.env: dict[str, Any] = {}
        self.functions: list[_Function] = []
        self.tables: list[str] = []  # case tables, after the functions they name
        self._units: dict[tuple, str] = {}
        self._packers: dict[str, str] = {}
        self._count = 0

    def packer(self, fmt: str) -> str:
        """A module constant holding the precompiled Struct of a format."""
        name = self._packers.get(fmt)
        if name is None:
            name = self._packers[fmt] = self.name("S")
            self.env[name] = struct.Struct(fmt)
        return name

    def name(self, prefix: str) -> str:
        self._count += 1
        return f"{prefix}{self._count}"

    def const(self, value: Any, prefix: str = "K") -> str:
        """A module constant holding `value` (one per distinct value)."""
        for name, known in self.env.items():
            if type(known) is type(value) and known == value:
                return name
        name = self.name(prefix)
        self.env[name] = value
        return name

    def source(self) -> str:
        _Unit(self, self.proto.type_key, "build", end=True, root=True).generate()
        return "\n\n".join("\n".join(f.lines) for f in self.functions) + "\n\n" + \
            "\n".join(self.tables) + "\n"

    def unit(self, key: str, end: bool) -> str:
        """The name of the function writing one object of `key` (generated once)."""
        found = self._units.get((key, end))
        if found is None:
            found = self._units[(key, end)] = self.name("u")
            _Unit(self, key, found, end).generate()
        return found

    def enum_table(self, enum: str | None) -> dict | None:
        """{name: number} of an enum, as Builder.integer looks names up."""
        if enum is None:
            return None
        entry = self.registry.enums[enum]
        return {item["id"]: int(value) for value, item in entry["values"].items()}


class _Unit:
    """One generated function: an object and the sub-objects written in line with it."""

    def __init__(self, src: PacketSource, key: str, fname: str, end: bool, root: bool = False):
        self.src, self.key, self.end, self.root = src, key, end, root
        self.b = src.builder
        self.f = _Function(f"def {fname}({'frame, fields' if root else 'd, room=None'}):")
        self.scopes: list[Scope] = []  # pre-order, as the builder walks its nodes
        self.switches: list[tuple[Scope, Slot]] = []
        self.units: list[tuple[Scope, Slot]] = []  # in field order: switches too
        self.optional: list[list[Slot]] = []
        self.top = Scope(key, "")

    def add(self, line: str) -> None:
        self.f.add(line)

    def generate(self) -> None:
        self.src.functions.append(self.f)
        self.top = self.read(self.key, "frame" if self.root else "d", self.end, top=True)
        if self.root:
            self.opcode()
        for scope, slot in self.switches:
            self.switch(scope, slot)
        for scope in self.scopes:
            self.given_instances(scope)
        for scope in self.scopes:
            self.defaults(scope)
        for scope, slot in self.units:
            self.subunit(slot)
        self.derive(self.top)
        for run in self.optional:
            self.prefix_rule(run)
        for scope in self.scopes:
            self.valid(scope)
        Emitter(self.src, self.f, self.top, self.root).emit()

    # -- the given values (Builder.node, Builder.value) ----------------------------------------
    def read(self, key: str, data: str, end: bool, top: bool = False) -> Scope:
        src, b = self.src, self.b
        specs = b.field_specs(key)
        scope = Scope(key, data, instances=b.instances(key))
        self.scopes.append(scope)
        if top:
            self.top = scope
        if self.root and top:
            known = frozenset(src.proto.frame_fields)  # the body is `fields`, never a frame key
        else:
            known = frozenset([s.id for s in specs] + list(scope.instances))
        slots = [Slot(spec, src.name("v"), end=end and i == len(specs) - 1)
                 for i, spec in enumerate(specs)]
        if self.root and top:
            self.add(f"if type({data}) is not dict or not {src.const(known)}.issuperset({data}):")
            self.add("    raise _G")
        else:
            self.fetch(scope, [s for s in slots if not s.spec.optional], src.const(known))
        run: list[Slot] = []
        for i, slot in enumerate(slots):
            spec = slot.spec
            scope.slots[spec.id] = slot
            if spec.optional:
                if spec.attr["if"] != IO_TAIL or not end or \
                        any(s.attr.get("if") != IO_TAIL for s in specs[i + 1:]):
                    raise Unsupported(f"condition {spec.attr['if']!r} of {spec.id}")
                run.append(slot)
            self.field(scope, slot)
        if run:
            self.optional.append(run)
        if scope.usual is not None:  # numbers not all plain ints: each one as Builder.value
            self.add(f"if not {scope.usual}:")
            self.f.depth += 1
            for slot in scope.numbers:
                self.integer(slot.spec, slot.var)
            self.f.depth -= 1
        return scope

    def fetch(self, scope: Scope, slots: list[Slot], known: str) -> None:
        """An object's dict: checked for keys its type does not have, and its fields taken at
        once (the usual case: all given, nothing else), with its plain integers checked at
        once; else one by one."""
        d = scope.data
        self.add(f"if type({d}) is not dict:")
        self.add("    raise _G")
        if len(slots) < 2:
            self.add(f"if not {known}.issuperset({d}):")
            self.add("    raise _G")
            return
        scope.fetched = {s.var for s in slots}
        names = self.src.const(itemgetter(*[s.spec.id for s in slots]), "GET")
        scope.numbers = [s for s in slots if s.spec.kind == "int" and s.spec.enum is None
                         and not s.spec.repeat]
        self.add("try:")
        self.add(f"    ({', '.join(s.var for s in slots)},) = {names}({d})")
        self.add("except KeyError:")
        self.add(f"    if not {known}.issuperset({d}):")
        self.add("        raise _G")
        for slot in slots:
            self.add(f"    {slot.var} = {d}.get({slot.spec.id!r}, _M)")
        if scope.numbers:
            scope.usual = self.src.name("usual")
            self.add(f"    {scope.usual} = False")
        self.add("else:")
        self.add(f"    if len({d}) != {len(slots)} and not {known}.issuperset({d}):")
        self.add("        raise _G")
        if len(scope.numbers) == 1:
            self.add(f"    {scope.usual} = type({scope.numbers[0].var}) is int")
        elif scope.numbers:
            ints = ", ".join(s.var for s in scope.numbers)
            self.add(f"    {scope.usual} = _INTS.issuperset(map(type, ({ints},)))")

    def field(self, scope: Scope, slot: Slot) -> None:
        spec, v, src = slot.spec, slot.var, self.src
        if spec.repeat not in (None, "expr") or spec.kind == "unsupported":
            raise Unsupported(f"{spec.id}: {spec.repeat or spec.attr.get('type')}")
        if spec.attr.get("size-eos") and not slot.end:
            raise Unsupported(f"{spec.id}: size-eos before the end of its stream")
        if spec.default is not None and spec.kind in ("struct", "switch"):
            raise Unsupported(f"{spec.id}: an object as a default")
        if self.root and scope is self.top and spec.id != src.proto.body_field and \
                spec.id not in src.proto.frame_fields:
            self.add(f"{v} = _M")  # the opcode field: never given (the frame has no such key)
            return
        if spec.kind == "switch":
            if spec.repeat:
                raise Unsupported(f"{spec.id}: an array of switches")
            body = self.root and scope is self.top and spec.id == src.proto.body_field
            if body and spec.size is None:
                # The packet's own type, known here: written in line, like a sub-object.
                self.packet_case(scope.key, spec)
                slot.child = self.read(src.ptype.type_key, "fields", slot.end)
                return
            slot.unit = True
            self.switches.append((scope, slot))
            self.units.append((scope, slot))
            if body:
                self.add(f"{v} = fields")
            elif v not in scope.fetched:
                self.add(f"{v} = {scope.data}.get({spec.id!r}, _M)")
            return
        if v not in scope.fetched:
            self.add(f"{v} = {scope.data}.get({spec.id!r}, _M)")
        if spec.kind == "struct":
            if spec.repeat or spec.size is not None or spec.optional:
                if spec.repeat and spec.size is not None:
                    raise Unsupported(f"{spec.id}: an array of sized objects")
                slot.unit = True
                self.units.append((scope, slot))
                if spec.repeat:
                    self.list_check(spec, v)
                return
            data = src.name("d")
            self.add(f"{data} = {src.const({}, 'EMPTY')} if {v} is _M else {v}")
            slot.child = self.read(spec.type_key, data, slot.end)
            return
        if spec.kind == "contents":
            contents = src.const(spec.contents)
            self.add(f"if {v} is not _M and _hex({v}) != {contents}:")
            self.add("    raise _G")
            self.add(f"{v} = {contents}")
            return
        if spec.repeat:
            self.list_check(spec, v)
            if spec.kind == "int" and spec.enum is None:  # plain ints kept as they are
                self.add(f"if {v} is not _M and not _INTS.issuperset(map(type, {v})):")
            else:
                self.add(f"if {v} is not _M:")
            self.add(f"    {v} = [{self.convert(spec, 'e')} for e in {v}]")
            checks = self.checks(spec, "e")
            if checks:
                self.add(f"    if any({' or '.join(checks)} for e in {v}):")
                self.add("        raise _G")
            return
        self.scalar(scope, spec, v)
        checks = self.checks(spec, v)
        if checks:
            self.add(f"if {v} is not _M and ({' or '.join(checks)}):")
            self.add("    raise _G")

    def scalar(self, scope: Scope, spec: Any, v: str) -> None:
        """Statements turning a given value into what the builder's node holds: the usual
        forms tested at once, the others taken by the helpers (writer.py) as Builder.value
        takes them, or refused."""
        kind = spec.kind
        if kind in ("int", "bits"):
            if kind == "int" and spec.enum is None and v in scope.fetched:
                return  # checked with the others (read)
            self.integer(spec, v)
        elif kind == "float":
            usual = f"type({v}) is float"
            if spec.width == 4:
                usual += f" and -{F4_MAX!r} <= {v} <= {F4_MAX!r}"
            self.add(f"if not ({usual}) and {v} is not _M:")
            self.add(f"    {v} = _float({v}, {spec.width})")
        elif kind == "str":
            enc = spec.encoding or "utf-8"
            self.add(f"if type({v}) is str:")
            self.add(f"    {v} = {self.encoder(enc, v)}")
            self.add(f"elif {v} is not _M:")
            self.add(f"    {v} = _text({v}, {enc!r})")
        else:
            self.add(f"if {v} is not _M:")
            self.add(f"    {v} = {self.convert(spec, v)}")

    def integer(self, spec: Any, v: str) -> None:
        src = self.src
        bit = spec.kind == "bits" and spec.width == 1
        info = src.const((spec.range, bit, src.enum_table(spec.enum)), "INT")
        if bit:
            usual = f"{v} is True or {v} is False"
        elif spec.kind == "bits":
            usual = f"type({v}) is int and not {v} >> {spec.width}"
        else:
            usual = f"type({v}) is int"
        self.add(f"if not ({usual}) and {v} is not _M:")
        if spec.enum is not None and spec.kind == "int":
            names = src.const(src.enum_table(spec.enum), "NAMES")
            self.add(f"    {v} = {names}[{v}] if type({v}) is _EN else _int({v}, {info})")
        else:
            self.add(f"    {v} = _int({v}, {info})")

    def encoder(self, encoding: str, v: str) -> str:
        """`v.encode(encoding)`; through the codec's own function, looked up once, where
        str.encode would look the codec up by name on every call (all but UTF-8, ASCII,
        Latin-1)."""
        if codecs.lookup(encoding).name in ("utf-8", "ascii", "latin-1", "iso8859-1"):
            return f"{v}.encode({encoding!r})"
        return f"{self.src.const(codecs.getencoder(encoding), 'ENC')}({v})[0]"

    def list_check(self, spec: Any, v: str) -> None:
        count = spec.attr.get("repeat-expr")
        bad = f"type({v}) is not list"
        if isinstance(count, int):
            bad += f" or len({v}) != {count}"
        self.add(f"if {v} is not _M and ({bad}):")
        self.add("    raise _G")

    def convert(self, spec: Any, x: str) -> str:
        """An expression turning a given value into what the builder's node holds, for the
        usual forms; the helpers (writer.py) take the others as Builder.value does, or give
        up."""
        kind = spec.kind
        if kind in ("int", "bits"):
            bit = kind == "bits" and spec.width == 1
            info = self.src.const((spec.range, bit, self.src.enum_table(spec.enum)), "INT")
            if bit:
                return f"({x} if {x} is True or {x} is False else _int({x}, {info}))"
            if kind == "bits":
                return f"({x} if type({x}) is int and not {x} >> {spec.width} " \
                       f"else _int({x}, {info}))"
            return f"({x} if type({x}) is int else _int({x}, {info}))"
        if kind == "float":
            if spec.width == 4:
                return f"({x} if type({x}) is float and -{F4_MAX!r} <= {x} <= {F4_MAX!r} " \
                       f"else _float({x}, 4))"
            return f"({x} if type({x}) is float else _float({x}, 8))"
        if kind == "str":
            enc = spec.encoding or "utf-8"
            return f"({x}.encode({enc!r}) if type({x}) is str else _text({x}, {enc!r}))"
        if kind == "bytes":
            if "terminator" in spec.attr or "pad-right" in spec.attr:
                raise Unsupported(f"{spec.id}: bytes with a terminator or padding")
            # hex text as bytes.fromhex reads it is what bytes_of makes of it (its ValueError
            # on colons, say, sends the data to the general builder)
            return f"(_FROMHEX({x}) if type({x}) is str else _hex({x}))"
        raise Unsupported(f"{spec.id}: {kind}")

    def checks(self, spec: Any, x: str) -> list[str]:
        """Conditions on a converted value under which the builder (or the read-write class's
        _check) refuses it."""
        out = []
        size = spec.size if isinstance(spec.size, int) else None
        if spec.kind == "str":
            if spec.terminated:
                if spec.attr.get("include") or spec.attr.get("terminator", 0) != 0 or \
                        "pad-right" in spec.attr or spec.attr.get("consume") is False:
                    raise Unsupported(f"{spec.id}: a terminator of that form")
                out.append(f"0 in {x}")
            elif "pad-right" in spec.attr:
                raise Unsupported(f"{spec.id}: padded text")
            if size is not None:
                out.append(f"len({x}) > {size}" if spec.terminated else f"len({x}) != {size}")
        if spec.kind == "bytes" and size is not None:
            out.append(f"len({x}) != {size}")
        return out

    # -- the opcode and the switches ----------------------------------------------------------
    def opcode(self) -> None:
        """The packet type sets the opcode field (through a value instance if need be)."""
        found = solve(self.src.proto.opcode_field, self.top, self.src.translator)
        if found is None or found.checks:
            raise Unsupported(f"the opcode field {self.src.proto.opcode_field}")
        scope = {"n": self.src.ptype.opcode, "_exact": exact}
        for step in found.steps:
            exec(step, scope)  # noqa: S102 - lines this module generated
        value = scope["n"]
        lo, hi = found.slot.spec.range
        if not isinstance(value, int) or not lo <= value <= hi:
            raise Unsupported("the opcode does not fit its field")
        v = found.slot.var
        self.add(f"if {v} is _M:")
        self.add(f"    {v} = {value!r}")
        self.add(f"elif {v} != {value!r}:")
        self.add("    raise _G")

    def switch(self, scope: Scope, slot: Slot) -> None:
        spec, v, src = slot.spec, slot.var, self.src
        cases = self.case_table(scope.key, spec)
        end = slot.end or spec.size is not None
        if self.root and scope is self.top and spec.id == src.proto.body_field:
            self.packet_case(scope.key, spec)
            slot.case_key = src.ptype.type_key
            slot.case = src.unit(src.ptype.type_key, end)
            self.sized_case(spec, [src.ptype.type_key])
            return
        key = src.translator.code(spec.switch_on, scope)
        if key.reads:
            self.add(f"if {' or '.join(f'{r} is _M' for r in key.reads)}:")
            self.add("    raise _G")  # the builder would pick the case by the fields given
        types = [t for t in cases.values() if t is not None]
        default = spec.cases.get("_")
        self.sized_case(spec, types + ([default] if default else []))
        table = src.name("CASES")
        items = ", ".join(f"{value!r}: {src.unit(t, end) if t else '_NOCASE'}"
                          for value, t in cases.items())
        src.tables.append(f"{table} = {{{items}}}")
        fn = src.name("f")
        slot.case = fn
        fallback = src.unit(default, end) if default else "_NOCASE"
        self.add(f"{fn} = {table}.get({key.text}, {fallback})")
        # Left out: right only when no case would write anything here (Builder.no_case).
        if spec.size is None:
            self.add(f"if {v} is _M:")
            self.add(f"    if {fn} is not _NOCASE:")
            self.add("        raise _G")
            self.add(f"    {v} = b''")
        else:
            self.add(f"if {v} is _M:")
            self.add("    raise _G")
        self.add(f"elif {fn} is _NOCASE:")
        if spec.size is None or self.absorbs_any(spec):
            self.add("    raise _G")  # no case and no size: it cannot be written
        else:
            self.add(f"    {v} = _hex({v})")

    def packet_case(self, key: str, spec: Any) -> None:
        """The dispatcher's switch must pick the packet's type for its opcode."""
        ptype = self.src.ptype
        if self.case_table(key, spec).get(ptype.opcode) != ptype.type_key:
            raise Unsupported("the dispatcher does not switch to the packet's type")

    def sized_case(self, spec: Any, types: list[str]) -> None:
        if isinstance(spec.size, str) and any(trailing_bytes(self.b, t) for t in types):
            raise Unsupported(f"{spec.id}: trailing bytes in an object of computed size")

    def absorbs_any(self, spec: Any) -> bool:
        return any(absorbs(self.b, t) is not False for t in spec.cases.values() if t)

    def case_table(self, key: str, spec: Any) -> dict:
        table: dict = {}
        for case, type_key in spec.cases.items():
            if case == "_":
                continue
            text = self.src.translator.code(case, Scope(key, "")).text
            try:
                value = eval(text, {})  # noqa: S307 - a literal this module translated
            except Exception:
                raise Unsupported(f"case {case!r}") from None
            table.setdefault(value, type_key)  # the first case that matches wins
        return table

    # -- value instances given, defaults, sub-objects (implied.py, Builder.node) ---------------
    def given_instances(self, scope: Scope) -> None:
        """A value instance given with the fields it is computed from must agree with them;
        one given in their place is left to the general builder (which inverts it)."""
        src = self.src
        for name, inst in scope.instances.items():
            if "value" not in inst["attr"]:
                continue  # a positional instance: only the read-back compares it
            code = src.translator.code(inst["attr"]["value"], scope)
            table = src.const(src.enum_table(inst.get("enum")), "ENUM")
            self.add(f"if {name!r} in {scope.data}:")
            if code.reads:
                self.add(f"    if {' or '.join(f'{r} is _M' for r in code.reads)}:")
                self.add("        raise _G")
            self.add(f"    g = {scope.data}[{name!r}]")
            self.add(f"    c = {code.text}")
            self.add(f"    if not (type(g) is type(c) and g == c) and not _instance(g, c, {table}):")
            self.add("        raise _G")

    def defaults(self, scope: Scope) -> None:
        derivable = self.b.derivable(scope.key)
        for slot in scope.slots.values():
            spec = slot.spec
            if spec.default is None or spec.id in derivable or spec.optional:
                continue
            try:
                value = self.b.value(spec, spec.default, Node(self.b, scope.key, None, ()))
            except Exception:
                continue  # a default the builder refuses: it says so itself
            self.add(f"if {slot.var} is _M:")
            self.add(f"    {slot.var} = {self.src.const(value, 'DEF')}")

    def subunit(self, slot: Slot) -> None:
        spec, v = slot.spec, slot.var
        if spec.kind == "switch":
            if slot.case_key is not None:
                self.add(f"{v} = {slot.case}({v})")
            else:
                self.add(f"if {v} is not _M and {slot.case} is not _NOCASE:")
                self.add(f"    {v} = {slot.case}({v})")
            return
        room = spec.size if isinstance(spec.size, int) else None
        if isinstance(spec.size, str) and trailing_bytes(self.b, spec.type_key):
            raise Unsupported(f"{spec.id}: trailing bytes in an object of computed size")
        fn = self.src.unit(spec.type_key, room is not None or (slot.end and not spec.repeat))
        if spec.repeat:
            self.add(f"if {v} is not _M:")
            self.add(f"    {v} = [{fn}(e) for e in {v}]")
            return
        args = f", {room}" if room is not None else ""
        empty = self.src.const({}, "EMPTY")
        if spec.optional:
            self.add(f"if {v} is not _M:")
            self.add(f"    {v} = {fn}({v}{args})")
        else:
            self.add(f"{v} = {fn}({empty} if {v} is _M else {v}{args})")
        if room is not None:  # Builder.derive: the content must fit the field
            op = "!=" if fills(self.b, spec.type_key) else ">"
            self.add(f"if {v} is not _M and len({v}) {op} {room}:")
            self.add("    raise _G")

    # -- lengths and counts (Builder.derive) ---------------------------------------------------
    def derive(self, scope: Scope) -> None:
        for slot in scope.slots.values():
            if slot.child is not None:
                self.derive(slot.child)
                self.fill_tail(slot.child, inline=True)
        if scope is self.top:
            self.fill_tail(scope, inline=self.root)
        for slot in scope.slots.values():
            spec, v = slot.spec, slot.var
            if slot.child is not None:
                continue
            if isinstance(spec.size, str) and not spec.repeat:
                self.size_of(scope, slot)
            if spec.repeat == "expr" and not isinstance(spec.attr["repeat-expr"], int):
                self.add(f"if {v} is not _M:")
                self.f.depth += 1
                self.require(scope, spec.attr["repeat-expr"], f"len({v})", None)
                self.f.depth -= 1

    def fill_tail(self, scope: Scope, inline: bool) -> None:
        """Trailing `size-eos` bytes left out: nothing in an object without size; zeros up to
        the size of its field otherwise, once the rest is written (the emitter does that)."""
        if not trailing_bytes(self.b, scope.key):
            return
        if inline:
            last = list(scope.slots.values())[-1]
            self.add(f"if {last.var} is _M:")
            self.add(f"    {last.var} = b''")
        else:
            scope.tail_room = True

    def size_of(self, scope: Scope, slot: Slot) -> None:
        spec, v = slot.spec, slot.var
        if spec.kind in ("struct", "switch"):
            natural = f"len({v})"
            if spec.kind == "struct":
                padded = absorbs(self.b, spec.type_key)
            else:  # the packet's own case, or any case (a raw body then gives up)
                types = [slot.case_key] if slot.case_key else \
                    [t for t in spec.cases.values() if t]
                found = {absorbs(self.b, t) for t in types}
                padded = found.pop() if len(found) == 1 else None
            if padded is None:
                raise Unsupported(f"{spec.id}: whether it takes padding depends on the data")
        else:
            ends = spec.kind == "str" and spec.terminated and not spec.attr.get("size-eos")
            natural = f"(len({v}) + 1)" if ends else f"len({v})"
            padded = spec.terminated or "pad-right" in spec.attr
        minimal = natural if spec.kind in ("struct", "switch") else f"len({v})"
        align = spec.attr.get(ALIGN_KEY)
        if align:
            natural = f"(-(-{natural} // {int(align)}) * {int(align)})"
            if spec.kind in ("struct", "switch"):
                minimal = natural
        self.add(f"if {v} is not _M:")
        self.f.depth += 1
        self.require(scope, spec.size, natural, minimal if padded else None)
        self.f.depth -= 1

    def require(self, scope: Scope, expr: Any, natural: str, minimal: str | None) -> None:
        """Builder.require: check the expression against the natural value when its fields
        are given, else solve it for the one field it reads (Builder.assign)."""
        src = self.src
        code = src.translator.code(expr, scope)
        self.add(f"n = {natural}")
        if code.reads:
            self.add(f"if {' or '.join(f'{r} is _M' for r in code.reads)}:")
            self.f.depth += 1
            found = solve(expr, scope, src.translator) if code.strict else None
            if found is None:
                self.add("raise _G")
            else:
                for step in found.steps:
                    self.add(step)
                lo, hi = found.slot.spec.range
                self.add("if type(n) is not int:")
                self.add("    n = _integral(n)")
                self.add(f"if not {lo} <= n <= {hi}:")
                self.add("    raise _G")
                self.add(f"{found.slot.var} = n")
                for check in found.checks:
                    self.add(f"if not ({check}):")
                    self.add("    raise _G")
            self.f.depth -= 1
            self.add("else:")
            self.f.depth += 1
        self.add(f"c = {code.text}")
        ok = "c == n" if minimal is None else \
            f"c == n or (isinstance(c, int) and c >= {minimal})"
        self.add(f"if not ({ok}):")
        self.add("    raise _G")
        if code.reads:
            self.f.depth -= 1

    # -- what the read-write classes check -----------------------------------------------------
    def prefix_rule(self, run: list[Slot]) -> None:
        """Fields read only before the end of the stream: one left out cannot be followed by
        one given (the read-write class would not know what to write in between)."""
        for i, slot in enumerate(run[:-1]):
            later = " or ".join(f"{s.var} is not _M" for s in run[i + 1:])
            self.add(f"if {slot.var} is _M and ({later}):")
            self.add("    raise _G")

    def valid(self, scope: Scope) -> None:
        tr = self.src.translator
        for slot in scope.slots.values():
            rule = slot.spec.attr.get("valid")
            if rule is None:
                continue
            if slot.spec.kind not in ("int", "bits", "float") or slot.spec.repeat:
                raise Unsupported(f"{slot.spec.id}: valid on {slot.spec.kind}")
            if not isinstance(rule, dict):
                rule = {"eq": rule}
            tests = []
            for kind, value in rule.items():
                if kind == "expr":
                    tests.append(tr.code(value, scope, slot.var).text)
                elif kind in ("min", "max", "eq"):
                    op = {"min": ">=", "max": "<=", "eq": "=="}[kind]
                    tests.append(f"{slot.var} {op} {tr.code(value, scope).text}")
                elif kind == "any-of":
                    items = ", ".join(tr.code(x, scope).text for x in value)
                    tests.append(f"{slot.var} in ({items},)")
                else:
                    raise Unsupported(f"{slot.spec.id}: valid {kind}")
            guard = f"{slot.var} is not _M and " if slot.spec.optional else ""
            self.add(f"if {guard}not ({' and '.join(f'({t})' for t in tests)}):")
            self.add("    raise _G")
