"""The live proxy's cost: `python -m bench proxy`.

Why: a proxy in the middle of a game must keep up with it and add little delay. What it
costs is measured against the least a middle can do, a plain socket relay (asyncio, read and
write, the same buffer limits), in the same run, in interleaved rounds (each keeps its best).

The client and the upstream server run here (asyncio); the middle runs in a process of its
own: the relay (this module, `relay_main`) or `pkttools proxy tmw.login --format jsonl` with
its rows written to a file, with and without `--save`. Throughput: the client sends N 0x0064 login requests (55 bytes)
in 64 KiB writes, timed until the upstream has them all; packets per second, and the middle's
CPU time per packet (from /proc, which a busy shared machine does not inflate). Latency: one
0x7530 (2 bytes) at a time, answered by a 0x7531 (10 bytes): the round trip's median and 99th
percentile, direct and through each middle; the proxy's added latency per packet is half the
difference of the medians (a round trip crosses it twice).

UDP (`pkttools proxy ffxi.world --key ...`): an FFXI world server here answers each client
datagram with an encrypted server datagram (the header and four packets, 342 bytes) and the
client sends one datagram at a time: the round trip's median and 99th percentile, direct,
through a plain UDP relay (a socket per client address, as the proxy has) and through the
proxy, which decrypts, decompresses and parses both directions and writes JSON rows; its CPU
time per round trip (two datagrams).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pkttools

ROOT = Path(__file__).resolve().parent.parent
REQUEST = pkttools.build("tmw.login.client", {"packet": "login_request", "fields": {
    "client_version": 8, "username": "player", "password": "secret"}})
PING = pkttools.build("tmw.login.client", {"packet": "server_version_request"})
PONG = bytes.fromhex("31 75 17 0a 16 00 01 01 00 00")
HIGH_WATER = 256 << 10
KINDS = {"relay": "plain socket relay", "proxy": "pkttools proxy, JSON Lines rows",
         "proxy-save": "... and --save FILE.pcapng"}
UDP_KINDS = {"udp-relay": "plain UDP relay", "udp-proxy": "pkttools proxy ffxi.world, JSON rows"}
FFXI_KEY = bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f000112233")
FFXI_SERVER_HEADER = bytes.fromhex("3412 3300 00000000 80f0fa65") + bytes(range(16))
FFXI_CLIENT_HEADER = bytes.fromhex("0100 3412 00000000 80f0fa65") + bytes(16)


# -- the plain relay (run in its own process) ------------------------------------------------------
async def _relay(upstream_port: int) -> None:
    async def pipe(reader, writer):
        try:
            while data := await reader.read(64 << 10):
                writer.write(data)
                await writer.drain()
            writer.write_eof()
        except (ConnectionError, OSError):
            writer.transport.abort()

    async def accepted(reader, writer):
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
        for w in (writer, up_writer):
            w.transport.set_write_buffer_limits(high=HIGH_WATER)
        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        writer.close()
        up_writer.close()

    server = await asyncio.start_server(accepted, "127.0.0.1", 0, limit=64 << 10)
    print(f"listening on 127.0.0.1:{server.sockets[0].getsockname()[1]}", file=sys.stderr,
          flush=True)
    await asyncio.Event().wait()


def relay_main() -> None:
    asyncio.run(_relay(int(sys.argv[1])))


class _UdpUp(asyncio.DatagramProtocol):
    def __init__(self, relay: "_UdpRelay", client) -> None:
        self.relay, self.client = relay, client

    def datagram_received(self, data, addr) -> None:
        self.relay.transport.sendto(data, self.client)


class _UdpRelay(asyncio.DatagramProtocol):
    """The least a UDP middle does: a socket to the upstream per client address."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.ups: dict = {}
        self.transport = None

    def connection_made(self, transport) -> None:
        self.transport = transport

    def datagram_received(self, data, addr) -> None:
        up = self.ups.get(addr)
        if up is None:
            self.ups[addr] = up = [data]
            asyncio.ensure_future(self._open(addr))
        elif isinstance(up, list):
            up.append(data)
        else:
            up.sendto(data)

    async def _open(self, addr) -> None:
        waiting = self.ups[addr]
        transport, _ = await asyncio.get_running_loop().create_datagram_endpoint(
            lambda: _UdpUp(self, addr), remote_addr=("127.0.0.1", self.upstream_port))
        self.ups[addr] = transport
        for data in waiting:
            transport.sendto(data)


