"""Bit fields (`b1`-`b53`) in the Wireshark dissector, read as Kaitai reads them.

Kaitai reads bit fields from a bit position that runs across the stream: a field may start
inside a byte that the fields before it began, and only a byte-aligned read (an integer, text,
bytes) drops the bits left of that byte. The runtime keeps that position in its reader
(runtime.lua `bitread`) and computes each value in Lua numbers, byte by byte, so every width up
to 53 bits is exact (Lua 5.2 numbers are doubles; `bit32` would stop at 32).

The tree shows a field in one of two ways:

- a run of bit fields that Wireshark can show with masks (`mask_run`: at most 32 bits, ending
  on a byte or before a byte-aligned field) is one container integer over the run's bytes,
  each field with its mask over it (`.... ..11 = ...`);
- any other bit field (a run longer than 32 bits, such as TMW's 40-bit walk path, a field
  that starts inside a byte or leaves one half read, one with `if` or `repeat`) is shown with
  its value over exactly the bytes it touches (`bitfield`).
"""

from __future__ import annotations

import re
from typing import Callable

from .wslua_expr import Uncovered, lua_name
from .wslua_plan import ProtoSpec, Slot, TypePlan

BIT_TYPE = re.compile(r"^b(\d+)(le|be)?$")
_ALIGNED_TYPE = re.compile(r"^([us][1248]|f[48])(le|be)?$|^strz?$")
# Lua numbers are doubles: integers are exact below 2^53.
MAX_WIDTH = 53


def _bits(fld: dict) -> re.Match | None:
    kind = fld["attr"].get("type")
    return BIT_TYPE.match(kind) if isinstance(kind, str) else None


def _aligns(fld: dict) -> bool:
    """Whether reading the field always starts on a byte (drops the bits left of one)."""
    attr = fld["attr"]
    if "if" in attr:
        return False  # a field that is skipped aligns nothing
    kind = attr.get("type")
    if "contents" in attr or kind is None:
        return True
    return isinstance(kind, str) and bool(_ALIGNED_TYPE.match(kind))


def mask_run(seq: list[dict], i: int, default_order: str) -> list[dict] | None:
    """The run of bit fields starting at seq[i] when Wireshark masks can show it: plain bit
    fields of one bit order, at most 32 bits together, ending on a byte or followed by a field
    that starts on one (so no bits are left for what follows); None otherwise."""
    run = []
    order = None
    for fld in seq[i:]:
        match = _bits(fld)
        if not match or any(k in fld["attr"] for k in ("if", "repeat", "contents", "size")):
            break
        this = match.group(2) or default_order
        if order is not None and this != order:
            break
        order = this
        run.append(fld)
    if not run:
        return None
    total = sum(int(_bits(f).group(1)) for f in run)
    after = seq[i + len(run)] if i + len(run) < len(seq) else None
    if total > 32 or (total % 8 and not (after is not None and _aligns(after))):
        return None
    return run


def run_code(run: list[dict], default_order: str, plan: TypePlan,
             valid: Callable[[dict], list[str]]) -> list[str]:
    """Lua that reads a mask run (`mask_run`) as one container and each field from it; adds
    the fields' slots to the plan. `valid` gives the Lua of a field's `valid` rule."""
    widths = [int(_bits(f).group(1)) for f in run]
    le = (_bits(run[0]).group(2) or default_order) == "le"
    total = sum(widths)
    nbytes = (total + 7) // 8
    lua_le = "true" if le else "false"
    lines = ["  do", f"    local c, rg = PK.run(r, {nbytes}, {lua_le}, {total})"]
    shift = 0 if le else nbytes * 8
    for fld, width in zip(run, widths):
        if not le:
            shift -= width
        index = len(plan.slots) + 1
        mask = ((1 << width) - 1) << shift
        boolean = width == 1 and fld["enum"] is None
        if boolean:
            spec = ProtoSpec("bool", str(nbytes * 8), mask=mask, doc=fld.get("doc"))
        else:
            spec = ProtoSpec(f"uint{nbytes * 8}", "base.DEC", fld["enum"], mask, fld.get("doc"))
        plan.slots.append(Slot(index, fld["id"], spec))
        lines.append(f"    v, it = PK.bits(t, fs[{index}], c, rg, {shift}, {width}, "
                     f"{'true' if boolean else 'false'})")
        if "valid" in fld["attr"]:
            lines += ["  " + ln for ln in valid(fld)]
        lines.append(f"    o{lua_name(fld['id'])} = v")
        if le:
            shift += width
    return lines + ["  end"]


def bitfield(fld: dict, default_order: str, index: int) -> tuple[Slot, list[str]]:
    """One bit field outside a mask run: its slot, and Lua that sets v and it."""
    match = _bits(fld)
    width = int(match.group(1))
    if not 1 <= width <= MAX_WIDTH:
        raise Uncovered(f"b{width}: bit fields wider than {MAX_WIDTH} bits are not exact in "
                        f"Lua numbers")
    le = "true" if (match.group(2) or default_order) == "le" else "false"
    doc = fld.get("doc")
    if width == 1 and fld["enum"] is None:
        spec, kind = ProtoSpec("bool", "base.NONE", doc=doc), "bool"
    elif width <= 32:
        spec, kind = ProtoSpec("uint32", "base.DEC", fld["enum"], doc=doc), "int"
    else:
        spec, kind = ProtoSpec("uint64", "base.DEC", fld["enum"], doc=doc), "int64"
    return (Slot(index, fld["id"], spec),
            [f'  v, it = PK.bitfield(r, t, fs[{index}], {width}, {le}, "{kind}")'])
