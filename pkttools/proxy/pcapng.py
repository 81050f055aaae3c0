"""The proxy's traffic as a pcapng file, as if the client had talked to the server directly.

Each proxied connection becomes one TCP connection between the client's address and the
upstream server's, with a handshake, sequence and acknowledgement numbers counted per
direction, one segment per forwarded piece (longer pieces in several), and FIN (or RST) at
the end; each proxied UDP flow, its datagrams as forwarded between the same two addresses:
what each side received, so `pkttools capture` (or Wireshark) reads the same packets the
proxy printed. Packets are raw IP (link type 101): IPv4 (or IPv6 when an end is) and TCP or
UDP headers with their checksums, packed with struct (the tests check them against dpkt);
packets the proxy changed or added carry a comment saying so.

The file is written as pcapng by hand: a section header, one interface, then an enhanced
packet block per segment, flushed as connections end and closed complete by `close()`.
Records are numbered whether or not a file is written, so the proxy's rows carry the record
numbers the file has (or would have).
"""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
import zlib
from typing import BinaryIO

LINKTYPE_RAW = 101
SEGMENT = 60000  # payload bytes per segment at most (an IP packet holds 65535)
_SHB, _IDB, _EPB = 0x0A0D0D0A, 0x00000001, 0x00000006
_BYTE_ORDER_MAGIC = 0x1A2B3C4D
_OPT_COMMENT, _OPT_USERAPPL, _OPT_END = 1, 4, 0
SYN, FIN, RST, PSH, ACK = 0x02, 0x01, 0x04, 0x08, 0x10  # TCP flags


def _option(code: int, value: bytes) -> bytes:
    pad = -len(value) % 4
    return struct.pack("<HH", code, len(value)) + value + b"\0" * pad


def _block(kind: int, body: bytes) -> bytes:
    length = 12 + len(body)
    return struct.pack("<II", kind, length) + body + struct.pack("<I", length)


class Recorder:
    """Numbers the records of the proxy's traffic and, given a file, writes them."""

    def __init__(self, path: str | None = None, *, application: str = "pkttools proxy"):
        self.records = 0
        self.out: BinaryIO | None = None
        if path is not None:
            self.out = open(path, "wb")
            options = _option(_OPT_USERAPPL, application.encode()) + _option(_OPT_END, b"")
            self.out.write(_block(_SHB, struct.pack("<IHHq", _BYTE_ORDER_MAGIC, 1, 0, -1)
                                  + options))
            self.out.write(_block(_IDB, struct.pack("<HHI", LINKTYPE_RAW, 0, 0)))
            self.out.flush()

    def write(self, time: float, packet: bytes, comment: str | None = None) -> int:
        """One record; its number."""
        self.records += 1
        if self.out is not None:
            stamp = int(round(time * 1_000_000))
            options = b"" if comment is None else \
                _option(_OPT_COMMENT, comment.encode()) + _option(_OPT_END, b"")
            pad = -len(packet) % 4
            self.out.write(_block(_EPB, struct.pack("<IIIII", 0, stamp >> 32, stamp & 0xFFFFFFFF,
                                                    len(packet), len(packet))
                                  + packet + b"\0" * pad + options))
        return self.records

    def flush(self) -> None:
        if self.out is not None:
            self.out.flush()

    def close(self) -> None:
        if self.out is not None:
            self.out.close()
            self.out = None

    def connection(self, client: tuple[str, int], server: tuple[str, int]) -> "TcpTrace":
        return TcpTrace(self, client, server)

    def flow(self, client: tuple[str, int], server: tuple[str, int]) -> "UdpTrace":
        return UdpTrace(self, client, server)


def _packed(host: str, v6: bool) -> bytes:
    addr = ipaddress.ip_address(host.split("%", 1)[0])
    if v6 and addr.version == 4:
        addr = ipaddress.IPv6Address(f"::ffff:{addr}")
    if not v6 and isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    return addr.packed