async def _udp_relay(upstream_port: int) -> None:
    transport, _ = await asyncio.get_running_loop().create_datagram_endpoint(
        lambda: _UdpRelay(upstream_port), local_addr=("127.0.0.1", 0))
    print(f"listening on 127.0.0.1:{transport.get_extra_info('sockname')[1]}",
          file=sys.stderr, flush=True)
    await asyncio.Event().wait()


def udp_relay_main() -> None:
    asyncio.run(_udp_relay(int(sys.argv[1])))


# -- the driver ----------------------------------------------------------------------------------
class Middle:
    """A relay or a proxy process between the client and the upstream."""

    def __init__(self, kind: str, upstream_port: int, rows: Path):
        if kind == "relay":
            cmd = [sys.executable, "-c", "from bench.proxy import relay_main; relay_main()",
                   str(upstream_port)]
        elif kind == "udp-relay":
            cmd = [sys.executable, "-c", "from bench.proxy import udp_relay_main; "
                   "udp_relay_main()", str(upstream_port)]
        elif kind == "udp-proxy":
            cmd = [sys.executable, "-m", "pkttools", "proxy", "ffxi.world", "--listen", "0",
                   "--upstream", f"127.0.0.1:{upstream_port}", "--format", "jsonl",
                   "--key", f"ffxi.world={FFXI_KEY.hex()}"]
        else:
            cmd = [sys.executable, "-m", "pkttools", "proxy", "tmw.login", "--listen", "0",
                   "--upstream", f"127.0.0.1:{upstream_port}", "--format", "jsonl"]
            if kind == "proxy-save":
                cmd += ["--save", str(rows.with_suffix(".pcapng"))]
        self.rows = open(rows, "w")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=self.rows, stderr=subprocess.PIPE,
                                     text=True)
        line = self.proc.stderr.readline()
        if not line.startswith("listening on "):
            raise RuntimeError(f"{kind} did not start: {line}{self.proc.stderr.read()}")
        self.port = int(line.rsplit(":", 1)[1])

    def cpu(self) -> float:
        """CPU seconds the process has used (user + system)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
        self.rows.close()


async def _throughput(port: int, upstream: "Upstream", count: int) -> float:
    """Seconds to get `count` requests through to the upstream."""
    upstream.expect(len(REQUEST) * count)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    batch = REQUEST * max(1, (64 << 10) // len(REQUEST))
    start = time.perf_counter()
    left = len(REQUEST) * count
    while left > 0:
        writer.write(batch[:left])
        left -= min(left, len(batch))
        await writer.drain()
    await upstream.done.wait()
    took = time.perf_counter() - start
    writer.close()
    return took


async def _latency(port: int, rounds: int) -> list[float]:
    """Round trips of one small packet each way, in seconds."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        writer.write(PING)
        await reader.readexactly(len(PONG))
        times.append(time.perf_counter() - start)
    writer.close()
    return times


class Upstream:
    """Counts the requests it gets; answers each 0x7530 with a 0x7531."""

    def __init__(self) -> None:
        self.wanted = 0
        self.got = 0
        self.done = asyncio.Event()

    def expect(self, size: int) -> None:
        self.wanted, self.got = size, 0
        self.done.clear()

    async def serve(self, reader, writer) -> None:
        while data := await reader.read(64 << 10):
            if data == PING:
                writer.write(PONG)
                continue
            self.got += len(data)
            if self.got >= self.wanted:
                self.done.set()
        writer.close()


