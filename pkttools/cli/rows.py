"""Table rows of stream items, as `pkttools split`, `pkttools capture` and `pkttools proxy`
print them.

The tables show a frame the same way (opcode, packet name, a summary of its fields; a frame
without a spec by its opcode and first bytes); they differ in the columns around it. The
proxy's rows are a capture's with one more column, the action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..codec.plain import to_plain
from ..codec.render import summarize
from ..show import hex_preview
from ..model.registry import default_registry
from ..stream.items import Frame, Incomplete, Prologue, Unframed

if TYPE_CHECKING:  # the split command does not load the capture reader, nor the proxy
    from ..capture.items import CaptureItem
    from ..proxy.items import ProxyItem

DIRECTION_ARROWS = {"client": "C>S", "server": "S>C"}
CAPTURE_HEADERS = ("record", "time", "conn", "dir", "opcode", "packet", "summary")
_CAPTURE_WIDTHS = (7, 11, 5, 4, 7, 24)
# `pkttools proxy`: a capture's row with what the proxy did to the item after the direction
PROXY_HEADERS = CAPTURE_HEADERS[:4] + ("action",) + CAPTURE_HEADERS[4:]
_PROXY_WIDTHS = _CAPTURE_WIDTHS[:4] + (10,) + _CAPTURE_WIDTHS[4:]


def frame_cells(frame: Frame, error_label: str) -> tuple[str, str, str]:
    """opcode, packet, summary of a frame; `error_label` names a frame whose packet failed."""
    if frame.packet is not None:
        pkt = frame.packet
        return f"0x{pkt.opcode:04x}", pkt.name, summarize(pkt.fields())
    opcode = getattr(frame.error, "opcode", None)
    if opcode is not None:
        return f"0x{opcode:04x}", "(no spec)", hex_preview(frame.data, 20)
    return "", error_label, str(frame.error.detail)


def split_row(item: Any) -> tuple:
    """offset, length, kind, opcode, packet, summary: a row of `pkttools split`."""
    offset = f"0x{item.offset:06x}"
    if isinstance(item, Frame):
        return (offset, len(item.data), "frame") + frame_cells(item, "?")
    if isinstance(item, Prologue):
        summary = summarize(to_plain(item.obj, default_registry())) \
            if item.obj is not None else hex_preview(item.data, 16)
        return (offset, len(item.data), "prologue", "", item.name, summary)
    kind = "unframed" if isinstance(item, Unframed) else "incomplete"
    assert isinstance(item, (Unframed, Incomplete))
    return (offset, len(item.data), kind, "", "", item.reason)


def capture_row(item: "CaptureItem", start: float) -> tuple:
    """record, time since the first record, connection, direction, opcode, packet, summary:
    a row of `pkttools capture`."""
    content = item.content
    base = (item.record, f"{item.time - start:.6f}", item.connection.id,
            DIRECTION_ARROWS[item.direction])
    if isinstance(content, Frame):
        return base + frame_cells(content, "(error)")
    if isinstance(content, Prologue):
        return base + ("", "(prologue)", f"{content.name}, {len(content.data)} bytes")
    length = content.size if item.kind == "gap" else len(getattr(content, "kept", None)
                                                         or content.data)
    where = f"datagram {item.datagram} " if item.datagram is not None else ""
    detail = getattr(content, "error", None)
    text = f"{length} bytes at {where}offset {content.offset}: {content.reason}"
    if detail is not None:
        text += f" ({detail})"
    return base + ("", f"({item.kind})", text)


def proxy_row(item: "ProxyItem", start: float) -> tuple:
    """A capture row with the action (forwarded, edited, dropped, injected) after the
    direction: a row of `pkttools proxy`."""
    row = capture_row(item, start)
    return row[:4] + (item.action,) + row[4:]


def capture_line(cells: tuple) -> str:
    """A capture row (or a proxy row) as one line of fixed-width columns: rows stream out as
    the file is read, so no table is held to size the columns."""
    widths = _PROXY_WIDTHS if len(cells) == len(PROXY_HEADERS) else _CAPTURE_WIDTHS
    head = "".join(f"{str(c):<{w}}" if i else f"{str(c):>{w - 1}} "
                   for i, (c, w) in enumerate(zip(cells, widths)))
    return (head + str(cells[-1])).rstrip()
