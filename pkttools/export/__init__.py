"""Captures to a Parquet dataset, serially or on a Dask cluster.

    from pkttools.export import export, packet_schema

`import pkttools` does not import this package (nor pyarrow): only `pkttools export` and
scripts that ask for it do.
"""

from __future__ import annotations

from .run import ExportResult, export
from .schema import CAPTURES, ITEMS, META, packet_schema
from .writer import CaptureResult, Options, capture_name

__all__ = ["export", "ExportResult", "packet_schema", "META", "ITEMS", "CAPTURES",
           "CaptureResult", "Options", "capture_name"]