class _WorldServer(asyncio.DatagramProtocol):
    """Answers every datagram with one encrypted FFXI server datagram."""

    def __init__(self, answer: bytes) -> None:
        self.answer = answer
        self.transport = None

    def connection_made(self, transport) -> None:
        self.transport = transport

    def datagram_received(self, data, addr) -> None:
        self.transport.sendto(self.answer, addr)


class _Pinger(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.got: asyncio.Queue = asyncio.Queue()

    def datagram_received(self, data, addr) -> None:
        self.got.put_nowait(data)


async def _udp_latency(port: int, rounds: int, datagram: bytes) -> list[float]:
    """Round trips of one datagram each way, in seconds."""
    transport, pinger = await asyncio.get_running_loop().create_datagram_endpoint(
        _Pinger, remote_addr=("127.0.0.1", port))
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        transport.sendto(datagram)
        await asyncio.wait_for(pinger.got.get(), 10)
        times.append(time.perf_counter() - start)
    transport.close()
    return times


async def _udp_measure(rounds: int, pings: int) -> dict:
    from pkttools.layers import ffxi
    from pkttools.publish.vectors import load

    bodies = {v.name: v.data for v in load() if v.protocol == "ffxi.world.server"}
    answer = ffxi.encrypt_datagram(FFXI_SERVER_HEADER + bodies["login_myroom"]
                                   + bodies["group_list2_full"] * 3, FFXI_KEY)
    ping = ffxi.encrypt_datagram(FFXI_CLIENT_HEADER + bytes.fromhex("15 04 0100 00000000"),
                                 FFXI_KEY)
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(lambda: _WorldServer(answer),
                                                    local_addr=("127.0.0.1", 0))
    up_port = server.get_extra_info("sockname")[1]
    tmp = Path(tempfile.mkdtemp(prefix="pkttools-bench-proxy-udp-"))
    results: dict = {"round_trips": pings, "rounds": rounds, "answer_bytes": len(answer),
                     "request_bytes": len(ping)}
    try:
        direct = await _udp_latency(up_port, pings, ping)
        results["direct"] = {"rtt_median_us": statistics.median(direct) * 1e6,
                             "rtt_p99_us": _p99(direct) * 1e6}
        best: dict[str, dict] = {}
        for _ in range(rounds):
            for kind in UDP_KINDS:
                middle = await asyncio.to_thread(Middle, kind, up_port, tmp / f"{kind}.jsonl")
                try:
                    await _udp_latency(middle.port, 5, ping)  # the flow opened, warm
                    before = middle.cpu()
                    rtts = await _udp_latency(middle.port, pings, ping)
                    cpu = middle.cpu() - before
                finally:
                    await asyncio.to_thread(middle.close)
                now = {"rtt_median_us": statistics.median(rtts) * 1e6,
                       "rtt_p99_us": _p99(rtts) * 1e6,
                       "cpu_us_per_round_trip": cpu / pings * 1e6}
                old = best.get(kind)
                best[kind] = now if old is None else {k: min(old[k], now[k]) for k in now}
        results.update(best)
        results["proxy_rows_last_round"] = (tmp / "udp-proxy.jsonl").read_text().count("\n")
        results["added_latency_us_per_datagram"] = \
            (best["udp-proxy"]["rtt_median_us"] - best["udp-relay"]["rtt_median_us"]) / 2
    finally:
        server.close()
        for path in tmp.iterdir():
            path.unlink()
        tmp.rmdir()
    return results


def _p99(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.99) - 1]


