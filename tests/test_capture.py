"""pkttools.capture on captures written with dpkt (tests/pcapgen.py): segments out of order,
retransmitted, overlapping, lost, cut at the snap length; sequence wrap-around, connections
without SYN, resets, reused ports; link types, pcap and pcapng variants, damaged files, and
the memory bounds."""

from __future__ import annotations

import gzip
import io

import pytest

import pkttools
from pkttools.layers import pangya
from pkttools.capture.capfile import CaptureFileError
from pkttools.capture import Limits, read_capture
from pkttools.stream.items import Frame

import exchange
from conftest import EXAMPLES
from pcapgen import (ACK, LINK_ETHERNET, LINK_RAW, LINK_SLL, PSH, Conversation, Seg, link_frame,
                     reordered, tcp_packet, udp_packet, write_pcap, write_pcapng)

PACKETS = exchange.tcp_packets()
FLYFF_SERVER = b"".join(PACKETS["flyff.cluster"]["server"])
FLYFF_CLIENT = b"".join(PACKETS["flyff.cluster"]["client"])
TMW_SERVER = PACKETS["tmw.login"]["server"]


def pcap(conv_or_frames, **kw) -> io.BytesIO:
    frames = conv_or_frames.frames(**({"link": kw.pop("link")} if "link" in kw else {})) \
        if isinstance(conv_or_frames, Conversation) else conv_or_frames
    buf = io.BytesIO()
    write_pcap(buf, frames, **kw)
    buf.seek(0)
    return buf


def items_of(source, **kw):
    cap = read_capture(source, **kw)
    return cap, list(cap)


def packets(items, direction=None):
    return [i.packet.name for i in items if i.packet is not None
            and (direction is None or i.direction == direction)]


def flyff(chunks=None) -> Conversation:
    conv = Conversation().handshake()
    conv.send("server", FLYFF_SERVER, chunks)
    conv.send("client", FLYFF_CLIENT, chunks)
    return conv.close()


def test_in_order_conversation_on_the_default_port():
    cap, items = items_of(pcap(flyff(7)))
    assert packets(items, "server") == ["welcome", "pong", "character_list", "join_world"]
    assert packets(items, "client") == ["query_tick_count", "ping", "character_list_request",
                                        "pre_join"]
    conn = cap.summary.connections[0]
    assert (conn.client, conn.server, conn.service, conn.state, conn.syn_seen) == (
        "10.0.0.2:40000", "10.0.0.1:28000", "flyff.cluster", "closed", True)
    assert conn.stats["server"].bytes == len(FLYFF_SERVER)
    assert cap.summary.problems == 0 and cap.summary.done


def test_out_of_order_and_retransmitted_segments():
    conv = flyff(10)
    data = [i for i, s in enumerate(conv.segments) if s.payload]
    order = list(range(3)) + data[::-1] + data[::3] + [len(conv.segments) - 2,
                                                        len(conv.segments) - 1]
    cap, items = items_of(pcap(reordered(conv, order)))
    assert packets(items, "server") == ["welcome", "pong", "character_list", "join_world"]
    assert packets(items, "client") == ["query_tick_count", "ping", "character_list_request",
                                        "pre_join"]
    stats = cap.summary.connections[0].stats
    assert stats["server"].retransmitted_bytes + stats["client"].retransmitted_bytes > 0
    assert cap.summary.problems == 0


def test_retransmission_with_other_bytes_is_reported():
    conv = Conversation().handshake()
    first = conv.send("server", FLYFF_SERVER, 20)
    bad = Seg("server", first[1].seq, ACK | PSH, b"\xee" * 20)
    conv.segments.append(bad)
    conv.close()
    cap, items = items_of(pcap(conv))
    overlaps = [i for i in items if i.kind == "overlap"]
    assert len(overlaps) == 1 and overlaps[0].offset == 20
    assert overlaps[0].content.kept == FLYFF_SERVER[20:40]
    assert packets(items) == ["welcome", "pong", "character_list", "join_world"]
    assert cap.summary.problems == 1


