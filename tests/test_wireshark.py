"""The generated Wireshark dissector (pkttools/publish/wireshark.py) against pkttools itself.

Every test vector (tests/vectors/) and every capture in the repository (examples/,
tests/data/pangya/) is written into pcap files (tests/wscaptures.py, with pcapgen's dpkt
writer), and the real TMW sessions (tests/data/tmw/) are read as they are: TCP conversations on the services' default ports (and one on another port with
Decode As), packets split across segments and several in one segment, FlyFF's length-prefixed
frames, PangYa's encrypted transport (made by pkttools' layer, and pangcrypt's bytes), FFXI's
datagrams. Debian's tshark dissects each capture once with the plugin (`-T pdml`), and every
PDU is compared with `pkttools.parse` of the same bytes, field by field, offsets and sizes
included (pkttools/publish/wireshark_check.py). A mismatch names protocol, packet, vector and
field. Then: TMW ids without a spec (stepped over by their declared lengths) and ids nobody
declares (the direction stops, as pkttools' splitter stops), bad data as expert info, damaged
and random bytes without a Lua error, the FFXI session key's steps, bit fields Wireshark masks
cannot show, a construct the generator does not translate, comparisons that must fail,
the README's example session, and every expression form the Lua translation knows, run by
tshark's Lua against pkttools' own evaluator.
"""

from __future__ import annotations

import random
import shlex
import subprocess
import time

from pathlib import Path

import pytest

import pkttools
from pkttools.layers import ffxi as ffxi_layer
from pkttools.layers import pangya as pangya_layer
from pkttools.publish import wireshark
from pkttools.publish.vectors import load
from pkttools.publish.wireshark_check import (Expected, Comparer, conformance, dissect, shown_text,
                                              tshark)
from pkttools.stream.items import Frame

from conftest import EXAMPLES, NOTES, ROOT
from wscaptures import Capture, datagram, frame_header, no_spec

needs_tshark = pytest.mark.skipif(
    tshark() is None, reason="tshark is not installed: Debian's tshark (Wireshark 4.0, Lua 5.2; "
    "setup.sh installs it when run as root) runs the generated dissector")

VECTORS = load()
SERVICES = ["tmw.login", "tmw.char", "tmw.map", "flyff.cluster", "pangya.loginservice",
            "ffxi.world"]
TMW_PORTS = {"tmw.login": (6901, 16901), "tmw.char": (6122,), "tmw.map": (5122,)}
STATS: dict[str, tuple[int, int, float]] = {}


def vectors(protocol):
    return [v for v in VECTORS if v.protocol == protocol]


