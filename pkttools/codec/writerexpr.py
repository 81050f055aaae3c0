"""Spec expressions as Python over a compiled writer's local variables, and run backwards.

A compiled writer (writercode.py) keeps each field of the object it writes in a local variable,
holding what the builder's tree would hold (numbers for enums, encoded bytes for text). The
specs' expressions (`size: len_packet - 4`, `repeat-expr: num_items`, a switch key, a value
instance given in the data, a `valid` rule) become Python over those variables, evaluated as
model/expr.py evaluates them; lengths and counts are solved for the one field they read the way
model/invert.py solves them, so a compiled writer fills in the same values as the builder.
Anything this translation does not know raises Unsupported: the type is then left to the
general builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import ExprError, PkttoolsError
from ..model.expr import (Binary, Call, EnumLit, Index, ListLit, Num, Path, Ternary, Unary,
                          parse_expr, paths_in)


class Unsupported(PkttoolsError):
    """The generator cannot compile this: the general builder writes it."""


@dataclass
class Slot:
    """One field of an object a compiled writer writes: its local variable and, for a field
    written in line (a sub-object without size or condition), the scope of its fields."""

    spec: Any  # tree.FieldSpec
    var: str
    child: "Scope | None" = None
    unit: bool = False  # a sub-object written by its own function: the variable holds bytes
    end: bool = False  # the field ends its stream (so `size-eos` and `_io.eof` work)
    case: str | None = None  # a switch: the variable (or function) of the case that writes it
    case_key: str | None = None  # a switch whose case is known when generating: its type


@dataclass
class Scope:
    """One object of a compiled writer: its type, its fields' slots, its data dict."""

    key: str
    data: str
    slots: dict[str, Slot] = field(default_factory=dict)
    instances: dict[str, dict] = field(default_factory=dict)
    tail_room: bool = False  # trailing bytes filled up to the size the caller gives (`room`)
    fetched: set = field(default_factory=set)  # variables taken from the dict at once
    numbers: list = field(default_factory=list)  # plain integers checked at once
    usual: str | None = None  # the variable saying they all are plain ints


@dataclass
class Code:
    """Python for an expression: the text, the variables it reads, and whether every one of
    them is read whatever the values, outside the branches of a `?:`, `and` or `or` too (then
    "any is missing" is exactly when evaluating raises Missing in the builder)."""

    text: str
    reads: list[str]
    strict: bool


_BINOPS = {"+", "-", "*", "%", "<<", ">>", "&", "|", "^", "==", "!=", "<", "<=", ">", ">="}


