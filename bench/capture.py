"""Capture throughput and memory: `python -m bench capture`.

Why: `pkttools capture` and `read_capture` must keep up with real capture files and never
hold a whole one in memory. Throughput is measured on a generated pcap of more than 100k game
packets (TCP connections of every protocol with segments of up to 1460 bytes, some
out of order and retransmitted, and FFXI datagrams), next to dpkt merely reading the same
file, so the cost of decoding, reassembly, splitting and parsing shows as a ratio. Memory is
the peak resident size of a child process that reads a generated capture of 1 GB (mostly
bulk TCP streams that cannot be split, with game packets throughout and out-of-order
segments), against 300 MB.

The files are written to a temporary folder (or --dir) and deleted afterwards.
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dpkt

import pkttools
from pkttools.capture import read_capture
from pkttools.layers import ffxi, pangya

from .timing import per_call
from .vectors import VECTORS

MSS = 1460
MEMORY_LIMIT_MB = 300
# The encrypted services are written as their games send them (pkttools/layers/): PangYa's
# LoginService opens with a hello carrying its key, FFXI's datagrams need the session key.
PANGYA_KEY = 0x0B
FFXI_KEY = bytes(range(20))
KEYS = {"ffxi.world": FFXI_KEY}


# -- a fast pcap writer (struct, no checksums: pkttools does not check them) ---------------------
class PcapWriter:
    def __init__(self, path: Path):
        self.out = open(path, "wb", buffering=1 << 20)
        self.out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        self.time = 1_700_000_000.0
        self.bytes = 24

    def packet(self, src: tuple[bytes, int], dst: tuple[bytes, int], payload: bytes, *,
               seq: int = 0, flags: int = 0x18, udp: bool = False) -> None:
        if udp:
            l4 = struct.pack(">HHHH", src[1], dst[1], 8 + len(payload), 0)
        else:
            l4 = struct.pack(">HHIIBBHHH", src[1], dst[1], seq % (1 << 32), 0, 5 << 4, flags,
                             65535, 0, 0)
        ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(l4) + len(payload), 0, 0x4000, 64,
                         17 if udp else 6, 0, src[0], dst[0])
        frame = b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01\x08\x00" + ip + l4 + payload
        self.time += 0.0001
        sec = int(self.time)
        rec = struct.pack("<IIII", sec, int((self.time - sec) * 1e6), len(frame), len(frame))
        self.out.write(rec + frame)
        self.bytes += 16 + len(frame)

    def close(self) -> None:
        self.out.close()


def _packets() -> dict[str, dict[str, list[bytes]]]:
    """Packets of each service and direction, built with pkttools from the bench vectors."""
    def framed(protocol: str, data: bytes) -> bytes:
        return pkttools.build_frame(protocol, pkttools.parse(protocol, data).to_dict())

    by_name = {v.name: v for v in VECTORS}
    ping = pkttools.build_frame("flyff.cluster.client", {
        "packet": "ping", "frame": {"dpid": 0xFFFFFFFF}, "fields": {"time": 1}},
        header={"header_checksum": 0, "data_checksum": 0})
    return {
        "flyff": {"server": [framed("flyff.cluster.server", by_name["flyff_00f3_3chars"].data),
                             pkttools.build_frame("flyff.cluster.server", {
                                 "packet": "pong", "fields": {"time": 7}})],
                  "client": [ping]},
        "tmw": {"server": [by_name["tmw_0069_3servers"].data,
                           bytes.fromhex("3175170a160001010000")],
                "client": [bytes.fromhex("3075")]},
        "pangya": {"server": [by_name["pangya_0001_success"].data, bytes.fromhex("0100da")],
                   "client": [bytes.fromhex("0300ea4e0000")]},  # select_server
        "ffxi": {"server": [by_name["ffxi_00e2"].data, by_name["ffxi_000a"].data]},
    }


PORTS = {"flyff": 28000, "tmw": 6901, "pangya": 10101}


def _tcp_connection(w: PcapWriter, rng: random.Random, n: int, kind: str, packets: dict,
                    count: int, bulk: int = 0) -> int:
    """One connection: handshake, `count` server packets (and a client packet every ten) in
    segments of up to MSS bytes, a few swapped or repeated, then `bulk` bytes the client
    sends, starting with a packet id no spec knows (reassembled, then unframed: the splitter
    stops there), then FIN both ways. Returns the number of packets pkttools will parse."""
    client = (bytes([10, 1, n >> 8 & 255, n & 255]), 20000 + n % 40000)
    server = (bytes([10, 0, 0, 1]), PORTS[kind])
    seq = {"client": rng.randrange(1 << 32), "server": rng.randrange(1 << 32)}
    ends = {"client": (client, server), "server": (server, client)}
    w.packet(client, server, b"", seq=seq["client"], flags=0x02)
    w.packet(server, client, b"", seq=seq["server"], flags=0x12)
    seq = {d: s + 1 for d, s in seq.items()}
    sent = 0
    streams = {"client": bytearray(), "server": bytearray()}
    wire = (lambda direction, packet: packet)
    if kind == "pangya":  # a hello in the clear, then every frame encrypted with its key
        layer = pangya.Session(key=PANGYA_KEY)
        wire = (lambda direction, packet: layer.encode(direction, packet,
                                                      salt=rng.randrange(256)))
        streams["server"] += layer.encode("server", pkttools.build(
            "pangya.loginservice.server", {"packet": "hello", "fields": {
                "key": PANGYA_KEY, "server_uid": n}}))
        sent += 1
    for i in range(count):
        streams["server"] += wire("server", rng.choice(packets["server"]))
        sent += 1
        if i % 10 == 0:
            streams["client"] += wire("client", rng.choice(packets["client"]))
            sent += 1
    if bulk:
        streams["client"] += b"\xff\xff" + bytes(bulk - 2)
    for direction, stream in streams.items():
        src, dst = ends[direction]
        segs = [(seq[direction] + pos, bytes(stream[pos:pos + MSS]))
                for pos in range(0, len(stream), MSS)]
        for j in range(0, len(segs) - 1, 25):  # every 25th pair arrives swapped
            segs[j], segs[j + 1] = segs[j + 1], segs[j]
        for j, (s, payload) in enumerate(segs):
            w.packet(src, dst, payload, seq=s)
            if j % 50 == 7:  # and some are retransmitted
                w.packet(src, dst, payload, seq=s)
        seq[direction] += len(stream)
    w.packet(client, server, b"", seq=seq["client"], flags=0x11)
    w.packet(server, client, b"", seq=seq["server"], flags=0x11)
    return sent


def _datagrams(w: PcapWriter, packets: dict, count: int) -> int:
    client, server = (bytes([10, 2, 0, 1]), 50000), (bytes([10, 0, 0, 1]), 54230)
    header = struct.pack("<HH4sI16s", 1, 1, bytes(4), 1_700_000_000, bytes(16))
    layer = ffxi.Session(key=FFXI_KEY)
    sent = 0
    while sent < count:
        body = b"".join(packets["server"] * 2)
        w.packet(server, client, layer.encode("server", header + body + bytes(4)), udp=True)
        sent += 4
    return sent


def write_throughput_file(path: Path, target: int = 110_000, seed: int = 1) -> int:
    """A pcap of at least `target` game packets; returns how many it holds."""
    rng = random.Random(seed)
    packets = _packets()
    w = PcapWriter(path)
    sent, n = 0, 0
    while sent < target:
        for kind in ("flyff", "tmw", "pangya"):
            sent += _tcp_connection(w, rng, n, kind, packets[kind], count=500)
            n += 1
        sent += _datagrams(w, packets["ffxi"], 100)
    w.close()
    return sent


def write_large_file(path: Path, size: int = 1 << 30, seed: int = 2) -> int:
    """A pcap of about `size` bytes: connections with game packets and 2 MB of bulk data."""
    rng = random.Random(seed)
    packets = _packets()
    w = PcapWriter(path)
    n = 0
    while w.bytes < size:
        kind = ("flyff", "tmw", "pangya")[n % 3]
        bulk = 2_000_000 if kind == "pangya" else 0
        _tcp_connection(w, rng, n, kind, packets[kind], count=300, bulk=bulk)
        n += 1
    w.close()
    return w.bytes


# -- measuring ------------------------------------------------------------------------------------
def _dpkt_read(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for _ in dpkt.pcap.Reader(f))


def _dpkt_decode(path: Path) -> int:
    n = 0
    with open(path, "rb") as f:
        for _, buf in dpkt.pcap.Reader(f):
            eth = dpkt.ethernet.Ethernet(buf)
            n += len(eth.data.data.data)
    return n


def _pkttools(path: Path) -> int:
    return sum(1 for item in read_capture(path, keys=KEYS) if item.packet is not None)


def _reassembly_only(path: Path) -> int:
    """read_capture with every protocol taken away: decoding, reassembly and the items of
    unparsed bytes, without splitting or parsing."""
    cap = read_capture(path)
    cap.portmap.protocols = lambda service: {"client": None, "server": None}
    return sum(len(item.content.data) for item in cap if item.kind == "unparsed")


def _serial_plain(paths: list[Path]) -> tuple[int, float]:
    """The work read_captures' workers do, in this process: every item's plain data, as they
    send it (the baseline its processes are measured against)."""
    started, n = time.perf_counter(), 0
    for path in paths:
        for item in read_capture(path, keys=KEYS):
            plain = item.to_dict()
            plain["file"] = str(path)
            n += bool(plain.get("packet"))
    return n, time.perf_counter() - started


def _parallel(paths: list[Path], processes: int) -> tuple[int, float]:
    """Packets read_captures finds in `paths` with `processes` workers, and the seconds."""
    from pkttools.capture import read_captures

    started = time.perf_counter()
    n = sum(1 for e in read_captures(paths, processes=processes, keys=KEYS) if e.get("packet"))
    return n, time.perf_counter() - started


def _peak_rss_of_reading(path: Path) -> tuple[float, int, float]:
    """Peak RSS (MB) of a fresh process that reads the whole capture, its packet count and
    the seconds it took. The peak is VmHWM, the high-water mark of the process's own memory:
    getrusage's ru_maxrss survives exec on Linux, so it would report the size of this (large)
    benchmark process at the fork instead."""
    code = ("import resource, sys, time\n"
            "from pkttools.capture import read_capture\n"
            "t = time.perf_counter()\n"
            "n = sum(1 for i in read_capture(sys.argv[1]) if i.packet is not None)\n"
            "t = time.perf_counter() - t\n"
            "try:\n"
            "    hwm = next(int(l.split()[1]) for l in open('/proc/self/status')\n"
            "               if l.startswith('VmHWM'))\n"
            "except OSError:\n"
            "    hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "print(hwm / 1024, n, t)\n")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


def run(directory: str | None = None, large: int = 1 << 30, rounds: int = 2) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="pkttools-bench-", dir=directory))
    try:
        path = tmp / "throughput.pcap"
        sent = write_throughput_file(path)
        size_mb = path.stat().st_size / 1e6
        records = _dpkt_read(path)
        parsed = _pkttools(path)
        assert parsed == sent, f"pkttools found {parsed} packets, {sent} were written"
        times = per_call({"dpkt.pcap.Reader (records only)": lambda: _dpkt_read(path),
                          "dpkt read + Ethernet/IP/TCP decode": lambda: _dpkt_decode(path),
                          "pkttools, reassembly only": lambda: _reassembly_only(path),
                          "pkttools read_capture (all)": lambda: _pkttools(path)},
                         rounds=rounds, min_time=0.01)
        rows = list(times.items())
        t_read, t_full = rows[0][1], rows[-1][1]
        print(f"throughput file: {size_mb:.1f} MB, {records} records, {sent} game packets")
        print(f"{'':38}{'seconds':>9}{'packets/s':>12}{'MB/s':>8}{'x dpkt':>8}")
        for name, t in rows:
            print(f"{name:38}{t:9.2f}{sent / t:12,.0f}{size_mb / t:8.1f}{t / t_read:8.1f}")
        results = {"file_mb": size_mb, "records": records, "packets": sent,
                   "seconds": {name: t for name, t in rows},
                   "packets_per_s": sent / t_full, "mb_per_s": size_mb / t_full,
                   "ratio_to_dpkt_read": t_full / t_read}
        path.unlink()

        # Many files on every core: read_captures with 1 process, then one per CPU (plain
        # data crosses the process boundary; the best of `rounds` runs each).
        files = [tmp / f"part{i}.pcap" for i in range(4)]
        total = sum(write_throughput_file(f, target=30_000, seed=10 + i)
                    for i, f in enumerate(files))
        cpus = os.cpu_count() or 1
        found, took = min((_serial_plain(files) for _ in range(rounds)), key=lambda r: r[1])
        assert found == total, f"read_capture found {found} packets, {total} written"
        results["serial_plain_packets_per_s"] = total / took
        print(f"read_capture + to_dict, {len(files)} files, in this process: "
              f"{total / took:,.0f} packets/s")
        parallel = {}
        for processes in sorted({1, cpus}):
            found, took = min((_parallel(files, processes) for _ in range(rounds)),
                              key=lambda r: r[1])
            assert found == total, f"read_captures found {found} packets, {total} written"
            parallel[processes] = total / took
            print(f"read_captures, {len(files)} files, {processes} process(es): "
                  f"{total / took:,.0f} packets/s")
        results["parallel_packets_per_s"] = parallel
        for f in files:
            f.unlink()

        big = tmp / "large.pcap"
        start = time.perf_counter()
        big_bytes = write_large_file(big, large)
        made = time.perf_counter() - start
        rss, count, took = _peak_rss_of_reading(big)
        verdict = "under" if rss < MEMORY_LIMIT_MB else "OVER"
        print(f"memory: {big_bytes / 1e9:.2f} GB capture (written in {made:.0f} s) read in "
              f"{took:.0f} s ({big_bytes / 1e6 / took:.1f} MB/s, {count} packets): peak RSS "
              f"{rss:.0f} MB, {verdict} the {MEMORY_LIMIT_MB} MB bound")
        results["memory"] = {"file_bytes": big_bytes, "packets": count, "seconds": took,
                             "peak_rss_mb": rss, "limit_mb": MEMORY_LIMIT_MB}
        return results
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


__all__ = ["run", "write_throughput_file", "write_large_file"]
