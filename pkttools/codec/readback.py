"""Does a packet read back as it was given? The comparison that closes every build.

A build parses (or splits) its own bytes again and compares the plain data that comes back with
the plain data it was given, so anything the writer would silently change (a switch case that is
not the body's, a condition that drops a field, a value that does not survive its encoding) is
an error naming the field, not a wrong packet.
"""

from __future__ import annotations

import math
import struct
from typing import Any

from ..errors import InconsistentError
from ..show import show
from ..model.registry import PacketType, Protocol
from .plain import NON_FINITE, EnumName, enum_pair, format_path
from .tree import bytes_of, float_of


def compare(given: Any, back: Any, path: tuple, proto: Protocol, ptype: PacketType,
            skip: set[tuple]) -> None:
    """Raise InconsistentError at the first value of `given` that `back` does not hold.

    Paths are in the dispatcher's tree (the body under the protocol's body field, anything else
    a frame field); `skip` holds the paths whose value may change (derived, recomputed).
    """
    if path in skip or (given == back and type(given) is type(back)):
        return

    def fail(detail: str, where: tuple = path) -> None:
        rel = where[1:] if where[:1] == (proto.body_field,) else ("frame",) + where
        raise InconsistentError(detail, protocol=proto.name, packet=ptype.name,
                                path=format_path(rel))

    if isinstance(given, dict) and not isinstance(back, dict) and enum_pair(given) is not None:
        if not same(given, back):
            fail(f"given {show(given, 60)}, but it reads back as {show(back, 60)}")
        return
    if isinstance(given, dict):
        if not isinstance(back, dict):
            fail(f"given an object, reads back {show(back, 60)}")
        for key, value in given.items():
            if path + (key,) in skip:
                continue
            if key not in back:
                fail("given, but not in the packet as written (its condition does not hold)",
                     path + (key,))
            compare(value, back[key], path + (key,), proto, ptype, skip)
        return
    if isinstance(given, list):
        if not isinstance(back, list) or len(given) != len(back):
            fail(f"given {len(given)} items, reads back {show(back, 60)}")
        for i, (g, b) in enumerate(zip(given, back)):
            compare(g, b, path + (i,), proto, ptype, skip)
        return
    if not same(given, back):
        fail(f"given {show(given, 60)}, but it reads back as {show(back, 60)}")


def same(given: Any, back: Any) -> bool:
    """Whether a given value and its read-back value are the same value in plain data: an enum
    by name, number or both ({"name", "value"}), bytes as hex, floats through their width,
    booleans as integers."""
    pair = enum_pair(given)
    if pair is not None:
        name, number = pair
        if isinstance(back, EnumName):
            return number == back.value and (name is None or name == str(back))
        return number == back and not isinstance(back, bool)
    if isinstance(back, EnumName):
        return given == str(back) or (isinstance(given, int) and given == back.value)
    if isinstance(given, (bytes, bytearray)):
        return bytes(given).hex() == back
    if isinstance(given, str) and isinstance(back, str) and given != back:
        normal = given.replace(" ", "").lower()
        return bytes_of(normal) is not None and normal == back
    if isinstance(given, float) or isinstance(back, float) or back in NON_FINITE.values():
        try:
            given_f, back_f = float_of(given), float_of(back)
            if given_f == back_f or (math.isnan(given_f) and math.isnan(back_f)):
                return True
            return struct.unpack("<f", struct.pack("<f", given_f))[0] == back_f
        except (TypeError, ValueError, OverflowError, struct.error):
            return False
    if isinstance(back, bool) and isinstance(given, int):
        return bool(given) == back
    return given == back