class Translator:
    """Translates expression trees in a scope; `enum_value(key, enum, label)` numbers enum
    literals as the builder does."""

    def __init__(self, enum_value: Callable[[str, tuple, str], int]):
        self.enum_value = enum_value

    def code(self, text: Any, scope: Scope, underscore: str | None = None) -> Code:
        """Python for an expression (its text, or its parsed tree)."""
        reads: list[str] = []
        lazy: list[str] = []
        tree = text if isinstance(text, (Binary, Call, EnumLit, Index, ListLit, Num, Path,
                                         Ternary, Unary)) else parse_expr(text)
        out = self._py(tree, scope, reads, lazy, False, underscore, 0)
        eager = set(reads) - set(lazy) if not lazy else \
            {v for v in reads if reads.count(v) > lazy.count(v)}
        return Code(out, list(dict.fromkeys(reads)), set(lazy) <= eager)

    def _py(self, node: Any, scope: Scope, reads: list, lazy: list, cond: bool,
            underscore: str | None, depth: int) -> str:
        def sub(child: Any, lazy_here: bool = False) -> str:
            return self._py(child, scope, reads, lazy, cond or lazy_here, underscore, depth)

        if isinstance(node, Num):
            if isinstance(node.value, (bool, int, float, str)):
                return repr(node.value)
            raise Unsupported(f"literal {node.value!r}")
        if isinstance(node, EnumLit):
            try:
                return repr(self.enum_value(scope.key, node.enum, node.label))
            except ExprError as exc:
                raise Unsupported(str(exc)) from None
        if isinstance(node, Path):
            return self._path(node.parts, scope, reads, lazy, cond, underscore, depth)
        if isinstance(node, Unary):
            op = {"-": "-", "~": "~", "not": "not "}[node.op]
            return f"({op}{sub(node.operand)})"
        if isinstance(node, Ternary):
            return f"({sub(node.then, True)} if {sub(node.cond)} else {sub(node.other, True)})"
        if isinstance(node, Binary):
            if node.op in ("and", "or"):
                return f"(bool({sub(node.left)}) {node.op} bool({sub(node.right, True)}))"
            if node.op == "/":
                if self.integer(node.left, scope, 0) and self.integer(node.right, scope, 0):
                    return f"({sub(node.left)} // {sub(node.right)})"
                return f"_div({sub(node.left)}, {sub(node.right)})"
            if node.op not in _BINOPS:
                raise Unsupported(f"operator {node.op}")
            terms = _joined(node)
            if terms is not None:  # text joined from literals and `.to_s`: one f-string
                return "f" + repr("".join(
                    t.value.replace("{", "{{").replace("}", "}}") if isinstance(t, Num)
                    else "{" + sub(t) + "}" for t in terms))
            return f"({sub(node.left)} {node.op} {sub(node.right)})"
        if isinstance(node, Call):
            if node.method not in ("to_s", "length", "size") or node.args:
                raise Unsupported(f"method .{node.method}")
            return _method(sub(node.target), node.method)
        if isinstance(node, Index):
            return f"{sub(node.target)}[{sub(node.index)}]"
        if isinstance(node, ListLit):
            raise Unsupported("list literal")
        raise Unsupported(f"expression {node!r}")

    def _path(self, parts: tuple, scope: Scope, reads: list, lazy: list, cond: bool,
              underscore: str | None, depth: int) -> str:
        if depth > 8:
            raise Unsupported("instances nested too deep")
        if parts[0] == "_" and underscore is not None:
            value, rest = underscore, parts[1:]
        else:
            scope, slot, rest = follow(parts, scope)
            inst = scope.instances.get(rest[0])
            if slot is not None:
                if slot.unit and not (len(rest) == 2 and rest[1] in ("length", "size")
                                      and slot.spec.repeat):
                    raise Unsupported(f"{rest[0]} is written by its own function")
                value, rest = slot.var, rest[1:]
                reads.append(slot.var)
                if cond:
                    lazy.append(slot.var)
            elif inst is not None and "value" in inst["attr"]:
                value = self._py(parse_expr(inst["attr"]["value"]), scope, reads, lazy, cond,
                                 None, depth + 1)
                rest = rest[1:]
            else:
                raise Unsupported(f"path {'.'.join(parts)}")
        for method in rest:  # what is left is methods of the value (`name.length`)
            if method not in ("to_s", "length", "size"):
                raise Unsupported(f"method .{method}")
            value = _method(value, method)
        return value

    def integer(self, node: Any, scope: Scope, depth: int) -> bool:
        """Whether an expression surely evaluates to an integer (bool included), so that `/`
        is integer division as model/expr.py makes it for two integers."""
        if depth > 8:
            return False
        if isinstance(node, Num):
            return isinstance(node.value, int)
        if isinstance(node, EnumLit):
            return True
        if isinstance(node, Unary):
            return node.op in ("-", "~") and self.integer(node.operand, scope, depth)
        if isinstance(node, Binary):
            return node.op in ("+", "-", "*", "%", "&", "|", "^", "<<", ">>") and \
                self.integer(node.left, scope, depth) and self.integer(node.right, scope, depth)
        if isinstance(node, Ternary):
            return self.integer(node.then, scope, depth) and \
                self.integer(node.other, scope, depth)
        if isinstance(node, Call):
            return node.method in ("length", "size")
        if not isinstance(node, Path):
            return False
        scope, slot, parts = follow(node.parts, scope)
        if slot is not None:
            if len(parts) == 2 and parts[1] in ("length", "size"):
                return True
            return len(parts) == 1 and not slot.unit and not slot.spec.repeat and \
                slot.spec.kind in ("int", "bits")
        inst = scope.instances.get(parts[0])
        if inst is None or "value" not in inst["attr"] or len(parts) != 1:
            return False
        return self.integer(parse_expr(inst["attr"]["value"]), scope, depth + 1)


def follow(parts: tuple, scope: Scope) -> tuple[Scope, Slot | None, tuple]:
    """A path walked into the sub-objects written in line: the scope reached, the slot its
    next part names there (None: no field of that name), and the parts from there on."""
    while True:
        slot = scope.slots.get(parts[0])
        if slot is None or slot.child is None or len(parts) == 1:
            return scope, slot, parts
        scope, parts = slot.child, parts[1:]


