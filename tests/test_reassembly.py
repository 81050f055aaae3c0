"""TCP reassembly of one direction (pkttools.capture.reassembly.HalfStream): order, retransmissions,
overlaps, gaps, wrap-around, FIN, mid-stream starts and the held-bytes bound."""

from __future__ import annotations

import random

import pytest

from pkttools.capture.reassembly import MOD, Data, Gap, HalfStream, Overlap, Stray

STREAM = bytes(range(256)) * 8  # 2048 distinct-enough bytes


def segments(data: bytes, isn: int, sizes: list[int]) -> list[tuple[int, bytes]]:
    """(seq, payload) pieces of `data`, the first byte at isn + 1."""
    out, pos = [], 0
    for size in sizes:
        out.append(((isn + 1 + pos) % MOD, data[pos:pos + size]))
        pos += size
    return out


def run(half: HalfStream, segs, **kw) -> list:
    events = []
    for seq, payload in segs:
        events += half.segment(seq, payload, **kw)
    return events


def joined(events) -> bytes:
    return b"".join(e.data for e in events if isinstance(e, Data))


def check_contiguous(events, start: int = 0) -> None:
    pos = start
    for e in events:
        if isinstance(e, Data):
            assert e.offset == pos
            pos += len(e.data)
        elif isinstance(e, Gap):
            assert e.offset == pos
            pos += e.size


def test_in_order_segments_come_out_at_once():
    half = HalfStream()
    half.syn(99)
    events = run(half, segments(STREAM[:30], 99, [10, 10, 10]))
    assert [(e.offset, len(e.data)) for e in events] == [(0, 10), (10, 10), (20, 10)]


@pytest.mark.parametrize("seed", range(20))
def test_any_order_with_duplicates_gives_the_stream_once(seed):
    rng = random.Random(seed)
    sizes = []
    while sum(sizes) < len(STREAM):
        sizes.append(min(rng.randint(1, 200), len(STREAM) - sum(sizes)))
    segs = segments(STREAM, 5000, sizes)
    segs += rng.sample(segs, len(segs) // 3)  # retransmissions
    rng.shuffle(segs)
    half = HalfStream()
    half.syn(5000)
    events = run(half, segs) + half.flush()
    assert joined(events) == STREAM
    assert not [e for e in events if not isinstance(e, Data)]
    check_contiguous(events)
    assert half.retransmitted > 0 and half.held_bytes == 0


@pytest.mark.parametrize("isn", [MOD - 1, MOD - 100, MOD - 1024, 0x7FFFFFFF])
def test_sequence_numbers_wrap_around(isn):
    segs = segments(STREAM, isn, [100] * 20 + [48])
    assert any(seq < 200 for seq, _ in segs) or isn == 0x7FFFFFFF
    rng = random.Random(isn)
    rng.shuffle(segs)
    half = HalfStream()
    half.syn(isn)
    events = run(half, segs)
    assert joined(events) == STREAM and half.next == len(STREAM)


def test_overlapping_segments_are_trimmed():
    half = HalfStream()
    half.syn(0)
    segs = [(1, STREAM[:100]), (51, STREAM[50:150]), (121, STREAM[120:130]),
            (141, STREAM[140:300])]
    events = run(half, segs)
    assert joined(events) == STREAM[:300]
    assert [e.offset for e in events] == [0, 100, 150]
    assert half.retransmitted == 50 + 10 + 10


def test_retransmission_that_differs_is_reported_and_the_first_copy_kept():
    half = HalfStream()
    half.syn(0)
    run(half, [(1, b"hello world")])
    events = half.segment(7, b"W0rld and more")
    assert isinstance(events[0], Overlap)
    assert (events[0].offset, events[0].kept, events[0].dropped) == (6, b"world", b"W0rld")
    assert isinstance(events[1], Data) and events[1].data == b" and more"


def test_differing_bytes_among_held_segments_are_reported_too():
    half = HalfStream()
    half.syn(0)
    assert half.segment(11, b"abcdef") == []  # held: bytes 10..15
    assert half.segment(13, b"XYZ") == []  # held, overlaps the first held one
    events = half.segment(1, b"0123456789")
    assert [type(e).__name__ for e in events] == ["Data", "Data", "Overlap"]
    assert joined(events) == b"0123456789abcdef"
    assert (events[2].kept, events[2].dropped) == (b"cde", b"XYZ")


def test_old_retransmissions_are_counted_not_compared():
    half = HalfStream(history=16)
    half.syn(0)
    run(half, segments(STREAM[:100], 0, [50, 50]))
    assert half.segment(1, b"\xff" * 50) == []  # older than the 16 bytes of history
    assert half.unverified == 50
    events = half.segment(1 + 90, b"\xff" * 10)  # within the history: compared
    assert isinstance(events[0], Overlap)


def test_keepalive_byte_is_not_a_conflict():
    half = HalfStream()
    half.syn(0)
    run(half, [(1, b"abc")])
    assert half.segment(3, b"\x00") == []  # one garbage byte at next - 1


def test_missing_segment_is_a_gap_when_the_stream_ends():
    half = HalfStream()
    half.syn(0)
    segs = segments(STREAM[:300], 0, [100, 100, 100])
    events = run(half, [segs[0], segs[2]])
    assert joined(events) == STREAM[:100] and half.held_bytes == 100
    events = half.flush("lost")
    assert [(type(e).__name__, e.offset) for e in events] == [("Gap", 100), ("Data", 200)]
    assert events[0].size == 100 and events[0].reason == "lost"


def test_held_bytes_past_the_bound_become_a_gap():
    half = HalfStream(max_held=250)
    half.syn(0)
    segs = segments(STREAM[:1000], 0, [100] * 10)
    events = run(half, [segs[0]] + segs[2:])  # segment 1 never comes
    gaps = [e for e in events if isinstance(e, Gap)]
    assert [(g.offset, g.size) for g in gaps] == [(100, 100)]
    assert "more than 250 bytes" in gaps[0].reason
    assert joined(events) == STREAM[:100] + STREAM[200:1000]
    check_contiguous(events)
    assert half.held_bytes == 0


def test_snaplen_cut_payload_is_a_gap_and_the_stream_goes_on():
    half = HalfStream()
    half.syn(0)
    events = half.segment(1, STREAM[:60], missing=40)
    events += half.segment(101, STREAM[100:150])
    assert [(type(e).__name__, e.offset) for e in events] == [
        ("Data", 0), ("Gap", 60), ("Data", 100)]
    assert events[1].size == 40 and "snap length" in events[1].reason


def test_no_syn_starts_at_the_first_segment():
    half = HalfStream()
    events = half.segment(123456, b"mid-stream")
    assert events == [Data(0, b"mid-stream")]
    events = half.segment(123456 - 4, b"xyz!")  # earlier than the first byte seen
    assert events == [Stray(-4, b"xyz!", events[0].reason)]
    assert "capture started" in events[0].reason


def test_data_after_fin_is_stray():
    half = HalfStream()
    half.syn(0)
    events = half.segment(1, b"last", fin=True)
    assert events == [Data(0, b"last")] and half.finished
    events = half.segment(5, b"more")
    assert [type(e).__name__ for e in events] == ["Stray"]
    assert events[0].offset == 4 and events[0].reason == "after the FIN"


def test_syn_carrying_data_starts_after_the_syn():
    half = HalfStream()
    events = half.segment(1000, b"fast open", syn=True)
    assert events == [Data(0, b"fast open")] and half.syn_seen


def test_pure_acks_change_nothing():
    half = HalfStream()
    assert half.segment(55, b"") == []
    assert half.base is None
