"""Captures to a Parquet dataset, serially or on a Dask cluster (run.py holds `export`).

    from pkttools.export import export, packet_schema

The names below load on first use, so `import pkttools` never loads pyarrow or dask.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .run import ExportResult, export
    from .schema import CAPTURES, ITEMS, META, packet_schema
    from .writer import CaptureResult, Options, capture_name

_LAZY = {
    "export": "run", "ExportResult": "run", "packet_schema": "schema", "META": "schema",
    "ITEMS": "schema", "CAPTURES": "schema", "CaptureResult": "writer", "Options": "writer",
    "capture_name": "writer",
}

__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pkttools.export' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
