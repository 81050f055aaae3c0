"""Every PangYa capture under examples/pangya/ parses strictly and rebuilds to its own bytes.

The protocol comes from the path (examples/pangya/<service>/<client|server>/<build>/...) and the
expected opcode from the file name, which starts with the packet id in hex (SOURCE.md).
"""

from __future__ import annotations

import pytest

import pkttools

from conftest import EXAMPLES

PANGYA_BINS = sorted((EXAMPLES / "pangya").rglob("*.bin"))


@pytest.mark.parametrize("path", PANGYA_BINS,
                         ids=[p.relative_to(EXAMPLES).as_posix() for p in PANGYA_BINS])
def test_capture_parses_strictly_and_rebuilds(path):
    service, direction = path.relative_to(EXAMPLES / "pangya").parts[:2]
    protocol = f"pangya.{service}.{direction}"
    data = path.read_bytes()
    pkt = pkttools.parse(protocol, data, strict=True)
    assert pkt.opcode == int(path.name.split("-")[0], 16)
    assert pkt.unmatched_switches() == []
    plain = pkt.to_dict()
    assert pkttools.build(protocol, plain) == data
    assert pkttools.parse(protocol, pkttools.build(protocol, plain)).to_dict() == plain
    assert pkt.to_bytes() == data


def test_all_fifteen_captures_are_found():
    # 8 server (5 x 0x0001, 0x0002, 2 x 0x0009) and 7 client captures.
    assert len(PANGYA_BINS) == 15
    assert len([p for p in PANGYA_BINS if "/server/" in p.as_posix()]) == 8
