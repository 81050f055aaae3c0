"""Kaitai Struct expressions, parsed once and evaluated (invert.py runs them backwards).

Building a packet from plain data needs the specs' expressions outside the generated code:
`size: len_name` and `repeat-expr: num_items` say which fields hold lengths and counts, and
inverting them (`len_name = length of name`) fills those fields in. Splitting a stream needs
them too: a frame header's length path, a `repeat-until` condition on `_`. The language subset
here is what packet specs use: numbers, strings, booleans, paths (`header.len_body`,
`_parent.x`, `_`, `_io.eof`), enum literals (`status::error`), arithmetic, comparisons, bit
operations, `and`/`or`/`not`, the ternary `c ? a : b`, `[a, b]` lists, and the `.length` /
`.size` / `.to_s` / `.to_i` methods. Standard library only: build.py uses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from ..errors import ExprError
from .paths import MISSING

_TOKEN = re.compile(r"""
    \s*(?:
      (?P<num>0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|\d[\d_]*\.\d+(?:[eE][-+]?\d+)?|\d[\d_]*)
    | (?P<str>"(?:[^"\\]|\\.)*"|'[^']*')
    | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<op>::|<<|>>|<=|>=|==|!=|[-+*/%<>&|^~?:().,\[\]])
    )""", re.VERBOSE)

_BINARY = [  # precedence levels, loosest first
    ("or",), ("and",), ("==", "!=", "<", "<=", ">", ">="), ("|",), ("^",), ("&",),
    ("<<", ">>"), ("+", "-"), ("*", "/", "%"),
]


@dataclass(frozen=True)
class Num:
    value: Any


@dataclass(frozen=True)
class Path:
    parts: tuple[str, ...]


@dataclass(frozen=True)
class EnumLit:
    enum: tuple[str, ...]
    label: str


@dataclass(frozen=True)
class Unary:
    op: str
    operand: Any


@dataclass(frozen=True)
class Binary:
    op: str
    left: Any
    right: Any


@dataclass(frozen=True)
class Ternary:
    cond: Any
    then: Any
    other: Any


@dataclass(frozen=True)
class Call:
    target: Any
    method: str
    args: tuple


@dataclass(frozen=True)
class Index:
    target: Any
    index: Any


@dataclass(frozen=True)
class ListLit:
    items: tuple


@lru_cache(maxsize=4096)
def parse_expr(text: Any) -> Any:
    """Kaitai expression text (or a YAML number/bool) -> tree (cached: trees are immutable)."""
    if isinstance(text, bool):
        return Num(text)
    if isinstance(text, (int, float)):
        return Num(text)
    tokens = _tokenize(str(text))
    parser = _Parser(tokens, str(text))
    tree = parser.expr()
    if parser.pos != len(tokens):
        raise ExprError(f"unexpected {tokens[parser.pos][1]!r} in {text!r}")
    return tree


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ExprError(f"cannot read {text[pos:]!r} in {text!r}")
        kind = m.lastgroup
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], text: str):
        self.tokens, self.pos, self.text = tokens, 0, text

    def peek(self) -> str | None:
        return self.tokens[self.pos][1] if self.pos < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.pos >= len(self.tokens):
            raise ExprError(f"unexpected end of {self.text!r}")
        tok = self.tokens[self.pos]
        if expected is not None and tok[1] != expected:
            raise ExprError(f"expected {expected!r}, found {tok[1]!r} in {self.text!r}")
        self.pos += 1
        return tok

    def expr(self) -> Any:
        cond = self.binary(0)
        if self.peek() == "?":
            self.take()
            then = self.expr()
            self.take(":")
            return Ternary(cond, then, self.expr())
        return cond

    def binary(self, level: int) -> Any:
        if level == len(_BINARY):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek() in _BINARY[level]:
            op = self.take()[1]
            left = Binary(op, left, self.binary(level + 1))
        return left

    def unary(self) -> Any:
        if self.peek() in ("-", "~", "not"):
            op = self.take()[1]
            return Unary(op, self.unary())
        return self.postfix(self.atom())

    def postfix(self, node: Any) -> Any:
        while self.peek() in (".", "["):
            if self.take()[1] == "[":
                index = self.expr()
                self.take("]")
                node = Index(node, index)
                continue
            name = self.take()[1]
            if self.peek() == "(":
                self.take()
                args = []
                while self.peek() != ")":
                    args.append(self.expr())
                    if self.peek() == ",":
                        self.take()
                self.take(")")
                node = Call(node, name, tuple(args))
            elif isinstance(node, Path):
                # `a.size` is a field or the array method: the scope decides (apply_method).
                node = Path(node.parts + (name,))
            else:
                node = Call(node, name, ())
        return node

    def atom(self) -> Any:
        kind, text = self.take()
        if kind == "num":
            clean = text.replace("_", "")
            return Num(float(clean) if "." in clean else int(clean, 0))
        if kind == "str":
            body = text[1:-1]
            return Num(bytes(body, "utf-8").decode("unicode_escape") if text[0] == '"' else body)
        if text == "(":
            inner = self.expr()
            self.take(")")
            return inner
        if text == "[":
            items = []
            while self.peek() != "]":
                items.append(self.expr())
                if self.peek() == ",":
                    self.take()
            self.take("]")
            return ListLit(tuple(items))
        if kind == "name":
            if text in ("true", "false"):
                return Num(text == "true")
            parts = [text]
            while self.peek() == "::":
                self.take()
                parts.append(self.take()[1])
            if len(parts) > 1:
                return EnumLit(tuple(parts[:-1]), parts[-1])
            return Path((text,))
        raise ExprError(f"unexpected {text!r} in {self.text!r}")


def _length(value: Any) -> int:
    return len(value)


_METHODS: dict[str, Callable[..., Any]] = {
    "length": _length,
    "size": _length,
    "to_s": lambda v, *a: str(v),
    "to_i": lambda v, *a: int(v, *(a or [10])) if isinstance(v, str) else int(v),
    "first": lambda v: v[0],
    "last": lambda v: v[-1],
    "min": min,
    "max": max,
    "reverse": lambda v: v[::-1],
}

def apply_method(value: Any, name: str, *args: Any) -> Any:
    """A method of a plain value (`.length`, `.to_s`, ...), for paths that end in one."""
    if name not in _METHODS:
        raise ExprError(f"method .{name} is not supported")
    return _METHODS[name](value, *args)


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a // b if isinstance(a, int) and isinstance(b, int) else a / b,
    "%": lambda a, b: a % b, "<<": lambda a, b: a << b, ">>": lambda a, b: a >> b,
    "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b,
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
}


class Scope:
    """Where names in an expression are looked up. Subclasses resolve paths and enums."""

    def lookup(self, parts: tuple[str, ...]) -> Any:
        raise NotImplementedError

    def enum_value(self, enum: tuple[str, ...], label: str) -> int:
        raise NotImplementedError

    def instance(self, parts: tuple[str, ...]) -> tuple[Any, "Scope"] | None:
        """If `parts` names a value instance: its expression tree and the scope it runs in."""
        return None


def evaluate(tree: Any, scope: Scope) -> Any:
    if isinstance(tree, Num):
        return tree.value
    if isinstance(tree, Path):
        return scope.lookup(tree.parts)
    if isinstance(tree, EnumLit):
        return scope.enum_value(tree.enum, tree.label)
    if isinstance(tree, Unary):
        value = evaluate(tree.operand, scope)
        return {"-": lambda v: -v, "~": lambda v: ~v, "not": lambda v: not v}[tree.op](value)
    if isinstance(tree, Binary):
        if tree.op == "and":
            return bool(evaluate(tree.left, scope)) and bool(evaluate(tree.right, scope))
        if tree.op == "or":
            return bool(evaluate(tree.left, scope)) or bool(evaluate(tree.right, scope))
        return _BINOPS[tree.op](evaluate(tree.left, scope), evaluate(tree.right, scope))
    if isinstance(tree, Ternary):
        branch = tree.then if evaluate(tree.cond, scope) else tree.other
        return evaluate(branch, scope)
    if isinstance(tree, Call):
        target = evaluate(tree.target, scope)
        return apply_method(target, tree.method, *(evaluate(a, scope) for a in tree.args))
    if isinstance(tree, Index):
        return evaluate(tree.target, scope)[evaluate(tree.index, scope)]
    if isinstance(tree, ListLit):
        return [evaluate(item, scope) for item in tree.items]
    raise ExprError(f"cannot evaluate {tree!r}")


def paths_in(tree: Any) -> list[tuple[str, ...]]:
    """Every path an expression reads."""
    found: list[tuple[str, ...]] = []

    def visit(node: Any) -> None:
        if isinstance(node, Path):
            found.append(node.parts)
        for child in getattr(node, "__dict__", {}).values():
            if isinstance(child, tuple):
                for item in child:
                    visit(item)
            else:
                visit(child)

    visit(tree)
    return found


class ObjectScope(Scope):
    """Names looked up as attributes of parsed objects: `_` is the element a `repeat-until`
    tests, other names belong to `obj`; `_io.eof` is `eof` (the splitter leaves the end of the
    data to itself, so it asks with eof false)."""

    def __init__(self, obj: Any = None, *, element: Any = MISSING, eof: bool = False):
        self.obj, self.element, self.eof = obj, element, eof

    def lookup(self, parts: tuple[str, ...]) -> Any:
        if parts == ("_io", "eof"):
            return self.eof
        if parts[0] == "_" and self.element is not MISSING:
            value, rest = self.element, parts[1:]
        else:
            value, rest = self.obj, parts
        for part in rest:
            found = getattr(value, part, MISSING)
            if found is MISSING:
                if part not in _METHODS:
                    raise ExprError(f"no field {part!r} in {'.'.join(parts)}")
                found = apply_method(value, part)
            value = found
        return value

    def enum_value(self, enum: tuple[str, ...], label: str) -> int:
        raise ExprError(f"enum literal {'::'.join(enum)}::{label} needs the specs' enums")
