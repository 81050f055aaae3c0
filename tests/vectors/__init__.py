"""The test vectors (one module per protocol, see pkttools/publish/vectors.py) and the one helper that
checks a vector the same way everywhere (after Construct's tests).

A vector is literal bytes plus the packet name and the field values they must parse to. The
check asserts the values, that every byte was used (nothing left over), that building the
parsed data gives the same bytes, that the data survives build -> parse unchanged, and that the
Kaitai Web IDE's JavaScript parse (both bundle forms, see pkttools/publish/conformance.py) gives the
same fields.
"""

from __future__ import annotations

import os

import pkttools
from pkttools.publish.conformance import JsRunner, check_packet, report
from pkttools.publish.vectors import Vector

_runner: JsRunner | None = None


def js_runner() -> JsRunner:
    """The session's one node process, with the Web IDE bundle compiled once."""
    global _runner
    if _runner is None:
        _runner = JsRunner.start()
    return _runner


def close_js_runner() -> None:
    global _runner
    if _runner is not None:
        _runner.close()
        _runner = None


def check_js(protocol: str, data: bytes, label: str, packet: str | None = None) -> None:
    """The Web IDE's JavaScript parse of data equals pkttools' Python parse."""
    proto = pkttools.protocol(protocol)
    message = report(proto, label, packet, check_packet(js_runner(), proto, data))
    assert message is None, message


def check_vector(vector: Vector | str, data: bytes | None = None, packet: str | None = None,
                 fields: dict | None = None, frame: dict | None = None):
    """check_vector(VECTOR), or check_vector(protocol, data, packet, fields, frame=None) for a
    variant built inside a test."""
    if not isinstance(vector, Vector):
        label = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0] or "inline"
        vector = Vector(vector, label, packet, data, fields, frame)
    protocol, data = vector.protocol, vector.data
    pkt = pkttools.parse(protocol, data, strict=True)
    assert pkt.name == vector.packet
    assert pkt.trailing == b""
    assert pkt.data == data
    plain = pkt.to_dict()
    assert plain["fields"] == vector.fields
    assert plain.get("frame") == vector.frame
    assert pkt.unmatched_switches() == []
    rebuilt = pkttools.build(protocol, plain)
    assert rebuilt == data, f"rebuilt {rebuilt.hex()} != {data.hex()}"
    assert pkttools.parse(protocol, rebuilt).to_dict() == plain
    assert pkt.to_bytes() == data
    check_js(protocol, data, vector.name, vector.packet)
    return pkt
