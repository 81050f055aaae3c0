"""Generated objects to plain data: dicts, lists, str, int, float, bool; JSON-safe.

Fields appear in spec order (seq first, then instances). Enum values become `EnumName`, a str
that also carries the number (`.value`), so JSON shows the name and scripts still see the raw
value; a number outside the enum stays an int. Byte strings become lowercase hex. Floats that
JSON cannot hold become the strings "NaN", "Infinity" and "-Infinity" (build takes them back).
"""

from __future__ import annotations

import math
from enum import IntEnum
from typing import Any

from kaitaistruct import KaitaiStruct

from .errors import ParseError
from .registry import Registry

MISSING = object()
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
        if isinstance(value, KaitaiStruct):
            return self._struct(value, path, protocol, packet)
        if isinstance(value, IntEnum):
            return EnumName(value.name, int(value), type(value).__name__)
        if isinstance(value, (bytes, bytearray)):
            return bytes(value).hex()
        if isinstance(value, list):
            return [self.convert(v, path + (i,), protocol=protocol, packet=packet)
                    for i, v in enumerate(value)]
        if isinstance(value, float) and not math.isfinite(value):
            return NON_FINITE[str(value)]
        return value

    def _struct(self, obj: KaitaiStruct, path: tuple, protocol: str, packet: str) -> dict:
        seq, instances = self.fields_of(type(obj))
        out = {}
        for name in seq:
            value = getattr(obj, name, MISSING)
            if value is not MISSING:
                out[name] = self.convert(value, path + (name,), protocol=protocol, packet=packet)
        for name in instances:
            try:
                value = getattr(obj, name)
            except Exception as exc:  # an instance the data cannot satisfy
                raise ParseError(f"cannot evaluate instance: {type(exc).__name__}: {exc}",
                                 protocol=protocol, packet=packet,
                                 path=format_path(path + (name,))) from exc
            if value is not None:
                out[name] = self.convert(value, path + (name,), protocol=protocol, packet=packet)
        return out


def format_path(path: tuple) -> str:
    """('characters', 2, 'name') -> 'characters[2].name'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text
