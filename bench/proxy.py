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


# -- the driver ----------------------------------------------------------------------------------
class Middle:
    """A relay or a proxy process between the client and the upstream."""

    def __init__(self, kind: str, upstream_port: int, rows: Path):
        if kind == "relay":
            cmd = [sys.executable, "-c", "from bench.proxy import relay_main; relay_main()",
                   str(upstream_port)]
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
    return results
