"""The Lua of the specs' types for the Wireshark dissector: one function per type.

Every type reachable from a protocol becomes `T[n] = function(r, t, fs, p, ctx)`: it reads its
seq fields from the reader `r` (runtime.lua), adds each to the tree `t` with the ProtoField in
`fs` (the field set of the path the type is used at: the same function serves
`tmw_login.login_data.char_servers` and any other place), keeps the values in `o` for the
expressions, and adds its value instances as generated fields. Each type also gets a plan, the
list of its fields with the ProtoField each needs, from which wslua_fields.py builds the field
sets in the same order the function uses them.

Covered: integers (u/s 1-8, either byte order), floats, bit fields (b1-b53, either bit order,
starting anywhere: wslua_bits.py), str/strz (size, size-eos, terminator,
include, consume, eos-error, pad-right; UTF-8, ASCII, UTF-16 and every single-byte code page
Python knows), byte arrays,
`contents`, user types (sized or not), switches (enum, integer and default cases; a sized
switch without a case keeps its bytes), `if`, `repeat` (expr, eos, until), `valid` (eq, min,
max, any-of, in-enum, expr), value instances, `_parent`, `_io.eof/size/pos`, `_index`. Anything
else becomes `PK.uncovered`: the dissector shows the rest as undissected bytes with an expert
note, never a guess; `notes` lists each place.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from ..model.conventions import contents_bytes
from ..model.registry import Registry
from .wslua_bits import BIT_TYPE, bitfield, mask_run, run_code
from .wslua_expr import (Kind, Scope, Translator, Uncovered, lua_name, lua_number, lua_string,
                         primitive_kind)
from .wslua_plan import Note, ProtoSpec, Roles, Slot, TypePlan

_INT = re.compile(r"^([us])([1248])(le|be)?$")
_FLOAT = re.compile(r"^f([48])(le|be)?$")


def charset(encoding: str) -> tuple[str, list[str | None] | None]:
    """The Lua decoder of an encoding (runtime.lua `PK.decode`) and, for a single-byte code
    page, its table: byte -> the character Python's codec of that name gives (None where the
    codec defines none), so the dissector reads text exactly as pkttools does."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise Uncovered(f"encoding {encoding} is unknown") from None
    fixed = {"utf-8": "PK.UTF8", "ascii": "PK.ASCII", "utf-16-le": "PK.UTF16LE",
             "utf-16-be": "PK.UTF16BE"}
    if name in fixed:
        return fixed[name], None
    table: list[str | None] = []
    for byte in range(256):
        try:
            text = bytes([byte]).decode(name)
        except UnicodeDecodeError:
            table.append(None)
            continue
        if len(text) != 1:
            raise Uncovered(f"encoding {encoding} is not a single-byte code page")
        table.append(text)
    try:
        if "\u3042".encode(name).decode(name) == "\u3042":
            raise Uncovered(f"encoding {encoding} is not a single-byte code page")
    except UnicodeError:
        pass
    return f"CP[{lua_string(name)}]", table


# Attribute keys the generator understands; any other key makes a field uncovered.
_KNOWN_KEYS = {"id", "type", "size", "size-eos", "repeat", "repeat-expr", "repeat-until", "if",
               "enum", "contents", "valid", "terminator", "include", "consume", "eos-error",
               "pad-right", "encoding", "value", "-orig-id", "doc", "doc-ref"}


def _hexish(fid: str) -> bool:
    """Integers read as identifiers, keys or flags are shown in hex too."""
    return bool(re.search(r"(^|_)(id|uid|dpid|key|flags?|checksum|mask|crc|hash)\d*$", fid))


