"""The contenders of the peers benchmark: what is timed, and how its result is checked.

Why one place: the fairness check (fairness.py) and the timing (compare.py) must run exactly
the same callables, so each contender hands out, per vector, a zero-argument function that does
one operation, with all set-up (class lookup, body slicing, build input) done beforehand.

Every parse operation reads the whole payload and dispatches on the opcode, except the raw
read-only Kaitai class, which reads only the body (no dispatch: the row shows what pkttools adds
around it). Every build operation writes the whole payload from values, computing lengths and
counts itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


import pkttools
from pkttools.codec import writer
from pkttools.codec.faststream import Stream

from ..vectors import Vector
from . import adapters, construct_defs, scapy_layers, struct_codecs

Plain = dict[str, Any]


@dataclass(frozen=True)
class Operation:
    """One timed thing for one vector: `run()` does it; `plain(result)` (parse) turns what it
    returned into pkttools' plain form, for the check; builds are checked against the bytes."""

    run: Callable[[], Any]
    plain: Callable[[Any], Plain] | None = None


@dataclass(frozen=True)
class Contender:
    """A row of the table. `make(vector)` gives the Operation, or None when the row has no such
    operation (a read-only class cannot build). `cannot` names vectors the contender cannot
    handle the same way, with the reason the table prints instead of a time."""

    name: str
    kind: str  # "parse" or "build"
    make: Callable[[Vector], Operation | None]
    note: str = ""
    cannot: dict[str, str] = field(default_factory=dict)


# -- pkttools and the generated class ---------------------------------------------------------
def _pkttools_parse(v: Vector) -> Operation:
    proto = pkttools.protocol(v.protocol)
    return Operation(lambda: pkttools.parse(proto, v.data),
                     lambda pkt: adapters.from_pkttools(pkt.to_dict()))


def _pkttools_parse_dict(v: Vector) -> Operation:
    proto = pkttools.protocol(v.protocol)
    return Operation(lambda: pkttools.parse(proto, v.data).to_dict(), adapters.from_pkttools)


def ro_body(v: Vector) -> tuple[type, bytes]:
    """The packet's read-only class and the bytes it reads (the body, without opcode/header)."""
    pkt = pkttools.parse(v.protocol, v.data, strict=True)
    body = next(s for s in pkt.spans() if s.path == (pkt.protocol.body_field,))
    return pkt.type.cls("ro"), v.data[body.start:body.end]


def _ro_class(v: Vector) -> Operation:
    cls, body = ro_body(v)
    proto = pkttools.protocol(v.protocol)
    ptype = pkttools.parse(proto, v.data).type

    def plain(obj: Any) -> Plain:  # pkttools' own conversion of the bare object
        packet = pkttools.Packet(proto, ptype, obj, None, v.data, b"")
        return adapters.from_pkttools(packet.to_dict())

    return Operation(lambda: cls(Stream(body)), plain)  # the stream pkttools reads with


def _pkttools_build(verify: bool) -> Callable[[Vector], Operation]:
    def make(v: Vector) -> Operation:
        proto = pkttools.protocol(v.protocol)
        plain = pkttools.parse(proto, v.data).to_dict()
        return Operation(lambda: pkttools.build(proto, plain, verify=verify))
    return make


def _pkttools_general_build(v: Vector) -> Operation:
    """build as PKTTOOLS_FAST=0 runs it: the general builder (codec/builder.py) alone, so the
    row beside shows what the compiled writers gain."""
    proto = pkttools.protocol(v.protocol)
    plain = pkttools.parse(proto, v.data).to_dict()

    def run() -> bytes:
        enabled, writer.ENABLED = writer.ENABLED, False
        try:
            return pkttools.build(proto, plain)
        finally:
            writer.ENABLED = enabled

    return Operation(run)


# -- struct, Construct, Scapy -----------------------------------------------------------------
def _struct_parse(v: Vector) -> Operation:
    return Operation(lambda: struct_codecs.parse(v.protocol, v.data),
                     lambda r: adapters.from_struct(v.protocol, r))


def _struct_build(v: Vector) -> Operation:
    parsed = struct_codecs.parse(v.protocol, v.data)
    return Operation(lambda: struct_codecs.build(v.protocol, parsed))


def _construct_parse(v: Vector) -> Operation:
    compiled = construct_defs.COMPILED[v.protocol]
    return Operation(lambda: compiled.parse(v.data),
                     lambda r: adapters.from_construct(v.protocol, r))


def _construct_build(v: Vector) -> Operation:
    compiled = construct_defs.COMPILED[v.protocol]
    parsed = compiled.parse(v.data)
    return Operation(lambda: compiled.build(parsed))


def _scapy_parse(v: Vector) -> Operation:
    root = scapy_layers.ROOTS[v.protocol]
    return Operation(lambda: root(v.data), lambda r: adapters.from_scapy(v.protocol, r))


def _scapy_build(v: Vector) -> Operation:
    values = scapy_layers.values_of(scapy_layers.parse(v.protocol, v.data))
    return Operation(lambda: scapy_layers.build(v.protocol, values))


PARSE = [
    Contender("struct (hand-written)", "parse", _struct_parse,
              "precompiled struct.Struct runs; enum names, text decoding, specs' checks"),
    Contender("Kaitai ro class, body only", "parse", _ro_class,
              "the generated read-only class on the body bytes: no dispatch, no Packet"),
    Contender("pkttools.parse", "parse", _pkttools_parse,
              "dispatch + ro class; value instances stay lazy"),
    Contender("pkttools.parse + to_dict", "parse", _pkttools_parse_dict,
              "plain data with value instances, as the CLI's JSON"),
    Contender("Construct .compile()", "parse", _construct_parse,
              "root Struct + Switch on the opcode; no value instances"),
    Contender("Scapy", "parse", _scapy_parse,
              "bind_layers dispatch; keeps enum numbers, checks no `valid` rule"),
]
BUILD = [
    Contender("struct (hand-written)", "build", _struct_build,
              "from its own parse result; lengths and counts recomputed"),
    Contender("pkttools.build", "build", _pkttools_build(True),
              "from to_dict() plain data: derive, check, write, parse back and compare"),
    Contender("pkttools.build, verify=False", "build", _pkttools_build(False),
              "the same without the read-back comparison"),
    Contender("pkttools.build, general builder", "build", _pkttools_general_build,
              "the same with the compiled writers off (PKTTOOLS_FAST=-writer): node tree, "
              "read-write classes"),
    Contender("Construct .compile()", "build", _construct_build,
              "from its own parsed Container; PrefixedArray/Rebuild compute counts"),
    Contender("Scapy", "build", _scapy_build,
              "new layer objects from plain values, then bytes(); lengths by FieldLenField"),
]
REFERENCE = {"parse": "pkttools.parse", "build": "pkttools.build"}
FLOOR = "struct (hand-written)"
