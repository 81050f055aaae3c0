"""The tree of a packet being built: one node per object, with the facts of each field.

Plain data becomes a tree of `Node`s, one per object to write, each holding its fields' values
(plain Python values or child nodes). A node is also the scope the specs' expressions run in
(`size: len_name`, `_parent.x`), which is how lengths, counts and switch keys are checked and
derived (builder.py). `FieldSpec` says what the builder must know of one seq field: its kind,
its width and range, how it is sized.
"""

from __future__ import annotations

import math
import re
from typing import Any, Protocol

from ..errors import BuildError, ExprError
from ..model.conventions import contents_bytes
from ..model.expr import Scope, apply_method, evaluate, parse_expr
from .plain import format_path


class BuildContext(Protocol):
    """What a node (and implied.py) asks of the build it belongs to (builder.py's Builder is
    one): the facts of each type's fields, enum values, checked values, and where the packet
    starts, to name fields in errors."""

    packet_name: str | None
    recompute: bool

    @property
    def registry(self) -> Any: ...

    def derivable(self, key: str) -> set[str]: ...

    def value(self, spec: "FieldSpec", data: Any, node: "Node",
              index: int | None = None) -> Any: ...

    def enum_number(self, enum: str, data: dict, node: "Node", where: tuple) -> int: ...

    @property
    def protocol(self) -> Any: ...

    def field_specs(self, key: str) -> list["FieldSpec"]: ...

    def instances(self, key: str) -> dict[str, dict]: ...

    def enum_value(self, key: str, enum: tuple[str, ...], label: str) -> int: ...

    def rel(self, path: tuple) -> tuple: ...

_INT = re.compile(r"^([us])([1248])(?:le|be)?$")
_FLOAT = re.compile(r"^f([48])(?:le|be)?$")
_BITS = re.compile(r"^b(\d+)(?:le|be)?$")
ALIGN_KEY = "-pkttools-size-align"
DEFAULT_KEY = "-pkttools-default"


class Missing(ExprError):
    """A path names a field that has no value (yet)."""


# -- field kinds ----------------------------------------------------------------------------------
class FieldSpec:
    """What the builder needs to know about one seq field, computed once per field."""

    __slots__ = ("id", "attr", "kind", "width", "signed", "enum", "type_key", "cases",
                 "switch_on", "repeat", "encoding", "size", "optional", "contents", "align",
                 "range", "default")

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
        self.default = attr.get(DEFAULT_KEY)  # None: the field has no default
        self.contents = contents_bytes(attr["contents"]) if "contents" in attr else None
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


# -- nodes ----------------------------------------------------------------------------------------
class Node(Scope):
    """One object being built: its type, field values (plain Python or child nodes), place."""

    def __init__(self, builder: BuildContext, key: str, parent: "Node | None", path: tuple):
        self.builder = builder
        self.key = key
        self.parent = parent
        self.root: Node = parent.root if parent is not None else self
        self.path = path
        self.specs = builder.field_specs(key)
        self.instances = builder.instances(key)
        self.values: dict[str, Any] = {}
        self.derived: set[str] = set()
        # value instances given in the data (name -> value), and the fields they set (field
        # -> (node of the instance, its name)), so errors about such a field name the instance
        self.given_instances: dict[str, Any] = {}
        self.via: dict[str, tuple["Node", str]] = {}

    # Scope ---------------------------------------------------------------------------------
    def lookup(self, parts: tuple[str, ...]) -> Any:
        value: Any = self
        for part in parts:
            value = value.get(part) if isinstance(value, Node) else apply_method(value, part)
        return value

    def get(self, name: str) -> Any:
        if name == "_parent":
            if self.parent is None:
                raise Missing("_parent of the top-level object")
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
        raise Missing(name)

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



# -- plain values the builder takes ----------------------------------------------------------------
def float_of(value: Any) -> float:
    """A number, or the strings plain data uses for NaN and the infinities."""
    if isinstance(value, str):
        return float(value.lower().replace("infinity", "inf"))
    return float(value)


def bytes_of(data: Any) -> bytes | None:
    """Bytes given as bytes or as hex text (spaces and colons allowed); None otherwise."""
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(data, str):
        text = data.replace(" ", "").replace(":", "")
        try:
            return bytes.fromhex(text)
        except ValueError:
            return None
    return None
