"""Hostile input for every parser, splitter and builder.

The contract, for any input:
- only pkttools' own exceptions escape, and a packet error names its protocol, the field path
  and the byte offset (the packet too, once the opcode is known);
- no input hangs: a watchdog fails any single input that runs for WATCHDOG seconds (a hang
  detector, not a speed test: speed is measured in bench/);
- the splitter returns every byte fed exactly once, in order, whatever the chunking;
- memory stays bounded when a length or count field claims gigabytes.

Inputs: random bytes; mutations of every packet and stream in the seed corpus (tests and
examples) and of packets built from generated data (bit flips, truncation, extension, length
and count fields set to 0, 1, the maximum and -1); random JSON and mutated plain data for
`build`. Run longer with `HYPOTHESIS_PROFILE=fuzz-long` (see README).
"""

from __future__ import annotations

import json
import signal
import tracemalloc
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pkttools
from pkttools.codec.builder import Builder
from pkttools.stream.framing import Splitter
from pkttools.stream.items import Frame, Incomplete, Prologue, Unframed
from strategies import packet_data

from fuzz.corpus import packets, streams

WATCHDOG = 5
PROTOCOLS = [p.name for p in pkttools.protocols()]
STREAMED = [p.name for p in pkttools.protocols() if p.stream is not None]
PACKET_TYPES = [(p.name, t.name) for p in pkttools.protocols() for t in p.packets]
FUZZ = settings(deadline=None, suppress_health_check=list(HealthCheck))
tried: dict[str, int] = {}  # inputs per target, printed at the end of the run (conftest)


