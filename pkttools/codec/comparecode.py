"""Compiled read-back comparers: the check that closes a build, without plain dicts.

A build parses its bytes again and compares the data it was given with what reads back
(readback.py compares plain data: every parsed object converted to dicts first). A compiled
comparer does the same comparison on the parsed objects: one function per generated class,
made from the spec model the first time the class is compared, tests each given field against
the object's attribute in the form plain data gives it (an enum by name or number, bytes as
hex, a float through its width). A test that does not pass at once hands the value to
readback.compare on its plain data (`slow`), so nothing passes here that the plain comparison
would refuse. Value instances are evaluated as the plain conversion evaluates them: those given
are compared, and those that could fail are evaluated even when not given, so a build that
would fail converting its own bytes still fails.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Callable

from ..model.expr import (Binary, Call, EnumLit, Index, Num, Path, Ternary, Unary,
                          parse_expr)
from ..model.paths import MISSING
from ..model.registry import Registry

class Comparers:
    """The comparers of one registry's classes. `slow(given, value)` is the plain comparison
    of one value (given data against a parsed attribute), the last word on anything unusual."""

    def __init__(self, registry: Registry, slow: Callable[[Any, Any], bool],
                 convert: Callable[[Any], Any]):
        self.registry = registry
        self.slow = slow
        self.convert = convert
        self._compiled: dict[type, Callable[[Any, dict], bool]] = {}
        self._making: set[type] = set()

    def of(self, cls: type) -> Callable[[Any, dict], bool]:
        found = self._compiled.get(cls)
        if found is None:
            found = self._compile(cls)
        return found

    def touchy(self, field: dict, seen: frozenset = frozenset()) -> bool:
        """Whether objects under a field may have value instances that fail to evaluate
        (see _safe): the plain comparison converts them even when the data does not give
        the field, so the compiled one converts them too (`touch`)."""
        keys = [field["type"]] if field["type"] else \
            [k for k in (field["cases"] or {}).values() if k]
        for key in keys:
            if key in seen:
                continue
            info = self.registry.types[key]
            if any(not _safe(i["attr"].get("value"), info) for i in info["instances"]) or \
                    any(self.touchy(f, seen | {key}) for f in info["seq"]):
                return True
        return False

    def touch(self, value: Any) -> None:
        """Convert a parsed value as the plain comparison does (raising as it raises)."""
        if value is not None:
            self.convert(value)

    def _child(self, key: str, env: dict) -> str:
        """The name under which a comparer calls the comparer of a sub-object's class:
        bound at once, or looked up at call time while that class is itself being made
        (a type that contains itself)."""
        cls = self.registry.cls(key, "ro")
        if cls in self._making:
            return "(_CMP.get(type({x})) or _of(type({x})))"
        name = f"C{len(env)}"
        env[name] = self.of(cls)
        return name

    def _compile(self, cls: type) -> Callable[[Any, dict], bool]:
        self._making.add(cls)
        try:
            return self._make(cls)
        finally:
            self._making.discard(cls)

    def _make(self, cls: type) -> Callable[[Any, dict], bool]:
        key = f"{cls.__module__.rsplit('.', 1)[-1]}:{cls.__qualname__}"
        info = self.registry.types[key]
        env: dict[str, Any] = {"_M": MISSING, "_slow": self.slow, "_of": self.of,
                               "_CMP": self._compiled, "_touch": self.touch}
        # The fields most packets are made of are compared at once, as tuples, when the data
        # gives them all: numbers, text and flags (and arrays of them), which read back as
        # themselves in plain data, so that `==` with the value given already means the plain
        # comparison passes (readback.same); enums given by name, as the member of that name's
        # number; bytes given as hex, as the hex of the bytes read.
        plain = [f for f in info["seq"] if _plain(f)]
        enums = [f for f in info["seq"] if _single(f) and f["enum"] is not None
                 and isinstance(f["attr"].get("type"), str)]
        raw = [f for f in info["seq"] if _single(f) and f["attr"].get("type") is None
               and f["type"] is None and "process" not in f["attr"]]
        grouped = {f["id"] for f in plain + enums + raw}
        rest = [f for f in info["seq"] if f["id"] not in grouped]
        tests = []
        if plain:
            env["GET"] = itemgetter(*[f["id"] for f in plain])
            tests.append("GET(d) == GET(od)")
        if enums:
            env["EGET"] = itemgetter(*[f["id"] for f in enums])
            for n, f in enumerate(enums):
                env[f"EN{n}"] = self._numbers(f["enum"])
            if len(enums) == 1:
                tests.append("EN0[EGET(d)] == EGET(od)")
            else:
                numbers = ", ".join(f"EN{n}[e[{n}]]" for n in range(len(enums)))
                tests.append(f"(e := EGET(d)) and ({numbers},) == EGET(od)")
        if raw:
            env["BGET"] = itemgetter(*[f["id"] for f in raw])
            if len(raw) == 1:
                tests.append("BGET(od).hex() == BGET(d)")
            else:
                tests.append("(b := BGET(od)) and (" + ", ".join(
                    f"b[{n}].hex()" for n in range(len(raw))) + ",) == BGET(d)")
        lines = ["def compare(o, d):", "    od = o.__dict__"]
        if tests:
            lines += ["    try:", f"        same = {' and '.join(tests)}",
                      "    except (KeyError, TypeError):", "        same = False",
                      "    if not same:", "        return each(o, d)"]
        lines += self._fields(rest if tests else info["seq"], info, env)
        lines += ["", "def each(o, d):", "    od = o.__dict__"]
        lines += self._fields(info["seq"], info, env)
        exec(compile("\n".join(lines), f"<pkttools read-back comparer of {cls.__qualname__}>",
                     "exec"), env)
        self._compiled[cls] = env["compare"]
        return env["compare"]

    def _fields(self, fields: list[dict], info: dict, env: dict) -> list[str]:
        """Statements comparing the given fields (and every value instance) one by one."""
        lines = []
        for field in fields:
            test = self._test(field, len(env), env)
            lines += [f"    g = d.get({field['id']!r}, _M)",
                      "    if g is not _M:",
                      f"        x = od.get({field['id']!r}, _M)",
                      "        if x is _M:",
                      "            return False"]
            if not test.startswith("for "):
                lines += [f"        if not ({test}) and not _slow(g, x):",
                          "            return False"]
            else:
                lines += ["        if type(g) is not list or len(g) != len(x):",
                          "            if not _slow(g, x):",
                          "                return False",
                          "        else:",
                          "            for gi, xi in zip(g, x):",
                          f"                if not ({test[4:]}) and not _slow(gi, xi):",
                          "                    return False"]
            if self.touchy(field):  # not given, still converted by the plain comparison
                lines += ["    else:", f"        _touch(od.get({field['id']!r}, None))"]
        for inst in info["instances"]:
            name = inst["id"]
            if _agrees(inst, info):
                if not _safe(inst["attr"].get("value"), info):
                    lines += [f"    if {name!r} not in d:", f"        o.{name}"]
                continue
            lines += [f"    g = d.get({name!r}, _M)",
                      "    if g is not _M:",
                      f"        x = o.{name}",
                      "        if x is None or not (type(g) is type(x) and g == x) "
                      "and not _slow(g, x):",
                      "            return False"]
            if not _safe(inst["attr"].get("value"), info):
                lines += ["    else:", f"        o.{name}"]  # as the plain conversion does
        lines.append("    return True")
        return lines

    def _test(self, field: dict, n: int, env: dict) -> str:
        """A test of `g` (given) against `x` (parsed) that passes only when the plain
        comparison would."""
        attr = field["attr"]
        kind = attr.get("type") if isinstance(attr.get("type"), str) else None
        repeat = "repeat" in attr
        if field["switch_on"] is not None:
            one = "type({g}) is dict and (_CMP.get(type({x})) or _of(type({x})))({x}, {g})"
        elif field["type"] is not None:
            child = self._child(field["type"], env)
            one = "type({g}) is dict and " + child + "({x}, {g})"
        elif field["enum"] is not None:
            # a name (EnumName or text) is the parsed member's when it names its number
            env[f"N{n}"] = self._numbers(field["enum"])
            one = f"(type({{g}}) is int and {{g}} == {{x}}) or " \
                  f"(isinstance({{g}}, str) and N{n}.get({{g}}, _M) == {{x}})"
        elif kind is None:
            if "process" in attr:
                return "False"
            one = "type({g}) is str and {g} == {x}.hex()"
        elif kind == "b1":
            one = "{g} is {x}"
        elif kind in ("str", "strz"):
            one = "type({g}) is str and {g} == {x}"
        elif kind[:2] in ("f4", "f8"):
            one = "(type({g}) is float or type({g}) is int) and {g} == {x}"
        else:
            one = "type({g}) is int and {g} == {x}"
        if not repeat:
            return one.format(g="g", x="x")
        if one == "type({g}) is int and {g} == {x}":
            return "type(g) is list and g == x"
        return "for " + one.format(g="gi", x="xi")  # each item: see _fields

    def _numbers(self, enum_key: str) -> dict:
        """{name: number} of an enum of the specs."""
        entry = self.registry.enums.get(enum_key)
        if entry is None:
            return {}
        return {item["id"]: int(value) for value, item in entry["values"].items()}


def _agrees(inst: dict, info: dict) -> bool:
    """Whether comparing a given value instance on read-back is already done: the compiled
    writer checks every given instance against the fields it is computed from (as implied.py
    does, and gives up unless they are all given), and these fields read back as given
    (compared here). When the expression reads only integers, enums and bytes of its own
    object, with operators that the generated Python and model/expr.py evaluate alike, the
    instance then reads back as the writer computed it."""
    if inst.get("enum") is not None or "value" not in inst["attr"]:
        return False
    fields = {}
    for f in info["seq"]:
        kind = f["attr"].get("type")
        if f["switch_on"] is not None or f["type"] is not None or "repeat" in f["attr"] \
                or "if" in f["attr"]:
            continue
        if kind is None and "process" not in f["attr"]:
            fields[f["id"]] = "bytes"
        elif isinstance(kind, str) and kind[:1] in "usb" and kind not in ("str", "strz"):
            fields[f["id"]] = "int"
    instances = {i["id"]: i for i in info["instances"]}

    def ok(node: Any, depth: int) -> str | None:
        """The kind of value ("int", "str", "bytes", "num") or None."""
        if depth > 8:
            return None
        if isinstance(node, Num):
            return {int: "int", str: "str", float: "num", bool: "int"}.get(type(node.value))
        if isinstance(node, EnumLit):
            return "int"
        if isinstance(node, Path):
            if len(node.parts) == 2 and node.parts[1] in ("length", "size") and \
                    fields.get(node.parts[0]) == "bytes":
                return "int"
            if len(node.parts) == 2 and node.parts[1] == "to_s" and \
                    ok(Path(node.parts[:1]), depth) == "int":
                return "str"
            if len(node.parts) != 1:
                return None
            if node.parts[0] in fields:
                return fields[node.parts[0]]
            other = instances.get(node.parts[0])
            if other is None or other.get("enum") is not None or "value" not in other["attr"]:
                return None
            return ok(parse_expr(other["attr"]["value"]), depth + 1)
        if isinstance(node, Index):
            return "int" if ok(node.target, depth) == "bytes" and \
                isinstance(node.index, Num) and type(node.index.value) is int else None
        if isinstance(node, Call):
            inner = ok(node.target, depth)
            if node.args:
                return None
            if node.method == "to_s" and inner == "int":
                return "str"
            return "int" if node.method in ("length", "size") and inner == "bytes" else None
        if isinstance(node, Unary):
            inner = ok(node.operand, depth)
            return "int" if node.op == "not" and inner else \
                inner if node.op in ("-", "~") and inner in ("int", "num") else None
        if isinstance(node, Ternary):
            a, b, c = (ok(n, depth) for n in (node.cond, node.then, node.other))
            return b if a and b and b == c else None
        if not isinstance(node, Binary):
            return None
        a, b = ok(node.left, depth), ok(node.right, depth)
        if a is None or b is None or node.op in ("and", "or"):
            return None  # Python's and/or give an operand, model/expr.py a bool
        if node.op in ("==", "!=", "<", "<=", ">", ">="):
            return "int" if a == b or {a, b} <= {"int", "num"} else None
        if a == b == "str" and node.op == "+":
            return "str"
        if {a, b} <= {"int", "num"}:
            if node.op == "/" and not (a == b == "int"):
                return None  # a float division: kept to the comparison
            return "int" if a == b == "int" else "num"
        return None

    try:
        return ok(parse_expr(inst["attr"]["value"]), 0) is not None
    except Exception:
        return False


def _single(field: dict) -> bool:
    """A field read once, always: not an array, a switch, or a field that may be absent."""
    attr = field["attr"]
    return field["switch_on"] is None and "repeat" not in attr and "if" not in attr


def _plain(field: dict) -> bool:
    """A field whose parsed value is its plain data: a number, text or flag that is not an
    enum, or an array of them, always present."""
    attr = field["attr"]
    kind = attr.get("type")
    return isinstance(kind, str) and field["type"] is None and field["enum"] is None and \
        field["switch_on"] is None and "if" not in attr and "contents" not in attr and \
        (kind in ("str", "strz") or kind[:1] in "usbf") and \
        not (kind == "b1" and "repeat" in attr)


def _safe(text: Any, info: dict) -> bool:
    """Whether a value instance cannot fail on any parsed object: arithmetic and comparisons
    on its own number fields and on other such instances, bit operations on integers, division
    by a nonzero constant. Anything else is evaluated whether it is given or not."""
    if text is None:
        return False
    kinds = {}
    for f in info["seq"]:
        kind = f["attr"].get("type")
        if isinstance(kind, str) and f["type"] is None and "repeat" not in f["attr"] \
                and "if" not in f["attr"] and kind[:1] in "usbf":
            kinds[f["id"]] = "f" if kind[:1] == "f" else "i"
    instances = {i["id"]: i for i in info["instances"]}

    def kind(node: Any, depth: int) -> str | None:
        """"i" (an integer), "f" (any number), None (might fail)."""
        if depth > 8:
            return None
        if isinstance(node, Num):
            return "i" if isinstance(node.value, int) else \
                "f" if isinstance(node.value, float) else None
        if isinstance(node, EnumLit):
            return "i"
        if isinstance(node, Path):
            if len(node.parts) != 1:
                return None
            if node.parts[0] in kinds:
                return kinds[node.parts[0]]
            inst = instances.get(node.parts[0])
            if inst is None or "value" not in inst["attr"]:
                return None
            return kind(parse_expr(inst["attr"]["value"]), depth + 1)
        if isinstance(node, Unary) and node.op in ("-", "not"):
            return kind(node.operand, depth)
        if isinstance(node, Ternary):
            parts = [kind(n, depth) for n in (node.cond, node.then, node.other)]
            return None if None in parts else "f" if "f" in parts[1:] else "i"
        if not isinstance(node, Binary):
            return None
        left, right = kind(node.left, depth), kind(node.right, depth)
        if left is None or right is None:
            return None
        if node.op in ("/", "%"):
            constant = isinstance(node.right, Num) and node.right.value not in (0, 0.0)
            return ("i" if left == right == "i" else "f") if constant else None
        if node.op in ("<<", ">>", "&", "|", "^"):
            if left != "i" or right != "i":
                return None
            if node.op in ("<<", ">>") and not (isinstance(node.right, Num)
                                                and 0 <= node.right.value <= 64):
                return None
            return "i"
        if node.op in ("+", "-", "*"):
            return "i" if left == right == "i" else "f"
        if node.op in ("==", "!=", "<", "<=", ">", ">=", "and", "or"):
            return "i"
        return None

    try:
        return kind(parse_expr(text), 0) is not None
    except Exception:
        return False
