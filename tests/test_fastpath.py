"""The generated header readers (kaitai_gen/fast.py) parse exactly as the dispatchers do.

Every packet in the seed corpus, and each of them cut at every length, gives the same plain
data, or the same error class, field path and offset, with and without the fast path."""

from __future__ import annotations

import pytest

import pkttools
from pkttools.model.registry import default_registry

from fuzz.corpus import packets

SEEDS = packets()


def outcome(protocol, data):
    try:
        pkt = pkttools.parse(protocol, data)
    except pkttools.PacketError as err:
        return type(err).__name__, err.path, err.offset, err.packet
    return pkt.to_dict(), pkt.data, pkt.trailing


def slow_outcome(monkeypatch, protocol, data):
    proto = default_registry().protocol(protocol)
    with monkeypatch.context() as patch:
        patch.setitem(proto.__dict__, "fast_reader", None)
        return outcome(protocol, data)


def test_every_protocol_with_a_plain_header_has_a_reader():
    readers = {p.name for p in pkttools.protocols() if p.fast_reader is not None}
    assert readers == {p.name for p in pkttools.protocols()}


@pytest.mark.parametrize("protocol, data", SEEDS, ids=[f"{p}-{i}" for i, (p, _) in
                                                        enumerate(SEEDS)])
def test_same_result_as_the_dispatcher(monkeypatch, protocol, data):
    for cut in range(len(data) + 1):
        piece = data[:cut] + (b"\x00" if cut % 7 == 3 else b"")
        assert outcome(protocol, piece) == slow_outcome(monkeypatch, protocol, piece), cut


def test_dispatcher_is_built_on_demand():
    pkt = pkttools.parse("flyff.cluster.client", next(d for p, d in SEEDS
                                                      if p == "flyff.cluster.client"))
    assert pkt._dispatcher is None
    assert pkt.to_dict()["frame"] == {"dpid": 0xFFFFFFFF}
    assert pkt._dispatcher is None  # plain data reads the header fields where the reader found them
    assert pkt.dispatcher.dpid == 0xFFFFFFFF and pkt._dispatcher is not None


def test_ffxi_header_in_plain_data_without_the_dispatcher():
    from vectors.ffxi_world_server import LOGIN_MYROOM

    pkt = pkttools.parse("ffxi.world.server", LOGIN_MYROOM.data)
    assert pkt.to_dict()["frame"] == LOGIN_MYROOM.frame
    assert pkt._dispatcher is None