def covered(items, direction):
    """Every stream byte of a direction is in exactly one item, in order."""
    pos = 0
    for item in items:
        if item.direction != direction or item.kind == "overlap":
            continue
        assert item.offset == pos, (item.kind, item.offset, pos)
        pos += item.content.size if item.kind == "gap" else len(item.content.data)
    return pos


def test_lost_segment_is_a_gap_and_splitting_resumes_after_it():
    conv = Conversation().handshake()
    segs = conv.send("server", FLYFF_SERVER, 10)
    lost = segs[3]  # inside the character list frame
    conv.segments.remove(lost)
    conv.close()
    cap, items = items_of(pcap(conv))
    kinds = [(i.kind, i.offset) for i in items if i.direction == "server"]
    assert kinds[:3] == [("frame", 0), ("frame", 13), ("incomplete", 26)]
    assert kinds[3] == ("gap", 30)
    gap = items[[i.kind for i in items].index("gap")]
    # Both FINs came, but the hole was never filled: the connection ends with the capture.
    assert (gap.content.size, gap.content.reason) == (10, "missing from the capture: never captured "
                                                    "before the capture ends")
    assert cap.summary.connections[0].state == "ended"
    assert items[2].content.reason == "a frame cut by the gap at offset 30"
    # After the gap the FlyFF splitter skips to the next 0x5E magic and goes on.
    assert packets(items)[-1] == "join_world"
    assert covered(items, "server") == len(FLYFF_SERVER)
    assert cap.summary.gaps == 1 and cap.summary.problems >= 2


def test_gap_on_a_packet_boundary_loses_only_that_packet():
    conv = Conversation(server=("10.0.0.1", 6901)).handshake()
    segs = [conv.send("server", p)[0] for p in TMW_SERVER]
    conv.segments.remove(segs[1])  # update_host never captured
    conv.close()
    cap, items = items_of(pcap(conv))
    assert [(i.kind, i.offset) for i in items] == [
        ("frame", 0), ("gap", 10), ("frame", 46)]
    assert packets(items) == ["server_version", "login_data"]


def test_sequence_numbers_wrap_around_inside_a_capture():
    conv = Conversation(isn={"client": 2**32 - 30, "server": 2**32 - 100}).handshake()
    conv.send("server", FLYFF_SERVER, 16)
    conv.send("client", FLYFF_CLIENT, 16)
    conv.close()
    assert any(s.seq < 1000 for s in conv.segments) and any(s.seq > 2**31 for s in conv.segments)
    order = list(range(len(conv.segments)))
    order[5], order[6] = order[6], order[5]
    cap, items = items_of(pcap(reordered(conv, order)))
    assert len(packets(items)) == 8 and cap.summary.problems == 0


def test_connection_without_syn_starts_mid_stream():
    conv = flyff(9)
    start = next(i for i, s in enumerate(conv.segments) if s.payload and s.sender == "server")
    late = conv.segments[start + 2:]  # the capture starts 18 bytes into the server stream
    conv.segments = late
    cap, items = items_of(pcap(conv))
    conn = cap.summary.connections[0]
    assert not conn.syn_seen
    server = [i for i in items if i.direction == "server"]
    assert server[0].kind == "unframed" and server[0].offset == 0  # the rest of a frame
    assert packets(items, "server") == ["character_list", "join_world"]
    assert conn.state == "closed"


def test_reset_closes_inside_a_frame():
    conv = Conversation().handshake()
    conv.send("server", FLYFF_SERVER[:30])
    conv.rst("client")
    cap, items = items_of(pcap(conv))
    assert [i.kind for i in items] == ["frame", "frame", "incomplete"]
    assert items[-1].content.reason == "the connection closed inside a frame"
    assert cap.summary.connections[0].state == "reset"


