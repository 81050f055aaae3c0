"""One capture file to its Parquet files: the task a serial run calls in turn and a Dask
cluster runs on its workers.

A capture `NAME` (see `capture_name`) writes `<protocol>/<packet>/NAME.parquet` for each packet
type it holds, `_items/NAME.parquet` and `_captures/NAME.parquet` (always, even empty: a
capture that was exported always has a row in `_captures`). The name and the rows depend only
on the capture and the options, so a serial run and a distributed run write the same files.

Memory stays bounded: the capture is read by `read_capture` within its `Limits`, and rows are
held only until a table has `batch_rows` of them or all tables together an estimated
`batch_bytes`; then they are written out as a row group. Files are written under a temporary
name and renamed when the whole capture is done, so a capture that fails leaves what an
earlier export of it wrote, and nothing half-written.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import pyarrow as pa
import pyarrow.parquet as pq

from ..capture.items import CaptureItem
from ..capture.reader import Capture, Limits
from ..errors import ExportError, PacketError, PkttoolsError
from ..model import userspecs
from ..model.registry import Registry, default_registry, use_specs
from .rows import item_row, packet_row
from .schema import CAPTURES, CAPTURES_TABLE, ITEMS, ITEMS_TABLE, TypeModel, model_for

ROW_OVERHEAD = 600  # estimated bytes of a held row besides its packet's bytes


@dataclass(frozen=True)
class Options:
    """How every capture of an export is read (as `read_capture` takes it) and written.
    `specs` are the user spec folders in force where the export was started, absolute, so
    workers parse with the same specs."""

    ports: tuple[str, ...] | Mapping[int | str, str] = ()
    services: tuple[str, ...] | None = None
    default_ports: bool = True
    limits: Limits | None = None
    keys: tuple[str, ...] | Mapping[str, object] = ()  # of encrypted services, as read_capture
    specs: tuple[str, ...] = ()
    batch_rows: int = 10_000
    batch_bytes: int = 16 << 20


@dataclass
class CaptureResult:
    """What one capture gave: rows per table (`<protocol>/<packet>`, `_items`), the capture
    summary's problem count and file warnings, or the error that stopped it."""

    capture: str
    name: str
    rows: dict[str, int] = field(default_factory=dict)
    records: int = 0
    problems: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def capture_name(path: str | os.PathLike) -> str:
    """The file name of a capture's Parquet files: its base name and a digest of its absolute
    path, so captures of the same name in different folders do not collide, and exporting a
    capture again replaces its files instead of adding to them."""
    base = re.sub(r"[^A-Za-z0-9._-]", "_", os.path.basename(os.fspath(path))) or "capture"
    digest = hashlib.sha1(os.path.abspath(os.fspath(path)).encode()).hexdigest()[:12]
    return f"{base}-{digest}"


def export_capture(capture: str, name: str, out: str, options: Options) -> CaptureResult:
    """Write one capture's files into the dataset folder `out`. A capture that cannot be read
    or written (not a capture file, a value its column cannot hold) comes back with `error`
    set and changes nothing in `out`."""
    _use_specs(options.specs)
    try:
        return _Export(capture, name, Path(out), options).run()
    except PkttoolsError as exc:
        return CaptureResult(capture, name, error=str(exc))


def _use_specs(folders: tuple[str, ...]) -> None:
    """On a worker: the client's spec folders, whatever this process had."""
    if [str(Path(f).resolve()) for f in userspecs.folders()] != list(folders):
        os.environ.pop(userspecs.ENV, None)
        use_specs(list(folders))


