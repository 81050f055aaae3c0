"""Parse and build speed of the generated flavours and of pkttools' public API.

Why: pkttools parses with the read-only classes and writes with the read-write ones; this
shows what that choice saves (read-write classes mark the object dirty on every attribute set)
and what pkttools adds on top (dispatch, dict conversion, building with derivation and the
read-back check).
"""

from __future__ import annotations

import time
from io import BytesIO

from kaitaistruct import KaitaiStream
from tabulate import tabulate

import pkttools
from pkttools.codec.faststream import Stream
from pkttools.codec.build import build

from .timing import per_call
from .vectors import VECTORS


def body_of(vector) -> tuple[type, type, bytes]:
    """The packet's generated classes (ro, rw) and the bytes its own class reads."""
    pkt = pkttools.parse(vector.protocol, vector.data, strict=True)
    spans = pkt.spans()
    body = next(s for s in spans if s.path == (pkt.protocol.body_field,))
    return (pkt.type.cls("ro"), pkt.type.cls("rw"),
            vector.data[body.start:body.end])


def run(quick: bool = False) -> dict:
    """Time the flavours on every vector; print the table; return seconds per call."""
    rows, results = [], {}
    for vector in VECTORS:
        ro, rw, body = body_of(vector)
        plain = pkttools.parse(vector.protocol, vector.data).to_dict()

        def rw_parse():
            obj = rw(KaitaiStream(BytesIO(body)))
            obj._read()

        times = per_call({
            "ro class": lambda: ro(Stream(body)),  # pkttools' stream: the ro classes need it
            "rw class": rw_parse,
            "pkttools.parse": lambda: pkttools.parse(vector.protocol, vector.data),
            "parse + to_dict": lambda: pkttools.parse(vector.protocol, vector.data).to_dict(),
            "build": lambda: build(vector.protocol, plain),
            "build, no check": lambda: build(vector.protocol, plain, verify=False),
        }, *((3, 0.005) if quick else (7, 0.02)), clock=time.process_time)
        results[vector.name] = times
        base = times["ro class"]
        rows.append([vector.name] + [f"{t * 1e6:.1f} ({t / base:.2f}x)" for t in times.values()])
    headers = ["packet (us, ratio to ro class)"] + list(next(iter(results.values())))
    print(tabulate(rows, headers=headers, disable_numparse=True))
    return results
