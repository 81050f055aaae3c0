"""Captures: pcap and pcapng files to parsed packets, through TCP reassembly and each
service's splitter, lazily and in bounded memory (reader.py holds the pipeline).

    from pkttools.capture import read_capture, read_captures, Limits

The names below load on first use, so importing a module of this package (its items, its
port table) does not load the whole reader.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .capfile import CaptureFile, Record
    from .items import CaptureItem, Connection, DirectionStats, Unparsed
    from .parallel import read_captures
    from .reader import Capture, Limits, read_capture
    from .summary import Summary

_LAZY = {
    "read_capture": "reader", "Capture": "reader", "Limits": "reader",
    "read_captures": "parallel",
    "CaptureItem": "items", "Connection": "items", "DirectionStats": "items",
    "Unparsed": "items", "Summary": "summary", "CaptureFile": "capfile", "Record": "capfile",
}

__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pkttools.capture' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
