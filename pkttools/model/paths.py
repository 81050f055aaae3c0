"""Dotted paths into generated objects (`header.id`): the one way pkttools follows them.

The opcode of a dispatcher, a frame header's length field, a switch key, a `repeat-until`
element: wherever a spec names a field by a dotted path, the value is found here. Kept apart
from the expression language so parsing pays for no more than a getattr chain.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# A field a generated object does not have (not read: its condition was false, or no switch
# case matched), as path_value and the plain-data walk report it.
MISSING: Any = object()


def path_value(obj: Any, parts: tuple[str, ...] | str) -> Any:
    """The attribute at a dotted path (`header.id`) of an object, or MISSING where a step is
    absent."""
    if isinstance(parts, str):
        parts = dotted(parts)
    for part in parts:
        obj = getattr(obj, part, MISSING)
        if obj is MISSING:
            return MISSING
    return obj


@lru_cache(maxsize=1024)
def dotted(path: str) -> tuple[str, ...]:
    """`header.id` -> ('header', 'id')."""
    return tuple(part.strip() for part in path.split("."))
