"""Expressions run backwards: which field values make an expression give a wanted value.

The builder fills a length in from its content by inverting the `size:` expression (`len_packet
- 47` must be 32, so len_packet is 79), and takes a value instance given in place of the fields
it is computed from by inverting the instance (`ip_dotted` "127.0.0.1" gives the four bytes of
`ip`). The forms inverted are the ones the specs use:

- a field path, followed into value instances;
- `+ - * /` with one side constant (division: the smallest value that gives the result), unary
  `-` and `~`, and `c ? a : b` (the branch that gives the value while its condition holds);
- bit extraction `x & mask`, `x >> n`, `x << n`: each sets some bits of x (`Assignment.mask`),
  so instances that each take part of a field (`race_face >> 8`, `race_face & 0xff`) together
  give the whole field;
- `x == c` given true, `x != c` given false;
- text joined with `+` from `.to_s` of integers, text and literal separators (`ip[0].to_s + "."
  + ip[1].to_s ...`), when the separators split the text one way only;
- an element of a byte array or list, `ip[0]` (`Assignment.index`).

Results are exact or refused, except where the expression loses information (integer division,
float factors, leading zeros): the caller evaluates the expression again on the values found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import ExprError
from .expr import Binary, Call, Index, Path, Scope, Ternary, Unary, evaluate, paths_in


class NoSolution(ExprError):
    """The expression has an invertible form, but no field values give the wanted value."""


@dataclass(frozen=True)
class Assignment:
    """A field value that makes the expression give the wanted value.

    path is relative to scope (the object the path belongs to, after following instances);
    index is set for one element of the field (`ip[0]`); mask for the bits of the field the
    value sets (None: all of them; a negative mask has every bit from some position up).
    """

    path: tuple[str, ...]
    scope: Scope
    value: Any
    index: int | None = None
    mask: int | None = None


def invert(tree: Any, target: Any, scope: Scope, mask: int | None = None
           ) -> list[Assignment] | None:
    """The assignments that make `tree` evaluate to `target` in `scope`.

    None when the expression is not of an invertible form (or is a constant); raises
    NoSolution when it is, but no values give `target` (text that does not have the form,
    bits outside a mask). `mask` is internal: the bits of `target` that are determined.
    """
    if not paths_in(tree):
        return None
    tree = _normal(tree)
    if isinstance(tree, Path):
        inst = scope.instance(tree.parts)
        if inst is not None:
            return invert(inst[0], target, inst[1], mask)
        return [Assignment(tree.parts, scope, target, mask=mask)]
    if isinstance(tree, Index):
        if mask is not None or not isinstance(tree.target, Path) or paths_in(tree.index):
            return None
        return [Assignment(tree.target.parts, scope, target,
                           index=evaluate(tree.index, scope))]
    if isinstance(tree, Call):
        return _call(tree, target, scope, mask)
    if isinstance(tree, Ternary):
        return _ternary(tree, target, scope, mask)
    if isinstance(tree, Unary):
        if tree.op == "-" and mask is None and _number(target):
            return invert(tree.operand, -target, scope)
        if tree.op == "~" and isinstance(target, int):
            return invert(tree.operand, ~target, scope, mask)
        return None
    if not isinstance(tree, Binary):
        return None
    if tree.op == "+" and isinstance(target, str):
        return _text(tree, target, scope)
    if tree.op in ("==", "!="):
        return _equality(tree, target, scope)
    if tree.op in ("&", ">>", "<<"):
        return _bits(tree, target, scope, mask)
    if tree.op in ("+", "-", "*", "/") and mask is None and _number(target):
        return _arithmetic(tree, target, scope)
    return None


def solve(tree: Any, target: Any, scope: Scope) -> tuple[tuple[str, ...], Scope, Any] | None:
    """The one field that makes `tree` evaluate to `target`: (path, its scope, value), or None
    when the expression does not come down to one whole field (a length, a count)."""
    try:
        found = invert(tree, target, scope)
    except NoSolution:
        return None
    if not found or len(found) != 1 or found[0].index is not None or found[0].mask is not None:
        return None
    return found[0].path, found[0].scope, found[0].value


def _normal(tree: Any) -> Any:
    """`x.to_s` parses as the path ('x', 'to_s') (the scope decides whether a last part is a
    field or a method); here it is the method call."""
    if isinstance(tree, Path) and len(tree.parts) > 1 and tree.parts[-1] == "to_s":
        return Call(Path(tree.parts[:-1]), "to_s", ())
    return tree


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _call(tree: Call, target: Any, scope: Scope, mask: int | None) -> list[Assignment] | None:
    if tree.method == "to_s" and not tree.args and mask is None:
        if not isinstance(target, str) or not re.fullmatch(r"-?[0-9]+", target):
            raise NoSolution(f"{target!r} is not a decimal integer")
        return invert(tree.target, int(target), scope)
    return None


def _ternary(tree: Ternary, target: Any, scope: Scope, mask: int | None
             ) -> list[Assignment] | None:
    """Whichever branch gives the target while its condition agrees."""
    for branch, wanted in ((tree.then, True), (tree.other, False)):
        if not paths_in(branch):
            if evaluate(branch, scope) == target and not paths_in(tree.cond) \
                    and bool(evaluate(tree.cond, scope)) == wanted:
                return []  # already so: nothing to set
            continue
        try:
            found = invert(branch, target, scope, mask)
        except NoSolution:
            continue
        if found is None:
            continue
        try:
            holds = bool(evaluate(tree.cond, _Assumed(found, scope)))
        except ExprError:
            holds = wanted
        if holds == wanted:
            return found
    return None


def _equality(tree: Binary, target: Any, scope: Scope) -> list[Assignment] | None:
    """`x == c` is true (or `x != c` false) only when x is c; the other answer says nothing."""
    if not isinstance(target, bool) or target != (tree.op == "=="):
        return None
    variable, constant = _split(tree)
    if variable is None:
        return None
    return invert(variable, evaluate(constant, scope), scope)


def _bits(tree: Binary, target: Any, scope: Scope, mask: int | None) -> list[Assignment] | None:
    if not isinstance(target, int) or isinstance(target, bool) or paths_in(tree.right):
        return None
    c = evaluate(tree.right, scope)
    if not isinstance(c, int) or c < 0:
        return None
    if tree.op == "&":
        if target & ~c:
            raise NoSolution(f"{target} has bits outside the mask 0x{c:x}")
        return invert(tree.left, target, scope, c if mask is None else mask & c)
    if tree.op == ">>":
        if target < 0:
            raise NoSolution(f"{target} is negative")
        return invert(tree.left, target << c, scope, ~((1 << c) - 1) if mask is None
                      else mask << c)
    if target & ((1 << c) - 1):
        raise NoSolution(f"{target} is not a multiple of {1 << c}")
    return invert(tree.left, target >> c, scope, None if mask is None else mask >> c)


def _arithmetic(tree: Binary, target: Any, scope: Scope) -> list[Assignment] | None:
    variable, constant = _split(tree)
    if variable is None:
        return None
    c = evaluate(constant, scope)
    if not _number(c):
        return None
    if variable is tree.left:
        value = {"+": lambda t: t - c, "-": lambda t: t + c,
                 "*": lambda t: exact(t, c), "/": lambda t: t * c}[tree.op](target)
    else:
        if tree.op == "/":
            return None
        value = {"+": lambda t: t - c, "-": lambda t: c - t,
                 "*": lambda t: exact(t, c)}[tree.op](target)
    if value is None:
        return None
    return invert(variable, value, scope)


def _split(tree: Binary) -> tuple[Any, Any]:
    """(the side that reads fields, the constant side), or (None, None) unless exactly one
    side reads fields."""
    left, right = bool(paths_in(tree.left)), bool(paths_in(tree.right))
    if left == right:
        return None, None
    return (tree.left, tree.right) if left else (tree.right, tree.left)


def exact(target: Any, factor: Any) -> Any:
    """`x * factor = target` solved: the quotient, None when integers do not divide (or the
    factor is 0); compiled writers (codec/writerexpr.py) solve the same way."""
    if factor == 0:
        return None
    if isinstance(target, int) and isinstance(factor, int):
        return target // factor if target % factor == 0 else None
    return target / factor


# -- text joined from parts ----------------------------------------------------------------------
def _terms(tree: Any) -> list[Any]:
    if isinstance(tree, Binary) and tree.op == "+":
        return _terms(tree.left) + _terms(tree.right)
    return [tree]


def _text(tree: Binary, target: str, scope: Scope) -> list[Assignment] | None:
    """Split the text at the literal parts; each piece between them inverts its own part. The
    split must be the only one: matched shortest-first and longest-first, both must agree."""
    terms = _terms(tree)
    lazy, greedy, variables = [], [], []
    previous_variable = False
    for term in map(_normal, terms):
        if not paths_in(term):
            literal = evaluate(term, scope)
            if not isinstance(literal, str):
                return None
            lazy.append(re.escape(literal))
            greedy.append(re.escape(literal))
            previous_variable = previous_variable and not literal
            continue
        if previous_variable:
            return None  # two unknown parts with nothing between them
        digits = isinstance(term, Call) and term.method == "to_s"
        lazy.append("(-?[0-9]+?)" if digits else "(.*?)")
        greedy.append("(-?[0-9]+)" if digits else "(.*)")
        variables.append(term)
        previous_variable = True
    if not variables:
        return None
    first = re.fullmatch("".join(lazy), target, re.DOTALL)
    second = re.fullmatch("".join(greedy), target, re.DOTALL)
    if first is None or second is None:
        shape = "".join(evaluate(t, scope) if not paths_in(t) else
                        "<integer>" if isinstance(t, Call) and t.method == "to_s" else "<text>"
                        for t in map(_normal, terms))
        raise NoSolution(f"{target!r} is not of the form {shape}")
    if first.groups() != second.groups():
        raise NoSolution(f"{target!r} splits more than one way at the separators")
    found: list[Assignment] = []
    for term, piece in zip(variables, first.groups()):
        part = invert(term, piece, scope)
        if part is None:
            return None
        found.extend(part)
    return found


class _Assumed(Scope):
    """A scope with the assignments found so far, to test a ternary's condition on them."""

    def __init__(self, found: list[Assignment], scope: Scope):
        self.found, self.scope = found, scope

    def lookup(self, parts: tuple[str, ...]) -> Any:
        for item in self.found:
            if item.scope is self.scope and item.path == parts and item.index is None \
                    and item.mask is None:
                return item.value
        return self.scope.lookup(parts)

    def enum_value(self, enum: tuple[str, ...], label: str) -> int:
        return self.scope.enum_value(enum, label)
