"""Which of pkttools' fast paths run, as the PKTTOOLS_FAST environment variable names them.

Each fast path gives the same values, the same errors and the same bytes as the plain Kaitai
runtime, only sooner (tests/test_fast_paths.py and tests/test_fast_build.py compare them).
They can be switched off one by one so that the bench can show what each one gains, and all
together so that a differential test has the compiler's own code on the runtime as reference:

    PKTTOOLS_FAST unset, "1" or "all"   every fast path
    PKTTOOLS_FAST="0" or "none"          none: the compiler's classes on the Kaitai runtime
    PKTTOOLS_FAST="stream,plain"         only the fast paths named
    PKTTOOLS_FAST="-writer"              every fast path but the ones named

`unpack` is applied by build.py when it writes kaitai_gen/, so changing it rebuilds; the
others are chosen when pkttools is imported. Standard library only: build.py reads it.
"""

from __future__ import annotations

import os

from .errors import UsageError

ENV = "PKTTOOLS_FAST"

STEPS: dict[str, str] = {
    "stream": "the read-only classes read from bytes and a position, one unpack_from a value "
              "(codec/faststream.py), not through the runtime's BytesIO chain",
    "unpack": "build.py merges runs of fixed-width reads in the generated read-only classes "
              "into one unpack and resolves enums by a dict lookup (model/rofast.py)",
    "plain": "a plain-data converter compiled per generated class (codec/plain.py), not the "
             "generic walk over every field",
    "writer": "a writer compiled per packet type packs a build with struct formats "
              "(codec/writer.py), not the read-write classes field by field",
}


def selected(value: str | None = None) -> frozenset[str]:
    """The fast paths a PKTTOOLS_FAST value turns on (the environment's when `value` is None)."""
    text = (os.environ.get(ENV, "1") if value is None else value).strip()
    if text in ("", "1", "all"):
        return frozenset(STEPS)
    if text in ("0", "none"):
        return frozenset()
    names = [name.strip() for name in text.split(",") if name.strip()]
    negated = [name.startswith("-") for name in names]
    if any(negated) and not all(negated):
        raise UsageError(f"{ENV}={text!r}: name the fast paths to run, or prefix every name "
                         f"with '-' to run all but those, not both")
    bare = [name.lstrip("-") for name in names]
    unknown = [name for name in bare if name not in STEPS]
    if unknown:
        raise UsageError(f"{ENV}={text!r}: no fast path called {', '.join(map(repr, unknown))}; "
                         f"there are {', '.join(STEPS)} (or 1/all, 0/none)")
    return frozenset(STEPS) - set(bare) if all(negated) else frozenset(bare)


def enabled(step: str) -> bool:
    """Whether the fast path `step` (one of STEPS) runs in this process."""
    if step not in STEPS:
        raise KeyError(step)
    return step in selected()


def describe(value: str | None = None) -> str:
    """The setting in words, for bench reports and build stamps: 'stream,plain' or 'none'."""
    steps = selected(value)
    return ",".join(name for name in STEPS if name in steps) or "none"
