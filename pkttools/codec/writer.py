"""The fast path of `build`: a compiled writer per packet type, checked by the fast parse.

`fast_build` runs the packet type's compiled writer (writercode.py, generated from the spec
model the first time the type is built), then, with verify on, parses the bytes with the fast
parse and compares them with the data given through compiled comparers (comparecode.py). It
answers only when every step is sure: for anything else (an unusual value, a missing field, a
type the generator does not write, a comparison that does not pass at once) it returns None
and build.py takes the general builder, which gives today's bytes or today's error. So the
fast path can only be faster, never different: tests/test_fast_build.py checks that it gives
the general builder's bytes.

The `writer` fast path (PKTTOOLS_FAST, pkttools/fastpaths.py): PKTTOOLS_FAST=-writer or =0
turns it off (the bench shows the gain); `ENABLED` toggles it in process.
"""

from __future__ import annotations

import math
import struct
import traceback
from typing import Any, Callable

from .. import fastpaths
from ..errors import InconsistentError
from ..model.invert import exact
from ..model.paths import MISSING
from ..model.registry import PacketType, Protocol
from .comparecode import Comparers
from .decode import decode, light_dispatcher
from .faststream import Stream
from .plain import NON_FINITE, EnumName, converter_for, enum_pair
from .readback import compare, same
from .tree import bytes_of, float_of
from .writercode import F4_MAX, GiveUp, PacketSource
from .writerexpr import div
from .writeremit import MAX_PADDING

ENABLED = fastpaths.enabled("writer")
_TOP = frozenset({"protocol", "opcode", "packet", "frame", "fields", "trailing"})
_EMPTY: dict = {}


class Compiled:
    """A packet type's writer (`build(frame, fields)`) and read-back check (`verify(out,
    frame, fields)`); `source` for reading and debugging."""

    def __init__(self, proto: Protocol, ptype: PacketType):
        src = PacketSource(proto, ptype)
        self.source = src.source()
        env = dict(src.env, **_HELPERS)
        exec(compile(self.source, f"<pkttools writer of {proto.name} {ptype.name}>", "exec"),
             env)
        self.build: Callable[[dict, dict], bytes] = env["build"]
        self.verify = _verifier(proto, ptype, comparers_for(proto))


def _verifier(proto: Protocol, ptype: PacketType, comparers: Comparers
              ) -> Callable[[bytes, dict, dict], bool]:
    """Whether bytes parse back strictly into this packet with what was given: what build.py's
    read-back check requires, on the parsed objects (a closure: this runs on every build)."""
    seq = {f["id"]: f for f in proto.registry.types[proto.type_key]["seq"]}
    objects = {name for name in proto.frame_fields
               if seq[name]["type"] is not None and "repeat" not in seq[name]["attr"]}
    # frame fields the plain comparison converts even when not given (Comparers.touchy)
    touchy = [name for name in proto.frame_fields if comparers.touchy(seq[name])]
    slow, of, touch = comparers.slow, comparers.of, comparers.touch
    body_cls: list = [None, None]  # the class the body reads back as, and its comparer

    def verify(out: bytes, frame: dict, fields: dict) -> bool:
        back_type, body, dispatcher, end = decode(proto, out)
        if back_type is not ptype or end != len(out) or type(fields) is not dict:
            return False
        if type(body) is not body_cls[0]:
            body_cls[:] = type(body), of(type(body))
        if not body_cls[1](body, fields):
            return False
        if not frame and not touchy:
            return True
        if dispatcher is None:
            dispatcher = light_dispatcher(proto, out) or proto.dispatcher_cls("ro")(Stream(out))
        for name in touchy:
            if name not in frame:
                touch(getattr(dispatcher, name, None))
        for name, given in frame.items():
            value = getattr(dispatcher, name, MISSING)
            if value is MISSING:
                return False
            if name in objects:
                if type(given) is not dict or not of(type(value))(value, given):
                    return False
            elif not slow(given, value):
                return False
        return True

    return verify


