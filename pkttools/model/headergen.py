"""Generates readers of dispatcher headers, so parsing need not build a dispatcher object.

A dispatcher whose fields before the body are fixed-width integers and bit fields (directly,
or inside one user type such as the FFXI header), and whose body is an imported packet type
(sized by an expression or not), can be dispatched without its generated class: read the
header with `struct` and shifts, evaluate the switch key and the body length, and run the
packet's own class. build.py writes one such reader per eligible protocol into
kaitai_gen/fast.py (generated from the specs like the classes, so it cannot drift); parsing
falls back to the dispatcher class for anything the reader does not cover and to explain
errors.
"""

from __future__ import annotations

import struct
from typing import Any

from ..errors import ExprError, PkttoolsError
from .expr import Binary, EnumLit, Num, Path, Ternary, Unary, parse_expr

_INTS = {"u1": "B", "u2": "H", "u4": "I", "u8": "Q", "s1": "b", "s2": "h", "s4": "i", "s8": "q"}


class _NotFast(PkttoolsError):
    """The dispatcher needs its generated code."""


def header_reader(model: Any, root: str, body: dict) -> dict | None:
    """{"function": name, "size": header bytes, "source": python} or None."""
    try:
        return _Reader(model, root, body).result()
    except (_NotFast, ExprError):
        return None


