"""Captures for the Wireshark conformance test (tests/test_wireshark.py), and what pkttools
expects tshark to find in them.

A `Capture` holds TCP conversations and UDP flows written with tests/pcapgen.py (dpkt). Each
packet is sent with its label (the vector's name, or the capture file it comes from) and the
`Packet` pkttools parses from its payload, in the order the dissector must show them; the wire
bytes may be split over several segments, several packets may share one, and a game layer may
wrap them (FlyFF frames, PangYa encryption). Conversations are written one after the other, so
conversation i is Wireshark's tcp.stream i (UDP flows: udp.stream i).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pkttools
from pkttools.codec.plain import to_plain
from pkttools.publish.wireshark_check import Expected, NoSpec, Prologue

import pcapgen


class Tcp:
    """One TCP connection to `port`; `packet` sends a payload and records what to expect."""

    def __init__(self, capture: "Capture", index: int, port: int, client_port: int):
        self.capture = capture
        self.stream = ("tcp", index)
        self.conv = pcapgen.Conversation(client=("10.0.0.2", client_port),
                                         server=("10.0.0.1", port)).handshake()

    def send(self, direction: str, wire: bytes, chunks=None) -> None:
        self.conv.send(direction, wire, chunks)

    def expect(self, direction: str, protocol: str, label: str, payload: bytes, *,
               header: dict | None = None, positions: bool = True, notes=()) -> None:
        packet = pkttools.parse(protocol, payload)
        self.capture.expected.append(Expected(self.stream, direction, protocol, label, packet,
                                              header, positions, tuple(notes)))

    def packet(self, direction: str, protocol: str, label: str, payload: bytes, *,
               wire: bytes | None = None, chunks=None, header: dict | None = None,
               positions: bool = True, notes=()) -> None:
        self.expect(direction, protocol, label, payload, header=header, positions=positions,
                    notes=notes)
        self.send(direction, payload if wire is None else wire, chunks)

    def no_spec(self, direction: str, protocol: str, label: str, payload: bytes, *,
                chunks=None, send: bool = True) -> None:
        """A packet id without a spec: pkttools' splitter steps over the length the
        dispatcher declares, and so must the dissector."""
        (item,) = pkttools.split(protocol, payload)
        assert item.packet is None and len(item.data) == len(payload), item
        self.capture.expected.append(no_spec(self.stream, direction, protocol, label, item))
        if send:
            self.send(direction, payload, chunks)

    def frames(self, start: float) -> list:
        self.conv.close()
        return self.conv.frames(start=start)


class Udp:
    """One UDP flow between a client and a server port."""

    def __init__(self, capture: "Capture", index: int, port: int, client_port: int):
        self.capture = capture
        self.stream = ("udp", index)
        self.client = ("10.0.0.2", client_port)
        self.server = ("10.0.0.1", port)
        self.datagrams: list[tuple[str, bytes]] = []

    def datagram(self, direction: str, payload: bytes) -> None:
        self.datagrams.append((direction, payload))

    def frames(self, start: float) -> list:
        out = []
        for i, (direction, payload) in enumerate(self.datagrams):
            src, dst = (self.server, self.client) if direction == "server" else \
                (self.client, self.server)
            frame = pcapgen.link_frame(pcapgen.udp_packet(src, dst, payload),
                                       pcapgen.LINK_ETHERNET)
            out.append((start + i * 0.001, frame, len(frame)))
        return out


@dataclass
class Capture:
    expected: list = field(default_factory=list)
    flows: list = field(default_factory=list)

    def tcp(self, port: int) -> Tcp:
        index = sum(isinstance(f, Tcp) for f in self.flows)
        flow = Tcp(self, index, port, 40000 + len(self.flows))
        self.flows.append(flow)
        return flow

    def udp(self, port: int) -> Udp:
        index = sum(isinstance(f, Udp) for f in self.flows)
        flow = Udp(self, index, port, 50000 + len(self.flows))
        self.flows.append(flow)
        return flow

    def write(self, path: Path) -> Path:
        frames = []
        for i, flow in enumerate(self.flows):
            frames += flow.frames(start=1_700_000_000.0 + 10 * i)
        with open(path, "wb") as out:
            pcapgen.write_pcap(out, frames)
        return path


def no_spec(stream: tuple[str, int], direction: str, protocol: str, label: str,
            frame) -> NoSpec:
    """What the dissector must show for a frame pkttools' splitter stepped over (an id
    without a spec, with its declared length)."""
    return NoSpec(stream, direction, protocol, label, frame.error.opcode, frame.data,
                  frame.error.detail)


def frame_header(protocol: str, wire: bytes) -> dict:
    """The plain header of a length-prefixed frame, as pkttools splits it."""
    (item,) = pkttools.split(protocol, wire)
    return to_plain(item.header, pkttools.protocol(protocol).registry)


def datagram(flow: Udp, protocol: str, labels: list[str], payload: bytes, *,
             wire: bytes | None = None) -> None:
    """A server datagram (plaintext `payload`, sent as `wire` when a layer encrypted it): what
    pkttools' splitter finds in the plaintext is what tshark must show."""
    from pkttools.stream.items import Frame, Prologue as SplitPrologue

    flow.datagram("server", payload if wire is None else wire)
    labels = iter(labels)
    for item in pkttools.split(protocol, payload):
        if isinstance(item, SplitPrologue):
            flow.capture.expected.append(Prologue(
                flow.stream, "server", protocol, f"datagram {len(flow.datagrams)}",
                item.name, to_plain(item.obj, pkttools.protocol(protocol).registry)))
        elif isinstance(item, Frame) and item.packet is not None:
            flow.capture.expected.append(Expected(flow.stream, "server", protocol,
                                                  next(labels), item.packet,
                                                  positions=wire is None))