class TypeGen:
    """Generates the Lua function and the plan of every type it is asked for, and of every
    type those use."""

    def __init__(self, registry: Registry, roles: Roles):
        self.registry = registry
        self.types = registry.types
        self.roles = roles
        self.translator = Translator(registry, self.instance_ref)
        self.index: dict[str, int] = {}
        self.plans: dict[str, TypePlan] = {}
        self.code: dict[int, str] = {}
        self.instance_index: dict[tuple[str, str], int] = {}
        self.instance_code: dict[int, str] = {}
        self.notes: list[Note] = []
        self._queue: list[str] = []
        self.counts: dict[str, int] = {}
        self.charsets: dict[str, list[str | None]] = {}  # Lua name -> byte table

    # -- references ----------------------------------------------------------------------------
    def ref(self, type_key: str) -> str:
        if type_key not in self.index:
            self.index[type_key] = len(self.index) + 1
            self._queue.append(type_key)
        return f"T[{self.index[type_key]}]"

    def instance_ref(self, owner: str, name: str) -> str:
        key = (owner, name)
        if key not in self.instance_index:
            self.instance_index[key] = len(self.instance_index) + 1
            self.instance_code[self.instance_index[key]] = ""  # filled by finish()
        return f"I[{self.instance_index[key]}]"

    def plan(self, type_key: str) -> TypePlan:
        self.ref(type_key)
        self.finish()
        return self.plans[type_key]

    def finish(self) -> None:
        """Generate everything referenced so far (types and instance getters)."""
        while self._queue or any(not c for c in self.instance_code.values()):
            while self._queue:
                key = self._queue.pop(0)
                self.code[self.index[key]], self.plans[key] = self._type(key)
            for (owner, name), n in list(self.instance_index.items()):
                if not self.instance_code[n]:
                    self.instance_code[n] = self._instance_getter(owner, name, n)

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    # -- a type ----------------------------------------------------------------------------------
    def meta(self, type_key: str) -> dict:
        spec = self.types[type_key]["spec"]
        return self.registry.specs[spec]["meta"]

    def _type(self, key: str) -> tuple[str, TypePlan]:
        info = self.types[key]
        plan = TypePlan(key)
        lines = [f"-- {key}", f"T[{self.index[key]}] = function(r, t, fs, p, ctx)",
                 "  local o = {_parent = p, _io = r}", "  local v, it"]
        if info.get("params"):
            self.notes.append(Note(key, "(type)", "parameterised types are not translated"))
            lines += ['  PK.uncovered(r, "a parameterised type")', "  return o", "end"]
            return "\n".join(lines), plan
        seq = info["seq"]
        order = self.meta(key).get("bit-endian", "be")
        i = 0
        while i < len(seq):
            run = mask_run(seq, i, order)
            if run:
                lines += run_code(run, order, plan, lambda fld: self._valid_or_note(fld, key))
                for _ in run:
                    self.count("bit field")
                i += len(run)
                continue
            lines += self._field(seq[i], key, plan, len(plan.slots) + 1)
            i += 1
        for inst in info["instances"]:
            lines += self._instance_slot(inst, key, plan)
        lines += ["  return o", "end"]
        return "\n".join(lines), plan

    def _uncovered(self, key: str, fid: str, reason: str, plan: TypePlan, index: int,
                   indent: str = "  ") -> list[str]:
        self.notes.append(Note(key, fid, reason))
        plan.slots.append(Slot(index, fid))
        return [f"{indent}PK.uncovered(r, {lua_string(f'{fid}: {reason}')})"]

    def _field(self, fld: dict, key: str, plan: TypePlan, index: int) -> list[str]:
        attr = fld["attr"]
        fid = fld["id"]
        unknown = [k for k in attr if k not in _KNOWN_KEYS and not k.startswith("-")]
        if unknown:
            return self._uncovered(key, fid, f"{', '.join(unknown)} is not translated", plan,
                                   index)
        try:
            slot, read, label = self._read_one(fld, key, index)
            valid = self._valid(fld, key) if "valid" in attr else []
            body = self._repeat(fld, key, slot, read, label, valid)
            if "if" in attr:
                cond, _ = self.translator.translate(attr["if"], Scope(key))
                body = [f"  if {cond} then"] + ["  " + line for line in body] + ["  end"]
                self.count("if")
        except Uncovered as exc:
            return self._uncovered(key, fid, str(exc), plan, index)
        plan.slots.append(slot)
        return body

    def _repeat(self, fld: dict, key: str, slot: Slot, read: list[str], label: bool,
                valid: list[str]) -> list[str]:
        attr = fld["attr"]
        target = f"o{lua_name(fld['id'])}"
        if "repeat" not in attr:
            return read + valid + [f"  {target} = v"]
        kind = attr["repeat"]
        self.count(f"repeat {kind}")
        element = ["    local before = r.pos"] + ["  " + ln for ln in read]
        if label:
            element.append("    PK.label(it, i)")
        element += ["  " + ln for ln in valid] + ["    a[i + 1] = v"]
        if kind == "expr":
            count, _ = self.translator.translate(attr["repeat-expr"], Scope(key))
            return (["  do", f"    local n = PK.count({count}, r)", "    local a = {}",
                     f"    {target} = a", "    for i = 0, n - 1 do"]
                    + ["  " + ln for ln in element] + ["      PK.guard(r, before, i)",
                                                      "    end", "  end"])
        if kind == "eos":
            return (["  do", "    local a, i = {}, 0", f"    {target} = a",
                     "    while not r:eof() do"] + ["  " + ln for ln in element]
                    + ["      PK.guard(r, before, i)", "      i = i + 1", "    end", "  end"])
        if kind == "until":
            scope = Scope(key, special={"_": ("v", self.translator.field_kind(
                dict(fld, attr={k: v for k, v in attr.items() if k != "repeat"}), key)),
                "_index": ("i", Kind("int"))})
            cond, _ = self.translator.translate(attr["repeat-until"], scope)
            return (["  do", "    local a, i = {}, 0", f"    {target} = a", "    while true do"]
                    + ["  " + ln for ln in element]
                    + [f"      if {cond} then break end", "      PK.guard(r, before, i)",
                       "      i = i + 1", "    end", "  end"])
        raise Uncovered(f"repeat: {kind}")

    # -- reading one element -----------------------------------------------------------------
    def _read_one(self, fld: dict, key: str, index: int) -> tuple[Slot, list[str], bool]:
        """(slot, Lua that sets v and it, whether elements get an index label)."""
        attr = fld["attr"]
        fid = fld["id"]
        kind = attr.get("type")
        doc = fld.get("doc")
        if isinstance(kind, dict):
            return self._switch(fld, key, index)
        if "contents" in attr:
            if kind is not None or "size" in attr:
                raise Uncovered("contents with a type or size")
            data = contents_bytes(attr["contents"])
            self.count("contents")
            return (Slot(index, fid, ProtoSpec("bytes", doc=doc)),
                    [f"  v, it = PK.contents(r, t, fs[{index}], {lua_string(data)})"], False)
        if kind is None:
            return self._bytes(fld, key, index)
        kind = str(kind)
        if "(" in kind:
            raise Uncovered(f"type {kind}: parameterised types are not translated")
        ints = _INT.match(kind)
        if ints:
            return self._integer(fld, key, index, ints)
        floats = _FLOAT.match(kind)
        if floats:
            size = int(floats.group(1))
            le = self._little(floats.group(2), key, size)
            self.count("float")
            return (Slot(index, fid, ProtoSpec("float" if size == 4 else "double", doc=doc)),
                    [f"  v, it = PK.float(r, t, fs[{index}], {size}, {le})"], False)
        if BIT_TYPE.match(kind):
            slot, lines = bitfield(fld, self.meta(key).get("bit-endian", "be"), index)
            self.count("bit field")
            return slot, lines, False
        if kind in ("str", "strz"):
            return self._text(fld, key, index, kind == "strz")
        return self._struct(fld, key, index)

    def _little(self, suffix: str | None, key: str, size: int) -> str:
        if size == 1:
            return "false"
        order = suffix or self.meta(key).get("endian")
        if order not in ("le", "be"):
            raise Uncovered("no byte order for a multi-byte number (meta endian)")
        return "true" if order == "le" else "false"

    def _integer(self, fld: dict, key: str, index: int, match: re.Match) -> tuple:
        signed, size = match.group(1) == "s", int(match.group(2))
        le = self._little(match.group(3), key, size)
        enum = fld["enum"]
        if fld["attr"].get("enum") and enum is None:
            raise Uncovered(f"enum {fld['attr']['enum']} not found")
        if (key, fld["id"]) in self.roles.opcodes and not signed:
            base = "base.HEX"
        elif enum or signed or not _hexish(fld["id"]):
            base = "base.DEC"
        else:
            base = "base.DEC_HEX"
        ftype = f"{'int' if signed else 'uint'}{size * 8}"
        self.count("enum" if enum else "integer")
        return (Slot(index, fld["id"], ProtoSpec(ftype, base, enum, doc=fld.get("doc"))),
                [f"  v, it = PK.int(r, t, fs[{index}], {size}, {'true' if signed else 'false'}, "
                 f"{le})"], False)

    def _size(self, fld: dict, key: str) -> str | None:
        """Lua of the field's byte count: `size`, or the rest for `size-eos`; None."""
        attr = fld["attr"]
        if attr.get("size-eos"):
            return "r.stop - r.pos"
        if "size" in attr:
            code, kind = self.translator.translate(attr["size"], Scope(key))
            if kind.name not in ("int", "any"):
                raise Uncovered(f"size of kind {kind.name}")
            return code
        return None

    def _terminated(self, fld: dict, key: str, size: str | None, strz: bool) -> list[str]:
        """Lua that sets s, l (value start and length) and rg (the bytes read)."""
        attr = fld["attr"]
        term = attr.get("terminator", 0 if strz else None)
        pad = attr.get("pad-right")
        include = "true" if attr.get("include", False) else "false"
        if size is not None:
            if term is None and pad is None:
                return [f"    local rg = r:range({size})", "    local s, l = rg:offset(), rg:len()"]
            return [f"    local rg = r:range({size})",
                    f"    local s, l = PK.cut(rg, {lua_number(term) if term is not None else 'nil'}"
                    f", {include}, {lua_number(pad) if pad is not None else 'nil'})"]
        if term is None:
            raise Uncovered("neither a size nor a terminator")
        consume = "true" if attr.get("consume", True) else "false"
        eos_error = "true" if attr.get("eos-error", True) else "false"
        return [f"    local s, l, rg = PK.upto(r, {lua_number(term)}, {include}, {consume}, "
                f"{eos_error})"]

    def _text(self, fld: dict, key: str, index: int, strz: bool) -> tuple:
        encoding = fld["attr"].get("encoding") or self.meta(key).get("encoding")
        if not encoding:
            raise Uncovered("a string without an encoding")
        enc, table = charset(str(encoding))
        if table is not None:
            self.charsets[enc] = table
        size = self._size(fld, key)
        self.count("string")
        lines = ["  do"] + self._terminated(fld, key, size, strz) + [
            f"    v, it = PK.text(t, ctx, fs[{index}], r.tvb, s, l, rg, {enc}, "
            f"{lua_string(str(encoding))})", "  end"]
        return Slot(index, fld["id"], ProtoSpec("string", doc=fld.get("doc"))), lines, False

    def _bytes(self, fld: dict, key: str, index: int) -> tuple:
        size = self._size(fld, key)
        self.count("bytes")
        lines = ["  do"] + self._terminated(fld, key, size, False) + [
            f"    v, it = PK.bytes(t, fs[{index}], r.tvb, s, l)", "  end"]
        return Slot(index, fld["id"], ProtoSpec("bytes", doc=fld.get("doc"))), lines, False

    def _struct(self, fld: dict, key: str, index: int) -> tuple:
        target = fld["type"]
        if target is None:
            raise Uncovered(f"type {fld['attr']['type']} not found")
        fn = self.ref(target)
        size = self._size(fld, key)
        frame_body = self.roles.frame_bodies.get(key) == fld["id"]
        if target in self.roles.dispatchers:
            # The protocol's dispatcher inside a frame: its fields are the PDU's own.
            if size is None:
                raise Uncovered("a dispatcher inside a frame needs a size")
            self.count("frame")
            hook = ["    PK.frame_body(r, ctx, n)"] if frame_body else []
            lines = (["  do", f"    local n = {size}"] + hook
                     + ["    local sub = r:sub(n)",
                        f"    v = {fn}(sub, t, fs[{index}][2], o, ctx)",
                        "    PK.trailing(sub, t, ctx)", "  end"])
            return Slot(index, fld["id"], sub=target, inline=True), lines, False
        spec = ProtoSpec("none", doc=fld.get("doc"))
        self.count("user type")
        if size is None:
            return (Slot(index, fld["id"], spec, sub=target),
                    [f"  v, it = PK.struct(r, t, ctx, fs[{index}][1], {fn}, fs[{index}][2], "
                     f"o{self._bits_first(target)})"], True)
        hook = ["    PK.frame_body(r, ctx, n)"] if frame_body else []
        return (Slot(index, fld["id"], spec, sub=target),
                ["  do", f"    local n = {size}"] + hook + [
                    "    local sub = r:sub(n)",
                    f"    v, it = PK.struct(sub, t, ctx, fs[{index}][1], {fn}, fs[{index}][2], "
                    f"o, true)", "  end"], True)

    def _switch(self, fld: dict, key: str, index: int) -> tuple:
        attr = fld["attr"]
        cases_raw = attr["type"].get("cases") or {}
        key_code, key_kind = self.translator.translate(attr["type"]["switch-on"], Scope(key))
        dispatch = self.roles.bodies.get(key) == fld["id"]
        frame_body = self.roles.frame_bodies.get(key) == fld["id"]
        size = self._size(fld, key)
        slot = Slot(index, fld["id"], dispatch=dispatch)
        lines = ["  do", "    v = nil", f"    local k = {key_code}"]
        if dispatch:
            lines.append("    PK.opcode(t, ctx, o, k)")
        # A sized switch reads its window: each branch rebinds r to it.
        rebind = []
        if size is not None:
            lines.append(f"    local n = {size}")
            if frame_body:
                lines.append("    PK.frame_body(r, ctx, n)")
            lines.append("    local sub = r:sub(n)")
            rebind = ["  local r = sub"]
        branches: list[str] = []
        default = None
        for n_case, (case, type_name) in enumerate(cases_raw.items(), start=1):
            case_fld = {"id": fld["id"], "attr": {"type": type_name}, "enum": fld["enum"],
                        "type": fld["cases"].get(str(case)), "doc": fld.get("doc")}
            code = rebind + self._case(case_fld, key, index, n_case, size is not None,
                                       dispatch, slot)
            if str(case) == "_":
                default = code
                continue
            value = self._case_value(case, key, key_kind)
            branches.append(f"{'if' if not branches else 'elseif'} k == {value} then")
            branches += code
        if default is not None:
            branches += (["else"] if branches else ["do"]) + default
        else:
            if dispatch:
                fallback = rebind + ["  PK.unknown_opcode(r, t, ctx, k)"]
            elif size is not None:
                slot.raw = ProtoSpec("bytes", doc=fld.get("doc"))
                fallback = ["  local rg = sub:range(sub.stop - sub.pos)",
                            f"  v, it = PK.bytes(t, fs[{index}].raw, r.tvb, rg:offset(), "
                            "rg:len())",
                            "  if t then it:add_proto_expert_info(ctx.S.X.no_case, "
                            f"{lua_string(fld['id'] + ': no case for ')} .. PK.to_s(k) .. "
                            f"{lua_string(': the bytes are kept')}) end"]
            else:
                fallback = [f"  if t then t:add_proto_expert_info(ctx.S.X.no_case, "
                            f"{lua_string(fld['id'] + ': no case for ')} .. PK.to_s(k)) end"]
            branches += (["else"] if branches else ["do"]) + fallback
        branches.append("end")
        lines += ["    " + b for b in branches] + ["  end"]
        self.count("switch")
        return slot, lines, True

    def _case(self, case_fld: dict, key: str, index: int, n_case: int, sized: bool,
              dispatch: bool, slot: Slot) -> list[str]:
        type_name = str(case_fld["attr"]["type"])
        target = case_fld["type"]
        pf = f"fs[{index}][{n_case}]"
        if target is not None:
            fn = self.ref(target)
            slot.cases.append(Slot(n_case, case_fld["id"], ProtoSpec("none", doc=case_fld["doc"]),
                                   sub=target, dispatch=dispatch))
            tail = "o, true)" if sized else f"o{self._bits_first(target)})"
            return [f"  v, it = PK.struct(r, t, ctx, {pf}[1], {fn}, {pf}[2], {tail}"]
        prim = primitive_kind(type_name, case_fld["enum"])
        if prim is None:
            raise Uncovered(f"switch case type {type_name}")
        probe = dict(case_fld, attr={"type": type_name})
        inner_slot, read, _ = self._read_one(probe, key, index)
        slot.cases.append(Slot(n_case, case_fld["id"], inner_slot.proto))
        return [ln.replace(f"fs[{index}]", pf) for ln in read]

    def _bits_first(self, target: str) -> str:
        """The extra argument of PK.struct for an unsized type that starts with a bit field
        (its first bits may go on inside the byte before it); empty otherwise."""
        seq = self.types[target]["seq"]
        first = seq[0] if seq else None
        kind = first["attr"].get("type") if first else None
        if isinstance(kind, str) and BIT_TYPE.match(kind) and "if" not in first["attr"]:
            return ", false, true"
        return ""

    def _case_value(self, case: Any, key: str, key_kind: Kind) -> str:
        if isinstance(case, bool):
            return "true" if case else "false"
        if isinstance(case, (int, float)):
            return lua_number(case)
        code, kind = self.translator.translate(str(case), Scope(key))
        if kind.name not in ("int", "bool", "str"):
            raise Uncovered(f"switch case {case}")
        return code

    # -- valid ---------------------------------------------------------------------------------
    def _valid_or_note(self, fld: dict, key: str) -> list[str]:
        """The Lua of a field's valid rule; a rule that cannot be translated is noted and
        not checked (the field is still shown)."""
        try:
            return self._valid(fld, key)
        except Uncovered as exc:
            self.notes.append(Note(key, fld["id"], f"valid rule not checked: {exc}"))
            return []

    def _valid(self, fld: dict, key: str) -> list[str]:
        rule = fld["attr"]["valid"]
        kind = self.translator.field_kind(
            dict(fld, attr={k: v for k, v in fld["attr"].items() if k != "repeat"}), key)
        scope = Scope(key, special={"_": ("v", kind)})

        def expr(text: Any) -> str:
            return self.translator.translate(text, scope)[0]

        checks: list[tuple[str, str]] = []
        if not isinstance(rule, dict):
            rule = {"eq": rule}
        for name, value in rule.items():
            if name == "eq":
                checks.append((f"v == {expr(value)}", f"must equal {value}"))
            elif name == "min":
                checks.append((f"v >= {expr(value)}", f"is less than the minimum {value}"))
            elif name == "max":
                checks.append((f"v <= {expr(value)}", f"is more than the maximum {value}"))
            elif name == "any-of":
                options = " or ".join(f"v == {expr(item)}" for item in value)
                checks.append((options or "false", f"is none of {value}"))
            elif name == "expr":
                checks.append((expr(value), f"does not satisfy `{value}`"))
            elif name == "in-enum" and value:
                if not fld["enum"]:
                    raise Uncovered("valid in-enum without an enum")
                checks.append((f"VS[{lua_string(fld['enum'])}][v] ~= nil",
                               "is not a value of its enum"))
            else:
                raise Uncovered(f"valid: {name}")
        self.count("valid")
        lines = []
        for cond, why in checks:
            lines.append(f"  if not ({cond}) then PK.invalid(it, r.pos, {lua_string('got ')} .. "
                         f"PK.to_s(v) .. {lua_string(', which ' + why)}) end")
        return lines

    # -- instances -----------------------------------------------------------------------------
    def _instance_slot(self, inst: dict, key: str, plan: TypePlan) -> list[str]:
        name = inst["id"]
        attr = inst["attr"]
        if "value" not in attr or "pos" in attr:
            self.notes.append(Note(key, name, "positional instances are not shown"))
            return []
        try:
            kind = self.translator.field_kind(inst, key)
        except Uncovered as exc:
            self.notes.append(Note(key, name, f"instance not shown: {exc}"))
            return []
        if kind.name == "int" and kind.ref:
            spec, tag = ProtoSpec("uint32", "base.DEC", kind.ref, doc=inst.get("doc")), "enum"
            if (key, name) in self.roles.opcodes:
                spec.base = "base.HEX"
        else:
            table = {"int": ("int64", "base.DEC"), "float": ("double", None),
                     "bool": ("bool", "base.NONE"), "str": ("string", None)}
            if kind.name not in table:
                self.notes.append(Note(key, name, f"instance of kind {kind.name} not shown"))
                return []
            ftype, base = table[kind.name]
            spec, tag = ProtoSpec(ftype, base, doc=inst.get("doc")), kind.name
        index = len(plan.instances) + 1
        plan.instances.append(Slot(index, name, spec))
        self.count("value instance")
        return [f"  PK.instance(t, ctx, fs.i[{index}], \"{tag}\", {self.instance_ref(key, name)}"
                f", o, {lua_string(name)})"]

    def _instance_getter(self, owner: str, name: str, n: int) -> str:
        inst = self.translator.find(owner, name, instances_only=True)
        try:
            code, _ = self.translator.translate(inst["attr"]["value"], Scope(owner))
            cond = None
            if "if" in inst["attr"]:
                cond, _ = self.translator.translate(inst["attr"]["if"], Scope(owner))
        except Uncovered as exc:
            self.notes.append(Note(owner, name, f"instance: {exc}"))
            return (f"I[{n}] = function(o) error({lua_string(f'instance {name}: {exc}')}, 0) "
                    f"end")
        memo = lua_string("@" + name)
        lines = [f"-- {owner} instance {name}", f"I[{n}] = function(o)",
                 f"  local v = o[{memo}]", "  if v ~= nil then return v end"]
        if cond:
            lines.append(f"  if not ({cond}) then return nil end")
        lines += [f"  v = {code}", f"  o[{memo}] = v", "  return v", "end"]
        return "\n".join(lines)
