"""Generated objects to plain data: dicts, lists, str, int, float, bool; JSON-safe.

Fields appear in spec order (seq first, then instances). Enum values become `EnumName`, a str
that also carries the number (`.value`), so JSON shows the name and scripts still see the raw
value; a number outside the enum stays an int. Byte strings become lowercase hex. Floats that
JSON cannot hold become the strings "NaN", "Infinity" and "-Infinity" (build takes them back).
"""

from __future__ import annotations

import math
from enum import IntEnum
from functools import lru_cache
from typing import Any

from kaitaistruct import KaitaiStruct

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


class PlainConverter:
    """Converts generated objects of one registry; caches each class's field list."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._fields: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}

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


def _float(conv: PlainConverter, value: float) -> Any:
    return value if math.isfinite(value) else NON_FINITE[str(value)]


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
