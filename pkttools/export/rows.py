"""Capture items to rows: a parsed packet to a row of its packet type's table, anything else
to a row of `_items`.

A packet row is read from the generated objects by the nodes of its table's schema
(schema.py), so each value lands in the column its spec declares. A packet whose value
instance cannot be evaluated on its bytes is not a packet row with a hole: it goes to
`_items` as a frame with the located error, as a frame that did not parse does.
"""

from __future__ import annotations

import json
from typing import Any

from ..capture.items import CaptureItem
from ..capture.reassembly import Gap, Overlap
from ..codec.decode import light_dispatcher
from ..codec.plain import to_plain
from ..errors import PacketError, UnknownOpcodeError
from ..model.registry import Registry
from ..stream.items import Frame, Prologue
from .schema import PacketTable

# Keys of an item's to_dict() that have columns of their own in `_items`; the rest (a
# prologue's name and fields; a frame's header) goes to its `fields` column as JSON.
_COLUMNS = {"kind", "offset", "length", "reason", "error", "hex", "kept_hex", "dropped_hex"}


def where(capture: str, item: CaptureItem, length: int) -> dict[str, Any]:
    """The META columns of an item."""
    conn = item.connection
    return {"_capture": capture, "_record": item.record, "_time": round(item.time * 1e6),
            "_connection": conn.id, "_client": conn.client, "_server": conn.server,
            "_direction": item.direction, "_offset": item.offset,
            "_datagram": item.datagram, "_length": length}


def packet_row(table: PacketTable, capture: str, item: CaptureItem) -> dict[str, Any]:
    """The row of a frame's packet. Raises the packet's located ParseError when a value
    instance cannot be evaluated (see item_row)."""
    frame: Frame = item.content  # type: ignore[assignment]
    packet = frame.packet
    row = where(capture, item, len(frame.data))
    try:
        if table.frame is not None:
            source = light_dispatcher(packet.protocol, packet.data) or packet.dispatcher
            row["_frame"] = table.frame.read(source)
        if table.header is not None:
            row["_header"] = table.header.read(frame.header)
        row["_trailing"] = packet.trailing or None
        if table.body.kind == "struct":
            row.update(table.body.read(packet.obj))
    except Exception:
        packet.fields()  # the plain-data walk names the instance that failed, with its path
        raise
    return row


def item_row(capture: str, item: CaptureItem, registry: Registry,
             error: PacketError | None = None) -> dict[str, Any]:
    """The `_items` row of anything but a parsed packet; `error` for a packet that parsed
    but could not be read into its row."""
    content = item.content
    conn = item.connection
    if isinstance(content, Gap):
        data = None
    elif isinstance(content, Overlap):
        data = content.kept
    else:
        data = content.data
    row = where(capture, item, content.size if isinstance(content, Gap) else len(data))
    error = error or getattr(content, "error", None)
    packet = opcode = None
    if isinstance(error, UnknownOpcodeError):
        opcode = error.opcode
    elif isinstance(error, PacketError) and error.packet is not None and item.protocol:
        packet = error.packet
        known = registry.protocols.get(item.protocol)
        found = known.by_name.get(packet) if known is not None else None
        opcode = found.opcode if found is not None else None
    if isinstance(content, Frame):  # its packet, if any, is not read again
        extra = {} if content.header is None else {"header": to_plain(content.header, registry)}
    else:
        plain = content.to_dict(registry) if isinstance(content, Prologue) else \
            content.to_dict()
        extra = {k: v for k, v in plain.items() if k not in _COLUMNS}
    row.update({
        "kind": item.kind, "transport": conn.transport, "service": conn.service,
        "protocol": item.protocol, "packet": packet, "opcode": opcode,
        "reason": getattr(content, "reason", None),
        "error": None if error is None else str(error),
        "data": data, "dropped": content.dropped if isinstance(content, Overlap) else None,
        "fields": json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None,
    })
    return row
