"""From a captured link-layer frame to a TCP segment or UDP datagram, with dpkt.

Only what reassembly needs comes out: addresses, ports, TCP sequence number and flags, the
payload, and how many payload bytes the capture did not keep (a packet cut at the snap length
leaves a hole the stream must report, not a shorter segment). Anything else (ARP, ICMP, an IP
fragment, a link type we do not know) comes back as a short reason string, which the capture
summary counts: nothing is dropped without a trace.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass

import dpkt
from dpkt import ethernet, ip, ip6, loopback, sll, sll2, tcp, udp

from .capfile import Record

# Link types (https://www.tcpdump.org/linktypes.html) and how to get at the IP packet.
LINKTYPE_NULL, LINKTYPE_ETHERNET, LINKTYPE_RAW, LINKTYPE_LOOP = 0, 1, 101, 108
LINKTYPE_LINUX_SLL, LINKTYPE_IPV4, LINKTYPE_IPV6, LINKTYPE_LINUX_SLL2 = 113, 228, 229, 276
_RAW_ALIASES = (12, 14)  # DLT_RAW's value on some BSDs and OpenBSD

_LINK_DECODERS = {
    LINKTYPE_ETHERNET: ethernet.Ethernet,
    LINKTYPE_LINUX_SLL: sll.SLL,
    LINKTYPE_LINUX_SLL2: sll2.SLL2,
    LINKTYPE_NULL: loopback.Loopback,
    LINKTYPE_LOOP: loopback.Loopback,
}

TH_FIN, TH_SYN, TH_RST, TH_ACK = tcp.TH_FIN, tcp.TH_SYN, tcp.TH_RST, tcp.TH_ACK


@dataclass(slots=True)
class Segment:
    """A TCP segment or UDP datagram. Addresses are packed (4 or 16 bytes); `missing` is the
    number of payload bytes the capture cut off after `payload`."""

    transport: str  # "tcp" or "udp"
    src: bytes
    sport: int
    dst: bytes
    dport: int
    payload: bytes
    missing: int = 0
    seq: int = 0
    flags: int = 0


def format_address(addr: bytes, port: int) -> str:
    """`192.0.2.1:28000` or `[2001:db8::1]:28000`."""
    if len(addr) == 4:
        return f"{socket.inet_ntop(socket.AF_INET, addr)}:{port}"
    return f"[{socket.inet_ntop(socket.AF_INET6, addr)}]:{port}"


def decode(record: Record) -> Segment | str:
    """The TCP/UDP segment a record carries, or why it carries none."""
    try:
        packet = _network_layer(record)
    except (dpkt.UnpackError, dpkt.NeedData) as exc:
        return f"undecodable link-layer frame ({type(exc).__name__})"
    if isinstance(packet, str):
        return packet
    cut = max(0, record.orig_len - len(record.data))
    if isinstance(packet, ip.IP):
        if packet.mf or packet.offset:
            return "IPv4 fragment (fragments are not reassembled)"
        transport = packet.data
        # A zero total length is a TCP segmentation offload capture: trust the record lengths.
        claimed = packet.len - packet.hl * 4 if packet.len else None
        src, dst = packet.src, packet.dst
    elif isinstance(packet, ip6.IP6):
        if 44 in packet.extension_hdrs:
            return "IPv6 fragment (fragments are not reassembled)"
        transport = packet.data
        claimed = None
        src, dst = packet.src, packet.dst
    else:
        return "not IP"
    if isinstance(transport, tcp.TCP):
        payload = bytes(transport.data)
        if claimed is not None:
            missing = max(0, claimed - transport.off * 4 - len(payload))
        else:
            missing = cut
        return Segment("tcp", src, transport.sport, dst, transport.dport, payload, missing,
                       transport.seq, transport.flags)
    if isinstance(transport, udp.UDP):
        payload = bytes(transport.data)
        length = transport.ulen - 8
        if 0 <= length < len(payload):  # link-layer padding after the datagram
            payload = payload[:length]
        missing = max(0, length - len(payload)) if transport.ulen else cut
        return Segment("udp", src, transport.sport, dst, transport.dport, payload, missing)
    if isinstance(transport, (bytes, bytearray)):
        proto = packet.p if isinstance(packet, ip.IP) else packet.nxt
        if proto in (6, 17):
            return f"truncated {'TCP' if proto == 6 else 'UDP'} header"
        return f"IP protocol {proto} (not TCP or UDP)"
    return f"{type(transport).__name__} (not TCP or UDP)"


def _network_layer(record: Record):
    linktype, data = record.linktype, record.data
    decoder = _LINK_DECODERS.get(linktype)
    if decoder is not None:
        frame = decoder(data)
        packet = frame.data
        if isinstance(packet, (ip.IP, ip6.IP6)):
            return packet
        return "not IP"
    if linktype in (LINKTYPE_RAW, LINKTYPE_IPV4, LINKTYPE_IPV6) + _RAW_ALIASES:
        if not data:
            return "empty packet"
        version = data[0] >> 4
        if version == 4:
            return ip.IP(data)
        if version == 6:
            return ip6.IP6(data)
        return f"IP version {version}"
    return f"link type {linktype} (not supported)"