def test_a_reused_port_pair_is_a_new_connection():
    first = Conversation(isn={"client": 100, "server": 900}).handshake()
    first.send("server", PACKETS["flyff.cluster"]["server"][0])
    first.close()
    second = Conversation(isn={"client": 77777, "server": 55555}).handshake()
    second.send("server", PACKETS["flyff.cluster"]["server"][1])
    second.close()
    frames = first.frames() + second.frames(start=1_700_000_100.0)
    cap, items = items_of(pcap(frames))
    assert [(i.connection.id, i.packet.name) for i in items] == [(1, "welcome"), (2, "pong")]


def test_open_connection_at_the_end_of_the_capture():
    conv = Conversation().handshake()
    conv.send("server", FLYFF_SERVER[:40])
    cap, items = items_of(pcap(conv))
    assert items[-1].kind == "incomplete"
    assert items[-1].content.reason == "the capture ends inside a frame"
    assert cap.summary.connections[0].state == "ended"


def test_unmapped_connections_are_listed_not_parsed():
    conv = Conversation(server=("10.0.0.1", 8080)).handshake()
    conv.send("client", b"GET / HTTP/1.0\r\n\r\n")
    conv.close()
    cap, items = items_of(pcap(conv))
    assert items == []
    flows = list(cap.summary.unmapped_flows.values())
    assert [(f.client, f.server, f.bytes, f.records) for f in flows] == [
        ("10.0.0.2:40000", "10.0.0.1:8080", 18, 6)]
    assert cap.summary.skipped == {}
    assert "not on a known port" in cap.summary.format()


def test_port_option_maps_a_service_and_direction_comes_from_the_port():
    conv = Conversation(server=("10.0.0.1", 29000)).handshake()
    conv.send("server", FLYFF_SERVER)
    conv.close()
    _, items = items_of(pcap(conv), ports=["29000=flyff.cluster"])
    assert packets(items) == ["welcome", "pong", "character_list", "join_world"]
    assert {i.protocol for i in items} == {"flyff.cluster.server"}
    # Only the server's segments in the capture: the port still tells the direction.
    conv.segments = [s for s in conv.segments if s.sender == "server"]
    _, items = items_of(pcap(conv), ports={29000: "flyff.cluster.server"})
    assert {i.direction for i in items} == {"server"} and len(packets(items)) == 4


def test_services_option_limits_the_ports():
    _, items = items_of(pcap(flyff()), services=["tmw.login"])
    assert items == []
    with pytest.raises(pkttools.UsageError, match="unknown service 'nope'"):
        read_capture(pcap(flyff()), ports=["1=nope"])
    with pytest.raises(pkttools.UsageError, match="expected PORT=SERVICE"):
        read_capture(pcap(flyff()), ports=["28000"])
    with pytest.raises(pkttools.UsageError, match="out of range"):
        read_capture(pcap(flyff()), ports=["70000=tmw.login"])


@pytest.mark.parametrize("link", [LINK_ETHERNET, LINK_SLL, LINK_RAW])
@pytest.mark.parametrize("ipv6", [False, True])
def test_link_types_and_ipv6(link, ipv6):
    addrs = ("2001:db8::2", "2001:db8::1") if ipv6 else ("10.0.0.2", "10.0.0.1")
    conv = Conversation(client=(addrs[0], 40000), server=(addrs[1], 28000)).handshake()
    conv.send("server", FLYFF_SERVER, 50)
    conv.close()
    cap, items = items_of(pcap(conv.frames(link=link), linktype=link))
    assert len(packets(items)) == 4
    assert cap.summary.connections[0].server == ("[2001:db8::1]:28000" if ipv6
                                                 else "10.0.0.1:28000")


def test_pcapng_with_two_interfaces_of_other_link_types_and_resolutions():
    conv = flyff()
    frames = []
    for n, (ts, data, orig) in enumerate(conv.frames()):
        if n % 2:  # every other packet seen on a raw-IP interface with nanoseconds
            raw = data[14:]
            frames.append((ts, raw, len(raw), 1))
        else:
            frames.append((ts, data, orig, 0))
    buf = io.BytesIO()
    write_pcapng(buf, frames, interfaces=[(LINK_ETHERNET, 6), (LINK_RAW, 9)])
    buf.seek(0)
    cap, items = items_of(buf)
    assert cap.file.format == "pcapng" and set(cap.summary.linktypes) == {1, 101}
    assert len(packets(items)) == 8
    times = [round(i.time, 6) for i in items]
    assert times == sorted(times) and times[0] > 1_700_000_000