class _Table:
    """One Parquet file being written: rows held, then row groups, under a temporary name."""

    def __init__(self, path: Path, schema: pa.Schema, label: str):
        self.path, self.schema, self.label = path, schema, label
        self.temp = path.with_name(f".{path.name}.tmp")
        self.rows: list[dict[str, Any]] = []
        self.held = 0
        self.count = 0
        self.writer: pq.ParquetWriter | None = None

    def add(self, row: dict[str, Any], size: int) -> None:
        self.rows.append(row)
        self.held += size
        self.count += 1

    def flush(self) -> None:
        if self.writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self.temp, self.schema, compression="zstd")
        if self.rows:
            self.writer.write_table(self._arrow())
        self.rows, self.held = [], 0

    def _arrow(self) -> pa.Table:
        try:
            return pa.Table.from_pylist(self.rows, schema=self.schema)
        except (pa.ArrowException, OverflowError, TypeError, ValueError):
            pass
        for row in self.rows:  # find the value no column can hold, to name it
            for column in self.schema:
                try:
                    pa.array([row.get(column.name)], type=column.type)
                except (pa.ArrowException, OverflowError, TypeError, ValueError) as exc:
                    raise ExportError(f"{row['_capture']}: record {row['_record']}: "
                                      f"{self.label}: column {column.name} cannot hold the "
                                      f"value: {exc}") from None
        raise ExportError(f"{self.label}: the rows do not convert to the table's schema")

    def close(self) -> None:
        self.flush()
        self.writer.close()

    def discard(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.temp.unlink(missing_ok=True)


class _Export:
    def __init__(self, capture: str, name: str, out: Path, options: Options):
        self.capture, self.name, self.out, self.options = capture, name, out, options
        self.tables: dict[str, _Table] = {}
        self.unreadable = 0  # packets whose row could not be read (to _items with the error)

    def table(self, label: str, schema: pa.Schema) -> _Table:
        found = self.tables.get(label)
        if found is None:
            found = self.tables[label] = _Table(self.out / label / f"{self.name}.parquet",
                                                schema, label)
        return found

    def run(self) -> CaptureResult:
        options = self.options
        registry = default_registry()
        model = model_for(registry)
        items = self.table(ITEMS_TABLE, ITEMS)
        cap = Capture(self.capture, ports=options.ports, services=options.services,
                      default_ports=options.default_ports, limits=options.limits,
                      keys=options.keys,
                      registry=registry)
        held = 0
        try:
            for item in cap:
                target, row, size = self._row(item, model, registry, items)
                target.add(row, size)
                held += size
                if len(target.rows) >= options.batch_rows:
                    held -= target.held
                    target.flush()
                elif held > options.batch_bytes:
                    held = self._relieve()
            summary = cap.summary
            self.table(CAPTURES_TABLE, CAPTURES).add(self._capture_row(cap, items.count), 0)
            for table in self.tables.values():
                table.close()
            self._commit()
        except BaseException:
            for table in self.tables.values():
                table.discard()
            raise
        finally:
            cap.close()
        return CaptureResult(self.capture, self.name,
                             {label: t.count for label, t in self.tables.items()
                              if label != CAPTURES_TABLE},
                             summary.records, summary.problems + self.unreadable,
                             list(cap.file.warnings))

    def _row(self, item: CaptureItem, model: TypeModel, registry: Registry,
             items: _Table) -> tuple[_Table, dict, int]:
        """The table an item goes to, its row, and the row's estimated size in memory."""
        packet = item.packet
        if packet is not None:
            table = model.packet_table(packet.type)
            try:
                row = packet_row(table, self.capture, item)
            except PacketError as exc:
                row = item_row(self.capture, item, registry, exc)
                self.unreadable += 1
            else:
                return (self.table(table.table, table.schema), row,
                        ROW_OVERHEAD + 3 * len(packet.data))
        else:
            row = item_row(self.capture, item, registry)
        return items, row, ROW_OVERHEAD + 3 * len(row["data"] or b"")

    def _relieve(self) -> int:
        """Write out the tables holding most until the rows held fit the budget again."""
        tables = sorted(self.tables.values(), key=lambda t: t.held, reverse=True)
        held = sum(t.held for t in tables)
        for table in tables:
            if held <= self.options.batch_bytes // 2:
                break
            held -= table.held
            table.flush()
        return held

    def _capture_row(self, cap: Capture, items: int) -> dict[str, Any]:
        summary = cap.summary

        def micros(t: float | None) -> int | None:
            return None if t is None else round(t * 1e6)

        return {"_capture": self.capture, "format": cap.file.format,
                "compressed": cap.file.compressed, "records": summary.records,
                "first_time": micros(summary.first_time),
                "last_time": micros(summary.last_time),
                "connections": len(summary.connections) + summary.more_connections,
                "packets": summary.totals["packets"], "items": items,
                "problems": summary.problems + self.unreadable,
                "warnings": list(cap.file.warnings)}

    def _commit(self) -> None:
        """Replace what an earlier export of this capture wrote with the new files."""
        new = {t.path for t in self.tables.values()}
        for old in list(self.out.glob(f"*/*/{self.name}.parquet")) + \
                list(self.out.glob(f"*/{self.name}.parquet")):
            if old not in new:
                old.unlink()
        for table in self.tables.values():
            os.replace(table.temp, table.path)
