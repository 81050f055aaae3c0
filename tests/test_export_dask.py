"""`pkttools export --dask`: every capture file a task on a Dask distributed cluster, and the
dataset the same as a serial run's.

Three clusters: a LocalCluster of two worker processes shared by the module (Python API, and a
user's spec folder that the workers must take from the client), a LocalCluster the export
starts for its run, and a scheduler with two worker processes started here with the `dask
scheduler` and `dask worker` commands on loopback, to which the command line connects. Every
wait has a timeout; the processes are stopped whatever happens.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import pkttools
from pkttools.export import export

import exportcase
from conftest import ROOT
from exportcase import KEY_ARGS, KEYS, assert_same_dataset

DASK = Path(sys.executable).with_name("dask")
START_TIMEOUT = 60  # seconds for the scheduler and the workers to come up
RUN_TIMEOUT = 180  # seconds for one export


@pytest.fixture(scope="module", autouse=True)
def environment(tmp_path_factory):
    """A spec cache of the module's own, set before any worker process starts, so workers
    find the user specs the client compiled."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PKTTOOLS_CACHE", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("PKTTOOLS_SPECS", raising=False)
        yield


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                       silence_logs=logging.ERROR)
    with cluster, distributed.Client(cluster) as connected:
        yield connected


def test_a_local_cluster_writes_the_serial_dataset(captures, dataset, client, tmp_path):
    out = tmp_path / "dataset"
    result = export(captures, out, dask=client, keys=KEYS)
    assert [r.capture for r in result.captures] == [str(c) for c in captures]
    assert not result.failed and result.problems == 1  # troubled.pcap
    assert result.rows == export(captures, tmp_path / "again", keys=KEYS).rows
    assert_same_dataset(dataset, out)
    # the tasks ran in the worker processes, which imported the writer; the client wrote none
    ran = client.run(lambda: "pkttools.export.writer" in sys.modules)
    assert any(ran.values())


def test_workers_take_the_clients_spec_folders(client, tmp_path):
    specs = exportcase.toy_specs(tmp_path)
    try:
        pkttools.use_specs([specs])
        capture = exportcase.toy_capture(tmp_path / "toy.pcap")
        ports = [f"{exportcase.TOY_PORT}=toy.login"]
        serial = export([capture], tmp_path / "serial", ports=ports)
        distributed_ = export([capture], tmp_path / "dask", ports=ports, dask=client)
    finally:
        pkttools.use_specs([])
    assert distributed_.captures[0].error is None
    assert distributed_.rows == serial.rows == {
        "_items": 1, "toy.login.server/motd": 1, "toy.login.server/ratio": 1,
        "toy.login.server/welcome": 1}
    assert_same_dataset(tmp_path / "serial", tmp_path / "dask")


def test_a_local_cluster_started_for_the_run(captures, dataset, tmp_path):
    out = tmp_path / "dataset"
    result = export(captures, out, dask=True, workers=1, keys=KEYS)
    assert not result.failed
    assert_same_dataset(dataset, out)


# -- a scheduler and two workers of our own -------------------------------------------------
class _Processes:
    """Processes started for the test, each with its output in a log file; stopped (SIGTERM,
    then SIGKILL) however the test ends."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.procs: list[tuple[subprocess.Popen, Path]] = []

    def start(self, name: str, *args: str) -> subprocess.Popen:
        log = self.folder / f"{name}.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen([str(DASK), *args], stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, cwd=self.folder)
        self.procs.append((proc, log))
        return proc

    def logs(self) -> str:
        return "\n".join(f"--- {log.name}:\n{log.read_text()[-2000:]}" for _, log in self.procs)

    def stop(self) -> None:
        """The last started first: workers leave while their scheduler is still there."""
        for proc, _ in reversed(self.procs):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """`dask scheduler` on a free loopback port and two `dask worker` processes (one thread
    each); yields the scheduler's address."""
    folder = tmp_path_factory.mktemp("dask")
    procs = _Processes(folder)
    info = folder / "scheduler.json"
    try:
        procs.start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", "0",
                    "--no-dashboard", "--scheduler-file", str(info))
        deadline = time.monotonic() + START_TIMEOUT
        while not info.exists() or not info.read_text().strip():
            if time.monotonic() > deadline or procs.procs[0][0].poll() is not None:
                pytest.fail(f"the dask scheduler did not start:\n{procs.logs()}")
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        for number in (1, 2):
            procs.start(f"worker{number}", "worker", address, "--name", f"worker{number}",
                        "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host",
                        "127.0.0.1", "--local-directory", str(folder / f"worker{number}"))
        with distributed.Client(address, timeout=f"{START_TIMEOUT}s") as client:
            try:
                client.wait_for_workers(2, timeout=START_TIMEOUT)
            except TimeoutError:
                pytest.fail(f"the dask workers did not join:\n{procs.logs()}")
            assert len(client.scheduler_info()["workers"]) == 2
        yield address
    finally:
        procs.stop()


def test_a_scheduler_with_two_worker_processes(captures, dataset, scheduler, tmp_path):
    out = tmp_path / "dataset"
    proc = subprocess.run(
        [sys.executable, "-m", "pkttools", "export", *KEY_ARGS, *map(str, captures), "--out", str(out),
         "--dask", scheduler], capture_output=True, text=True, cwd=ROOT, timeout=RUN_TIMEOUT,
        env=dict(os.environ))
    assert proc.returncode == 1, proc.stderr  # troubled.pcap lost bytes
    assert proc.stderr.splitlines()[-1] == (
        f"pkttools: {out}: 4 capture(s) exported, 212 packet(s) in 22 table(s), 15 other "
        f"item(s) in _items; bytes lost or unreadable in 1 capture(s) (see _items)")
    assert_same_dataset(dataset, out)
    # both workers ran tasks: each imported the writer to run them
    with distributed.Client(scheduler, timeout="30s") as client:
        ran = client.run(lambda: "pkttools.export.writer" in sys.modules)
    assert len(ran) == 2 and all(ran.values())


def test_an_address_where_no_scheduler_listens(captures, tmp_path, capsys):
    from pkttools.cli import main

    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens on it here
    status = main(["export", *KEY_ARGS, str(captures[0]), "--out", str(tmp_path), "--dask", address])
    err = capsys.readouterr().err
    assert status == 2
    assert err == (f"pkttools: error: cannot reach the Dask scheduler at {address}: [Errno "
                   f"111] Connection refused\n")