@pytest.mark.parametrize("variant", [dict(nano=True), dict(big_endian=True),
                                     dict(nano=True, big_endian=True)])
def test_pcap_variants(variant):
    conv = flyff()
    cap, items = items_of(pcap(conv, **variant))
    assert len(packets(items)) == 8
    assert items[0].time == pytest.approx(conv.frames()[items[0].record - 1][0], abs=1e-6)


def test_gzip_compressed_capture(tmp_path):
    path = tmp_path / "c.pcap.gz"
    path.write_bytes(gzip.compress(pcap(flyff()).getvalue()))
    cap, items = items_of(path)
    assert cap.file.compressed and len(packets(items)) == 8


def test_snap_length_cut_segments_are_gaps():
    conv = Conversation().handshake()
    segs = conv.send("server", FLYFF_SERVER, 100)
    segs[1].payload, segs[1].missing = segs[1].payload[:30], 70  # captured 30 of 100 bytes
    conv.close()
    cap, items = items_of(pcap(conv))
    gaps = [i for i in items if i.kind == "gap"]
    assert [(g.offset, g.content.size) for g in gaps] == [(130, 70)]
    assert "snap length" in gaps[0].content.reason
    assert covered(items, "server") == len(FLYFF_SERVER)


def test_udp_datagram_cut_at_the_snap_length():
    # A cut datagram cannot be decrypted (its MD5 trailer is gone): its bytes are kept as
    # unframed, then the gap says what the capture lacks.
    payload = exchange.ffxi_datagrams()[1][1]
    frame = link_frame(udp_packet(("10.0.0.1", 54230), ("10.0.0.2", 50000), payload), 1)
    cap, items = items_of(pcap([(1.0, frame[:-100], len(frame))]), keys=exchange.KEYS)
    assert [i.kind for i in items] == ["unframed", "gap"]
    assert len(items[0].content.data) == len(payload) - 100
    assert (items[1].offset, items[1].content.size) == (len(payload) - 100, 100)


def test_records_that_are_not_tcp_or_udp_are_counted():
    frag = tcp_packet(("10.0.0.2", 40000), ("10.0.0.1", 28000), 1, PSH, b"x" * 8)
    frag = frag[:6] + b"\x20\x00" + frag[8:]  # more fragments
    arp = bytes(12) + b"\x08\x06" + bytes(28)
    frames = [(1.0, link_frame(frag, 1), 70), (2.0, arp, len(arp))]
    cap, items = items_of(pcap(frames))
    assert items == [] and cap.summary.skipped == {
        "IPv4 fragment (fragments are not reassembled)": 1, "not IP": 1}


def test_truncated_file_keeps_what_came_before(tmp_path):
    data = pcap(flyff()).getvalue()
    cap, items = items_of(io.BytesIO(data[:-30]))
    assert len(packets(items)) == 8  # the cut record is the last FIN
    assert cap.file.warnings == ["the file ends inside record 7 at byte 928 of the capture, "
                                 "after record 6"]
    assert cap.summary.problems >= 1


def test_corrupt_pcapng_block_stops_with_a_warning():
    buf = io.BytesIO()
    write_pcapng(buf, flyff().frames())
    data = bytearray(buf.getvalue())
    shb_len = int.from_bytes(data[4:8], "little")
    first_epb = shb_len + int.from_bytes(data[shb_len + 4:shb_len + 8], "little")
    assert data[first_epb] == 6
    data[first_epb + 4:first_epb + 8] = b"\x07\x00\x00\x00"  # length not a multiple of 4
    cap, items = items_of(io.BytesIO(bytes(data)))
    assert items == [] and "the file is corrupt from there on" in cap.file.warnings[0]


