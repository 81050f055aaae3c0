"""Every capture file a task on a Dask distributed cluster.

The task is the serial run's own (`writer.export_capture`): a worker reads one capture and
writes its files straight into the dataset folder, which must therefore be reachable by the
same path from every worker (a local disk for a LocalCluster, a shared file system for a
cluster of machines), as must the capture files. Nothing but the small `CaptureResult` goes
back to the client. The cluster is the one at an address, a `distributed.Client` given in
Python, or a LocalCluster started for the run (one single-threaded worker process per CPU:
parsing is pure Python, so threads would share one core) and stopped after it.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Any, Callable

from ..errors import ToolError, UsageError
from .writer import CaptureResult, Options, export_capture

CONNECT_TIMEOUT = "30s"


def run_on_dask(jobs: list[tuple[str, str]], out: str, options: Options, cluster: Any,
                workers: int | None,
                on_done: Callable[[CaptureResult], None]) -> list[CaptureResult]:
    """Export (capture, name) jobs on `cluster`: an address (`tcp://host:8786`), a Client,
    or True for a LocalCluster of `workers` processes. Results come back in job order; a
    task that failed on the cluster (a worker died, pkttools missing there) is a result
    with its error."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise ToolError(f"--dask needs {exc.name}: pip install 'pkttools[export]'") from None

    owned: list[Any] = []
    try:
        if hasattr(cluster, "submit"):
            client = cluster
        elif cluster is True:
            local = LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                 threads_per_worker=1, processes=True, host="127.0.0.1",
                                 dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
            owned.append(local)
            client = Client(local)
            owned.insert(0, client)
        else:
            try:
                _knock(str(cluster))
                client = Client(str(cluster), timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise UsageError(f"cannot reach the Dask scheduler at {cluster}: "
                                 f"{exc}") from None
            owned.append(client)
        futures = {client.submit(export_capture, capture, name, out, options, pure=False):
                   number for number, (capture, name) in enumerate(jobs)}
        results: list[CaptureResult | None] = [None] * len(jobs)
        for future in as_completed(futures):
            number = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # raised on the worker, or the worker was lost
                capture, name = jobs[number]
                result = CaptureResult(capture, name, error=f"the task failed on the "
                                       f"cluster: {type(exc).__name__}: {exc}")
            results[number] = result
            on_done(result)
        return [r for r in results if r is not None]
    finally:
        for thing in owned:
            thing.close()


def _knock(address: str) -> None:
    """Refused at once where nothing listens on a TCP address, instead of the Client's
    retries until its timeout."""
    from distributed.comm import parse_address, parse_host_port

    scheme, location = parse_address(address)
    if scheme == "tcp":
        with socket.create_connection(parse_host_port(location), timeout=10):
            pass
