"""The fast paths against the plain runtime: the same values, errors and bytes.

pkttools parses on its own stream over bytes (codec/faststream.py), runs read-only classes
whose reads build.py merged (model/rofast.py), converts objects to plain data with a converter
generated per class (codec/plain.py), and builds with a writer compiled per type when it can.
PKTTOOLS_FAST=0 turns all of them off. Here a scratch copy of the project is built and run
with PKTTOOLS_FAST=0 (the compiler's own classes on the Kaitai runtime's stream, the generic
walks and the general builder), and every test vector, every packet of the repository's
captures, cuts and mutations of them, and whole streams must give exactly the same result in
both: plain data with every value's type, field offsets, the bytes built, and for bad input the
same error class, field path, offset and message.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pkttools
from pkttools.publish.vectors import load

import fastdiff
from conftest import ROOT

VECTORS = load()


@pytest.fixture(scope="module")
def plain_runtime(tmp_path_factory) -> Path:
    """A copy of the project built with PKTTOOLS_FAST=0."""
    copy = tmp_path_factory.mktemp("plain-runtime")
    for name in ("build.py", "package.json", "package-lock.json"):
        shutil.copy(ROOT / name, copy / name)
    for name in ("ksy", "tools", "pkttools", "docs"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests" / "vectors", copy / "tests" / "vectors",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "tests" / "fastdiff.py", copy / "fastdiff.py")
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    env = dict(os.environ, PKTTOOLS_FAST="0")
    built = subprocess.run([sys.executable, "build.py", "-q"], cwd=copy, env=env,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    ro = next((copy / "kaitai_gen" / "ro").rglob("tmw_login_server_0069_login_data.py"))
    assert "read_struct" not in ro.read_text()  # the compiler's classes, as they came
    return copy


def inputs() -> dict:
    rng = random.Random(19)
    packets = []
    for vec in VECTORS:
        data = vec.data
        packets.append((vec.protocol, data))
        cuts = range(len(data)) if len(data) <= 48 else sorted(rng.sample(range(len(data)), 16))
        packets += [(vec.protocol, data[:cut]) for cut in cuts]
        for _ in range(3):
            bad = bytearray(data)
            for _ in range(rng.randint(1, 3)):
                bad[rng.randrange(len(bad))] = rng.randrange(256)
            packets.append((vec.protocol, bytes(bad)))
        packets.append((vec.protocol, data + b"\x00\xff"))
    for capture in sorted((ROOT / "tests" / "data" / "tmw").glob("*.pcapng")):
        packets += [(i.protocol, i.packet.data) for i in pkttools.read_capture(capture)
                    if i.packet is not None]
    streams = []
    for proto in pkttools.protocols():
        if proto.stream is None or proto.stream["frame"]["kind"] != "self":
            continue
        data = b"".join(v.data for v in VECTORS if v.protocol == proto.name)
        if not data:
            continue
        streams.append((proto.name, data))
        bad = bytearray(data)
        bad[len(bad) // 2] ^= 0xFF
        streams.append((proto.name, bytes(bad)))
    return {"packets": [(p, d.hex()) for p, d in packets],
            "streams": [(p, d.hex()) for p, d in streams]}


def test_fast_paths_give_what_the_plain_runtime_gives(plain_runtime):
    request = inputs()
    env = dict(os.environ, PKTTOOLS_FAST="0")
    done = subprocess.run([sys.executable, "fastdiff.py"], cwd=plain_runtime, env=env,
                          input=json.dumps(request), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    slow = json.loads(done.stdout)
    fast = {"packets": [fastdiff.packet(p, bytes.fromhex(h)) for p, h in request["packets"]],
            "streams": [fastdiff.stream(p, bytes.fromhex(h)) for p, h in request["streams"]]}
    fast = json.loads(json.dumps(fast))  # the same JSON round trip as the slow side's
    assert len(fast["packets"]) == len(slow["packets"]) > 2000
    for (protocol, data), a, b in zip(request["packets"], fast["packets"], slow["packets"]):
        assert a == b, f"{protocol} {data}"
    assert fast["streams"] == slow["streams"]
    errors = sum(1 for p in fast["packets"] if "error" in p)
    assert errors > 500  # the cuts and mutations reach the error paths
