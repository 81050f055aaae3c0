"""Many capture files on every core: `read_captures`.

One process reads one file at a time with `read_capture` (so each stays within its `Limits`)
and sends what it finds to the caller as plain data, in batches, through a bounded queue: a
process that runs ahead waits instead of filling memory. Each item is `CaptureItem.to_dict()`
(the JSON Lines `pkttools capture --format jsonl` prints) with the file's name added; after a
file's last item comes its summary (`Summary.to_dict()`), or the error that stopped it.

    from pkttools.capture import read_captures

    for event in read_captures(["day1.pcapng", "day2.pcapng"], keys=["ffxi.world=..."]):
        if event["kind"] == "summary":
            print(event["file"], event["summary"]["problems"])
        elif event.get("packet"):
            print(event["file"], event["record"], event["packet"]["packet"])
"""

from __future__ import annotations

import multiprocessing
import os
import queue as queues
from typing import Any, Iterable, Iterator, Mapping

from ..errors import PkttoolsError, UsageError

BATCH = 512  # items a worker sends at once
AHEAD = 64  # batches waiting for the caller, in all, before the workers wait


def read_captures(files: Iterable[str | os.PathLike], *, processes: int | None = None,
                  ports: Iterable[str] | Mapping[int | str, str] = (),
                  services: Iterable[str] | None = None, default_ports: bool = True,
                  keys: Iterable[str] | Mapping[str, Any] = (),
                  specs: Iterable[str | os.PathLike] = ()) -> Iterator[dict]:
    """Plain data of every item of every file, read by `processes` worker processes (default:
    one per CPU). Each file's items come in order, then {"kind": "summary", "file", "summary"}
    or {"kind": "error", "file", "error"}; files interleave as their workers finish batches.
    ports, services, default_ports, keys: as `read_capture` takes them; specs: user spec
    folders (besides $PKTTOOLS_SPECS) the workers compile in."""
    paths = [os.fspath(f) for f in files]
    for path in paths:
        if not os.path.isfile(path):
            raise UsageError(f"{path}: no such file")
    options = {"ports": dict(ports) if isinstance(ports, Mapping) else list(ports),
               "services": None if services is None else list(services),
               "default_ports": default_ports,
               "keys": dict(keys) if isinstance(keys, Mapping) else list(keys),
               "specs": [os.fspath(s) for s in specs]}
    if not paths:
        return
    workers = max(1, min(processes or os.cpu_count() or 1, len(paths)))
    context = multiprocessing.get_context("spawn")  # no inherited state, the same everywhere
    results = context.Queue(maxsize=AHEAD)
    todo = context.Queue()
    for path in paths:
        todo.put(path)
    for _ in range(workers):
        todo.put(None)
    procs = [context.Process(target=_worker, args=(todo, results, options), daemon=True)
             for _ in range(workers)]
    for proc in procs:
        proc.start()
    try:
        running = workers
        while running:
            try:
                message = results.get(timeout=1.0)
            except queues.Empty:
                if not any(p.is_alive() for p in procs):
                    raise PkttoolsError("the capture reading processes stopped without "
                                        "finishing (killed, or out of memory)") from None
                continue
            if message is None:
                running -= 1
                continue
            yield from message
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
            proc.join()


def _worker(todo: Any, results: Any, options: dict) -> None:
    """One process: files from `todo` until None, their items to `results` in batches."""
    from ..model.registry import use_specs
    from .reader import read_capture

    if options["specs"]:
        use_specs(options["specs"])
    try:
        while True:
            path = todo.get()
            if path is None:
                return
            batch: list[dict] = []
            try:
                cap = read_capture(path, ports=options["ports"], services=options["services"],
                                   default_ports=options["default_ports"],
                                   keys=options["keys"])
                with cap:
                    for item in cap:
                        plain = item.to_dict()
                        plain["file"] = path
                        batch.append(plain)
                        if len(batch) >= BATCH:
                            results.put(batch)
                            batch = []
                batch.append({"kind": "summary", "file": path,
                              "summary": cap.summary.to_dict()})
            except PkttoolsError as exc:
                batch.append({"kind": "error", "file": path, "error": str(exc)})
            results.put(batch)
    finally:
        results.put(None)
