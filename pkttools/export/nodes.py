"""Arrow column types for the kinds of value a spec field holds, each with its reader.

A `Node` pairs an Arrow type with the function that turns the generated object's value into
what Arrow takes for that type, so a row can only ever hold what its column was declared to
hold: the schema and the rows come from the same node. Absent values (a field whose `if` was
false, a switch with no case) are None everywhere and become nulls.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Callable

import pyarrow as pa
from kaitaistruct import KaitaiStruct

from ..model.registry import Registry

ENUM_FIELDS = ("name", "value")


@dataclass(frozen=True, eq=False)
class Node:
    """One column type. kind: int, float, bool, str, bytes, enum, struct, present, list,
    switch. key: the type key of a struct, the enum key of an enum. item: a list's element."""

    kind: str
    type: pa.DataType
    read: Callable[[Any], Any]
    key: str | None = None
    item: "Node | None" = None

    @property
    def numeric(self) -> bool:
        return self.kind in ("int", "float")


def _same(value: Any) -> Any:
    return value


def _bytes(value: Any) -> Any:
    return None if value is None else bytes(value)


def _int(value: Any) -> Any:
    return None if value is None else int(value)


def scalar(kind: str, arrow: pa.DataType) -> Node:
    """int, float, bool, str or bytes."""
    read = {"bytes": _bytes, "int": _int}.get(kind, _same)
    return Node(kind, arrow, read)


INT64 = scalar("int", pa.int64())
FLOAT64 = scalar("float", pa.float64())
BOOL = scalar("bool", pa.bool_())
STRING = scalar("str", pa.string())
BINARY = scalar("bytes", pa.binary())


def int_type(width_bytes: int, signed: bool) -> pa.DataType:
    return {(1, False): pa.uint8(), (2, False): pa.uint16(), (4, False): pa.uint32(),
            (8, False): pa.uint64(), (1, True): pa.int8(), (2, True): pa.int16(),
            (4, True): pa.int32(), (8, True): pa.int64()}[(width_bytes, signed)]


def bits_node(width: int) -> Node:
    """b1 is a boolean in Kaitai; wider bit fields are the smallest unsigned int that holds
    them."""
    if width == 1:
        return BOOL
    size = next(n for n in (1, 2, 4, 8) if width <= 8 * n)
    return scalar("int", int_type(size, False))


def enum_node(enum_key: str, value: pa.DataType) -> Node:
    """The enum's member name (null for a number outside the enum) and the number itself."""
    def read(v: Any) -> Any:
        if v is None:
            return None
        return {"name": v.name if isinstance(v, IntEnum) else None, "value": int(v)}

    arrow = pa.struct([pa.field("name", pa.string()), pa.field("value", value)])
    return Node("enum", arrow, read, key=enum_key)


def list_node(item: Node) -> Node:
    item_read = item.read

    def read(v: Any) -> Any:
        return None if v is None else [item_read(x) for x in v]

    return Node("list", pa.list_(item.type), read, item=item)


def struct_node(key: str, seq: list[tuple[str, Node]], instances: list[tuple[str, Node]]
                ) -> Node:
    """A user type: one child per seq field then per instance, in spec order. A type with no
    field at all is `present` (a bool, true where the object was read): Parquet has no empty
    struct."""
    if not seq and not instances:
        return Node("present", pa.bool_(), lambda v: None if v is None else True, key=key)
    seq_readers = tuple((name, node.read) for name, node in seq)
    instance_readers = tuple((name, node.read) for name, node in instances)

    def read(obj: Any) -> Any:
        if obj is None:
            return None
        out = {}
        for name, child in seq_readers:
            out[name] = child(getattr(obj, name, None))
        for name, child in instance_readers:
            out[name] = child(getattr(obj, name))  # raises where the data cannot satisfy it
        return out

    arrow = pa.struct([pa.field(name, node.type) for name, node in seq + instances])
    return Node("struct", arrow, read, key=key)


RAW_CASE = "_raw"  # the bytes a sized switch keeps when no case matches


def switch_node(typed: list[tuple[str, str, Node]], builtin: list[tuple[str, Node]],
                sized: bool) -> Node:
    """One child per case type: typed cases are (child name, type key, node), builtin-typed
    cases (child name, node) grouped by Python kind; `_raw` for a sized switch's unmatched
    bytes. Only the child of the case that matched is set."""
    by_key = {key: (name, node.read) for name, key, node in typed}
    by_kind = {node.kind: (name, node.read) for name, node in builtin}
    names = [name for name, _, _ in typed] + [name for name, _ in builtin]
    fields = [pa.field(name, node.type) for name, _, node in typed]
    fields += [pa.field(name, node.type) for name, node in builtin]
    if sized:
        names.append(RAW_CASE)
        fields.append(pa.field(RAW_CASE, pa.binary()))
    empty = dict.fromkeys(names)
    classes: dict[type, tuple[str, Callable]] = {}

    def read(v: Any) -> Any:
        if v is None:
            return None
        out = dict(empty)
        if isinstance(v, KaitaiStruct):
            found = classes.get(type(v))
            if found is None:
                found = classes[type(v)] = by_key[Registry.type_key_of(v)]
        elif isinstance(v, (bytes, bytearray)) and "bytes" not in by_kind:
            found = (RAW_CASE, _bytes)
        else:
            found = by_kind[_kind_of(v)]
        out[found[0]] = found[1](v)
        return out

    return Node("switch", pa.struct(fields), read)


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return "bytes"
