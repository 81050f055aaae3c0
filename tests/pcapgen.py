"""Synthetic captures written with dpkt: TCP conversations (handshake, data segments, FIN or
RST) whose segments the tests may reorder, repeat or drop, UDP datagrams, and writers for
pcap (both byte orders, micro- or nanoseconds, a snap length) and pcapng (several interfaces
with their own link type and timestamp resolution).

Used by the capture tests (and by bench/capture.py for its large files).
"""

from __future__ import annotations

import ipaddress
import struct
from dataclasses import dataclass, field, replace
from typing import BinaryIO, Iterable

import dpkt
from dpkt import ethernet, ip, ip6, pcapng, sll, tcp, udp

ACK, PSH, SYN, FIN, RST = tcp.TH_ACK, tcp.TH_PUSH, tcp.TH_SYN, tcp.TH_FIN, tcp.TH_RST
LINK_ETHERNET, LINK_RAW, LINK_SLL = 1, 101, 113


@dataclass
class Seg:
    """One TCP segment: who sent it, sequence number, flags, payload. `missing` bytes of the
    payload are left out of the capture, as a snap length would."""

    sender: str  # "client" or "server"
    seq: int
    flags: int
    payload: bytes = b""
    missing: int = 0


@dataclass
class Conversation:
    """A TCP connection between a client and a server, segment by segment."""

    client: tuple[str, int] = ("10.0.0.2", 40000)
    server: tuple[str, int] = ("10.0.0.1", 28000)
    isn: dict = field(default_factory=lambda: {"client": 1000, "server": 500000})
    segments: list[Seg] = field(default_factory=list)

    def __post_init__(self):
        self.next = {d: (s + 1) % (1 << 32) for d, s in self.isn.items()}

    def handshake(self) -> "Conversation":
        self.segments += [Seg("client", self.isn["client"], SYN),
                          Seg("server", self.isn["server"], SYN | ACK),
                          Seg("client", self.next["client"], ACK)]
        return self

    def send(self, sender: str, data: bytes, chunks: int | Iterable[int] | None = None
             ) -> list[Seg]:
        """Send `data` as segments of `chunks` bytes (one size, or a list of sizes)."""
        sizes = _sizes(len(data), chunks)
        out = []
        pos = 0
        for size in sizes:
            seg = Seg(sender, self.next[sender], ACK | PSH, data[pos:pos + size])
            pos += size
            self.next[sender] = (self.next[sender] + size) % (1 << 32)
            out.append(seg)
        self.segments += out
        return out

    def fin(self, sender: str) -> Seg:
        seg = Seg(sender, self.next[sender], FIN | ACK)
        self.next[sender] = (self.next[sender] + 1) % (1 << 32)
        self.segments.append(seg)
        return seg

    def close(self) -> "Conversation":
        self.fin("client")
        self.fin("server")
        return self

    def rst(self, sender: str) -> Seg:
        seg = Seg(sender, self.next[sender], RST | ACK)
        self.segments.append(seg)
        return seg

    def frames(self, link: int = LINK_ETHERNET, start: float = 1_700_000_000.0,
               step: float = 0.001) -> list[tuple[float, bytes, int]]:
        """(time, link-layer frame, original length) for each segment, in list order."""
        out = []
        for i, seg in enumerate(self.segments):
            src, dst = (self.client, self.server) if seg.sender == "client" else \
                (self.server, self.client)
            packet = tcp_packet(src, dst, seg.seq, seg.flags, seg.payload + bytes(seg.missing))
            frame = link_frame(packet, link)
            out.append((start + i * step, frame[:len(frame) - seg.missing] if seg.missing
                        else frame, len(frame)))
        return out


def _sizes(total: int, chunks) -> list[int]:
    if chunks is None:
        return [total]
    if isinstance(chunks, int):
        return [min(chunks, total - i) for i in range(0, total, chunks)]
    sizes = list(chunks)
    assert sum(sizes) == total, (sizes, total)
    return sizes


def _ip(src: str, dst: str, proto: int, payload):
    if ipaddress.ip_address(src).version == 6:
        return ip6.IP6(src=ipaddress.ip_address(src).packed, dst=ipaddress.ip_address(dst).packed,
                       nxt=proto, hlim=64, plen=len(bytes(payload)), data=payload)
    packet = ip.IP(src=ipaddress.ip_address(src).packed, dst=ipaddress.ip_address(dst).packed,
                   p=proto, ttl=64, data=payload)
    packet.len = 20 + len(bytes(payload))
    return packet


