"""`export`: capture files to a Parquet dataset, one after the other or on a Dask cluster.

    from pkttools.export import export

    result = export(["day1.pcapng", "day2.pcapng"], "dataset", ports={29000: "flyff.cluster"})
    result.rows          # {"flyff.cluster.server/pong": 120, ..., "_items": 4}

Before any capture is read, the schema of every packet type the captures could hold (the
protocols of the services mapped to ports) is built, so a spec that cannot be exported stops
the run at once instead of after hours on a cluster.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from ..capture.capfile import require_capture_file
from ..capture.ports import PortMap
from ..capture.reader import Limits
from ..errors import UsageError
from ..model import userspecs
from ..model.registry import default_registry
from .schema import model_for
from .writer import CaptureResult, Options, capture_name, export_capture


@dataclass
class ExportResult:
    """What an export wrote: `captures` in the order given, each with its rows per table or
    the error that kept it out of the dataset."""

    out: Path
    captures: list[CaptureResult]

    @property
    def rows(self) -> dict[str, int]:
        """Rows per table (`<protocol>/<packet>`, `_items`) over all captures."""
        total: Counter[str] = Counter()
        for result in self.captures:
            total.update(result.rows)
        return dict(sorted(total.items()))

    @property
    def failed(self) -> list[CaptureResult]:
        return [r for r in self.captures if r.error is not None]

    @property
    def problems(self) -> int:
        """Captures in which bytes were lost or unreadable (gaps, frames that did not parse,
        a damaged file): their `_items` rows say where."""
        return sum(1 for r in self.captures if r.error is None and r.problems)


def export(captures: Iterable[str | os.PathLike], out: str | os.PathLike, *,
           ports: Iterable[str] | Mapping[int | str, str] = (),
           services: Iterable[str] | None = None, default_ports: bool = True,
           limits: Limits | None = None, keys: Iterable[str] | Mapping[str, Any] = (),
           dask: Any = None, workers: int | None = None,
           progress: bool = False) -> ExportResult:
    """Write the Parquet dataset of `captures` into the folder `out` (see README, Captures).

    ports, services, default_ports, limits, keys: as `read_capture` takes them. dask: None for a
    serial run in this process; True for a LocalCluster of `workers` processes (default: one
    per CPU) started for the run; a scheduler address; or a `distributed.Client`. progress:
    a bar on stderr, one step per capture file.
    """
    paths = [os.fspath(c) for c in captures]
    if not paths:
        raise UsageError("no capture files given")
    names: dict[str, str] = {}
    for path in paths:
        if path == "-":
            raise UsageError("export reads capture files, not stdin")
        require_capture_file(path)
        name = capture_name(path)
        if name in names:
            raise UsageError(f"{path}: given twice (also as {names[name]})")
        names[name] = path
    options = Options(
        ports=dict(ports) if isinstance(ports, Mapping) else tuple(ports),
        services=None if services is None else tuple(services), default_ports=default_ports,
        limits=limits, keys=dict(keys) if isinstance(keys, Mapping) else tuple(keys),
        specs=tuple(str(f.resolve()) for f in userspecs.folders()))
    check_schemas(options)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(path, name) for name, path in names.items()]
    bar = _bar(len(jobs)) if progress else None
    on_done: Callable[[CaptureResult], None] = (lambda r: bar.update(1)) if bar else \
        (lambda r: None)
    try:
        if dask is None or dask is False:
            results = []
            for capture, name in jobs:
                results.append(export_capture(capture, name, str(folder), options))
                on_done(results[-1])
        else:
            from .cluster import run_on_dask

            results = run_on_dask(jobs, str(folder), options, dask, workers, on_done)
    finally:
        if bar is not None:
            bar.close()
    return ExportResult(folder, results)


def check_schemas(options: Options) -> None:
    """Build the table of every packet type of every mapped service: an ExportError (or a
    UsageError for an unknown service) now, before any capture is read."""
    registry = default_registry()
    ports = PortMap(options.ports, services=options.services,
                    defaults=options.default_ports, registry=registry)
    model = model_for(registry)
    for service in sorted(set(ports.table.values())):
        for proto in ports.protocols(service).values():
            for ptype in proto.packets if proto is not None else ():
                model.packet_table(ptype)


def _bar(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="export", file=sys.stderr, leave=False,
                dynamic_ncols=True)