async def _measure(count: int, rounds: int, pings: int) -> dict:
    upstream = Upstream()
    server = await asyncio.start_server(upstream.serve, "127.0.0.1", 0)
    up_port = server.sockets[0].getsockname()[1]
    tmp = Path(tempfile.mkdtemp(prefix="pkttools-bench-proxy-"))
    results: dict = {"packets": count, "packet_bytes": len(REQUEST), "rounds": rounds,
                     "round_trips": pings}
    try:
        direct = await _latency(up_port, pings)
        results["direct"] = {"rtt_median_us": statistics.median(direct) * 1e6,
                             "rtt_p99_us": _p99(direct) * 1e6}
        best: dict[str, dict] = {}
        for _ in range(rounds):
            for kind in KINDS:
                middle = await asyncio.to_thread(Middle, kind, up_port, tmp / f"{kind}.jsonl")
                try:
                    before = middle.cpu()
                    took = await _throughput(middle.port, upstream, count)
                    cpu = middle.cpu() - before
                    rtts = await _latency(middle.port, pings)
                finally:
                    await asyncio.to_thread(middle.close)
                now = {"seconds": took, "packets_per_s": count / took,
                       "cpu_us_per_packet": cpu / count * 1e6,
                       "rtt_median_us": statistics.median(rtts) * 1e6,
                       "rtt_p99_us": _p99(rtts) * 1e6}
                old = best.get(kind)
                best[kind] = now if old is None else {
                    k: (min if k in ("seconds", "cpu_us_per_packet") or k.startswith("rtt")
                        else max)(old[k], now[k]) for k in now}
        rows = (tmp / "proxy.jsonl").read_text().count("\n")
        results.update(best)
        results["proxy_rows_last_round"] = rows
        results["added_latency_us_per_packet"] = \
            (best["proxy"]["rtt_median_us"] - best["relay"]["rtt_median_us"]) / 2
    finally:
        server.close()
        for path in tmp.iterdir():
            path.unlink()  # the rows and the saved pcapng
        tmp.rmdir()
    return results


def run(quick: bool = False) -> dict:
    count, rounds, pings = (2000, 1, 100) if quick else (20000, 3, 1000)
    results = asyncio.run(_measure(count, rounds, pings))
    print(f"{count} login requests ({len(REQUEST)} bytes) client -> server, best of {rounds} "
          f"round(s); {pings} round trips of 0x7530/0x7531")
    print(f"{'':34}{'packets/s':>11}{'CPU us/pkt':>12}{'RTT median us':>15}{'RTT p99 us':>12}")
    print(f"{'direct (no middle)':34}{'':>11}{'':>12}"
          f"{results['direct']['rtt_median_us']:15.0f}{results['direct']['rtt_p99_us']:12.0f}")
    for kind, label in KINDS.items():
        r = results[kind]
        print(f"{label:34}{r['packets_per_s']:11,.0f}{r['cpu_us_per_packet']:12.2f}"
              f"{r['rtt_median_us']:15.0f}{r['rtt_p99_us']:12.0f}")
    print(f"the proxy adds {results['added_latency_us_per_packet']:.0f} us per packet over the "
          f"relay (half the round trip's difference); its rows: "
          f"{results['proxy_rows_last_round']} in the last round")
    udp = asyncio.run(_udp_measure(rounds, pings // 2 if quick else pings))
    print(f"\nUDP, FFXI world server with its session key: {udp['round_trips']} round trips of "
          f"a {udp['request_bytes']}-byte client datagram and a {udp['answer_bytes']}-byte "
          f"encrypted server datagram (4 packets), best of {rounds} round(s)")
    print(f"{'':38}{'CPU us/round trip':>18}{'RTT median us':>15}{'RTT p99 us':>12}")
    print(f"{'direct (no middle)':38}{'':>18}"
          f"{udp['direct']['rtt_median_us']:15.0f}{udp['direct']['rtt_p99_us']:12.0f}")
    for kind, label in UDP_KINDS.items():
        r = udp[kind]
        print(f"{label:38}{r['cpu_us_per_round_trip']:18.1f}{r['rtt_median_us']:15.0f}"
              f"{r['rtt_p99_us']:12.0f}")
    print(f"the proxy adds {udp['added_latency_us_per_datagram']:.0f} us per datagram over the "
          f"relay; its rows: {udp['proxy_rows_last_round']} in the last round")
    results["udp"] = udp
    return results