def tcp_packet(src: tuple[str, int], dst: tuple[str, int], seq: int, flags: int,
               payload: bytes) -> bytes:
    segment = tcp.TCP(sport=src[1], dport=dst[1], seq=seq, ack=0, flags=flags, win=65535,
                      data=payload)
    return bytes(_ip(src[0], dst[0], 6, segment))


def udp_packet(src: tuple[str, int], dst: tuple[str, int], payload: bytes) -> bytes:
    datagram = udp.UDP(sport=src[1], dport=dst[1], ulen=8 + len(payload), data=payload)
    return bytes(_ip(src[0], dst[0], 17, datagram))


def link_frame(packet: bytes, link: int) -> bytes:
    version = packet[0] >> 4
    etype = ethernet.ETH_TYPE_IP if version == 4 else ethernet.ETH_TYPE_IP6
    if link == LINK_ETHERNET:
        return bytes(ethernet.Ethernet(src=b"\x02\x00\x00\x00\x00\x01",
                                       dst=b"\x02\x00\x00\x00\x00\x02", type=etype,
                                       data=packet))
    if link == LINK_SLL:
        return bytes(sll.SLL(type=0, hrd=1, hlen=6, hdr=b"\x02\x00\x00\x00\x00\x01\x00\x00",
                             ethtype=etype, data=packet))
    if link == LINK_RAW:
        return packet
    raise ValueError(f"link type {link}")


# -- writers --------------------------------------------------------------------------------------
def write_pcap(out: BinaryIO, frames: Iterable[tuple[float, bytes, int]], *,
               linktype: int = LINK_ETHERNET, nano: bool = False, big_endian: bool = False,
               snaplen: int = 262144) -> None:
    """A pcap file; frames are (time, captured bytes, original length)."""
    order = ">" if big_endian else "<"
    magic = 0xA1B23C4D if nano else 0xA1B2C3D4
    out.write(struct.pack(order + "IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype))
    scale = 10**9 if nano else 10**6
    for ts, data, orig in frames:
        sec = int(ts)
        frac = int(round((ts - sec) * scale))
        out.write(struct.pack(order + "IIII", sec, frac, len(data), orig) + data)


def write_pcapng(out: BinaryIO, frames: Iterable[tuple[float, bytes, int] |
                                                  tuple[float, bytes, int, int]], *,
                 interfaces: Iterable[tuple[int, int]] = ((LINK_ETHERNET, 6),)) -> None:
    """A pcapng file; interfaces are (link type, decimal timestamp resolution); a frame may
    name its interface as a fourth element (default 0)."""
    interfaces = list(interfaces)
    out.write(bytes(pcapng.SectionHeaderBlockLE()))
    for linktype, resol in interfaces:
        opts = [pcapng.PcapngOptionLE(code=pcapng.PCAPNG_OPT_IF_TSRESOL, data=bytes([resol])),
                pcapng.PcapngOptionLE(code=pcapng.PCAPNG_OPT_ENDOFOPT)]
        out.write(bytes(pcapng.InterfaceDescriptionBlockLE(linktype=linktype, snaplen=262144,
                                                           opts=opts)))
    for frame in frames:
        ts, data, orig = frame[:3]
        iface = frame[3] if len(frame) > 3 else 0
        ticks = int(round(ts * 10 ** interfaces[iface][1]))
        block = pcapng.EnhancedPacketBlockLE(iface_id=iface, ts_high=ticks >> 32,
                                             ts_low=ticks & 0xFFFFFFFF, pkt_data=data)
        raw = bytearray(bytes(block))
        struct.pack_into("<I", raw, 24, orig)  # dpkt writes pkt_len = caplen
        out.write(bytes(raw))


def reordered(conv: Conversation, order: list[int]) -> Conversation:
    """The same conversation with its segments in another order (indices into segments)."""
    return replace(conv, segments=[conv.segments[i] for i in order])


__all__ = ["Conversation", "Seg", "write_pcap", "write_pcapng", "tcp_packet", "udp_packet",
           "link_frame", "reordered", "ACK", "PSH", "SYN", "FIN", "RST", "LINK_ETHERNET",
           "LINK_RAW", "LINK_SLL", "dpkt"]