_compiled: dict[Protocol, dict[str, Compiled | None]] = {}
_comparers: dict[Protocol, Comparers] = {}
_not_compiled: dict[tuple[str, str], str] = {}


def compiled_for(proto: Protocol, ptype: PacketType) -> Compiled | None:
    """The compiled writer of a packet type (made once), or None when it is not compiled: a
    construct the generator does not write, or a failure of the generator itself, which must
    cost speed, never a build (`not_compiled` says which; the tests require none)."""
    per = _compiled.setdefault(proto, {})
    if ptype.name not in per:
        try:
            per[ptype.name] = Compiled(proto, ptype)
        except Exception as exc:  # Unsupported, or a generator bug: the general builder
            per[ptype.name] = None
            _not_compiled[(proto.name, ptype.name)] = f"{type(exc).__name__}: {exc}"
    return per[ptype.name]


def not_compiled() -> dict[tuple[str, str], str]:
    """(protocol, packet) -> why, for the packet types tried so far that have no writer."""
    return dict(_not_compiled)


def comparers_for(proto: Protocol) -> Comparers:
    found = _comparers.get(proto)
    if found is None:
        conv = converter_for(proto.registry)
        ptype = proto.packets[0] if proto.packets else None

        def slow(given: Any, value: Any) -> bool:
            """readback.compare on one value's plain data."""
            try:
                compare(given, conv.convert(value), ("value",), proto, ptype, set())
            except InconsistentError:
                return False
            return True

        found = _comparers[proto] = Comparers(proto.registry, slow, conv.convert)
    return found


def fast_build(proto: Protocol, data: Any, verify: bool) -> tuple[bytes, PacketType] | None:
    """(bytes, packet type) from the compiled writer, or None: the general builder decides.

    Only for recompute=False: recomputing is the general builder's. Trailing bytes are
    build.py's (they follow the packet either way)."""
    if type(data) is not dict or not _TOP.issuperset(data) or \
            ("protocol" in data and data["protocol"] != proto.name):
        return None
    name = data.get("packet")
    if type(name) is str and "opcode" not in data:
        ptype = proto.by_name.get(name)
    else:
        ptype = _packet_type(proto, data)
    if ptype is None:
        return None
    frame = data.get("frame") or _EMPTY
    if type(frame) is not dict:
        return None
    writer = _compiled.get(proto, _EMPTY).get(ptype.name, MISSING)
    if writer is MISSING:
        writer = compiled_for(proto, ptype)
    if writer is None:
        return None
    fields = data.get("fields", _EMPTY)
    try:
        out = writer.build(frame, fields)
        if verify and not writer.verify(out, frame, fields):
            return None
    except Exception:  # GiveUp, or anything the data makes the generated code raise
        return None
    return out, ptype


def why_not(proto: Protocol, data: Any, verify: bool = True) -> str | None:
    """Why `fast_build` leaves this data to the general builder (None: it does not): for tests
    and for finding what the generator should learn next."""
    if fast_build(proto, data, verify) is not None:
        return None
    ptype = _packet_type(proto, data) if isinstance(data, dict) else None
    if ptype is None:
        return "the top level of the data (protocol, packet, opcode)"
    if compiled_for(proto, ptype) is None:
        return f"not compiled: {_not_compiled[(proto.name, ptype.name)]}"
    writer = Compiled(proto, ptype)
    frame = data.get("frame") or _EMPTY
    fields = data.get("fields", _EMPTY)
    try:
        out = writer.build(frame, fields)
    except Exception:
        return "the writer gave up:\n" + traceback.format_exc(limit=-2)
    try:
        return "the read-back comparison did not pass" if verify and \
            not writer.verify(out, frame, fields) else "?"
    except Exception:
        return "the read-back check raised:\n" + traceback.format_exc(limit=-2)


