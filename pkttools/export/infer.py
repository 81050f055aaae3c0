"""The column type of a value instance, inferred from its expression as Kaitai types it.

A value instance (`value: dir * 6.283185 * 0.00390625`) declares no type; its column must
still come from the spec, not from the values seen, so the expression is typed here by the
rules of the Kaitai Struct compiler: a path has the type of the field it names; arithmetic on
integers is a 64-bit integer, on a float a double; comparisons, `and`, `or` and `not` are
booleans; `+` of strings is a string; `.to_s` a string, `.to_i`, `.length` and `.size`
integers; `a ? b : c` the common type of b and c. What cannot be typed (`_root`, a `_parent`
of a type used from several places, a method pkttools does not evaluate) is an ExportError
naming the expression.
"""

from __future__ import annotations

from typing import Any, Protocol

import pyarrow as pa

from ..errors import ExportError, ExprError
from ..model.expr import (Binary, Call, EnumLit, Index, ListLit, Num, Path, Ternary, Unary,
                          parse_expr)
from .nodes import BOOL, FLOAT64, INT64, STRING, Node, enum_node, list_node

_COMPARE = ("==", "!=", "<", "<=", ">", ">=")
_ITEM_METHODS = ("first", "last", "min", "max")


class Types(Protocol):
    """What inference asks of the spec model (schema.py's TypeModel answers)."""

    def member(self, key: str, name: str) -> Node | None:
        """The node of a seq field or instance of a type, None when it has no such member."""

    def parent(self, key: str) -> str:
        """The one type that holds this type in a field; ExportError when not exactly one."""

    def enum(self, key: str, path: tuple[str, ...]) -> str:
        """The enum key an enum reference names from inside a type."""


def infer(expr: Any, key: str, types: Types) -> Node:
    """The node of a value instance's expression, evaluated inside type `key`."""
    try:
        tree = parse_expr(expr)
    except ExprError as exc:
        raise ExportError(f"cannot read the expression {expr!r}: {exc}") from None
    return _Inference(key, types, str(expr)).node(tree)


class _Inference:
    def __init__(self, key: str, types: Types, text: str):
        self.key, self.types, self.text = key, types, text

    def fail(self, why: str) -> ExportError:
        return ExportError(f"cannot type the expression {self.text!r}: {why}")

    def node(self, tree: Any) -> Node:
        if isinstance(tree, Num):
            return self.literal(tree.value)
        if isinstance(tree, Path):
            return self.path(tree.parts)
        if isinstance(tree, EnumLit):
            return enum_node(self.types.enum(self.key, tree.enum), pa.int64())
        if isinstance(tree, Unary):
            operand = self.node(tree.operand)
            if tree.op == "not":
                return BOOL
            if operand.numeric:
                return INT64 if operand.kind == "int" else FLOAT64
            raise self.fail(f"{tree.op} of a {operand.kind}")
        if isinstance(tree, Binary):
            return self.binary(tree.op, self.node(tree.left), self.node(tree.right))
        if isinstance(tree, Ternary):
            return self.common(self.node(tree.then), self.node(tree.other))
        if isinstance(tree, Call):
            return self.method(self.node(tree.target), tree.method)
        if isinstance(tree, Index):
            target = self.node(tree.target)
            if target.kind == "list":
                return target.item
            if target.kind == "bytes":
                return INT64
            raise self.fail(f"indexing a {target.kind}")
        if isinstance(tree, ListLit):
            if not tree.items:
                raise self.fail("an empty list has no element type")
            item = self.node(tree.items[0])
            for other in tree.items[1:]:
                item = self.common(item, self.node(other))
            return list_node(item)
        raise self.fail(f"{type(tree).__name__} is not supported")

    @staticmethod
    def literal(value: Any) -> Node:
        if isinstance(value, bool):
            return BOOL
        if isinstance(value, int):
            return INT64
        if isinstance(value, float):
            return FLOAT64
        return STRING

    def path(self, parts: tuple[str, ...]) -> Node:
        key: str | None = self.key
        node: Node | None = None
        for i, part in enumerate(parts):
            if node is not None and node.kind not in ("struct", "present"):
                if i == len(parts) - 1:
                    return self.method(node, part)
                raise self.fail(f"{'.'.join(parts[:i])} is a {node.kind}, not an object")
            if part == "_io":
                rest = parts[i + 1:]
                if rest == ("eof",):
                    return BOOL
                if rest in (("size",), ("pos",)):
                    return INT64
                raise self.fail(f"{'.'.join(parts)}")
            if part == "_root":
                raise self.fail("_root is the packet on one path and the dispatcher on "
                                "another: use _parent")
            if part == "_parent":
                key = self.types.parent(key)
                node = None
                continue
            if key is None:
                raise self.fail(f"{'.'.join(parts[:i])} is not an object")
            found = self.types.member(key, part)
            if found is None:
                raise self.fail(f"{key} has no field {part!r}")
            node, key = found, found.key if found.kind in ("struct", "present") else None
        if node is None:
            raise self.fail(f"{'.'.join(parts)} names an object, not a value")
        return node

    def method(self, target: Node, name: str) -> Node:
        if name == "to_s":
            return STRING
        if name in ("to_i", "length", "size"):
            return INT64
        if name in _ITEM_METHODS and target.kind == "list":
            return target.item
        if name == "reverse" and target.kind in ("list", "str", "bytes"):
            return target
        raise self.fail(f"method .{name} of a {target.kind}")

    def binary(self, op: str, left: Node, right: Node) -> Node:
        if op in ("and", "or") or op in _COMPARE:
            return BOOL
        if left.numeric and right.numeric:
            if op in ("+", "-", "*", "/", "%"):
                return FLOAT64 if "float" in (left.kind, right.kind) else INT64
            if left.kind == right.kind == "int":
                return INT64
        if op == "+" and left.kind == right.kind and left.kind in ("str", "bytes", "list"):
            return left if left.kind != "list" else self.common(left, right)
        raise self.fail(f"{left.kind} {op} {right.kind}")

    def common(self, a: Node, b: Node) -> Node:
        if a.numeric and b.numeric:
            return FLOAT64 if "float" in (a.kind, b.kind) else INT64
        if a.type.equals(b.type):
            return a
        raise self.fail(f"the branches are a {a.kind} and a {b.kind}")
