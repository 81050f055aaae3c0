"""Many capture files on every core: `read_captures`.

One process reads one file at a time with `read_capture` (so each stays within its `Limits`)
and sends what it finds to the caller as plain data, in batches, through a pipe of its own: a
process that runs ahead waits instead of filling memory. Each item is `CaptureItem.to_dict()`
(the JSON Lines `pkttools capture --format jsonl` prints) with the file's name added; after a
file's last item comes its summary (`Summary.to_dict()`), or the error that stopped it.

    from pkttools.capture import read_captures

    if __name__ == "__main__":  # the worker processes import this script: see below
        for event in read_captures(["day1.pcapng", "day2.pcapng"], keys=["ffxi.world=..."]):
            if event["kind"] == "summary":
                print(event["file"], event["summary"]["problems"])
            elif event.get("packet"):
                print(event["file"], event["record"], event["packet"]["packet"])

The workers are started with "spawn" (a fresh interpreter, the same on every system), which
imports the calling script again: as with any multiprocessing pool, its own code must sit
under `if __name__ == "__main__":`, and a script read from standard input cannot start them.
"""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.connection import Connection, wait
from typing import Any, Iterable, Iterator, Mapping

from ..errors import PkttoolsError, UsageError
from .capfile import require_capture_file

BATCH = 512  # items a worker sends at once
PIPE_BYTES = 1 << 20  # what a worker may send ahead of the caller (about 6 batches)


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
        require_capture_file(path)
    specs = [os.fspath(s) for s in specs]
    for folder in specs:
        if not os.path.isdir(folder):
            raise UsageError(f"specs: {folder} is not a folder of .ksy specs")
    options = {"ports": dict(ports) if isinstance(ports, Mapping) else list(ports),
               "services": None if services is None else list(services),
               "default_ports": default_ports,
               "keys": dict(keys) if isinstance(keys, Mapping) else list(keys),
               "specs": specs}
    if not paths:
        return
    workers = max(1, min(processes or os.cpu_count() or 1, len(paths)))
    context = multiprocessing.get_context("spawn")  # no inherited state, the same everywhere
    todo = context.Queue()
    for path in paths:
        todo.put(path)
    for _ in range(workers):
        todo.put(None)
    # A pipe per worker: it pickles each batch itself and waits while its pipe is full, so a
    # worker that runs ahead holds one batch, not the file (no queue's feeder thread either).
    readers, procs = [], []
    try:
        for _ in range(workers):
            reader, writer = context.Pipe(duplex=False)
            _widen(reader)
            proc = context.Process(target=_worker, args=(todo, writer, options), daemon=True)
            proc.start()
            writer.close()  # the worker's copy is the only one: its end is the pipe's end
            readers.append(reader)
            procs.append(proc)
        running = {reader: proc for reader, proc in zip(readers, procs)}
        while running:
            for reader in wait(list(running)):
                try:
                    message = reader.recv()
                except EOFError:
                    proc = running.pop(reader)
                    proc.join()
                    raise PkttoolsError(
                        f"a capture reading process stopped without finishing (exit status "
                        f"{proc.exitcode}: killed, out of memory, or it could not start; a "
                        f"script that calls read_captures needs its own code under `if "
                        f"__name__ == '__main__':` and cannot be read from standard input)"
                    ) from None
                if message is None:
                    del running[reader]
                    continue
                yield from message
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
            proc.join()
        for reader in readers:
            reader.close()


def _widen(reader: Connection) -> None:
    """A pipe of 1 MiB where Linux allows it, not 64 KiB: a worker then sends a few batches
    ahead instead of stopping at each one until the caller has read it."""
    try:
        import fcntl

        fcntl.fcntl(reader.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or a lower pipe-max-size
        pass


def _worker(todo: Any, results: Connection, options: dict) -> None:
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
                            results.send(batch)
                            batch = []
                batch.append({"kind": "summary", "file": path,
                              "summary": cap.summary.to_dict()})
            except PkttoolsError as exc:
                batch.append({"kind": "error", "file": path, "error": str(exc)})
            results.send(batch)
    finally:
        results.send(None)
        results.close()
