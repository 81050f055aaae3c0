"""What the proxy reports: each piece of traffic as forwarded, with what it did to it.

A `ProxyItem` is a capture item (the same row in a table, the same JSON Lines object: time,
record, connection, direction, protocol, then the frame, unframed or unparsed bytes) with the
action taken: `forwarded` (the original bytes), `edited` (the hook or a redirect changed the
packet; `original` holds it as received), `dropped` (nothing was sent; the item is the packet
as received), `injected` (sent in addition, by the hook).

Offsets and records are those of the traffic as forwarded: the offset in the stream the
receiver got, and the record of the saved pcapng that carried the item's last byte, so
`pkttools capture` of the saved file shows the same items at the same places.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..capture.items import CaptureItem, Content
from ..stream.items import Frame

ACTIONS = ("forwarded", "edited", "dropped", "injected")


@dataclass(frozen=True)
class Moved:
    """An address a redirect rewrote: the server the client was sent to, and where it goes
    now (a listener of the proxy that leads there)."""

    service: str
    original: str  # host:port as the server wrote it
    rewritten: str  # host:port of the proxy's listener

    def to_dict(self) -> dict:
        return {"service": self.service, "from": self.original, "to": self.rewritten}


@dataclass(slots=True)
class ProxyItem(CaptureItem):
    """A capture item and what the proxy did with it."""

    action: str = "forwarded"
    original: Content | None = None
    redirects: list[Moved] = field(default_factory=list)
    hook_error: str | None = None

    def to_dict(self) -> dict:
        out = CaptureItem.to_dict(self)
        out["action"] = self.action
        if self.original is not None:
            out["original"] = self.original.to_dict()
        if self.redirects:
            out["redirects"] = [m.to_dict() for m in self.redirects]
        if self.hook_error is not None:
            out["hook_error"] = self.hook_error
        return out


def moved_to(content: Content, offset: int) -> Content:
    """The same item at another stream offset (its error's offset moved with it)."""
    by = offset - content.offset
    if not by:
        return content
    if isinstance(content, Frame):
        error = content.error.shifted(by) if content.error is not None else None
        return dataclasses.replace(content, offset=offset, error=error,
                                   packet_offset=content.packet_offset + by)
    return dataclasses.replace(content, offset=offset)
