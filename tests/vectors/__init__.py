"""One helper that checks a test vector the same way everywhere (after Construct's tests).

A vector is literal bytes plus the packet name and the field values they must parse to. The
check asserts the values, that every byte was used (nothing left over), that building the
parsed data gives the same bytes, and that the data survives build -> parse unchanged.
"""

from __future__ import annotations

import pkttools


def check_vector(protocol: str, data: bytes, packet: str, fields: dict, frame: dict | None = None):
    pkt = pkttools.parse(protocol, data, strict=True)
    assert pkt.name == packet
    assert pkt.trailing == b""
    assert pkt.data == data
    plain = pkt.to_dict()
    assert plain["fields"] == fields
    assert plain.get("frame") == frame
    assert pkt.unmatched_switches() == []
    rebuilt = pkttools.build(protocol, plain)
    assert rebuilt == data, f"rebuilt {rebuilt.hex()} != {data.hex()}"
    assert pkttools.parse(protocol, rebuilt).to_dict() == plain
    assert pkt.to_bytes() == data
    return pkt