@contextmanager
def watchdog(what: str):
    def expired(signum, frame):
        raise AssertionError(f"{what} ran for more than {WATCHDOG} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(WATCHDOG)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def count(target: str) -> None:
    tried[target] = tried.get(target, 0) + 1


def parse_contract(protocol: str, data: bytes) -> None:
    """Parse must succeed or raise a located pkttools error; nothing else."""
    count(f"parse {protocol}")
    with watchdog(f"parse {protocol} {data[:32].hex()}"):
        try:
            pkt = pkttools.parse(protocol, data)
        except pkttools.PacketError as err:
            assert err.protocol == protocol
            assert err.offset is not None and 0 <= err.offset <= len(data), err
            assert err.path, err
            return
        # A packet that parsed converts to plain data and JSON (value instances included)
        # and rebuilds; the bytes may differ only where the spec normalises.
        plain = pkt.to_dict()
        json.dumps(plain, allow_nan=False)  # strict JSON: non-finite floats are strings
        try:
            rebuilt = pkttools.build(protocol, plain)
        except pkttools.BuildError as err:
            # Some parsed data cannot be written back by Kaitai's writer (e.g. a PangYa text
            # that fills its array with no NUL): a located error, never a wrong packet.
            assert err.protocol == protocol and err.path, err
            return
        assert pkttools.parse(protocol, rebuilt).to_dict()["fields"] == plain["fields"]


# -- mutations ----------------------------------------------------------------------------------
def length_fields(protocol: str, data: bytes) -> list[tuple[int, int, bool]]:
    """(offset, size, signed) of every length or count field of a packet, from its spans."""
    pkt = pkttools.parse(protocol, data)
    builder = Builder(pkt.protocol)
    out = []
    for span in pkt.spans():
        if span.start is None or span.bits is not None or not span.size:
            continue
        derivable = builder.derivable(span.owner)
        if span.name in derivable and span.size in (1, 2, 4, 8):
            spec = next(s for s in builder.field_specs(span.owner) if s.id == span.name)
            out.append((span.start, span.size, spec.signed))
    return out


def stream_length_fields(protocol: str, data: bytes) -> list[tuple[int, int, bool]]:
    """Length and count fields of every packet in a stream, at their stream offsets."""
    out = []
    for item in pkttools.split(protocol, data):
        if isinstance(item, Frame) and item.packet is not None:
            packet = item.packet.data
            out += [(item.packet_offset + start, size, signed)
                    for start, size, signed in length_fields(protocol, packet)]
    return out


@st.composite
def mutated(draw, seed: tuple[str, bytes], stream: bool = False):
    protocol, data = seed
    kind = draw(st.sampled_from(["flip", "truncate", "extend", "length", "splice"]))
    buf = bytearray(data)
    if kind == "flip":
        for _ in range(draw(st.integers(1, 4))):
            pos = draw(st.integers(0, len(buf) - 1))
            buf[pos] ^= 1 << draw(st.integers(0, 7))
    elif kind == "truncate":
        del buf[draw(st.integers(0, len(buf) - 1)):]
    elif kind == "extend":
        buf += draw(st.binary(min_size=1, max_size=64))
    elif kind == "splice":
        pos = draw(st.integers(0, len(buf)))
        buf[pos:pos] = draw(st.binary(min_size=1, max_size=16))
    else:
        fields = (stream_length_fields if stream else length_fields)(protocol, data)
        if fields:
            start, size, signed = draw(st.sampled_from(fields))
            top = (1 << (8 * size - (1 if signed else 0))) - 1
            value = draw(st.sampled_from([0, 1, top, -1 if signed else top, top // 2]))
            buf[start:start + size] = value.to_bytes(size, "little", signed=signed)
    return protocol, bytes(buf)


def built(protocol: str, packet: str):
    """Valid packets built from generated data: a seed for every packet type."""
    proto = pkttools.protocol(protocol)
    return packet_data(proto, packet).map(lambda d: (protocol, pkttools.build(protocol, d)))


# -- parsers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_random_bytes(protocol):
    @FUZZ
    @given(st.binary(max_size=600))
    def check(data):
        parse_contract(protocol, data)

    check()


@pytest.mark.parametrize("protocol, packet", PACKET_TYPES, ids=[f"{p}:{n}" for p, n in PACKET_TYPES])
def test_mutated_packets(protocol, packet):
    seeds = [s for s in packets() if s[0] == protocol
             and pkttools.parse(*s).name == packet]
    sources = [st.sampled_from(seeds)] if seeds else []
    sources.append(built(protocol, packet))

    @FUZZ
    @given(st.one_of(*sources).flatmap(mutated))
    def check(case):
        parse_contract(*case)

    check()


def test_counts_claiming_gigabytes_stay_small():
    """A count or length of 2**31 or more over a few bytes: a clean error, little memory."""
    cases = []
    for protocol, data in packets():
        for start, size, signed in length_fields(protocol, data):
            if size >= 2:
                huge = (1 << (8 * size - (1 if signed else 0))) - 1
                buf = bytearray(data)
                buf[start:start + size] = huge.to_bytes(size, "little", signed=signed)
                cases.append((protocol, bytes(buf)))
    assert len(cases) >= 10
    tracemalloc.start()
    try:
        for protocol, data in cases:
            with watchdog(f"huge count in {protocol}"):
                with pytest.raises(pkttools.PacketError) as info:
                    pkttools.parse(protocol, data)
                assert info.value.offset is not None and info.value.path
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024, f"peak {peak} bytes"


# -- splitters ----------------------------------------------------------------------------------
def split_contract(protocol: str, data: bytes, cuts: list[int]) -> None:
    count(f"split {protocol}")
    chunks = [data[a:b] for a, b in zip([0] + cuts, cuts + [len(data)])]
    with watchdog(f"split {protocol} {data[:32].hex()}"):
        splitter = Splitter(protocol)
        items = []
        for chunk in chunks:
            items += splitter.feed(chunk)
        items += splitter.close()
    assert b"".join(i.data for i in items) == data
    offset = 0
    for item in items:
        assert item.offset == offset
        offset += len(item.data)
        assert isinstance(item, (Frame, Unframed, Incomplete, Prologue))
        error = getattr(item, "error", None)
        if error is not None:
            assert error.protocol == protocol and error.offset is not None
            assert item.offset <= error.offset <= len(data)


@st.composite
def chunked(draw, data: bytes):
    cuts = sorted(set(draw(st.lists(st.integers(0, len(data)), max_size=12))))
    return data, cuts


@pytest.mark.parametrize("protocol", STREAMED)
def test_split_random_and_mutated_streams(protocol):
    seeds = [s for s in streams() if s[0] == protocol]
    sources = [st.binary(max_size=400)]
    if seeds:
        sources.append(st.sampled_from(seeds).flatmap(lambda seed: mutated(seed, stream=True))
                       .map(lambda c: c[1]))
        sources.append(st.sampled_from([d for _, d in seeds]))

    @FUZZ
    @given(st.one_of(*sources).flatmap(chunked))
    def check(case):
        data, cuts = case
        split_contract(protocol, data, cuts)

    check()


# -- builders -----------------------------------------------------------------------------------
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=5),
    max_leaves=20)


def build_contract(protocol: str, data) -> None:
    count(f"build {protocol}")
    with watchdog(f"build {protocol}"):
        try:
            out = pkttools.build(protocol, data)
        except pkttools.PkttoolsError as err:
            if isinstance(err, pkttools.PacketError):
                assert err.protocol == protocol
            return
    pkttools.parse(protocol, out)


@st.composite
def damaged(draw, plain: dict):
    """Valid plain data with one value replaced, one key dropped or one key added."""
    data = json.loads(json.dumps(plain))
    holders = []

    def collect(node):
        if isinstance(node, dict):
            holders.append(node)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(data)
    holder = draw(st.sampled_from(holders))
    action = draw(st.sampled_from(["replace", "drop", "add"]))
    if action == "add" or not holder:
        holder[draw(st.text(max_size=8))] = draw(JSON)
    else:
        key = draw(st.sampled_from(sorted(holder)))
        if action == "drop":
            del holder[key]
        else:
            holder[key] = draw(JSON)
    return data


@pytest.mark.parametrize("protocol, packet", PACKET_TYPES, ids=[f"{p}:{n}" for p, n in PACKET_TYPES])
def test_build_damaged_and_random_data(protocol, packet):
    proto = pkttools.protocol(protocol)
    valid = packet_data(proto, packet)
    sources = [valid.flatmap(damaged), JSON,
               st.fixed_dictionaries({"packet": st.just(packet), "fields": JSON})]

    @FUZZ
    @given(st.one_of(*sources))
    def check(data):
        build_contract(protocol, data)

    check()
