"""A real exchange, captured: servers and clients of each game service (packets written with
pkttools.build) talk over loopback in several chunkings while dumpcap records the loopback
interface to pcapng and pcap. Where dumpcap cannot capture (not installed, no permission), the
same exchange is written to pcapng and pcap with dpkt; the test session's header line says
which one ran. Either way the capture must give back exactly the packets that were sent.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

import pkttools
from pkttools.capture import read_capture
from pkttools.cli import main

import exchange
from conftest import NOTES


@pytest.fixture(scope="module", params=["live", "written"])
def recorded(tmp_path_factory, request):
    """The live capture (or its fallback), and the exchange written with dpkt on the default
    ports (so the default port table is what maps it)."""
    live = request.param == "live"
    rec = exchange.record(tmp_path_factory.mktemp("exchange"), live=live)
    if live:
        NOTES.append(f"capture exchange: {rec.mode}: {rec.note}")
    return rec


def read(rec, kind):
    cap = read_capture(rec.files[kind], ports=rec.ports, keys=exchange.KEYS)
    return cap, list(cap)


def by_connection(items):
    out = defaultdict(lambda: defaultdict(list))
    for item in items:
        out[item.connection.id][item.direction].append(item)
    return out


@pytest.mark.parametrize("kind", ["pcapng", "pcap"])
def test_every_sent_packet_comes_back_in_order(recorded, kind):
    cap, items = read(recorded, kind)
    assert cap.file.format == kind
    conns = by_connection(items)
    tcp = [c for c in cap.summary.connections if c.transport == "tcp"]
    assert [c.service for c in tcp] == [s.service for s in recorded.sessions]
    for conn, session in zip(tcp, recorded.sessions):
        assert conn.state == "closed", (conn.label, session.chunking)
        for direction, packets in session.packets.items():
            got = conns[conn.id][direction]
            proto = f"{session.service}.{direction}"
            expected = [pkttools.split(proto, p)[0].packet.to_dict() for p in packets]
            assert [i.kind for i in got] == ["frame"] * len(packets), (session.chunking, got)
            assert [i.packet.to_dict() for i in got] == expected, (conn.label, session.chunking)
            offsets = [i.offset for i in got]  # where each frame starts on the wire
            frames = session.frames[direction]
            assert offsets == [sum(len(f) for f in frames[:n]) for n in range(len(frames))]
    assert cap.summary.problems == 0, cap.summary.format()


@pytest.mark.parametrize("kind", ["pcapng", "pcap"])
def test_ffxi_datagrams_are_split_one_by_one(recorded, kind):
    cap, items = read(recorded, kind)
    udp = [c for c in cap.summary.connections if c.transport == "udp"]
    assert len(udp) == 1 and udp[0].service == "ffxi.world"
    got = [i for i in items if i.connection is udp[0]]
    client = [i for i in got if i.direction == "client"]
    assert [(i.kind, i.datagram, i.offset) for i in client] == [("unparsed", 1, 0)]
    assert client[0].content.data == recorded.datagrams[0][3]  # decrypted, kept unparsed
    server = [i for i in got if i.direction == "server"]
    assert [(i.datagram, i.kind) for i in server] == [
        (1, "prologue"), (1, "frame"), (1, "unframed"),  # the end marker: not a packet
        (2, "prologue"), (2, "frame"), (2, "frame")]
    sent = [p for sender, _, packets, _ in recorded.datagrams if sender == "server"
            for p in packets]
    assert [i.packet.to_dict() for i in server if i.kind == "frame"] == [
        pkttools.parse("ffxi.world.server", p).to_dict() for p in sent]
    assert server[2].content.reason == "after the end marker" and server[2].content.error is None
    assert [i.offset for i in server if i.datagram == 2] == [0, 0x1C, 0x1C + len(sent[1])]


def test_pcap_and_pcapng_give_the_same_items(recorded):
    def strip(items):
        # Record numbers differ by the probes before the exchange; pcap keeps microseconds
        # where dumpcap's pcapng keeps nanoseconds.
        return [{k: v for k, v in i.to_dict().items() if k not in ("time", "record")}
                for i in items]

    _, a = read(recorded, "pcapng")
    _, b = read(recorded, "pcap")
    assert strip(a) == strip(b)


def test_cli_on_the_recorded_capture(recorded, capsys):
    ports = [arg for p, s in recorded.ports.items() for arg in ("--port", f"{p}={s}")]
    keys = [arg for s, k in exchange.KEYS.items() for arg in ("--key", f"{s}={k.hex()}")]
    status = main(["capture", str(recorded.files["pcapng"]), *ports, *keys,
                   "--filter", "login_data"])
    out, err = capsys.readouterr()
    rows = out.splitlines()
    assert rows[0].split() == ["record", "time", "conn", "dir", "opcode", "packet", "summary"]
    assert len(rows) == 1 + 3 and all(" S>C 0x0069 login_data " in r for r in rows[1:])
    assert "  3  tmw.login.server login_data" in err  # the summary counts all packets
    assert "  9  pangya.loginservice.server login" in err
    assert "  3  pangya.loginservice.client select_character" in err
    assert status == 0