class _Ends:
    """The two addresses of a proxied connection or flow, and IP packets between them."""

    def __init__(self, recorder: Recorder, client: tuple[str, int], server: tuple[str, int]):
        self.recorder = recorder
        hosts = [ipaddress.ip_address(h.split("%", 1)[0]) for h in (client[0], server[0])]
        self.v6 = any(isinstance(a, ipaddress.IPv6Address) and not a.ipv4_mapped
                      for a in hosts)
        self.ends = {"client": (_packed(client[0], self.v6), client[1]),
                     "server": (_packed(server[0], self.v6), server[1])}

    def _ends(self, direction: str) -> tuple[tuple[bytes, int], tuple[bytes, int]]:
        return self.ends[direction], self.ends["server" if direction == "client" else "client"]

    def _ip(self, src: bytes, dst: bytes, protocol: int, segment: bytes,
            checksum_at: int) -> bytes:
        """`segment` (a TCP or UDP header and payload) in an IP packet, the segment's
        checksum (over the pseudo-header) written at `checksum_at`."""
        if self.v6:
            pseudo = src + dst + struct.pack(">IxxxB", len(segment), protocol)
            ip = struct.pack(">IHBB", 6 << 28, len(segment), protocol, 64) + src + dst
        else:
            pseudo = src + dst + struct.pack(">xBH", protocol, len(segment))
            header = struct.pack(">BBHHHBBH", 0x45, 0, 20 + len(segment), 0, 0x4000, 64,
                                 protocol, 0) + src + dst
            ip = header[:10] + struct.pack(">H", checksum(header)) + header[12:]
        value = checksum(pseudo + segment)
        if protocol == socket.IPPROTO_UDP and value == 0:
            value = 0xFFFF  # UDP: zero means "no checksum"
        return ip + segment[:checksum_at] + struct.pack(">H", value) + segment[checksum_at + 2:]


class UdpTrace(_Ends):
    """One proxied UDP flow in the file: a datagram per datagram forwarded."""

    def datagram(self, direction: str, time: float, payload: bytes,
                 comment: str | None = None) -> int:
        """A datagram `direction` sent (the other side received); its record number."""
        if self.recorder.out is None:  # only numbered: nothing to build
            return self.recorder.write(time, b"")
        (src, sport), (dst, dport) = self._ends(direction)
        udp = struct.pack(">HHHH", sport, dport, 8 + len(payload), 0) + payload
        return self.recorder.write(time, self._ip(src, dst, socket.IPPROTO_UDP, udp, 6),
                                   comment)


class TcpTrace(_Ends):
    """One proxied connection in the file: client and server addresses, and the next
    sequence number of each direction."""

    def __init__(self, recorder: Recorder, client: tuple[str, int], server: tuple[str, int]):
        super().__init__(recorder, client, server)
        # Initial sequence numbers: any will do; distinct per connection and direction.
        base = zlib.crc32(repr((client, server)).encode()) | 1
        self.seq = {"client": base, "server": (base * 7919) & 0xFFFFFFFF}
        self.finished = {"client": False, "server": False}
        self.ended = False

    def open(self, time: float) -> None:
        """The handshake: SYN, SYN-ACK, ACK."""
        self._segment("client", time, SYN, b"", ack=False)
        self.seq["client"] += 1
        self._segment("server", time, SYN | ACK, b"")
        self.seq["server"] += 1
        self._segment("client", time, ACK, b"")

    def data(self, direction: str, time: float, payload: bytes,
             comment: str | None = None) -> int:
        """Bytes `direction` sent (the other side received); the number of the last record."""
        record = self.recorder.records
        for at in range(0, len(payload), SEGMENT):
            piece = payload[at:at + SEGMENT]
            record = self._segment(direction, time, PSH | ACK, piece, comment=comment)
            self.seq[direction] = (self.seq[direction] + len(piece)) & 0xFFFFFFFF
        return record

    def fin(self, direction: str, time: float) -> None:
        """`direction` has sent everything."""
        if self.finished[direction] or self.ended:
            return
        self.finished[direction] = True
        self._segment(direction, time, FIN | ACK, b"")
        self.seq[direction] = (self.seq[direction] + 1) & 0xFFFFFFFF
        if all(self.finished.values()):
            self.ended = True
            self.recorder.flush()

    def reset(self, direction: str, time: float) -> None:
        """`direction` reset the connection."""
        if not self.ended:
            self._segment(direction, time, RST | ACK, b"")
            self.ended = True
            self.recorder.flush()

    def _segment(self, direction: str, time: float, flags: int, payload: bytes, *,
                 ack: bool = True, comment: str | None = None) -> int:
        if self.recorder.out is None:  # only numbered: nothing to build
            return self.recorder.write(time, b"")
        peer = "server" if direction == "client" else "client"
        (src, sport), (dst, dport) = self._ends(direction)
        tcp = struct.pack(">HHIIBBHHH", sport, dport, self.seq[direction],
                          self.seq[peer] if ack else 0, 5 << 4, flags, 65535, 0, 0)
        return self.recorder.write(time, self._ip(src, dst, socket.IPPROTO_TCP, tcp + payload,
                                                  16), comment)


def checksum(data: bytes) -> int:
    """The Internet checksum (RFC 1071) of `data`: the ones' complement of the ones'
    complement sum of its 16-bit words. Summed in the machine's byte order, which gives the
    same sum byte-swapped (RFC 1071, 2(B)), then swapped back."""
    if len(data) % 2:
        data += b"\0"
    total = sum(memoryview(data).cast("H"))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    total = ~total & 0xFFFF
    return total if sys.byteorder == "big" else ((total & 0xFF) << 8) | (total >> 8)
