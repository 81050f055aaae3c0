"""Property tests: for every packet of every protocol, generated field values (edge values
included: empty and full-size text, zero and several items, every enum member and numbers
outside the enum, every switch case, optional fields present and absent) survive
build -> parse unchanged, and the bytes survive parse -> build."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import pkttools
from strategies import packet_data

PACKETS = [(proto.name, ptype.name) for proto in pkttools.protocols() for ptype in proto.packets]


@pytest.mark.parametrize("protocol, packet", PACKETS, ids=[f"{p}:{n}" for p, n in PACKETS])
def test_round_trip(protocol, packet):
    proto = pkttools.protocol(protocol)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(packet_data(proto, packet))
    def check(data):
        out = pkttools.build(protocol, data)  # verifies parse(out) against data itself
        parsed = pkttools.parse(protocol, out, strict=True)
        assert parsed.name == packet
        plain = parsed.to_dict()
        assert pkttools.build(protocol, plain) == out
        assert pkttools.parse(protocol, pkttools.build(protocol, plain)).to_dict() == plain

    check()
