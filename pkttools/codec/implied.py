"""Fields the data implies without giving them: value instances given in their place, and the
defaults the specs declare.

Plain data may give a value instance instead of the fields it is computed from, as `to_dict()`
shows it (`"ip_dotted": "127.0.0.1"` for the four bytes of `ip`, an enum name for the header
field it comes from): the instance's expression is inverted (model/invert.py) and the fields
set, then the expression is evaluated again, so a value that cannot be written exactly is an
error naming the instance. An instance given together with the fields it comes from must agree
with them (unless recomputing, where instances follow the fields).

A field the data leaves out gets the spec's `-pkttools-default` (reserved and padding fields,
values every real sender writes), unless the builder derives it (a length, a count, a key).
"""

from __future__ import annotations

import math
from typing import Any, Iterator

from ..errors import (BuildError, ExprError, FieldValueError, InconsistentError,
                      MissingFieldError)
from ..show import show
from ..model.expr import evaluate, parse_expr, paths_in
from ..model.invert import Assignment, NoSolution, invert
from ..model.paths import MISSING
from .readback import same
from .tree import BuildContext, FieldSpec, Missing, Node


def fill(builder: BuildContext, root: Node) -> None:
    """Set the fields that given value instances imply, check those instances, then give the
    fields still absent their spec defaults."""
    pending = _Pending()
    inverted: list[tuple[Node, str, Any, Any]] = []
    for node in _walk(root):
        for name, given in node.given_instances.items():
            found = _instance(builder, node, name, given, pending)
            if found is not None:
                inverted.append((node, name, found, given))
    pending.apply(builder)
    for node, name, (tree, target), given in inverted:
        try:
            back = evaluate(tree, node)
        except _NOT_EVALUABLE:  # still missing a field: check_complete names it
            continue
        if not same(target, back):
            raise node.error(FieldValueError, f"{show(given, 60)} cannot be written exactly: "
                             f"the nearest field values give {show(back, 60)}", name)
    _defaults(builder, root)


# What evaluating an expression on data that does not suit it raises (an index past the end of
# a short array, text where a number should be): the instance is left to the read-back check.
_NOT_EVALUABLE = (ExprError, LookupError, TypeError, ValueError, ArithmeticError)


def covered(builder: BuildContext, key: str, data: dict) -> set[str]:
    """Fields of a type that the value instances given in `data` are computed from."""
    found: set[str] = set()
    for name, inst in builder.instances(key).items():
        if name in data and "value" in inst["attr"]:
            found.update(path[0] for path in paths_in(parse_expr(inst["attr"]["value"])))
    return found


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for _, child in node.children():
        yield from _walk(child)


def _instance(builder: BuildContext, node: Node, name: str, given: Any, pending: "_Pending"
              ) -> tuple[Any, Any] | None:
    """Check a given instance against its fields, or invert it into `pending`; returns the
    (expression, target) to check again once the fields are set, when it was inverted."""
    inst = node.instances[name]
    if "value" not in inst["attr"]:
        return None  # a positional instance: the read-back check compares it
    tree = parse_expr(inst["attr"]["value"])
    target = _target(builder, node, name, inst, given)
    try:
        current = evaluate(tree, node)
    except Missing:
        current = MISSING
    except _NOT_EVALUABLE:  # the read-back check compares it
        return None
    if current is not MISSING:
        if not builder.recompute and not same(target, current):
            raise node.error(InconsistentError, f"given as {show(given, 60)}, but the fields "
                             f"it is computed from ({inst['attr']['value']}) give "
                             f"{show(current, 60)}", name)
        return None
    try:
        found = invert(tree, target, node)
    except NoSolution as exc:
        raise node.error(FieldValueError, f"{show(given, 60)} cannot be turned into the "
                         f"fields it is computed from: {exc}", name) from None
    except _NOT_EVALUABLE:
        return None
    if found is None:
        return None  # not invertible: the fields it reads are reported missing
    for assignment in found:
        pending.add(node, name, assignment)
    return tree, target


def _target(builder: BuildContext, node: Node, name: str, inst: dict, given: Any) -> Any:
    """The value an instance must have: enum names (and {"name", "value"}) as numbers."""
    if inst.get("enum") is None:
        return given
    if isinstance(given, dict):
        return builder.enum_number(inst["enum"], given, node, (name,))
    if isinstance(given, str):
        entry = builder.registry.enums[inst["enum"]]
        for value, item in entry["values"].items():
            if item["id"] == given:
                return int(value)
        raise node.error(FieldValueError, f"{given!r} is not in enum {entry['name']}", name)
    return given


