"""Hostile input for the game layers (pkttools/layers/).

The contract, for any bytes in any chunks, in either direction, with or without a key and a
parse check: `feed` and `close` never raise; every byte fed comes back exactly once, in order,
as the `raw` of an item (their lengths add up to what was fed); an item has a plaintext or an
error, never both and never neither; nothing stays held after `close`; no input hangs.

Inputs: random bytes; runs of made-up frames (a salt, a small length, random body) that reach
the decryption and LZO code rather than stalling on a huge length; and mutations of the
pangcrypt-encrypted connection in tests/data/pangya/.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pkttools
from pkttools.layers import pangya

from conftest import ROOT
from fuzz.test_fuzz import FUZZ, count, watchdog

DATA = ROOT / "tests" / "data" / "pangya"
DIRECTIONS = ("client", "server")


def pangya_check(direction: str, plain: bytes) -> bool:
    try:
        pkttools.parse(f"pangya.loginservice.{direction}", plain, strict=True)
    except pkttools.PacketError:
        return False
    return True


@st.composite
def made_up_frames(draw):
    """Frames whose length field tells the truth about a short random body."""
    out = b""
    for _ in range(draw(st.integers(1, 6))):
        body = draw(st.binary(max_size=40))
        header = draw(st.sampled_from([3, 4]))  # server or client header size
        out += bytes([draw(st.integers(0, 255))]) + len(body).to_bytes(2, "little") + \
            bytes(header - 3) + body
    return out


@st.composite
def mutated_connection(draw):
    data = bytearray((DATA / f"pangcrypt_{draw(st.sampled_from(DIRECTIONS))}.bin").read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(data) - 1))
        data[pos] ^= 1 << draw(st.integers(0, 7))
    if draw(st.booleans()):
        del data[draw(st.integers(0, len(data) - 1)):]
    return bytes(data)


STREAMS = st.one_of(st.binary(max_size=600), made_up_frames(), mutated_connection())


@st.composite
def connection(draw):
    """Both directions, each cut into chunks, fed in a random interleaving."""
    feeds = []
    for direction in DIRECTIONS:
        data = draw(STREAMS)
        cuts = sorted(set(draw(st.lists(st.integers(0, len(data)), max_size=10))))
        feeds.append([(direction, data[a:b]) for a, b in zip([0] + cuts, cuts + [len(data)])])
    order = draw(st.permutations([0] * len(feeds[0]) + [1] * len(feeds[1])))
    positions = [0, 0]
    out = []
    for side in order:
        out.append(feeds[side][positions[side]])
        positions[side] += 1
    return out


def layer_contract(session: pangya.Session, feeds: list[tuple[str, bytes]]) -> None:
    count("layer pangya")
    fed = {d: b"" for d in DIRECTIONS}
    items = {d: [] for d in DIRECTIONS}
    with watchdog(f"pangya layer {feeds[:2]!r:.80}"):
        for direction, chunk in feeds:
            fed[direction] += chunk
            items[direction] += session.feed(direction, chunk)
        for direction in DIRECTIONS:
            items[direction] += session.close(direction)
    for direction in DIRECTIONS:
        assert sum(len(i.raw) for i in items[direction]) == len(fed[direction])
        assert b"".join(i.raw for i in items[direction]) == fed[direction]
        offset = 0
        for item in items[direction]:
            assert item.offset == offset
            offset += len(item.raw)
            assert (item.plain is None) != (item.error is None), item
        assert not session._held[direction]


@pytest.mark.parametrize("key", [None, 0x0B, 0x00])
@pytest.mark.parametrize("check", [None, pangya_check], ids=["no-check", "check"])
def test_pangya_layer_never_raises_and_keeps_every_byte(key, check):
    @FUZZ
    @given(connection(), st.integers(1, 40))
    def run(feeds, hold_limit):
        layer_contract(pangya.Session(key, check=check, hold_limit=hold_limit), feeds)

    run()


def test_pangya_layer_check_that_raises():
    def broken(direction, plain):
        raise RuntimeError("a check with a bug")

    @FUZZ
    @given(connection())
    def run(feeds):
        layer_contract(pangya.Session(check=broken), feeds)

    run()


# -- FFXI: one datagram at a time --------------------------------------------------------------
@st.composite
def ffxi_datagrams(draw):
    """Random datagrams, and the exchange's encrypted ones with bits flipped or cut short."""
    import exchange

    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    sender, wire, _, _ = draw(st.sampled_from(exchange.ffxi_datagrams()))
    data = bytearray(wire)
    for _ in range(draw(st.integers(0, 3))):
        data[draw(st.integers(0, len(data) - 1))] ^= 1 << draw(st.integers(0, 7))
    if draw(st.booleans()):
        del data[draw(st.integers(0, len(data))):]
    return bytes(data)


@pytest.mark.parametrize("keyed", [False, True], ids=["no-key", "key"])
def test_ffxi_layer_never_raises_and_keeps_every_byte(keyed):
    import exchange
    from pkttools.layers import ffxi

    @FUZZ
    @given(st.lists(st.tuples(st.sampled_from(DIRECTIONS), ffxi_datagrams()), max_size=6))
    def run(datagrams):
        count("layer ffxi")
        session = ffxi.Session(exchange.FFXI_KEY if keyed else None)
        with watchdog(f"ffxi layer {datagrams[:1]!r:.80}"):
            for direction, data in datagrams:
                items = session.feed(direction, data)
                assert len(items) == 1 and items[0].raw == data
                assert (items[0].plain is None) != (items[0].error is None), items[0]
            for direction in DIRECTIONS:
                assert session.close(direction) == []

    run()
