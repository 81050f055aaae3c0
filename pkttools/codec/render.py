"""A packet for people: a table of every field, and a one-line summary.

`pkttools parse` prints the table, `pkttools split` and `pkttools capture` the summaries, and
the documentation pages show the table under each example.
"""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any

from kaitaistruct import KaitaiStruct
from tabulate import tabulate

from ..show import hex_preview
from ..model.paths import MISSING
from ..model.registry import Registry
from .offsets import packet_relative
from .packet import Packet
from .plain import format_path


def summarize(fields: Any, width: int = 70) -> str:
    """A one-line `name=value` summary of a packet's leading fields."""
    parts: list[str] = []

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                walk(sub, f"{prefix}{key}." if isinstance(sub, dict) else f"{prefix}{key}")
        elif isinstance(value, list):
            parts.append(f"{prefix}=[{len(value)}]")
        else:
            shown = json.dumps(value, ensure_ascii=False) if isinstance(value, str) and \
                not hasattr(value, "value") else str(value)
            parts.append(f"{prefix}={shown}")

    walk(fields, "")
    text = " ".join(parts)
    return text if len(text) <= width else text[:width - 3] + "..."


def render_table(packet: Packet, label: str | None = None) -> str:
    """Every field of a packet: offset, size, path, type and value, one row each."""
    registry = packet.protocol.registry
    fields = _field_index(registry)
    rows = []
    for span in packet.spans():
        path = packet_relative(packet.protocol, span.path)
        if not path:  # the body itself: the header line says what it is
            continue
        info = fields.get((span.owner, span.name), {})
        type_text = info.get("display", "")
        if span.index is not None:
            type_text = type_text[:-2] if type_text.endswith("[]") else type_text
        if span.bits is not None:
            offset, size = f"0x{span.start:04x}.{span.bit}", f"{span.bits}b"
        else:
            offset = "" if span.start is None else f"0x{span.start:04x}"
            size = "" if span.size is None else span.size
        rows.append((
            offset,
            size,
            format_path(path),
            type_text,
            format_value(span.value, info, registry, is_item=span.index is not None),
        ))
    if packet.trailing:
        rows.append((f"0x{packet.trailing_offset:04x}", len(packet.trailing), "(trailing)",
                     "bytes", hex_preview(packet.trailing)))
    head = (f"{label + ': ' if label else ''}{packet.protocol.name} 0x{packet.opcode:04x} "
            f"{packet.name}" + (f" - {packet.type.title}" if packet.type.title else "")
            + f" ({len(packet.data)} bytes)")
    table = tabulate(rows, headers=("offset", "size", "field", "type", "value"),
                     disable_numparse=True,
                     colalign=("left", "right", "left", "left", "left") if rows else None)
    return f"{head}\n{table}"


_FIELD_INDEX: dict[int, dict] = {}


def _field_index(registry: Registry) -> dict:
    index = _FIELD_INDEX.get(id(registry))
    if index is None:
        index = {}
        for key, info in registry.types.items():
            for field in info["seq"] + info["instances"]:
                index[(key, field["id"])] = field
        _FIELD_INDEX[id(registry)] = index
    return index


def format_value(value: Any, field: dict, registry: Registry, is_item: bool = False) -> str:
    """A field's value in a table cell: enums with their number, bytes as hex, text quoted."""
    if value is MISSING:
        return "(not parsed: no case matches)" if field.get("switch_on") else "(absent)"
    if isinstance(value, KaitaiStruct):
        return ""
    if isinstance(value, list) and not is_item:
        return f"[{len(value)} items]"
    if isinstance(value, IntEnum):
        return f"{value.name} ({int(value)})"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if field.get("enum"):
            enum_name = registry.enums[field["enum"]]["name"]
            return f"{value} (not in enum {enum_name})"
        return str(value) if -10 < value < 10 else f"{value} (0x{value:x})"
    if isinstance(value, (bytes, bytearray)):
        return hex_preview(bytes(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)
