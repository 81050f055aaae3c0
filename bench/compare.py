"""The peers benchmark: pkttools against hand-written struct, Construct and Scapy, per packet.

Why: users choosing pkttools (or its integrator optimising it) need to know what its generality
costs against what they could write themselves or pick instead, on the same packets doing the
same work. The fairness check runs first and stops the benchmark on any undeclared difference.
"""

from __future__ import annotations

from typing import Any

from . import fairness, report
from .peers.contenders import BUILD, FLOOR, PARSE, REFERENCE, Contender
from .timing import sample
from .vectors import VECTORS, Vector

ROUNDS, MIN_TIME = 11, 0.02
QUICK_ROUNDS, QUICK_MIN_TIME = 3, 0.005


def run(quick: bool = False, vectors: list[Vector] | None = None,
        contenders: list[Contender] | None = None) -> dict[str, Any]:
    """Check, then time every contender on every vector; print the tables; return the data."""
    vectors = vectors or VECTORS
    contenders = contenders or PARSE + BUILD
    rounds, min_time = (QUICK_ROUNDS, QUICK_MIN_TIME) if quick else (ROUNDS, MIN_TIME)
    verdicts = fairness.check(contenders, vectors)
    times: dict[str, dict[str, dict[str, Any]]] = {}
    for vector in vectors:
        funcs = {}
        for c in contenders:
            verdict = verdicts[(c.kind, c.name, vector.name)]
            cell = times.setdefault(c.kind, {}).setdefault(c.name, {})
            if verdict == "ok":
                funcs[(c.kind, c.name)] = c.make(vector).run
            else:
                cell[vector.name] = {"verdict": verdict}
        samples = sample({f"{k}|{n}": f for (k, n), f in funcs.items()}, rounds, min_time)
        for key, s in samples.items():
            kind, name = key.split("|", 1)
            times[kind][name][vector.name] = {
                "verdict": "ok", "best_us": s.best * 1e6, "median_us": s.median * 1e6,
                "spread": s.spread, "rounds_us": [t * 1e6 for t in s.rounds]}
    result = {
        "settings": {"rounds": rounds, "min_time_s": min_time},
        "vectors": [{"name": v.name, "protocol": v.protocol, "packet": v.packet,
                     "bytes": len(v.data)} for v in vectors],
        "floor": FLOOR, "reference": REFERENCE,
        "notes": {c.kind + "|" + c.name: c.note for c in contenders},
        "times": times,
    }
    print(report.peers_tables(result, fmt="simple"))
    print()
    print(report.breakdown_table(result, fmt="simple"))
    return result