def _packet_type(proto: Protocol, data: dict) -> PacketType | None:
    """The packet type named the usual way (a name, an int opcode, or both agreeing); None for
    anything build.py's own checks should judge."""
    name = data.get("packet")
    opcode = data.get("opcode")
    by_name = by_opcode = None
    if name is not None:
        if type(name) is not str:
            return None
        by_name = proto.by_name.get(name)
        if by_name is None:
            return None
    elif "packet" in data:
        return None
    if opcode is not None:
        if type(opcode) is not int:
            return None
        by_opcode = proto.by_opcode.get(opcode)
        if by_opcode is None or (by_name is not None and by_name is not by_opcode):
            return None
    elif "opcode" in data:
        return None
    return by_name or by_opcode


# -- what the generated code calls -------------------------------------------------------------
def _int(x: Any, info: tuple) -> Any:
    """Builder.integer for the forms the generated test does not take at once."""
    if x is MISSING:
        return MISSING
    (lo, hi), bit, names = info
    value = x
    if names is not None and isinstance(x, dict):
        value = _enum_pair(x, names)
    elif names is not None and isinstance(x, str):
        value = names.get(x)
    if isinstance(value, bool) and bit:
        return value
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise GiveUp()
    return bool(value) if bit else value


def _enum_pair(x: dict, names: dict) -> int:
    """Builder.enum_number: {"name", "value"}, the name (when given) the number's own."""
    pair = enum_pair(x)
    if pair is None:
        raise GiveUp()
    name, number = pair
    if name is not None and names.get(name) != number:
        raise GiveUp()
    return number


def _float(x: Any, width: int) -> Any:
    if x is MISSING:
        return MISSING
    if isinstance(x, str) and x in NON_FINITE.values():
        x = float_of(x)
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise GiveUp()
    value = float(x)
    if width == 4 and math.isfinite(value) and abs(value) > F4_MAX:
        raise GiveUp()
    return value


def _text(x: Any, encoding: str) -> Any:
    if not isinstance(x, str):
        raise GiveUp()
    return x.encode(encoding)


def _hex(x: Any) -> bytes:
    """bytes_of: bytes, or hex text (spaces and colons allowed)."""
    if type(x) is str:
        try:
            return bytes.fromhex(x)
        except ValueError:
            pass
    raw = bytes_of(x)
    if raw is None:
        raise GiveUp()
    return raw


def _instance(given: Any, current: Any, names: dict | None) -> bool:
    """implied.py's check of a value instance given with its fields: the same value."""
    target = given
    if names is not None:
        if isinstance(given, dict):
            target = _enum_pair(given, names)
        elif isinstance(given, str):
            target = names.get(given)
            if target is None:
                return False
    if type(target) is type(current) and target == current:
        return True
    return same(target, current)


def _integral(n: Any) -> int:
    if isinstance(n, float) and n.is_integer():
        return int(n)
    if isinstance(n, bool) or not isinstance(n, int):
        raise GiveUp()
    return n


def _pad(raw: bytes, size: Any) -> bytes:
    """write_bytes_limit with terminator 0 and padding 0: zeros up to the size."""
    if type(size) is not int or size > MAX_PADDING or len(raw) > size:
        raise GiveUp()
    return raw.ljust(size, b"\0")


def _exactly(raw: bytes, size: Any) -> bytes:
    if len(raw) != size:
        raise GiveUp()
    return raw


class _NoCase:
    """A switch key with no case."""


_HELPERS: dict[str, Any] = {
    "_M": MISSING, "_G": GiveUp, "_NOCASE": _NoCase, "_EN": EnumName,
    "_INTS": frozenset({int}), "_FROMHEX": bytes.fromhex, "_int": _int, "_float": _float,
    "_text": _text, "_hex": _hex, "_instance": _instance, "_integral": _integral,
    "_PACK": struct.pack, "_pad": _pad, "_exactly": _exactly, "_div": div,
    "_exact": exact,
}