class _Pending:
    """What given instances set, field by field, until every instance is read: two instances
    may each give some bits of one field, or one instance each byte of an array."""

    def __init__(self) -> None:
        self.fields: dict[tuple[int, str], dict] = {}

    def add(self, node: Node, name: str, assignment: Assignment) -> None:
        holder, spec = _field(assignment)
        if holder is None or spec is None:
            raise node.error(BuildError, f"{'.'.join(assignment.path)} cannot be set from "
                             f"{name}: give it", name)
        entry = self.fields.setdefault((id(holder), spec.id), {
            "holder": holder, "spec": spec, "source": (node, name), "whole": MISSING,
            "items": {}, "bits": 0, "mask": 0})
        value, old, label = assignment.value, assignment.value, spec.id
        if assignment.index is not None:
            old = entry["items"].setdefault(assignment.index, value)
            label = f"{spec.id}[{assignment.index}]"
        elif assignment.mask is not None:
            overlap = entry["mask"] & assignment.mask
            if (value ^ entry["bits"]) & overlap:  # two instances disagree on some bits
                value, old = value & overlap, entry["bits"] & overlap
                label = f"bits 0x{overlap:x} of {spec.id}"
            entry["bits"] |= value & assignment.mask
            entry["mask"] |= assignment.mask
        else:
            if entry["whole"] is MISSING:
                entry["whole"] = value
            old = entry["whole"]
        if old != value:
            other_node, other = entry["source"]
            raise node.error(InconsistentError, f"gives {label} = {show(value, 40)}, but "
                             f"{other} gives {show(old, 40)}", name)

    def apply(self, builder: BuildContext) -> None:
        for entry in self.fields.values():
            holder, spec = entry["holder"], entry["spec"]
            source, name = entry["source"]
            value = _assemble(entry, spec, source, name)
            try:
                value = builder.value(spec, value, holder)
            except BuildError as exc:
                raise source.error(type(exc), f"gives {spec.id} = {show(value, 40)}: "
                                   f"{exc.detail}", name) from None
            if spec.id in holder.values and holder.values[spec.id] != value:
                raise source.error(InconsistentError, f"gives {spec.id} = {show(value, 40)}, "
                                   f"but it is given as {show(holder.values[spec.id], 40)}",
                                   name)
            holder.values[spec.id] = value
            holder.via[spec.id] = (source, name)


def _field(assignment: Assignment) -> tuple[Node | None, FieldSpec | None]:
    scope, parts = assignment.scope, assignment.path
    if not isinstance(scope, Node):
        return None, None
    try:
        holder = scope.lookup(parts[:-1]) if len(parts) > 1 else scope
    except ExprError:
        return None, None
    if not isinstance(holder, Node):
        return None, None
    return holder, next((s for s in holder.specs if s.id == parts[-1]), None)


def _assemble(entry: dict, spec: FieldSpec, source: Node, name: str) -> Any:
    """A field's value from what the instances gave: the whole value, every element, or
    every bit."""
    if entry["items"]:
        items = entry["items"]
        count = spec.size if isinstance(spec.size, int) else max(items) + 1
        absent = [i for i in range(count) if i not in items]
        if absent or len(items) != count:
            raise source.error(MissingFieldError, f"gives only some elements of {spec.id}; "
                               f"give {spec.id}", name)
        values = [items[i] for i in range(count)]
        if spec.kind == "bytes":
            bad = next((i for i, v in enumerate(values)
                        if not isinstance(v, int) or not 0 <= v <= 255), None)
            if bad is not None:
                raise source.error(FieldValueError, f"gives {spec.id}[{bad}] = "
                                   f"{show(values[bad], 20)}, which is not a byte (0..255)",
                                   name)
            return bytes(values)
        return values
    if entry["mask"]:
        width = spec.width if spec.kind == "bits" else 8 * spec.width
        full = (1 << width) - 1
        if entry["mask"] & full != full:
            raise source.error(MissingFieldError, f"gives only some bits of {spec.id} "
                               f"(mask 0x{entry['mask'] & full:x} of 0x{full:x}); give "
                               f"{spec.id}, or every instance that takes part of it", name)
        return entry["bits"]
    value = entry["whole"]
    if spec.kind in ("int", "bits") and isinstance(value, float) and math.isfinite(value):
        return round(value)  # a float factor: the check after filling says if it is exact
    return value


def _defaults(builder: BuildContext, node: Node) -> None:
    derivable = builder.derivable(node.key)
    for spec in node.specs:
        if spec.default is None or spec.id in node.values or spec.id in derivable \
                or spec.optional:
            continue
        node.values[spec.id] = builder.value(spec, spec.default, node)
    for _, child in node.children():
        _defaults(builder, child)