@pytest.mark.parametrize("data, message", [
    (b"", "the file is empty"),
    (b"GIF89a....", "not a pcap or pcapng capture (it starts with 47 49 46 38"),
    (b"\xd4\xc3\xb2\xa1\x02\x00", "the pcap file header is cut short"),
])
def test_not_a_capture(data, message):
    with pytest.raises(CaptureFileError, match=message.replace("(", r"\(")):
        read_capture(io.BytesIO(data))


def test_missing_file_is_a_usage_error(tmp_path):
    with pytest.raises(pkttools.UsageError, match="no such file"):
        read_capture(tmp_path / "nope.pcap")


def test_frame_over_the_limit_is_incomplete_and_splitting_restarts():
    huge = b"\x5e" + (100_000_000).to_bytes(4, "little") + bytes(3000)
    conv = Conversation().handshake()
    conv.send("server", huge + FLYFF_SERVER, 500)
    conv.close()
    cap, items = items_of(pcap(conv), limits=Limits(max_frame=1000))
    first = items[0]
    assert first.kind == "incomplete" and "longer than 1000 bytes" in first.content.reason
    assert packets(items) == ["welcome", "pong", "character_list", "join_world"]
    assert covered(items, "server") == len(huge) + len(FLYFF_SERVER)


def test_too_many_connections_evict_the_least_recent():
    convs = [Conversation(client=("10.0.0.2", 40000 + n)).handshake() for n in range(3)]
    for conv in convs:
        conv.send("server", FLYFF_SERVER[:20])  # each ends inside a frame, still open
    frames = [f for conv in convs for f in conv.frames()]
    cap, items = items_of(pcap(frames), limits=Limits(connections=2))
    states = [c.state for c in cap.summary.connections]
    assert states == ["evicted", "ended", "ended"]
    evicted = [i for i in items if i.connection.id == 1 and i.kind == "incomplete"]
    assert "tracking of the connection stopped" in evicted[0].content.reason


def test_total_held_bytes_bound():
    conv = Conversation().handshake()
    segs = conv.send("server", FLYFF_SERVER, 20)
    conv.segments.remove(segs[0])
    cap, items = items_of(pcap(conv), limits=Limits(held_total=100))
    gap = next(i for i in items if i.kind == "gap")
    assert gap.offset == 0 and "out-of-order bytes were held in all connections" in \
        gap.content.reason
    assert covered(items, "server") == len(FLYFF_SERVER)


def test_iteration_is_lazy():
    convs = []
    for n in range(300):
        conv = Conversation(client=("10.0.0.2", 10000 + n)).handshake()
        conv.send("server", FLYFF_SERVER, 64)
        convs.append(conv.close())
    buf = pcap([f for c in convs for f in c.frames()])
    cap = read_capture(buf)
    it = iter(cap)
    first = next(it)
    assert first.packet.name == "welcome"
    assert cap.file.position < len(buf.getvalue()) / 20  # only the start was read
    assert not cap.summary.done
    rest = list(it)
    assert len(rest) == 300 * 4 - 1 and cap.summary.done
    with pytest.raises(RuntimeError, match="iterated once"):
        iter(cap)


def test_packets_and_to_dict():
    cap = pkttools.read_capture(pcap(flyff()))
    got = list(cap.packets())
    assert all(isinstance(i.content, Frame) for i in got) and len(got) == 8
    doc = got[0].to_dict()
    assert {k: doc[k] for k in ("connection", "transport", "client", "server", "service",
                                "direction", "protocol", "kind", "offset")} == {
        "connection": 1, "transport": "tcp", "client": "10.0.0.2:40000",
        "server": "10.0.0.1:28000", "service": "flyff.cluster", "direction": "server",
        "protocol": "flyff.cluster.server", "kind": "frame", "offset": 0}
    assert doc["packet"]["fields"] == {"session_id": 0x12345678}
    summary = cap.summary.to_dict()
    assert summary["totals"]["packets"] == 8 and summary["problems"] == 0


