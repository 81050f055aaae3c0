"""Where pkttools' time goes per packet: cProfile of parse, to_dict and build.

Why: input for optimising pkttools. For each operation it reports the share of the profiled time
spent in each code layer (Kaitai runtime, generated classes, each pkttools module, builtins),
the functions with the most own time, the calls per operation, and for build the phases
(the compiled writer and its read-back check; `Builder.build_root`'s steps and the plain
read-back check where the general builder runs). cProfile adds a fixed cost per call, so
many-small-call code (the Kaitai runtime's per-field reads) looks heavier than in the timings;
shares show what dominates, the peers table says how much it costs.
"""

from __future__ import annotations

import cProfile
import enum
import gc
import pstats
import struct
from io import BytesIO
from typing import Any, Callable

from kaitaistruct import KaitaiStream

import pkttools

from .timing import sample
from .vectors import VECTORS

# pstats key: (file, line, function name)
Key = tuple[str, int, str]
# Phases of a build: the callees of these functions, with their time as called from there.
BUILD_PHASES = [("pkttools/codec/build.py", "build"), ("pkttools/codec/writer.py", "fast_build"),
                ("pkttools/codec/writer.py", "verify"),
                ("pkttools/codec/builder.py", "build_root"), ("pkttools/codec/build.py", "_verify")]


def layer(filename: str) -> str:
    """The code layer a function belongs to."""
    path = filename.replace("\\", "/")
    if path.endswith("/kaitaistruct.py"):
        return "Kaitai runtime"
    if "/kaitai_gen/" in path:
        return "generated classes"
    if path.startswith("<pkttools plain data"):  # exec'd by codec/plain.py
        return "pkttools, compiled converters"
    if path.startswith("<pkttools"):  # exec'd by codec/writer.py, comparecode.py
        return "pkttools, compiled writers"
    if "/pkttools/" in path:  # the module: pkttools.codec.plain
        return "pkttools." + path.rsplit("/pkttools/", 1)[1].removesuffix(".py").replace("/", ".")
    if path.startswith("~") or path.startswith("<"):
        return "builtins"
    return "stdlib"


def _profile(func: Callable[[], Any], n: int) -> pstats.Stats:
    """n calls of func under cProfile, warm, with the garbage collector off (as in the
    timings: a collection would be charged to whichever function happened to trigger it)."""
    func()  # warm: caches and first imports are not what a packet costs
    gc.collect()
    gc.disable()
    profiler = cProfile.Profile()
    try:
        profiler.enable()
        for _ in range(n):
            func()
        profiler.disable()
    finally:
        gc.enable()
    return pstats.Stats(profiler)


def _shares(stats: pstats.Stats) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """Own time by layer and by function, as shares of the total, largest first."""
    total = sum(v[2] for v in stats.stats.values()) or 1.0
    by_layer: dict[str, float] = {}
    by_func: dict[str, float] = {}
    for (filename, line, name), (_, _, own, _, _) in stats.stats.items():
        by_layer[layer(filename)] = by_layer.get(layer(filename), 0.0) + own
        label = f"{layer(filename)}:{name}"
        by_func[label] = by_func.get(label, 0.0) + own
    top = sorted(by_func.items(), key=lambda kv: -kv[1])[:12]
    return ([(k, v / total) for k, v in sorted(by_layer.items(), key=lambda kv: -kv[1])],
            [(k, v / total) for k, v in top])


def _phases(stats: pstats.Stats, total: float) -> dict[str, list[tuple[str, float]]]:
    """For each function of BUILD_PHASES: its callees' time when called from it, as shares."""
    keys = {(f, name): key for key in stats.stats for f, name in BUILD_PHASES
            if key[0].replace("\\", "/").endswith(f) and key[2] == name}
    out = {}
    for (f, name), parent in keys.items():
        parts = [(f"{layer(key[0])}:{key[2]}", callers[parent][3] / total)
                 for key, (_, _, _, _, callers) in stats.stats.items() if parent in callers]
        out[name] = sorted(parts, key=lambda kv: -kv[1])
    return out


