"""Generated objects to plain data: dicts, lists, str, int, float, bool; JSON-safe.

Fields appear in spec order (seq first, then instances). Enum values become `EnumName`, a str
that also carries the number (`.value`), so JSON shows the name and scripts still see the raw
value; a number outside the enum stays an int. Byte strings become lowercase hex. Floats that
JSON cannot hold become the strings "NaN", "Infinity" and "-Infinity" (build takes them back).
"""

from __future__ import annotations

import math
import re
from enum import IntEnum
from functools import lru_cache
from typing import Any, Callable

from kaitaistruct import KaitaiStruct

from .. import fastpaths
from ..errors import ParseError, PkttoolsError
from ..model.paths import MISSING
from ..model.registry import Registry

NON_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


class EnumName(str):
    """An enum member's name that remembers its number: ``EnumName('success', 0)``."""

    value: int
    enum: str

    def __new__(cls, name: str, value: int, enum: str = "") -> "EnumName":
        obj = super().__new__(cls, name)
        obj.value = value
        obj.enum = enum
        return obj

    def __repr__(self) -> str:
        return f"EnumName({str(self)!r}, {self.value})"

    def __reduce__(self):
        return (EnumName, (str(self), self.value, self.enum))


# Without the `plain` fast path (PKTTOOLS_FAST, pkttools/fastpaths.py) every object goes
# through the generic walk: the bench shows the gain.
COMPILED = fastpaths.enabled("plain")
_INT = re.compile(r"^[us][1248](?:le|be)?$|^b(?:[2-9]|\d\d+)(?:le|be)?$")