def test_bytes_after_a_stop_are_one_unframed_item():
    # TMW packets delimit themselves: after an unknown id nothing more can be split; the rest
    # of the stream, which arrives segment by segment, comes back as one item (up to 64 KiB).
    conv = Conversation(server=("10.0.0.1", 6901)).handshake()
    stream = TMW_SERVER[0] + b"\x0b\x0a" + bytes(200) + b"".join(TMW_SERVER)
    conv.send("server", stream, 16)
    conv.close()
    cap, items = items_of(pcap(conv))
    assert [(i.kind, i.offset, len(i.content.data)) for i in items] == [
        ("frame", 0, 10), ("unframed", 10, len(stream) - 10)]
    assert items[1].content.error.opcode == 0x0a0b
    assert items[1].record == 3 + 22  # the last of the 22 data segments completed it


def test_control_segments_and_late_data_of_closed_connections():
    conv = flyff()
    late = Seg("server", conv.next["server"], ACK | PSH, b"late!")  # after the server's FIN
    retx = conv.segments[3]  # a retransmission of delivered data, after the close
    conv.segments += [late, retx]
    lone = Conversation(client=("10.0.0.9", 1234))
    lone.fin("client")  # the end of a connection whose start was not captured
    cap, items = items_of(pcap(conv.frames() + lone.frames(start=1_700_000_050.0)))
    stray = [i for i in items if i.kind == "stray"]
    assert [(s.offset, s.content.data, s.content.reason) for s in stray] == [
        (len(FLYFF_SERVER) + 1, b"late!", "after the FIN")]  # the FIN takes one number
    assert len(packets(items)) == 8 and len(cap.summary.connections) == 1
    assert cap.summary.skipped == {"TCP segment without data of no tracked connection": 1}


def test_pangya_login_request_ends_with_its_frame():
    # The login request's padding runs to the end of the payload (ksy/pangya/loginservice/
    # client/0001.ksy): on the wire the payload is one encrypted frame, which the layer cuts.
    # No hello in this capture (the client side only): the key is found by trial.
    login = (EXAMPLES / "pangya/loginservice/client/GB.R7.852.00/"
             "0001-181018.1255-0000-7af0.bin").read_bytes()
    select = pkttools.build("pangya.loginservice.client",
                            {"packet": "select_server", "fields": {"server_id": 20202}})
    layer = pangya.Session(key=exchange.PANGYA_KEY)
    frames = [layer.encode("client", login, salt=0x42), layer.encode("client", select, salt=7)]
    conv = Conversation(server=("10.0.0.1", 10101)).handshake()
    wire = b"".join(frames)
    conv.send("client", wire, [5, 30, len(wire) - 35])  # segments that cut the frames
    conv.close()
    cap, items = items_of(pcap(conv))
    assert [(i.kind, i.offset, i.packet.name) for i in items] == [
        ("frame", 0, "login"), ("frame", len(frames[0]), "select_server")]
    assert any("key 0x0b found by trial" in note for note in cap.summary.connections[0].notes)
    assert items[0].packet.fields()["username"]["value"] == "john"


def test_direction_without_a_protocol_is_unparsed():
    # ffxi.world has no client protocol; mapped on a TCP port, the client's bytes come back
    # as they are, in stream order.
    conv = Conversation(server=("10.0.0.1", 5000)).handshake()
    conv.send("client", b"client bytes, no spec", [6, 15])
    conv.close()
    cap, items = items_of(pcap(conv), ports=["5000/tcp=ffxi.world"])
    assert [(i.kind, i.offset, i.content.data) for i in items] == [
        ("unparsed", 0, b"client"), ("unparsed", 6, b" bytes, no spec")]
    assert items[0].protocol is None
    assert items[0].content.reason == "ffxi.world has no client protocol: its bytes are not parsed"
    assert cap.summary.problems == 0
    assert "client not parsed, 21 B" in cap.summary.format()