def _joined(node: Any) -> list | None:
    """The terms of `a.to_s + "." + b.to_s ...` (text literals, and the values `.to_s` turns
    into text), or None for any other `+`. Such text is an f-string of the values: str() of a
    number, flag or bytes is what formatting it with no spec gives."""
    terms: list = []

    def walk(n: Any) -> bool:
        if isinstance(n, Binary) and n.op == "+":
            return walk(n.left) and walk(n.right)
        if isinstance(n, Num) and isinstance(n.value, str):
            terms.append(n)
            return True
        if isinstance(n, Call) and n.method == "to_s" and not n.args:
            terms.append(n.target)
            return True
        if isinstance(n, Path) and len(n.parts) > 1 and n.parts[-1] == "to_s":
            terms.append(Path(n.parts[:-1]))
            return True
        return False

    if not walk(node) or not any(not isinstance(t, Num) for t in terms):
        return None
    return terms


def _method(value: str, name: str) -> str:
    """`.to_s`, `.length`, `.size` as model/expr.py applies them (str(), len())."""
    return f"str({value})" if name == "to_s" else f"len({value})"


# -- solving a length or count for the one field it reads ------------------------------------
@dataclass
class Solution:
    """How to set the field an expression reads so that it gives `n`: `steps` turn the wanted
    value (in `n`) into the field's value, then `check` (a condition on the slot, or None) must
    hold, as model/invert.py's ternary requires."""

    slot: Slot
    steps: list[str]
    checks: list[str]


def solve(text: Any, scope: Scope, translator: Translator) -> Solution | None:
    """The inverse of an expression that reads one whole integer field (through value
    instances and sub-objects written in line), or None."""
    steps: list[str] = []
    checks: list[str] = []
    found = _invert(parse_expr(text), scope, steps, checks, translator, 0)
    if found is None:
        return None
    return Solution(found, steps, checks)


def _constant(node: Any) -> Any:
    if paths_in(node) or not isinstance(node, (Num, Unary, Binary)):
        return None
    from ..model.expr import evaluate  # constants only: no scope is needed
    try:
        value = evaluate(node, None)  # type: ignore[arg-type]
    except (ExprError, TypeError, ArithmeticError):
        return None
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _invert(node: Any, scope: Scope, steps: list, checks: list, translator: Translator,
            depth: int) -> Slot | None:
    if depth > 8 or not paths_in(node):
        return None
    if isinstance(node, Path):
        return _invert_path(node.parts, scope, steps, checks, translator, depth)
    if isinstance(node, Unary) and node.op in ("-", "~"):
        steps.append(f"n = {node.op}n")
        return _invert(node.operand, scope, steps, checks, translator, depth + 1)
    if isinstance(node, Ternary):
        # The branch model/invert.py tries first; its condition must then hold (else the
        # builder would try the other branch: the general builder decides).
        branch: list[str] = []
        slot = _invert(node.then, scope, branch, checks, translator, depth + 1)
        if slot is None:
            return None
        steps += branch
        checks.append(translator.code(node.cond, scope).text)
        return slot
    if not isinstance(node, Binary) or node.op not in ("+", "-", "*", "/"):
        return None
    left, right = bool(paths_in(node.left)), bool(paths_in(node.right))
    if left == right:
        return None
    variable, constant = (node.left, node.right) if left else (node.right, node.left)
    c = _constant(constant)
    if c is None:
        return None
    if left:
        steps.append({"+": f"n = n - {c!r}", "-": f"n = n + {c!r}", "*": f"n = _exact(n, {c!r})",
                      "/": f"n = n * {c!r}"}[node.op])
    else:
        if node.op == "/":
            return None
        steps.append({"+": f"n = n - {c!r}", "-": f"n = {c!r} - n",
                      "*": f"n = _exact(n, {c!r})"}[node.op])
    return _invert(variable, scope, steps, checks, translator, depth + 1)


def _invert_path(parts: tuple, scope: Scope, steps: list, checks: list, translator: Translator,
                 depth: int) -> Slot | None:
    scope, slot, parts = follow(parts, scope)
    if slot is not None:
        if len(parts) != 1 or slot.unit or slot.spec.repeat or \
                slot.spec.kind not in ("int", "bits") or \
                (slot.spec.kind == "bits" and slot.spec.width == 1):
            return None
        return slot
    inst = scope.instances.get(parts[0])
    if inst is None or "value" not in inst["attr"] or len(parts) != 1:
        return None
    return _invert(parse_expr(inst["attr"]["value"]), scope, steps, checks, translator,
                   depth + 1)


# -- helpers the generated code calls ------------------------------------------------------------
def div(a: Any, b: Any) -> Any:
    """Kaitai's `/` as model/expr.py evaluates it: integer division for two integers."""
    return a // b if isinstance(a, int) and isinstance(b, int) else a / b