@pytest.fixture(scope="module")
def plugin(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wireshark")
    generated = wireshark.generate()
    return generated, wireshark.write(generated, folder), folder


def run(plugin, capture, name, *, options=(), decode_as=(), two_pass=False):
    generated, path, folder = plugin
    pcap = capture.write(folder / f"{name}.pcap")
    started = time.perf_counter()
    pdus, stderr = dissect(path, pcap, [s.abbr for s in generated.services], options=options,
                           decode_as=decode_as, two_pass=two_pass)
    seconds = time.perf_counter() - started
    assert "Lua" not in stderr, stderr
    return pdus, seconds


def check(plugin, capture, name, **kwargs):
    pdus, seconds = run(plugin, capture, name, **kwargs)
    protocols = {p.name: p for p in pkttools.protocols()}
    messages, comparer = conformance(plugin[0], pdus, capture.expected, protocols)
    assert not messages, "\n".join(messages)
    packets = sum(1 for e in capture.expected if hasattr(e, "packet") or hasattr(e, "opcode"))
    STATS[name] = (packets, comparer.fields_compared, seconds)
    return pdus


def chunking(i, data):
    """Segment sizes that vary with the packet: whole, 3-byte pieces, two halves."""
    return [None, 3, [len(data) // 2, len(data) - len(data) // 2]][i % 3] if len(data) > 1 \
        else None


# -- the services ---------------------------------------------------------------------------------

def tmw_capture(service="tmw.login"):
    capture = Capture()
    for port in TMW_PORTS[service]:  # the default port (and for login one Decode As maps)
        conv = capture.tcp(port)
        client, server = vectors(f"{service}.client"), vectors(f"{service}.server")
        for v in client:
            conv.packet("client", v.protocol, v.name, v.data, chunks=chunking(len(v.name), v.data))
        pending = []  # every third pair of server packets shares one segment
        for i, v in enumerate(server):
            conv.expect("server", v.protocol, v.name, v.data)
            pending.append(v.data)
            if i % 3 != 1 or i == len(server) - 1:
                joined = b"".join(pending)
                conv.send("server", joined, chunking(i, joined))
                pending = []
    return capture


@needs_tshark
def test_tmw_login_every_vector(plugin):
    check(plugin, tmw_capture(), "tmw.login", decode_as=["tcp.port==16901,tmw_login"])


@needs_tshark
@pytest.mark.parametrize("service", ["tmw.char", "tmw.map"])
def test_tmw_char_and_map_every_vector(plugin, service):
    check(plugin, tmw_capture(service), service)


class RealCapture:
    """A capture file of the repository, and what pkttools reads in it: each packet (and each
    frame of an id without a spec, stepped over by its declared length) at its connection's
    tcp.stream (numbered as Wireshark numbers them: by first frame, over every TCP flow of the
    file) and direction."""

    def __init__(self, path):
        from pkttools.capture.capfile import open_capture
        from pkttools.capture.netdecode import decode, format_address

        self.path = path
        streams: dict = {}
        for record in open_capture(path):
            seg = decode(record)
            if not isinstance(seg, str) and seg.transport == "tcp":
                key = frozenset([format_address(seg.src, seg.sport),
                                 format_address(seg.dst, seg.dport)])
                streams.setdefault(key, len(streams))
        label = path.relative_to(ROOT).as_posix()
        self.expected = []
        for i in pkttools.read_capture(path):
            stream = ("tcp", streams[frozenset([i.connection.client, i.connection.server])])
            where = f"{label} record {i.record}"
            if i.packet is not None:
                self.expected.append(Expected(stream, i.direction, i.protocol, where, i.packet))
            elif isinstance(i.content, Frame) and i.content.error is not None:
                self.expected.append(no_spec(stream, i.direction, i.protocol, where, i.content))

    def write(self, path):
        return self.path


TMW_CAPTURES = sorted((ROOT / "tests" / "data" / "tmw").glob("*.pcapng"))


@needs_tshark
@pytest.mark.parametrize("path", TMW_CAPTURES, ids=lambda p: p.stem)
def test_tmw_real_sessions(plugin, path):
    capture = RealCapture(path)
    assert len(capture.expected) > 150
    check(plugin, capture, path.stem)


# -- ids without a spec: stepped over by their declared length; an id nobody declares ---------

MAP_SERVER = {v.name: v for v in vectors("tmw.map.server")}
# Ids of tmwAthena's protocol without a spec here, with the lengths the dispatcher declares
# (ksy/tmw/map/server/index.ksy, -pkttools-packet-lengths)
NO_SPEC_FIXED = bytes.fromhex("a200 01020304")  # 0x00a2: 6 bytes
NO_SPEC_VARIABLE = bytes.fromhex("9600 0900 68656c6c6f")  # 0x0096: the u2 at 2 says 9
NO_SPEC_BARE = bytes.fromhex("7d00")  # 0x007d: 2 bytes, the id alone


@needs_tshark
def test_tmw_ids_without_a_spec_are_stepped_over_by_their_declared_length(plugin):
    hp, hold = MAP_SERVER["player_hp"].data, MAP_SERVER["hold"].data
    capture = Capture()
    conv = capture.tcp(5122)
    conv.no_spec("server", "tmw.map.server", "0x00a2 alone", NO_SPEC_FIXED)
    conv.packet("server", "tmw.map.server", "player_hp", hp)
    conv.no_spec("server", "tmw.map.server", "0x0096 in 3-byte segments", NO_SPEC_VARIABLE,
                 chunks=3)  # its length field arrives in two pieces
    conv.no_spec("server", "tmw.map.server", "0x007d in halves", NO_SPEC_BARE, chunks=1)
    # several in one segment, the last one cut across the next segment
    for label, data in (("0x0096 shared", NO_SPEC_VARIABLE), ("0x00a2 shared", NO_SPEC_FIXED)):
        conv.no_spec("server", "tmw.map.server", label, data, send=False)
    conv.expect("server", "tmw.map.server", "hold shared", hold)
    conv.no_spec("server", "tmw.map.server", "0x007d shared", NO_SPEC_BARE, send=False)
    joined = NO_SPEC_VARIABLE + NO_SPEC_FIXED + hold + NO_SPEC_BARE
    conv.send("server", joined, [len(joined) - 1, 1])
    conv.packet("server", "tmw.map.server", "player_hp after them", hp)
    pdus = check(plugin, capture, "tmw.map no spec")
    assert [p.element.get("showname") for p in pdus][:3] == [
        "tmw.map (pkttools), server: (no spec) 0x00a2", "tmw.map (pkttools), server: player_hp",
        "tmw.map (pkttools), server: (no spec) 0x0096"]
    assert pdus[0].experts == [("tmw_map.no_spec", "opcode 0x00a2 has no spec in "
                                "tmw.map.server (its declared length, 6 bytes, steps over it)")]
    assert (pdus[0].find("packet_id"), pdus[0].find("no_spec_body")) == ("0x00a2",
                                                                         "01:02:03:04")


@needs_tshark
@pytest.mark.parametrize("two_pass", [False, True], ids=["one pass", "two passes"])
def test_an_id_nobody_declares_stops_the_direction_as_pkttools_splitter_does(plugin, two_pass):
    hp = MAP_SERVER["player_hp"].data
    walk = {v.name: v for v in vectors("tmw.map.client")}["walk_request"].data
    capture = Capture()
    conv = capture.tcp(5122)
    server = [hp, hp + bytes.fromhex("9999 0102"), hp]  # three segments; 0x9999: nobody's
    conv.send("server", server[0])
    conv.send("server", server[1])
    conv.send("client", walk)  # the other direction goes on
    conv.send("server", server[2])
    other = capture.tcp(5122)  # so do other connections; here an impossible declared length
    impossible = [bytes.fromhex("9600 0200") + hp, hp]  # 0x0096 "variable": 2 < 4
    for segment in impossible:
        other.send("server", segment)
    pdus, _ = run(plugin, capture, "tmw.map stop", two_pass=two_pass)
    assert [(p.frame, p.stream[1], p.direction, p.packet or p.element.get("showname"))
            for p in pdus] == [
        (4, 0, "server", "player_hp"), (5, 0, "server", "player_hp"),
        (5, 0, "server", "tmw.map (pkttools), server: unknown 0x9999"),
        (6, 0, "client", "walk_request"),
        (7, 0, "server", "tmw.map (pkttools), server: not dissected"),
        (13, 1, "server", "tmw.map (pkttools), server: unknown 0x0096"),
        (14, 1, "server", "tmw.map (pkttools), server: not dissected")]
    assert experts(pdus) == [
        (5, "server", "unknown_opcode", "no tmw.map.server packet has opcode 39321 (0x9999)"),
        (7, "server", "stopped", "not dissected: in frame 5 the end of a packet could not be "
         "found (unknown 0x9999), so this direction stops there, as pkttools' splitter does"),
        (13, "server", "invalid", "packet id 0x0096 declares the impossible length 2, so the "
         "next packet cannot be found"),
        (14, "server", "stopped", "not dissected: in frame 13 the end of a packet could not "
         "be found (unknown 0x0096), so this direction stops there, as pkttools' splitter "
         "does")]
    # pkttools' splitter: the packets before, then the rest of the direction unframed, which
    # is what the dissector leaves undissected after the id it cannot step over
    def raw(pdu, name):
        return next((e.get("value") for e in pdu.element.iter("field")
                     if e.get("name") == f"tmw_map.{name}"), "")

    for stream, segments, packets in ((0, server, 2), (1, impossible, 0)):
        items = pkttools.split("tmw.map.server", segments)
        assert [type(i).__name__ for i in items] == ["Frame"] * packets + ["Unframed"]
        assert "".join(raw(p, "packet_id") + raw(p, "undissected") for p in pdus
                       if p.stream[1] == stream and p.direction == "server"
                       and p.packet is None) == items[-1].data.hex()


def flyff_capture():
    capture = Capture()
    conv = capture.tcp(28000)
    for direction in ("server", "client"):
        protocol = f"flyff.cluster.{direction}"
        for i, v in enumerate(vectors(protocol)):
            header = {"header_checksum": 0x2A93612C + i, "data_checksum": 0xB1F1CE6A - i} \
                if direction == "client" else None
            wire = pkttools.build_frame(protocol, pkttools.parse(protocol, v.data).to_dict(),
                                        header=header)
            conv.packet(direction, protocol, v.name, v.data, wire=wire,
                        chunks=chunking(i, wire), header=frame_header(protocol, wire))
    return capture


@needs_tshark
def test_flyff_cluster_every_vector_in_frames(plugin):
    check(plugin, flyff_capture(), "flyff.cluster")


def pangya_capture():
    capture = Capture()
    client = vectors("pangya.loginservice.client")
    server = vectors("pangya.loginservice.server")
    # 1. plaintext payloads, as pkttools parses them (the transport preference's "auto"
    #    takes a server stream that does not start with a hello as plaintext). A client login
    #    ends in padding that runs to the end of its segment: client packets go alone.
    conv = capture.tcp(10101)
    for i in range(max(len(client), len(server))):
        if i < len(client):
            conv.packet("client", client[i].protocol, client[i].name, client[i].data)
        if i < len(server):
            v = server[i]
            conv.packet("server", v.protocol, v.name, v.data, chunks=chunking(i, v.data))
    # 2. every capture of examples/, plaintext
    conv = capture.tcp(10101)
    for path in sorted(EXAMPLES.rglob("*.bin")):
        direction = path.relative_to(EXAMPLES).parts[2]
        conv.packet(direction, f"pangya.loginservice.{direction}",
                    path.relative_to(ROOT).as_posix(), path.read_bytes())
    # 3. the encrypted transport: the hello, then every vector encrypted by pkttools' layer
    #    (server payloads LZO1X-compressed), salts from a fixed seed
    rng = random.Random(18)
    conv = capture.tcp(10101)
    hello = bytes.fromhex("0000 0b000000 75270000")  # key 0x0b, server id 10101
    conv.packet("server", "pangya.loginservice.server", "hello frame", hello,
                wire=pangya_layer.frame_hello(hello))
    for i in range(max(len(client), len(server))):
        if i < len(client):
            v = client[i]
            wire = pangya_layer.encrypt_client(v.data, 0x0B, rng.randrange(256))
            conv.packet("client", v.protocol, v.name, v.data, wire=wire,
                        chunks=chunking(i, wire), positions=False)
        if i < len(server):
            v = server[i]
            wire = pangya_layer.encrypt_server(v.data, 0x0B, rng.randrange(256))
            conv.packet("server", v.protocol, v.name, v.data, wire=wire,
                        chunks=chunking(i + 1, wire), positions=False)
    # 4. tests/data/pangya: the same payloads encrypted by pangcrypt (its README); what
    #    pkttools' layer decrypts from them
    conv = capture.tcp(10101)
    for direction, chunk in (("server", 100), ("client", 50)):
        name = f"tests/data/pangya/pangcrypt_{direction}.bin"
        wire = (ROOT / name).read_bytes()
        session = pangya_layer.Session()
        items = session.feed(direction, wire) + session.close(direction)
        for n, item in enumerate(items):
            assert item.plain is not None, item.error
            conv.expect(direction, f"pangya.loginservice.{direction}", f"{name} frame {n}",
                        item.plain, positions=item.offset == 0 and direction == "server")
        conv.send(direction, wire, chunk)
    return capture


@needs_tshark
def test_pangya_loginservice_plaintext_encrypted_and_captures(plugin):
    check(plugin, pangya_capture(), "pangya.loginservice")


def pangya_without_hello_capture(salts=()):
    """A connection the capture joins after the hello (key 0x0b): a client frame first, then
    both directions in turn, the first frames in one segment each, then chunked; the first
    frames take `salts`, the others random ones. What pkttools' layer makes of the same frames
    in the same order is expected, its notes included (the frame after which it knows the
    key, frames that read the same under every key still possible)."""
    capture = Capture()
    conv = capture.tcp(10101)
    client = vectors("pangya.loginservice.client")
    server = vectors("pangya.loginservice.server")
    rng = random.Random(21)

    def parses(direction, plain):
        try:
            pkttools.parse(f"pangya.loginservice.{direction}", plain, strict=True)
        except pkttools.PacketError:
            return False
        return True

    session = pangya_layer.Session(check=parses)
    decoded = {"client": {}, "server": {}}  # by stream offset: a held frame comes out later
    sent = []
    for i in range(max(len(client), len(server))):
        for direction, found in (("client", client), ("server", server)):
            if i < len(found):
                v = found[i]
                seal = (pangya_layer.encrypt_client if direction == "client"
                        else pangya_layer.encrypt_server)
                salt = salts[len(sent)] if len(sent) < len(salts) else rng.randrange(256)
                wire = seal(v.data, 0x0B, salt)
                sent.append((direction, v, wire, chunking(i, wire) if i else None))
                for x in session.feed(direction, wire):
                    decoded[direction][x.offset] = x
    for direction in decoded:
        decoded[direction].update((x.offset, x) for x in session.close(direction))
    offsets = {"client": 0, "server": 0}
    for direction, v, wire, chunks in sent:
        item = decoded[direction][offsets[direction]]
        offsets[direction] += len(wire)
        assert item.plain == v.data, item
        conv.packet(direction, v.protocol, v.name, v.data, wire=wire, chunks=chunks,
                    positions=False, notes=[item.note] if item.note else [])
    assert session.key == 0x0B, session.notes
    return capture


@needs_tshark
@pytest.mark.parametrize("options", [[], ["pangya_loginservice.transport:encrypted"]],
                         ids=["auto", "encrypted"])
def test_pangya_without_its_hello_the_dissector_finds_the_key_by_trial(plugin, options):
    """Two passes (as Wireshark's GUI shows a loaded file): every frame with the key the
    connection gave, as pkttools reads the capture; the frame that settled it says so."""
    capture = pangya_without_hello_capture()
    pdus = check(plugin, capture, "pangya.loginservice without hello", options=options,
                 two_pass=True)
    found = [m for _, _, x, m in experts(pdus) if x == "layer_note" and "by trial" in m]
    assert found == ["key 0x0b found by trial after 1 frame(s)"]


@needs_tshark
def test_pangya_without_its_hello_in_one_pass(plugin):
    """One pass (tshark's default): frames whose salt (0 or 1) carries no key information read
    the same under every key and are shown at once, with a note, as pkttools' layer shows
    them; the first frame that tells the key finds it."""
    pdus = check(plugin, pangya_without_hello_capture(salts=(0, 1, 1, 0)),
                 "pangya.loginservice without hello, one pass")
    notes = [m for _, _, x, m in experts(pdus) if x == "layer_note"]
    assert notes == 4 * ["key not known yet (0x00-0x0f): the frame reads the same under "
                         "0x00-0x0f"] + ["key 0x0b found by trial after 5 frame(s)"]


@needs_tshark
def test_pangya_a_frame_two_keys_read_differently_waits_for_the_key(plugin):
    """Salt 3's check byte fits keys 0x0b and 0x0d, and an unknown opcode parses under
    neither: one pass cannot read that frame and says why; the next frame (salt 2, key 0x0b
    alone) finds the key, and two passes read both."""
    capture = Capture()
    conv = capture.tcp(10101)
    first = pangya_layer.encrypt_client(bytes.fromhex("ffff 0000 00"), 0x0B, 3)
    second = pangya_layer.encrypt_client(bytes.fromhex("0300 ea4e0000"), 0x0B, 2)  # select_server
    conv.send("client", first)
    conv.send("client", second)
    options = ["pangya_loginservice.transport:encrypted"]
    pdus, _ = run(plugin, capture, "pangya ambiguous", options=options)
    assert [(x, m) for _, _, x, m in experts(pdus)] == [
        ("layer", "key not known yet: the frame reads differently under 0x0b, 0x0d; dissect "
                  "in two passes (tshark -2) or set the Key preference"),
        ("layer_note", "key 0x0b found by trial after 2 frame(s)")]
    pdus, _ = run(plugin, capture, "pangya ambiguous 2", options=options, two_pass=True)
    assert [(x, m) for _, _, x, m in experts(pdus)] == [
        ("unknown_opcode", "no pangya.loginservice.client packet has opcode 65535 (0xffff)"),
        ("layer_note", "key 0x0b found by trial after 2 frame(s)")]
    # pkttools' layer holds the first frame until the second tells the key
    session = pangya_layer.Session()
    assert session.feed("client", first) == [] and session.candidates == {0x0B, 0x0D}
    held, found = session.feed("client", second)
    assert (held.plain, held.note) == (bytes.fromhex("ffff 0000 00"), None)
    assert found.note == "key 0x0b found by trial after 2 frame(s)"


FFXI_HEADER = bytes.fromhex("3412 3300 00000000 80f0fa65 000102030405060708090a0b0c0d0e0f")
SESSION_KEY = bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f000112233")


def ffxi_capture(key=None):
    """The FFXI vectors in datagrams; encrypted by pkttools' layer when a session key is
    given."""
    capture = Capture()
    flow = capture.udp(54230)
    server = {v.name: v for v in vectors("ffxi.world.server")}
    end = bytes(4)  # a packet of size 0: the end marker
    for names, tail in ((["login_myroom"], b""),
                        (["group_list2_short", "group_list2_full"], end),
                        (["group_list2_no_nul"], end + b"\x01\x02")):
        payload = FFXI_HEADER + b"".join(server[n].data for n in names) + tail
        wire = None if key is None else ffxi_layer.encrypt_datagram(payload, key)
        datagram(flow, "ffxi.world.server", names, payload, wire=wire)
    flow.datagram("client", FFXI_HEADER + bytes.fromhex("0a 2e 01 00"))  # no client specs
    return capture


@needs_tshark
def test_ffxi_world_datagrams(plugin):
    pdus = check(plugin, ffxi_capture(), "ffxi.world")
    client = [p for p in pdus if p.direction == "client"]
    assert [p.element.get("showname") for p in client] == [
        "ffxi.world (pkttools), client: no specs for this direction"]


@needs_tshark
def test_ffxi_world_encrypted_datagrams(plugin):
    # The same datagrams, Blowfish-encrypted and compressed by pkttools' layer; the session key
    # is the protocol's preference.
    check(plugin, ffxi_capture(SESSION_KEY), "ffxi.world encrypted",
          options=[f"ffxi_world.session_key:{SESSION_KEY.hex()}"])


@needs_tshark
def test_ffxi_session_key_steps_on_after_packet_0x00b(plugin):
    capture = Capture()
    flow = capture.udp(54230)
    myroom = {v.name: v for v in vectors("ffxi.world.server")}["login_myroom"].data
    logout = bytes.fromhex("0b02 0000")  # packet 0x00B (no spec yet), one 4-byte word
    after = ffxi_layer.next_session_key(SESSION_KEY)
    flow.datagram("server", ffxi_layer.encrypt_datagram(FFXI_HEADER + logout, SESSION_KEY))
    flow.datagram("server", ffxi_layer.encrypt_datagram(FFXI_HEADER + myroom, after))
    flow.datagram("server", ffxi_layer.encrypt_datagram(FFXI_HEADER + myroom, SESSION_KEY))
    flow.datagram("server", ffxi_layer.encrypt_datagram(FFXI_HEADER + myroom, b"\x01" * 20))
    flow.datagram("server", ffxi_layer.encrypt_datagram(FFXI_HEADER + myroom[:100], after))
    pdus, _ = run(plugin, capture, "ffxi steps",
                  options=[f"ffxi_world.session_key:{SESSION_KEY.hex()}"])
    assert [(p.frame, p.packet) for p in pdus if p.packet] == [(2, "login"), (3, "login"),
                                                               (5, "login")]
    assert experts(pdus) == [
        (1, "server", "layer_note", "packet 0x00B: the session key steps on"),
        (1, "server", "unknown_opcode", "no ffxi.world.server packet has opcode 11 (0xb)"),
        (3, "server", "layer_note", "decrypted with the previous session key"),
        (4, "server", "layer", "MD5 mismatch after decrypting: wrong key or corrupt datagram "
                               "(tried the current, next and previous session keys)"),
        (5, "server", "truncated", "needs 256 bytes, only 96 left")]
    assert [p.find("layer.session_key") for p in pdus if p.find("layer") is not None] == [
        SESSION_KEY.hex(), after.hex(), SESSION_KEY.hex(), None, after.hex()]


def test_every_vector_and_capture_is_compared(plugin):
    makers = {"tmw.login": tmw_capture, "tmw.char": lambda: tmw_capture("tmw.char"),
              "tmw.map": lambda: tmw_capture("tmw.map"), "flyff.cluster": flyff_capture,
              "pangya.loginservice": pangya_capture, "ffxi.world": ffxi_capture}
    compared = {e.label for s in SERVICES for e in makers[s]().expected}
    compared |= {e.label.split(" record ")[0] for path in TMW_CAPTURES
                 for e in RealCapture(path).expected}
    assert {p.relative_to(ROOT).as_posix() for p in TMW_CAPTURES} <= compared
    assert {v.name for v in VECTORS} <= compared
    examples = {p.relative_to(ROOT).as_posix() for p in EXAMPLES.rglob("*.bin")}
    assert examples <= compared
    assert any(label.startswith("tests/data/pangya/pangcrypt_client.bin") for label in compared)


def test_statistics_note():
    if STATS:
        total = [sum(s[i] for s in STATS.values()) for i in range(3)]
        NOTES.append(f"wireshark: {total[0]} packets and {total[1]} fields compared with tshark "
                     f"in {len(STATS)} runs, {total[2]:.1f} s of tshark ("
                     + ", ".join(f"{name}: {p} packets, {f} fields, {t:.2f} s"
                                 for name, (p, f, t) in STATS.items()) + ")")


# -- bad data: expert info, never a Lua error -----------------------------------------------------

def experts(pdus):
    """(frame, direction, expert name without the service, message) of every PDU."""
    return [(p.frame, p.direction, name.split(".", 1)[1], message)
            for p in pdus for name, message in p.experts]


@needs_tshark
def test_bad_data_is_expert_info(plugin):
    capture = Capture()
    pong = vectors("flyff.cluster.server")[2].data  # 14000000 e8030000: pong, time 1000
    assert pkttools.parse("flyff.cluster.server", pong).name == "pong"
    # TMW: a `valid` rule fails (update host length 2, below 4) and the rest of
    # the segment cannot be placed; a client opcode no packet has
    tmw = capture.tcp(6901)
    tmw.send("server", bytes.fromhex("6300 0200") + bytes.fromhex("8100 02"))
    tmw.send("client", bytes.fromhex("9999 0102"))
    # FlyFF: a frame whose pong lacks two bytes, then a good one; a pong with
    # two bytes after it; a frame whose magic is not 0x5E; a frame header cut short
    flyff = capture.tcp(28000)
    flyff.send("server", bytes.fromhex("5e 06000000") + pong[:6] + bytes.fromhex("5e 08000000")
               + pong)
    flyff.send("server", bytes.fromhex("5e 0a000000") + pong + b"\xaa\xbb")
    flyff.send("server", bytes.fromhex("5f 08000000") + pong)
    # PangYa: the hello, need_set_nickname whose unused field is not ffffffff
    # (a contents rule), a login status without a case (the response is absent, as in
    # pkttools), a frame whose check byte does not fit the key
    pangya = capture.tcp(10101)
    pangya.send("server", pangya_layer.frame_hello(bytes.fromhex("0000 0b000000 75270000")))
    pangya.send("server", pangya_layer.encrypt_server(bytes.fromhex("0100 d9 fffffffe"), 0x0B,
                                                      0x44))
    pangya.send("server", pangya_layer.encrypt_server(bytes.fromhex("0100 01"), 0x0B, 0x45))
    bad = bytearray(pangya_layer.encrypt_client(bytes.fromhex("0400"), 0x0B, 0x44))
    bad[4] ^= 0xFF
    pangya.send("client", bytes(bad))
    # FFXI: without a session key, a datagram whose packets do not chain to its
    # end (here a login packet cut short) cannot be told from an encrypted one
    ffxi = capture.udp(54230)
    myroom = {v.name: v for v in vectors("ffxi.world.server")}["login_myroom"].data
    ffxi.datagram("server", bytes(28) + myroom[:100])
    pdus, _ = run(plugin, capture, "bad")
    found = experts(pdus)
    by_kind = {}
    for frame, direction, kind, message in found:
        by_kind.setdefault(kind, []).append((direction, message))
    assert by_kind["invalid"] == [
        ("server", "got 2, which is less than the minimum 4"),
        ("server", "contents: expected 5e, got 5f"),
        ("server", "contents: expected ffffffff, got fffffffe")]
    assert by_kind["unknown_opcode"] == [
        ("client", "no tmw.login.client packet has opcode 39321 (0x9999)")]
    assert by_kind["truncated"] == [("server", "needs 4 bytes, only 2 left")]
    assert by_kind["trailing_bytes"] == [("server", "2 bytes after the end of the packet")]
    assert by_kind["layer"] == [
        ("client", "check byte 0xa5 does not fit key 11 with salt 0x44 (expects 0x5a)"),
        ("server", "its packets do not chain to its end: encrypted (set the session_key "
                   "preference to decrypt it) or damaged")]
    assert by_kind["no_case"] == [("server", "response: no case for 1")]
    assert set(by_kind) == {"invalid", "unknown_opcode", "truncated", "trailing_bytes", "layer",
                            "no_case"}
    # the pong after the cut one is dissected as usual, and so is the one before its trailing
    # bytes
    pongs = [p for p in pdus if p.packet == "pong"]
    assert [p.find("pong.time") for p in pongs] == [None, "1000", "1000"]


@needs_tshark
@pytest.mark.parametrize("chunks", [None, 7], ids=["one segment", "7-byte segments"])
def test_flyff_a_bad_frame_header_is_skipped_to_the_next_magic_byte(plugin, chunks):
    """As pkttools' splitter does: the bytes from a header that does not parse to the next
    0x5E are not a frame, and the frames after them are dissected."""
    pong = vectors("flyff.cluster.server")[2].data
    good = bytes.fromhex("5e 08000000") + pong
    data = bytes.fromhex("5f 08000000") + pong + good + bytes.fromhex("010203") + good
    capture = Capture()
    capture.tcp(28000).send("server", data, chunks)
    pdus, _ = run(plugin, capture, "flyff resync")
    items = pkttools.split("flyff.cluster.server", data)
    assert [type(i).__name__ for i in items] == ["Unframed", "Frame", "Unframed", "Frame"]
    assert [p.packet for p in pdus if p.packet] == ["pong", "pong"]
    # what the PDUs that are not a pong show (the byte read as the magic, then the rest as
    # undissected) is what pkttools reports unframed, byte for byte
    skipped = "".join(e.get("value") for p in pdus if not p.packet
                      for e in p.element.iter("field")
                      if e.get("name") in ("flyff_cluster.frame.header.magic",
                                           "flyff_cluster.undissected"))
    assert skipped == (items[0].data + items[2].data).hex()
    assert {x for _, _, x, _ in experts(pdus)} == {"invalid"}


@needs_tshark
def test_a_packet_cut_by_the_end_of_the_capture_is_truncated(plugin):
    # Without TCP reassembly the dissector cannot wait for the rest: it says so.
    capture = Capture()
    tmw = capture.tcp(6901)
    data = {v.name: v for v in vectors("tmw.login.server")}["login_data_one"].data
    tmw.send("server", data[:30])
    pdus, _ = run(plugin, capture, "cut", options=["tcp.desegment_tcp_streams:FALSE"])
    assert experts(pdus) == [
        (4, "server", "truncated", "needs 24 bytes, only 10 left (the captured data ends "
                                   "inside the packet)")]


# -- what the generator does not translate -----------------------------------------------------

SCRAMBLED = """\
meta:
  id: toy_login_server_03_scrambled
  title: Toy login, server 0x03 Scrambled
  ks-version: '0.11'
  endian: le
doc: A packet with a field the dissector cannot read (`process`).
seq:
  - id: first
    type: u1
    doc: Read as usual.
  - id: secret
    size: 2
    process: xor(0x55)
    doc: XORed with 0x55.
  - id: last
    type: u1
    doc: After the scrambled bytes.
"""


KEYED = """\
meta:
  id: toy_login_server_04_keyed
  title: Toy login, server 0x04 Keyed
  ks-version: '0.11'
  endian: le
doc: A sized switch whose key may have no case.
seq:
  - id: kind
    type: u1
    doc: Which value follows.
  - id: value
    size: 2
    type:
      switch-on: kind
      cases:
        1: u2
    doc: A u2 for kind 1; the two bytes as they are for other kinds.
"""


BITS = """\
meta:
  id: toy_login_server_05_bits
  title: Toy login, server 0x05 Bits
  ks-version: '0.11'
  endian: le
  bit-endian: be
doc: Bit fields that Wireshark masks cannot show.
seq:
  - id: head
    type: b4
    doc: The high half of a byte; the low half is left for the next field.
  - id: nibbles
    type: nibbles
    doc: A user type whose first bits are the rest of the byte head began.
  - id: wide
    type: b40le
    doc: 40 bits, least significant first.
  - id: flag
    type: b1le
    doc: The lowest bit of the next byte.
  - id: rest
    type: b7le
    doc: Its other seven bits.
  - id: maybe
    type: b12
    if: head == 5
    doc: 12 bits when head is 5; the four bits after them are dropped by tail.
  - id: tail
    type: u1
    doc: A byte-aligned field after the bits.
instances:
  sum:
    value: wide + nibbles.low
    doc: A value computed from a 40-bit field.
types:
  nibbles:
    seq:
      - id: low
        type: b4
        doc: A bit run that starts inside a byte.
      - id: after
        type: u1
        doc: The next whole byte.
"""


@pytest.fixture(scope="module")
def user_spec_folder(tmp_path_factory):
    """The toy specs, and a cache the tests share: the set is compiled once."""
    root = tmp_path_factory.mktemp("user-specs")
    folder = root / "specs" / "toy" / "login" / "server"
    folder.mkdir(parents=True)
    (folder / "03.ksy").write_text(SCRAMBLED)
    (folder / "04.ksy").write_text(KEYED)
    (folder / "05.ksy").write_text(BITS)
    return root


@pytest.fixture
def user_specs(user_spec_folder, monkeypatch):
    monkeypatch.setenv("PKTTOOLS_CACHE", str(user_spec_folder / "cache"))
    monkeypatch.delenv("PKTTOOLS_SPECS", raising=False)
    pkttools.use_specs([ROOT / "tests" / "data" / "user-specs", user_spec_folder / "specs"])
    yield
    pkttools.use_specs([])


@needs_tshark
def test_user_specs_an_uncovered_construct_and_a_switch_without_a_case(user_specs, tmp_path):
    generated = wireshark.generate(["toy.login"])
    assert [str(n) for n in generated.notes] == [
        "toy_login_server_03_scrambled ToyLoginServer03Scrambled.secret: process is not "
        "translated"]
    path = wireshark.write(generated, tmp_path / "plugin")
    capture = Capture()
    conv = capture.tcp(7000)  # no default port: Decode As
    conv.send("server", bytes.fromhex("04 01 3412") + bytes.fromhex("04 09 3412"))
    conv.send("server", bytes.fromhex("01 0300") + bytes.fromhex("03 07 aabb 09"))
    pcap = capture.write(tmp_path / "toy.pcap")
    pdus, stderr = dissect(path, pcap, ["toy_login"], decode_as=["tcp.port==7000,toy_login"])
    assert "Lua" not in stderr
    keyed, unkeyed, welcome, scrambled = pdus
    # a sized switch: kind 1 is a u2; kind 9 has no case and keeps its two bytes
    assert (keyed.find("keyed.value"), keyed.experts) == ("4660", [])
    assert (unkeyed.find("keyed.value_raw"), unkeyed.experts) == (
        "34:12", [("toy_login.no_case", "value: no case for 9: the bytes are kept")])
    proto = pkttools.protocol("toy.login.server")
    comparer = Comparer(generated)
    assert comparer.compare(keyed, proto, pkttools.parse(proto, bytes.fromhex("04 01 3412"))) \
        == []
    unkeyed.experts = []  # expected here; the fields must still agree
    assert comparer.compare(unkeyed, proto,
                            pkttools.parse(proto, bytes.fromhex("04 09 3412"))) == []
    assert (welcome.packet, welcome.find("welcome.version")) == ("welcome", "3")
    assert (scrambled.packet, scrambled.find("scrambled.first")) == ("scrambled", "7")
    assert scrambled.experts == [("toy_login.not_covered",
                                  "not dissected: secret: process is not translated")]
    assert scrambled.find("undissected") == "aa:bb:09"


@needs_tshark
def test_bit_fields_longer_than_32_bits_or_inside_a_byte(user_specs, tmp_path):
    data = bytes.fromhex(
        "05"              # opcode: bits
        "5a"              # head 5 (high half), nibbles.low 0xa (low half)
        "33"              # nibbles.after
        "01 02 03 04 85"  # wide: 0x8504030201, little-endian bits
        "81"              # flag 1 (bit 0), rest 0x40 (bits 1-7)
        "ab cd"           # maybe 0xabc (head is 5); the low half of 0xcd is dropped
        "7f")             # tail
    proto = pkttools.protocol("toy.login.server")
    packet = pkttools.parse(proto, data)
    assert packet.to_dict()["fields"] == {
        "head": 5, "nibbles": {"low": 10, "after": 0x33}, "wide": 0x8504030201, "flag": True,
        "rest": 64, "maybe": 0xABC, "tail": 0x7F, "sum": 0x8504030201 + 10}
    # nibbles.low is the low half of byte 1, so the nibbles object starts there
    spans = {s.path[1:]: (s.start, s.size, s.bit) for s in packet.spans() if s.start is not None}
    assert (spans[("nibbles",)], spans[("nibbles", "low")]) == ((1, 2, None), (1, 1, 4))
    generated = wireshark.generate(["toy.login"])
    path = wireshark.write(generated, tmp_path / "plugin")
    capture = Capture()
    conv = capture.tcp(7000)
    without = bytes.fromhex("05 4a 33 ffffffffff fe 80")  # head 4: no maybe; 40 bits set
    conv.send("server", data + without)
    pdus, stderr = dissect(path, capture.write(tmp_path / "bits.pcap"), ["toy_login"],
                           decode_as=["tcp.port==7000,toy_login"])
    assert "Lua" not in stderr
    names = ("head", "nibbles.low", "wide", "flag", "rest", "maybe", "tail", "sum")
    assert [pdus[0].find(f"bits.{name}") for name in names] == [
        "5", "10", str(0x8504030201), "1", "64", str(0xABC), "127", str(0x8504030201 + 10)]
    assert [pdus[1].find(f"bits.{name}") for name in names] == [
        "4", "10", str(2 ** 40 - 1), "0", "127", None, "128", str(2 ** 40 - 1 + 10)]
    comparer = Comparer(generated)  # values, and positions: nibbles.low in byte 1
    assert comparer.compare(pdus[0], proto, packet) == []
    assert comparer.compare(pdus[1], proto, pkttools.parse(proto, without)) == []
    assert comparer.fields_compared > 40


# -- the comparison can fail --------------------------------------------------------------------

@needs_tshark
def test_a_wrong_value_in_the_dissector_is_named(plugin, tmp_path):
    generated, path, _ = plugin
    lua = path.read_text()
    assert lua.count('[6] = "banned_until"') == 1
    tampered = tmp_path / "tampered.lua"
    tampered.write_text(lua.replace('[6] = "banned_until"', '[6] = "banned_till"'))
    capture = tmw_capture()
    pdus, _ = dissect(tampered, capture.write(tmp_path / "tmw.pcap"), ["tmw_login"],
                      decode_as=["tcp.port==16901,tmw_login"])
    protocols = {p.name: p for p in pkttools.protocols()}
    messages, _ = conformance(generated, pdus, capture.expected, protocols)
    # both vectors with code 6, in both conversations
    assert [m.splitlines() for m in messages] == [[
        f"tmw.login.server login_error vector {vector}: the Wireshark dissector "
        f"differs (frame {frame} tmw_login server login_error):",
        "  field code: Wireshark 'code: banned_till (6)', pkttools 'banned_until (6)'"]
        for frame, vector in ((32, "login_error_banned"), (35, "login_error_full_message"),
                              (76, "login_error_banned"), (79, "login_error_full_message"))]


@needs_tshark
def test_a_packet_compared_with_another_differs_field_by_field(plugin):
    pdus = check(plugin, tmw_capture(), "tmw.login", decode_as=["tcp.port==16901,tmw_login"])
    banned = next(p for p in pdus if p.find("login_error.code") == "6")
    proto = pkttools.protocol("tmw.login.server")
    other = {v.name: v for v in vectors("tmw.login.server")}["login_error_wrong_password"]
    found = Comparer(plugin[0]).compare(banned, proto, pkttools.parse(proto, other.data))
    assert [(m.path, m.wireshark, m.pkttools) for m in found] == [
        ("code", "code: banned_until (6)", "wrong_password (1)"),
        ("message", "2026-12-31 23:59:59", "")]


THAI = "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35"  # sawatdi: shown as it is


@pytest.mark.parametrize("text, show", [
    ("plain", "plain"), ("a\x01b", "a\\x1b"), ("tab\there", "tab here"), ("cut\0here", "cut"),
    ("\x7f", "\\x7f"), (THAI, THAI)])
def test_text_as_pdml_shows_it(text, show):
    assert shown_text(text) == show


@needs_tshark
def test_ffxi_without_a_session_key_encrypted_datagrams_say_so(plugin):
    capture = Capture()
    flow = capture.udp(54230)
    myroom = {v.name: v for v in vectors("ffxi.world.server")}["login_myroom"].data
    flow.datagram("server", ffxi_layer.encrypt_datagram(FFXI_HEADER + myroom, SESSION_KEY))
    flow.datagram("server", FFXI_HEADER + myroom + bytes(4) + b"\x07")  # plaintext
    pdus, _ = run(plugin, capture, "ffxi no key")
    assert experts(pdus) == [
        (1, "server", "layer", "its packets do not chain to its end: encrypted (set the "
                               "session_key preference to decrypt it) or damaged"),
        (2, "server", "end_marker", "the stream's end marker"),
        (2, "server", "trailing_bytes", "1 bytes after the end marker")]
    assert [p.packet for p in pdus if p.packet] == ["login"]


# -- the README's example --------------------------------------------------------------------------

def readme_example():
    """The README's tshark session: [(command, expected output lines)]."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("```text\n$ tshark -X lua_script:build/wireshark/pkttools.lua")
    block = text[start + len("```text\n"):text.index("```", start + 8)]
    session: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            session.append((line[2:], []))
        else:
            session[-1][1].append(line)
    return session


@needs_tshark
def test_the_readme_example_is_what_tshark_prints(tmp_path):
    folder = tmp_path / "build" / "wireshark"
    wireshark.write(wireshark.generate(), folder)
    capture = tmw_capture()
    capture.flows = capture.flows[:1]  # the conversation on the default port
    capture.write(tmp_path / "login.pcap")
    (tmp_path / "tests" / "data").mkdir(parents=True)
    (tmp_path / "tests" / "data" / "tmw").symlink_to(ROOT / "tests" / "data" / "tmw")
    session = readme_example()
    assert len(session) == 4
    for command, expected in session:
        args = shlex.split(command)
        done = subprocess.run([tshark()] + args[1:], cwd=tmp_path, capture_output=True,
                              text=True, encoding="utf-8", timeout=60)
        while expected and not expected[-1]:
            expected = expected[:-1]
        assert done.stdout.rstrip("\n").splitlines() == expected, command


# -- the command -----------------------------------------------------------------------------------

def test_the_command_writes_the_plugin_and_says_what_it_holds(tmp_path, capsys):
    from pkttools.cli import main

    assert main(["wireshark", "tmw.login", "ffxi.world.server", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["tmw_login: tmw.login (client, server; 6901/tcp)",
                       "ffxi_world: ffxi.world (server; 54230/udp; ffxi layer)"]
    assert out[2].startswith(f"wrote {tmp_path / 'pkttools.lua'} (")
    lua = (tmp_path / "pkttools.lua").read_text()
    assert 'PK.service("tmw.login"' in lua and 'PK.service("ffxi.world"' in lua
    assert 'PK.service("flyff.cluster"' not in lua
    assert main(["wireshark", "no.such", "--out", str(tmp_path)]) == 2
    assert "unknown service 'no.such'" in capsys.readouterr().err


@needs_tshark
def test_random_and_damaged_bytes_never_make_a_lua_error(plugin):
    # Every service gets random bytes and damaged vectors (bits flipped, cut, extended, lengths
    # and counts set to extremes), both directions, as segments and datagrams; with the keys set
    # so that the layers run too. Whatever the bytes, tshark must dissect them without a Lua
    # error and without the dissector's own error (dissector_error). Packets that delimit
    # themselves (TMW, plaintext PangYa): after a payload pkttools' splitter does not cut into
    # whole packets, the direction has stopped (or waits for the rest), so the next one goes on
    # a new connection. FlyFF payloads go in frames (the header's length fits the damaged body)
    # and PangYa's encrypted ones in frames of the transport, after a hello or without one (the
    # key by trial); raw damaged bodies end each, skipped to the next magic byte or not framed.
    # (tmw.char and tmw.map vectors get two of the damages each, to keep the run short.)
    rng = random.Random(1818)
    capture = Capture()
    ports = {"tmw.login": 6901, "tmw.char": 6122, "tmw.map": 5122, "flyff.cluster": 28000,
             "pangya.loginservice": 10101}
    hello = pangya_layer.frame_hello(bytes.fromhex("0000 0b000000 7527 0000"))

    def framed(service, direction, data):
        if service == "flyff.cluster":
            checksum = bytes(4) if direction == "client" else b""
            return b"\x5e" + checksum + len(data).to_bytes(4, "little") + checksum + data
        seal = pangya_layer.encrypt_client if direction == "client" else \
            pangya_layer.encrypt_server
        return seal(data, 0x0B, rng.randrange(256))

    for service, port in ports.items():
        layouts = {"pangya.loginservice": ["plain", "hello", "trial"],
                   "flyff.cluster": ["frames"]}.get(service, ["plain"])
        for layout in layouts:
            conv, spoilt, raw = capture.tcp(port), set(), []
            if layout == "hello":
                conv.send("server", hello)
            for v in VECTORS:
                if not v.protocol.startswith(service + "."):
                    continue
                direction = v.protocol.rsplit(".", 1)[1]
                payloads = damaged(rng, v.data)
                if service in ("tmw.char", "tmw.map"):  # 177 vectors: two damages each
                    payloads = rng.sample(payloads, 2)
                raw.append((direction, payloads[0]))
                for data in payloads:
                    if layout != "plain":
                        conv.send(direction, framed(service, direction, data),
                                  rng.choice([None, 5, 13]))
                        continue
                    if direction in spoilt:
                        conv, spoilt = capture.tcp(port), set()
                    conv.send(direction, data, rng.choice([None, 5, 13]))
                    if not all(isinstance(i, Frame) for i in pkttools.split(v.protocol, data)):
                        spoilt.add(direction)
            if layout != "plain":
                for direction, data in raw[:8]:
                    conv.send(direction, data)
    flow = capture.udp(54230)
    for v in vectors("ffxi.world.server"):
        for data in damaged(rng, v.data):
            plain = FFXI_HEADER + data
            flow.datagram("server", plain)
            flow.datagram("server", ffxi_layer.encrypt_datagram(plain, SESSION_KEY))
    pdus, stderr = run(plugin, capture, "damaged",
                       options=[f"ffxi_world.session_key:{SESSION_KEY.hex()}"])
    assert len(pdus) > 1000
    found = {e[2] for e in experts(pdus)}
    assert "dissector_error" not in found
    assert {"truncated", "invalid", "unknown_opcode", "no_spec", "stopped", "trailing_bytes",
            "bad_text", "layer", "no_case"} <= found
    assert "key 0x0b found by trial after 1 frame(s)" in {m for *_, m in experts(pdus)}
    assert {p.service for p in pdus if p.packet} == {s.replace(".", "_") for s in SERVICES}


def damaged(rng, data):
    """The bytes of a vector damaged in the ways the fuzz tests use."""
    out = [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))]
    flipped = bytearray(data)
    for _ in range(3):
        flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
    out.append(bytes(flipped))
    out.append(data[:rng.randrange(len(data))] or data[:1])
    out.append(data + bytes(rng.randrange(256) for _ in range(5)))
    for value in (b"\x00\x00", b"\xff\xff", b"\x01\x00", b"\xff\xff\xff\x7f"):
        at = rng.randrange(len(data))
        out.append(data[:at] + value + data[at + len(value):])
    return out


# -- expressions: Lua agrees with pkttools' evaluation ----------------------------------------------

def _field(fid, kind, **attr):
    attr = {"id": fid, **({"type": kind} if kind else {}), **attr}
    return {"id": fid, "attr": attr, "enum": attr.pop("enum_key", None),
            "type": attr.pop("user", None), "cases": None}


EXPR_TYPES = {
    "t:T": {"spec": "t", "params": [], "seq": [
        _field("a", "u2"), _field("b", "u1"), _field("s", "str", size=6),
        _field("raw", None, size=4), _field("flag", "b1"),
        _field("items", "u1", repeat="expr", **{"repeat-expr": 3}),
        _field("sub", "sub", user="t:T.Sub"), _field("kind", "u1", enum="kind",
                                                    enum_key="t:T::kind")],
        "instances": [_field(None, None)]},
    "t:T.Sub": {"spec": "t", "params": [], "seq": [_field("x", "u1")], "instances": []},
}
EXPR_TYPES["t:T"]["instances"] = [{"id": "total", "attr": {"id": "total", "value": "a + b"},
                                   "enum": None, "type": None, "cases": None}]

EXPRESSIONS = [
    "a + b * 2", "a / 7", "(0 - a) / 7", "a % 7", "(0 - a) % 7", "a << 3", "a >> 2",
    "a & 0xff", "a | 1", "a ^ 0x55", "~b", "-b", "a > 5 and b < 3", "a > 5 or b < 3", "not flag",
    "flag ? 10 : 20", "b == 7 ? a : b", 's + "!"', "s.length", "raw.length", "raw[1]",
    "items.size", "items[2]", "items.first", "items.last", "items.min", "items.max",
    "sub.x + 1", "kind == kind::two", "kind != kind::one", "a.to_s", 'a.to_s + "." + b.to_s',
    '"12".to_i + 1', '"ff".to_i(16)', "total * 2", "1.5 * a", "a / 8.0", "[3, 4, 5].size",
    "flag.to_i + 1", "a >= 300 and a <= 300",
]


def shown(value) -> str:
    """A value as the Lua side prints it: numbers with 17 digits, booleans in lower case."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return "%.17g" % value
    return str(value)


@needs_tshark
def test_expressions_in_lua_agree_with_pkttools(tmp_path):
    """Each expression translated to Lua (wslua_expr.py) and run by tshark's Lua 5.2 with the
    plugin's runtime gives what pkttools' own evaluator (model/expr.py) gives for the same
    field values."""
    from types import SimpleNamespace

    from pkttools.model.expr import ObjectScope, evaluate, parse_expr
    from pkttools.model.registry import Registry
    from pkttools.publish.wslua_expr import Scope, Translator, lua_string

    registry = Registry({"types": EXPR_TYPES, "specs": {"t": {"meta": {}}}, "compiler": "-",
                         "protocols": {}, "enums": {"t:T::kind": {"values": {
                             "1": {"id": "one"}, "2": {"id": "two"}}}}})
    translator = Translator(registry, lambda owner, name: "I_total")
    values = SimpleNamespace(a=300, b=7, s="h\u00e9llo", raw=b"\x01\x02\x03\x04", flag=True,
                             items=[5, 3, 9], sub=SimpleNamespace(x=4), kind=2, total=307)

    class Enums(ObjectScope):
        def enum_value(self, enum, label):
            return {"one": 1, "two": 2}[label]

    runtime = tmp_path / "runtime.lua"
    runtime.write_text((Path(wireshark.__file__).parent / "lua" / "runtime.lua").read_text())
    lua = [f"local PK = dofile({lua_string(str(runtime))})",
           'local o = {a = 300, b = 7, s = "h\\195\\169llo", raw = "\\1\\2\\3\\4", flag = true,',
           "           items = {5, 3, 9}, sub = {x = 4}, kind = 2}",
           "local function I_total(o) return o.a + o.b end",
           "local function show(v)",
           '  if type(v) == "number" then return string.format("%.17g", v) end',
           "  return tostring(v)",
           "end"]
    expected = []
    for text in EXPRESSIONS:
        code, _ = translator.translate(text, Scope("t:T"))
        lua.append(f"print({lua_string(text)} .. '\\t' .. show({code}))")
        expected.append(f"{text}\t{shown(evaluate(parse_expr(text), Enums(values)))}")
    (tmp_path / "exprs.lua").write_text("\n".join(lua) + "\n")
    empty = tmp_path / "empty.pcap"  # a pcap header and no record: the script runs at load
    empty.write_bytes(bytes.fromhex("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000"))
    done = subprocess.run([tshark(), "-X", f"lua_script:{tmp_path / 'exprs.lua'}", "-r",
                           str(empty)], capture_output=True, text=True, encoding="utf-8")
    assert done.stdout.splitlines() == expected, done.stderr