class PlainConverter:
    """Converts generated objects of one registry. Each class gets its own converter,
    generated from the spec model the first time it is seen: a field known to hold an int is
    copied, an enum looked up in a table of names, bytes made hex, a sub-object handed to its
    own class's converter; what the model cannot tell (switch bodies, value instances) takes
    the generic walk."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._fields: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._compiled: dict[type, Callable[[Any], dict]] = {}

    def fields_of(self, cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
        cached = self._fields.get(cls)
        if cached is None:
            info = self.registry.types[f"{cls.__module__.rsplit('.', 1)[-1]}:{cls.__qualname__}"]
            cached = (tuple(f["id"] for f in info["seq"]),
                      tuple(f["id"] for f in info["instances"]))
            self._fields[cls] = cached
        return cached

    def convert(self, value: Any, path: tuple = (), *, protocol: str = "",
                packet: str = "") -> Any:
        """Plain data of a value. The fast walk keeps no paths; when a value instance cannot
        be evaluated, the walk is redone with paths to name it in the error."""
        try:
            return self._plain(value)
        except _InstanceFailed:
            return self._located(value, path, protocol, packet)

    def _plain(self, value: Any) -> Any:
        kind = type(value)
        if kind is int or kind is str or kind is bool:
            return value
        handler = _HANDLERS.get(kind)
        if handler is not None:
            return handler(self, value)
        if isinstance(value, KaitaiStruct):
            compiled = self._compiled.get(kind)
            if compiled is not None:
                return compiled(value)
            if COMPILED:
                return self._compile(kind)(value)
            seq, instances = self.fields_of(kind)
            out = {}
            for name in seq:
                field = getattr(value, name, MISSING)
                if field is not MISSING:
                    out[name] = self._plain(field)
            for name in instances:
                try:
                    field = getattr(value, name)
                except Exception as exc:  # an instance the data cannot satisfy
                    raise _InstanceFailed() from exc
                if field is not None:
                    out[name] = self._plain(field)
            return out
        if isinstance(value, IntEnum):
            return _enum_name(value)
        if isinstance(value, int):  # an int subclass other than an enum
            return int(value)
        return value

    def _compile(self, cls: type) -> Callable[[Any], dict]:
        """The converter of one generated class (see the class doc), made once."""
        info = self.registry.types[f"{cls.__module__.rsplit('.', 1)[-1]}:{cls.__qualname__}"]
        env: dict[str, Any] = {"_M": MISSING, "_P": self._plain, "_F": _finite,
                               "_IF": _InstanceFailed, "_C": self._compiled,
                               "_K": self._compile}
        lines = ["def convert(obj):", "    d = obj.__dict__", "    out = {}"]
        for n, field in enumerate(info["seq"]):
            name = field["id"]
            value = self._value_code(field, n, env)
            # A field may be absent: its `if` is false, no switch case matched, or the parse
            # that made the object stopped early (a debug tree).
            lines += [f"    x = d.get({name!r}, _M)", "    if x is not _M:",
                      f"        out[{name!r}] = {value}"]
        for inst in info["instances"]:
            name = inst["id"]
            lines += ["    try:", f"        x = obj.{name}", "    except Exception as exc:",
                      "        raise _IF() from exc", "    if x is not None:",
                      f"        out[{name!r}] = _P(x)"]
        lines.append("    return out")
        exec(compile("\n".join(lines), f"<pkttools plain data of {cls.__qualname__}>",
                     "exec"), env)
        self._compiled[cls] = env["convert"]
        return env["convert"]

    def _value_code(self, field: dict, n: int, env: dict) -> str:
        """The expression that converts `x`, the value of one seq field."""
        attr = field["attr"]
        kind = attr.get("type") if isinstance(attr.get("type"), str) else None
        one = "_P({})"
        if field["switch_on"] is not None:
            one = "_P({})"
        elif field["enum"] is not None:
            names = self._enum_table(field["enum"])
            if names is not None:
                env[f"_E{n}"] = names
                one = f"_E{n}.get({{0}}, {{0}})"
        elif field["type"] is not None:
            one = "(_C.get(type({0})) or _K(type({0})))({0})"
        elif kind is None and "contents" not in attr and "process" not in attr:
            one = "{0}.hex()"
        elif kind is None:
            one = "_P({})"
        elif kind in ("str", "strz") or kind == "b1" or _INT.match(kind):
            one = "{0}"
        elif kind[:2] in ("f4", "f8"):
            one = "_F({0})"
        if "repeat" in attr:
            return "[" + one.format("e") + " for e in x]" if one != "{0}" else "list(x)"
        return one.format("x")

    def _enum_table(self, enum_key: str) -> dict | None:
        """{member: EnumName} of an enum of the specs, or None when its class is not found."""
        entry = self.registry.enums.get(enum_key)
        if entry is None:
            return None
        try:
            enum_cls = self.registry.cls(f"{entry['spec']}:{entry['class']}", "ro")
        except (ImportError, AttributeError):
            return None
        return {member: _enum_name(member) for member in enum_cls}

    def _located(self, value: Any, path: tuple, protocol: str, packet: str) -> Any:
        """The slow walk: the same result, or the located error of a failing instance."""
        if isinstance(value, KaitaiStruct):
            seq, instances = self.fields_of(type(value))
            out = {}
            for name in seq:
                field = getattr(value, name, MISSING)
                if field is not MISSING:
                    out[name] = self._located(field, path + (name,), protocol, packet)
            for name in instances:
                try:
                    field = getattr(value, name)
                except Exception as exc:  # an instance the data cannot satisfy
                    raise ParseError(f"cannot evaluate instance: {type(exc).__name__}: {exc}",
                                     protocol=protocol, packet=packet,
                                     path=format_path(path + (name,))) from exc
                if field is not None:
                    out[name] = self._located(field, path + (name,), protocol, packet)
            return out
        if isinstance(value, list):
            return [self._located(v, path + (i,), protocol, packet) for i, v in enumerate(value)]
        return self._plain(value)


@lru_cache(maxsize=None)
def converter_for(registry: Registry) -> PlainConverter:
    """The converter of a registry: one per registry, so its per-class field cache is shared
    by every packet, stream item and capture that converts objects of that registry."""
    return PlainConverter(registry)


def to_plain(obj: Any, registry: Registry) -> Any:
    """Plain data of any generated object (a frame header, a prologue, a stream)."""
    return converter_for(registry).convert(obj)


class _InstanceFailed(PkttoolsError):
    """A value instance raised: redo the conversion with paths (see convert)."""


_ENUM_NAMES: dict[tuple[type, int], EnumName] = {}


def _enum_name(member: IntEnum) -> EnumName:
    """One EnumName per enum member (they are immutable). Keyed by class and number: members
    of different enums with the same number compare equal."""
    key = (type(member), int(member))
    name = _ENUM_NAMES.get(key)
    if name is None:
        name = _ENUM_NAMES[key] = EnumName(member.name, int(member), type(member).__name__)
    return name


def _finite(value: float) -> Any:
    return value if math.isfinite(value) else NON_FINITE[str(value)]


def _float(conv: PlainConverter, value: float) -> Any:
    return _finite(value)


_HANDLERS = {
    bytes: lambda conv, value: value.hex(),
    bytearray: lambda conv, value: bytes(value).hex(),
    list: lambda conv, value: [conv._plain(v) for v in value],
    float: _float,
}


ENUM_FORMS = ("name", "number", "both")


def with_enums(plain: Any, form: str) -> Any:
    """Plain data with its enum values in another form: "name" (as they are: `EnumName`, which
    JSON shows as the name), "number" (plain ints), or "both" ({"name": ..., "value": ...}).
    Numbers outside an enum are plain ints in every form. `build` takes all three back."""
    if form == "name":
        return plain
    if form not in ENUM_FORMS:
        raise ValueError(f"enum form {form!r} is not one of {', '.join(ENUM_FORMS)}")
    return _enums(plain, form == "both")


def _enums(value: Any, both: bool) -> Any:
    if isinstance(value, EnumName):
        return {"name": str(value), "value": value.value} if both else value.value
    if isinstance(value, dict):
        return {key: _enums(item, both) for key, item in value.items()}
    if isinstance(value, list):
        return [_enums(item, both) for item in value]
    return value


def enum_pair(data: Any) -> tuple[str | None, int] | None:
    """(name, number) of an enum value given as {"name": ..., "value": ...}, or None when the
    data is not of that shape."""
    if not isinstance(data, dict) or set(data) != {"name", "value"}:
        return None
    name, number = data["name"], data["value"]
    if isinstance(number, bool) or not isinstance(number, int) or \
            not (name is None or isinstance(name, str)):
        return None
    return name, number


def format_path(path: tuple) -> str:
    """('characters', 2, 'name') -> 'characters[2].name'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text
