"""Long-running coverage-guided fuzzing of pkttools with atheris (libFuzzer for Python).

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzz/atheris_harness.py --write-corpus fuzz/corpus   # seeds from the tests
    .venv/bin/python fuzz/atheris_harness.py fuzz/corpus -max_total_time=3600 -timeout=5

Each input picks a target (parse, split in chunks, build from JSON) and a protocol from its
first bytes. The contract is the test suite's (tests/fuzz): only pkttools' own exceptions may
escape, and no input may take more than SLOW seconds; anything else stops the run with the
crashing input saved by libFuzzer (crash-*), which then becomes a literal regression test.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports():
    import pkttools
    import pkttools.codec.builder  # noqa: F401  (instrumented before first use)
    from pkttools.stream.framing import Splitter

    # The generated classes load lazily; load them here so their branches are instrumented.
    for _proto in pkttools.protocols():
        for _flavour in ("ro", "dbg", "rw"):
            _proto.dispatcher_cls(_flavour)
            for _packet in _proto.packets:
                _packet.cls(_flavour)

PROTOCOLS = [p.name for p in pkttools.protocols()]
STREAMED = [p.name for p in pkttools.protocols() if p.stream is not None]
SLOW = 0.5  # seconds: the bound for a packet under 64 KiB


def one_input(raw: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(raw)
    target = fdp.ConsumeIntInRange(0, 2)
    started = time.perf_counter()
    if target == 0:
        protocol = PROTOCOLS[fdp.ConsumeIntInRange(0, len(PROTOCOLS) - 1)]
        data = fdp.ConsumeBytes(fdp.remaining_bytes())
        try:
            pkt = pkttools.parse(protocol, data)
            pkttools.build(protocol, pkt.to_dict())
        except pkttools.PkttoolsError:
            pass
    elif target == 1:
        protocol = STREAMED[fdp.ConsumeIntInRange(0, len(STREAMED) - 1)]
        chunk = fdp.ConsumeIntInRange(1, 64)
        data = fdp.ConsumeBytes(fdp.remaining_bytes())
        splitter = Splitter(protocol)
        items = []
        for i in range(0, len(data), chunk):
            items += splitter.feed(data[i:i + chunk])
        items += splitter.close()
        if b"".join(item.data for item in items) != data:
            raise AssertionError("the splitter lost or duplicated bytes")
    else:
        protocol = PROTOCOLS[fdp.ConsumeIntInRange(0, len(PROTOCOLS) - 1)]
        text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
        try:
            doc = json.loads(text)
        except ValueError:
            return
        try:
            pkttools.parse(protocol, pkttools.build(protocol, doc))
        except pkttools.PkttoolsError:
            pass
    elapsed = time.perf_counter() - started
    if elapsed > SLOW and len(raw) < 65536:
        raise AssertionError(f"input took {elapsed:.2f} s (> {SLOW} s)")


def write_corpus(folder: Path) -> int:
    """Seed inputs from the test suite's corpus, encoded for one_input's parse target."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fuzz.corpus import packets, streams

    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for protocol, data in packets():
        # ConsumeIntInRange reads its bytes from the end of the input.
        prefix = b""
        path = folder / f"parse-{protocol}-{n}"
        path.write_bytes(prefix + data + bytes([PROTOCOLS.index(protocol), 0]))
        n += 1
    for protocol, data in streams():
        path = folder / f"split-{protocol}-{n}"
        path.write_bytes(data + bytes([7, STREAMED.index(protocol), 1]))
        n += 1
    return n


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--write-corpus":
        print(f"wrote {write_corpus(Path(sys.argv[2]))} seeds to {sys.argv[2]}")
        sys.exit(0)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