class _Reader:
    def __init__(self, model: Any, root: str, body: dict):
        self.model, self.root, self.body = model, root, body
        self.name = "read_" + model.types[root]["spec"]
        self.lines: list[str] = []
        self.structs: list[str] = []
        self.variables: dict[str, str] = {}  # "header.id" -> "v_header_id"
        self.offset = 0
        self.bits: list[tuple[str, int]] = []  # a run of bit fields not yet byte-aligned
        self.bit_order = ""
        self.frame: list[dict] = []  # the dispatcher's own fields, to rebuild them cheaply
        self.frame_complete = True

    def result(self) -> dict:
        seq = self.model.types[self.root]["seq"]
        body = self.body
        if seq[-1] is not body or any(k in body["attr"] for k in ("size-eos", "if", "repeat")):
            raise _NotFast()
        # The generated dispatcher creates an imported spec's root type with the stream only
        # (no parent, no root); a nested type would need the dispatcher object as parent.
        spec_id = self.root.split(":", 1)[0]
        for type_key in body["cases"].values():
            if type_key is None or "." in type_key.split(":", 1)[1] \
                    or type_key.split(":", 1)[0] == spec_id:
                raise _NotFast()
        for field in seq[:-1]:
            self.field(field, self.root, "")
        opcode = self.translate(body["switch_on"], self.root, "")
        size = self.translate(body["attr"]["size"], self.root, "") \
            if "size" in body["attr"] else "None"
        source = [f"def {self.name}(data, at=0):",
                  *(f"    {line}" for line in self.lines),
                  f"    return ({opcode}), ({size})", ""]
        structs = [f"_{self.name}_{i} = struct.Struct({fmt!r})"
                   for i, fmt in enumerate(self.structs)]
        frame = self.frame if self.frame_complete else None
        return {"function": self.name, "size": self.offset, "frame": frame,
                "source": "\n".join(structs + [""] + source)}

    # -- reading the header fields -----------------------------------------------------------
    def field(self, field: dict, owner: str, prefix: str) -> None:
        attr = field["attr"]
        if any(k in attr for k in ("if", "repeat", "contents", "valid", "size")):
            raise _NotFast()
        if field["type"] is not None:  # a header type: its fields, one level deep
            if prefix:
                raise _NotFast()
            start = self.offset
            for sub in self.model.types[field["type"]]["seq"]:
                self.field(sub, field["type"], field["id"] + ".")
            if self.bits:
                raise _NotFast()
            # An imported root type can be parsed on its own bytes, as the dispatcher does.
            if "." not in field["type"].split(":", 1)[1] and \
                    field["type"].split(":", 1)[0] != self.root.split(":", 1)[0]:
                self.frame.append({"id": field["id"], "offset": start,
                                   "size": self.offset - start, "type": field["type"]})
            else:
                self.frame_complete = False
            return
        kind = attr.get("type")
        if not isinstance(kind, str):
            raise _NotFast()
        meta = self.meta(owner)
        if kind.startswith("b") and kind[1:].rstrip("lbe").isdigit():
            width = int(kind[1:].rstrip("lbe"))
            order = kind[-2:] if kind.endswith(("le", "be")) else meta.get("bit-endian", "be")
            self.bit_field(prefix + field["id"], width, order)
            if not prefix:
                self.frame_complete = False  # top-level bits: the dispatcher rebuilds them
            return
        if self.bits:
            raise _NotFast()  # bit fields that do not end on a byte boundary
        base, suffix = kind[:2], kind[2:]
        if base not in _INTS or suffix not in ("", "le", "be"):
            raise _NotFast()
        order = suffix or meta.get("endian")
        if base[1] != "1" and order not in ("le", "be"):
            raise _NotFast()
        fmt = ("<" if order != "be" else ">") + _INTS[base]
        if not prefix:
            self.frame.append({"id": field["id"], "offset": self.offset, "format": fmt})
        var = self.variable(prefix + field["id"])
        self.lines.append(f"{var}, = _{self.name}_{len(self.structs)}.unpack_from(data, "
                          f"at + {self.offset})")
        self.structs.append(fmt)
        self.offset += struct.calcsize(fmt)

    def bit_field(self, name: str, width: int, order: str) -> None:
        if not self.bits:
            self.bits = []
            self.bit_order = order
        elif order != self.bit_order:
            raise _NotFast()
        self.bits.append((name, width))
        total = sum(w for _, w in self.bits)
        if total % 8:
            return
        nbytes = total // 8
        word = f"w{self.offset}"
        self.lines.append(f"{word} = int.from_bytes(data[at + {self.offset}:at + "
                          f"{self.offset + nbytes}], "
                          f"{'little' if order == 'le' else 'big'!r})")
        shift = 0 if order == "le" else total
        for bit_name, bit_width in self.bits:
            if order == "be":
                shift -= bit_width
            var = self.variable(bit_name)
            self.lines.append(f"{var} = ({word} >> {shift}) & {(1 << bit_width) - 1}")
            if order == "le":
                shift += bit_width
        self.offset += nbytes
        self.bits = []

    def variable(self, name: str) -> str:
        var = "v_" + name.replace(".", "_")
        self.variables[name] = var
        return var

    def meta(self, type_key: str) -> dict:
        spec = self.model.types[type_key]["spec"]
        return self.model.specs[self.model.id_to_path[spec]]["meta"]

    # -- expressions ---------------------------------------------------------------------------
    def translate(self, text: Any, owner: str, prefix: str, depth: int = 0) -> str:
        if depth > 8:
            raise _NotFast()
        return self.python(parse_expr(text), owner, prefix, depth)

    def python(self, node: Any, owner: str, prefix: str, depth: int) -> str:
        if isinstance(node, Num):
            if isinstance(node.value, (bool, int)):
                return repr(node.value)
            raise _NotFast()
        if isinstance(node, Path):
            return self.path(node.parts, owner, prefix, depth)
        if isinstance(node, EnumLit):
            key = self.model.resolve_enum("::".join(node.enum), owner)
            if key is None:
                raise _NotFast()
            values = self.model.enums[key]["values"]
            return next(v for v, item in values.items() if item["id"] == node.label)
        if isinstance(node, Unary) and node.op in ("-", "not"):
            return f"({node.op} {self.python(node.operand, owner, prefix, depth)})"
        if isinstance(node, Ternary):
            return (f"({self.python(node.then, owner, prefix, depth)} if "
                    f"{self.python(node.cond, owner, prefix, depth)} else "
                    f"{self.python(node.other, owner, prefix, depth)})")
        if isinstance(node, Binary):
            op = {"/": "//"}.get(node.op, node.op)  # integers only: Kaitai's division
            if op not in ("+", "-", "*", "//", "%", "<<", ">>", "&", "|", "^", "==", "!=",
                          "<", "<=", ">", ">=", "and", "or"):
                raise _NotFast()
            return (f"({self.python(node.left, owner, prefix, depth)} {op} "
                    f"{self.python(node.right, owner, prefix, depth)})")
        raise _NotFast()

    def path(self, parts: tuple, owner: str, prefix: str, depth: int) -> str:
        name = prefix + parts[0]
        if len(parts) == 1 and name in self.variables:
            return self.variables[name]
        info = self.model.types[owner]
        field = next((f for f in info["seq"] if f["id"] == parts[0]), None)
        if field is not None and field["type"] is not None and len(parts) > 1 and not prefix:
            return self.path(parts[1:], field["type"], parts[0] + ".", depth)
        inst = next((i for i in info["instances"] if i["id"] == parts[0]), None)
        if inst is not None and "value" in inst["attr"] and len(parts) == 1:
            return self.translate(inst["attr"]["value"], owner, prefix, depth + 1)
        raise _NotFast()


def module_source(readers: list[dict]) -> str:
    """kaitai_gen/fast.py: every protocol's header reader."""
    out = ['"""Header readers generated by build.py from the dispatcher specs; never edit."""',
           "", "import struct", ""]
    for reader in readers:
        out.append(reader["source"])
    return "\n".join(out) + "\n"
