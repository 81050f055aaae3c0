"""What the Web IDE bundle, the conformance check and the docs cost.

One-off steps (bundle + JavaScript compile, node start, whole docs site) are timed once each;
per-packet costs (a JavaScript parse through the runner, a whole Python-vs-JavaScript check of
one vector in both bundle forms, a Python parse for scale) use timing.per_call on the vectors
of bench/vectors.py.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pkttools
from pkttools.publish import conformance, docs
from pkttools.model.conventions import class_name

from .timing import per_call
from .vectors import VECTORS


def run() -> dict:
    results: dict = {}
    start = time.perf_counter()
    runner = conformance.JsRunner.start()
    results["runner_start_s"] = round(time.perf_counter() - start, 2)
    print(f"bundle, check, compile for JavaScript and start node: {results['runner_start_s']} s")
    try:
        for vec in VECTORS:
            proto = pkttools.protocol(vec.protocol)
            cls_name = class_name(proto.type_key.split(":", 1)[0])
            times = per_call({
                "python_parse": lambda: pkttools.parse(proto, vec.data).to_dict(),
                "js_parse": lambda: runner.parse("flat", cls_name, vec.data),
                "check_both_forms": lambda: conformance.check_packet(runner, proto, vec.data),
            }, rounds=5)
            us = {name: round(t * 1e6, 1) for name, t in times.items()}
            results[vec.name] = us
            print(f"{vec.name:24} " + "  ".join(f"{k} {v} us" for k, v in us.items()))
    finally:
        runner.close()
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        site = docs.generate(Path(out))
        results["docs_s"] = round(time.perf_counter() - start, 2)
        print(f"docs: {len(site.pages)} pages, {site.examples} examples, {site.diagrams} "
              f"diagrams in {results['docs_s']} s")
    return results
