"""The fairness check that runs before any timing: same values, same bytes, or say why not.

Why: a benchmark that times a contender doing less (a field skipped, a string left undecoded, a
count not recomputed) flatters it. Every parse result, through its contender's adapter, must
equal `pkttools.parse(...).to_dict()` (opcode, fields, frame) value for value and type for type
(True is not 1, 1 is not 1.0); every build must give the vector's bytes. A contender may
declare that it cannot handle a vector (`Contender.cannot`): the table then prints the reason
instead of a time, and the check makes sure the reason is still true.
"""

from __future__ import annotations

from typing import Any, Iterable

import pkttools

from .peers import adapters
from .peers.contenders import Contender
from .vectors import Vector


class UnfairError(Exception):
    """A contender does different work than pkttools and did not say so."""


def expected(vector: Vector) -> dict:
    """pkttools' plain form of the vector: the reference every contender is held to."""
    return adapters.from_pkttools(pkttools.parse(vector.protocol, vector.data,
                                                 strict=True).to_dict())


def differences(want: Any, got: Any, path: str = "") -> list[str]:
    """Where `got` differs from `want` in value or kind; empty when they are the same."""
    where = path or "(top)"
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{where}: expected an object, got {got!r}"]
        out = [f"{path}.{k}: missing" for k in want if k not in got]
        out += [f"{path}.{k}: unexpected ({got[k]!r})" for k in got if k not in want]
        for key in want.keys() & got.keys():
            out += differences(want[key], got[key], f"{path}.{key}")
        return out
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return [f"{where}: expected {len(want)} items, got {got!r}"]
        return [d for i, (w, g) in enumerate(zip(want, got))
                for d in differences(w, g, f"{path}[{i}]")]
    if _kind(want) != _kind(got) or want != got:
        return [f"{where}: expected {want!r}, got {got!r}"]
    return []


def _kind(value: Any) -> type:
    if isinstance(value, bool):
        return bool
    if isinstance(value, str):  # pkttools.EnumName is a str that also carries its number
        return str
    return type(value)


def problems(contender: Contender, vector: Vector) -> list[str] | None:
    """What differs for one contender and vector; None when it has no such operation."""
    op = contender.make(vector)
    if op is None:
        return None
    try:
        result = op.run()
    except Exception as exc:  # a contender that fails is a finding, not a crash
        return [f"raised {type(exc).__name__}: {exc}"]
    if contender.kind == "build":
        return [] if result == vector.data else \
            [f"built {result.hex()}, expected {vector.data.hex()}"]
    return differences(expected(vector), op.plain(result))


def check(contenders: Iterable[Contender], vectors: Iterable[Vector]) -> dict:
    """{(contender, vector): "ok" | "n/a" | "cannot: reason"} for every pair; raises
    UnfairError for an undeclared difference or a declared one that no longer holds."""
    verdicts = {}
    for vector in vectors:
        for contender in contenders:
            found = problems(contender, vector)
            reason = contender.cannot.get(vector.name)
            key = (contender.kind, contender.name, vector.name)
            if found is None:
                verdicts[key] = "n/a"
            elif reason is not None:
                if not found:
                    raise UnfairError(f"{contender.name} {contender.kind} {vector.name}: "
                                      f"declared unable ({reason}), but it now matches")
                verdicts[key] = f"cannot: {reason}"
            elif found:
                raise UnfairError(f"{contender.name} {contender.kind} {vector.name} differs "
                                  f"from pkttools:\n  " + "\n  ".join(found[:20]))
            else:
                verdicts[key] = "ok"
    return verdicts