def profile_packet(vector, n: int) -> dict[str, Any]:
    """Profiles of pkttools.parse, to_dict (on freshly parsed packets) and build of one vector."""
    proto = pkttools.protocol(vector.protocol)
    plain = pkttools.parse(proto, vector.data).to_dict()
    packets = iter([pkttools.parse(proto, vector.data) for _ in range(n + 1)])
    ops = {
        "parse": (lambda: pkttools.parse(proto, vector.data), n),
        # value instances are cached on the object: convert a new packet every time
        "to_dict": (lambda: next(packets).to_dict(), n),
        "build": (lambda: pkttools.build(proto, plain), max(1, n // 4)),
    }
    out = {}
    for op, (func, count) in ops.items():
        stats = _profile(func, count)
        total = sum(v[2] for v in stats.stats.values()) or 1.0
        layers, top = _shares(stats)
        info = {"calls_per_op": round(sum(v[1] for v in stats.stats.values()) / count),
                "profiled_us_per_op": total / count * 1e6, "shares": layers, "top": top}
        if op == "build":
            info["phases"] = _phases(stats, total)
        out[op] = info
    return out


def _print(packet: str, ops: dict[str, Any]) -> None:
    print(f"-- {packet}")
    for op, info in ops.items():
        layers = ", ".join(f"{k} {v:.0%}" for k, v in info["shares"][:6])
        print(f"  {op}: {info['calls_per_op']} calls/op, {info['profiled_us_per_op']:.0f} us/op "
              f"profiled; {layers}")
        for name, share in info["top"][:6]:
            print(f"      {share:5.1%}  {name}")
        for parent, parts in info.get("phases", {}).items():
            shown = ", ".join(f"{k.split(':', 1)[1]} {v:.0%}" for k, v in parts[:7] if v >= 0.005)
            print(f"    in {parent}: {shown}")


class _Colour(enum.IntEnum):
    red = 1


def primitives(rounds: int, min_time: float) -> dict[str, float]:
    """CPU microseconds of the per-field steps the generated classes repeat, and their plain
    Python equivalents. Reads are timed after a seek to 0, less the seek alone."""
    ks = KaitaiStream(BytesIO(bytes(64)))
    u4 = struct.Struct("<I")
    raw = bytes(64)
    text = b"pangbox"
    funcs: dict[str, Callable[[], object]] = {
        "seek (subtracted below)": lambda: ks.seek(0),
        "KaitaiStream.read_u1": lambda: (ks.seek(0), ks.read_u1()),
        "KaitaiStream.read_u4le": lambda: (ks.seek(0), ks.read_u4le()),
        "KaitaiStream.read_bytes(4)": lambda: (ks.seek(0), ks.read_bytes(4)),
        "KaitaiStream.read_bits_int_le(1)": lambda: (ks.seek(0), ks.align_to_byte(),
                                                     ks.read_bits_int_le(1)),
        "struct.Struct.unpack_from (u4)": lambda: u4.unpack_from(raw, 0),
        "KaitaiStream.resolve_enum, known value": lambda: KaitaiStream.resolve_enum(_Colour, 1),
        "KaitaiStream.resolve_enum, unknown value": lambda: KaitaiStream.resolve_enum(_Colour,
                                                                                      2),
        "dict.get (an enum table)": lambda: {1: "red"}.get(1, 1),
        'bytes.decode("ISO-8859-11"), 7 bytes': lambda: text.decode("ISO-8859-11"),
        'bytes.decode("ASCII"), 7 bytes': lambda: text.decode("ASCII"),
        "KaitaiStream(BytesIO(data))": lambda: KaitaiStream(BytesIO(raw)),
        "pkttools.EnumName(name, value)": lambda: pkttools.EnumName("red", 1, "colour"),
    }
    best = {name: s.best * 1e6 for name, s in sample(funcs, rounds, min_time).items()}
    seek = best.pop("seek (subtracted below)")
    return {name: (t - seek if name.startswith("KaitaiStream.read") else t)
            for name, t in best.items()}


def run(quick: bool = False) -> dict[str, Any]:
    """Profile every benchmark vector and time the per-field primitives; print; return."""
    n = 20 if quick else 300
    packets = {}
    for vector in VECTORS:
        packets[vector.name] = profile_packet(vector, n)
        _print(vector.name, packets[vector.name])
    prims = primitives(*((3, 0.005) if quick else (9, 0.02)))
    print("-- per-call cost of primitives, us CPU")
    for name, us in prims.items():
        print(f"  {us:7.3f}  {name}")
    return {"iterations": n, "packets": packets, "primitives_us": prims}
