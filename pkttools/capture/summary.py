"""The closing summary of a capture: what was found, what could not be read, and where.

It fills in while a `Capture` is iterated, so a script that stops early still has the numbers
so far; its size is bounded (at most `LISTED` connections and unmapped flows are listed one by
one, the rest are counted).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UnknownOpcodeError
from ..stream.items import Frame, Incomplete, Unframed
from .netdecode import TH_ACK, TH_SYN, format_address
from .reassembly import Gap, Overlap, Stray

if TYPE_CHECKING:
    from .capfile import CaptureFile, Record
    from .items import CaptureItem, Connection
    from .netdecode import Segment

LISTED = 1000


@dataclass(slots=True)
class UnmappedFlow:
    """Traffic between two endpoints on no known port. `client` is the side that sent the
    SYN when one was seen, else the side with the higher port."""

    transport: str
    client: str
    server: str
    records: int = 0
    bytes: int = 0
    first_record: int = 0

    def to_dict(self) -> dict:
        return {"transport": self.transport, "client": self.client, "server": self.server,
                "records": self.records, "bytes": self.bytes,
                "first_record": self.first_record}


class Summary:
    """Counts of a capture read. `problems` is the number of findings that mean bytes were
    lost or could not be read (gaps, frames that did not parse, unframed or incomplete bytes,
    conflicting retransmissions, stray bytes, a damaged file)."""

    def __init__(self, file: "CaptureFile"):
        self.file = file
        self.records = 0
        self.first_time: float | None = None
        self.last_time: float | None = None
        self.linktypes: Counter[int] = Counter()
        self.skipped: Counter[str] = Counter()
        self.packets: Counter[tuple[str, str]] = Counter()
        self.unknown: Counter[tuple[str, int]] = Counter()
        self.totals: Counter[str] = Counter()
        self.connections: list[Connection] = []
        self.more_connections = 0
        self.unmapped_flows: dict[tuple, UnmappedFlow] = {}
        self.more_unmapped = Counter()  # records and bytes of flows past the listed ones
        self.done = False

    # -- filled in by Capture -------------------------------------------------------------------
    def record(self, record: "Record") -> None:
        self.records += 1
        self.linktypes[record.linktype] += 1
        if self.first_time is None:
            self.first_time = record.time
        self.last_time = record.time

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def connection(self, conn: "Connection") -> None:
        if len(self.connections) < LISTED:
            self.connections.append(conn)
        else:
            self.more_connections += 1

    def unmapped(self, seg: "Segment", record: "Record") -> None:
        a, b = (seg.src, seg.sport), (seg.dst, seg.dport)
        key = (seg.transport,) + tuple(sorted((a, b)))
        flow = self.unmapped_flows.get(key)
        if flow is None:
            if len(self.unmapped_flows) >= LISTED:
                self.more_unmapped["records"] += 1
                self.more_unmapped["bytes"] += len(seg.payload)
                return
            syn = seg.transport == "tcp" and seg.flags & TH_SYN
            if syn:
                client, server = (b, a) if seg.flags & TH_ACK else (a, b)
            else:
                client, server = (a, b) if seg.sport >= seg.dport else (b, a)
            flow = self.unmapped_flows[key] = UnmappedFlow(
                seg.transport, format_address(*client), format_address(*server),
                first_record=record.number)
        flow.records += 1
        flow.bytes += len(seg.payload)

    def add(self, item: "CaptureItem") -> None:
        stats = item.connection.stats[item.direction]
        content = item.content
        totals = self.totals
        if isinstance(content, Frame):
            if content.packet is not None:
                stats.packets += 1
                self.packets[(item.protocol or "", content.packet.name)] += 1
                totals["packets"] += 1
            elif isinstance(content.error, UnknownOpcodeError):
                stats.unknown += 1
                self.unknown[(item.protocol or "", content.error.opcode or 0)] += 1
                totals["unknown"] += 1
            else:
                stats.errors += 1
                totals["errors"] += 1
        elif isinstance(content, Unframed):
            stats.unframed_bytes += len(content.data)
            totals["unframed_bytes"] += len(content.data)
            if content.error is not None:
                totals["unframed_errors"] += 1
        elif isinstance(content, Incomplete):
            stats.incomplete_bytes += len(content.data)
            totals["incomplete"] += 1
            totals["incomplete_bytes"] += len(content.data)
        elif isinstance(content, Gap):
            stats.gaps += 1
            stats.gap_bytes += content.size
            totals["gaps"] += 1
            totals["gap_bytes"] += content.size
        elif isinstance(content, Overlap):
            stats.overlaps += 1
            totals["overlaps"] += 1
        elif isinstance(content, Stray):
            stats.stray_bytes += len(content.data)
            totals["stray_bytes"] += len(content.data)
        elif item.kind == "unparsed":
            stats.unparsed_bytes += len(content.data)
            totals["unparsed_bytes"] += len(content.data)

    def finish(self) -> None:
        self.done = True

    # -- reading it -----------------------------------------------------------------------------
    @property
    def problems(self) -> int:
        t = self.totals
        return (t["errors"] + t["unframed_errors"] + t["incomplete"] + t["gaps"]
                + t["overlaps"] + (1 if t["stray_bytes"] else 0) + len(self.file.warnings))

    @property
    def unframed_bytes(self) -> int:
        return self.totals["unframed_bytes"]

    @property
    def gaps(self) -> int:
        return self.totals["gaps"]

    def to_dict(self) -> dict[str, Any]:
        t = self.totals
        return {
            "file": self.file.path, "format": self.file.format,
            "compressed": self.file.compressed, "records": self.records,
            "first_time": self.first_time, "last_time": self.last_time,
            "linktypes": dict(self.linktypes), "complete": self.done,
            "packets": [{"protocol": p, "packet": n, "count": c}
                        for (p, n), c in sorted(self.packets.items())],
            "without_spec": [{"protocol": p, "opcode": o, "count": c}
                             for (p, o), c in sorted(self.unknown.items())],
            "totals": {k: t[k] for k in ("packets", "unknown", "errors", "unframed_bytes",
                                         "incomplete_bytes", "gaps", "gap_bytes", "overlaps",
                                         "stray_bytes", "unparsed_bytes")},
            "connections": [c.to_dict() for c in self.connections],
            "more_connections": self.more_connections,
            "unmapped": [f.to_dict() for f in self.unmapped_flows.values()],
            "more_unmapped": dict(self.more_unmapped),
            "skipped": dict(self.skipped),
            "file_warnings": list(self.file.warnings),
            "problems": self.problems,
        }

    def format(self) -> str:
        """Several lines of text, for the end of `pkttools capture`."""
        t = self.totals
        kind = f"{self.file.format}{', gzip' if self.file.compressed else ''}"
        conns = len(self.connections) + self.more_connections
        lines = [f"{self.file.path} ({kind}): {self.records} record(s), {conns} connection(s) "
                 f"on known ports, {t['packets']} packet(s)"]
        if self.packets:
            lines.append("packets:")
            width = max(len(str(c)) for c in self.packets.values())
            for (proto, name), count in sorted(self.packets.items()):
                lines.append(f"  {count:>{width}}  {proto} {name}")
        if self.unknown:
            lines.append("packets without a spec:")
            for (proto, opcode), count in sorted(self.unknown.items()):
                lines.append(f"  {count}  {proto} 0x{opcode:04x}")
        lines.append(f"unframed: {t['unframed_bytes']} byte(s); incomplete frames: "
                     f"{t['incomplete']} ({t['incomplete_bytes']} bytes); gaps: {t['gaps']} "
                     f"({t['gap_bytes']} bytes missing); conflicting retransmissions: "
                     f"{t['overlaps']}; frames that did not parse: {t['errors']}"
                     + (f"; stray bytes: {t['stray_bytes']}" if t["stray_bytes"] else ""))
        if self.connections:
            lines.append("connections:")
            for conn in self.connections:
                parts = []
                for direction, stats in conn.stats.items():
                    what = f"{stats.packets} packet(s)" if conn.protocols[direction] and \
                        stats.unparsed_bytes == 0 else "not parsed"
                    extra = [f"{stats.gaps} gap(s)"] if stats.gaps else []
                    extra += [f"{stats.unframed_bytes} B unframed"] if stats.unframed_bytes \
                        else []
                    parts.append(f"{direction} {what}, {stats.bytes} B"
                                 + (f" ({', '.join(extra)})" if extra else ""))
                lines.append(f"  #{conn.id} {conn.label} [{conn.state}]: {'; '.join(parts)}")
                lines.extend(f"      {note}" for note in conn.notes)
            if self.more_connections:
                lines.append(f"  ... and {self.more_connections} more")
        if self.unmapped_flows:
            lines.append("not on a known port (give one with --port PORT=SERVICE):")
            for flow in sorted(self.unmapped_flows.values(), key=lambda f: -f.bytes)[:20]:
                lines.append(f"  {flow.transport} {flow.client} > {flow.server}: "
                             f"{flow.records} record(s), {flow.bytes} B of payload")
            hidden = len(self.unmapped_flows) - 20
            if hidden > 0 or self.more_unmapped:
                lines.append(f"  ... and {max(hidden, 0)} more flow(s)"
                             + (f", {self.more_unmapped['records']} more record(s)"
                                if self.more_unmapped else ""))
        if self.skipped:
            lines.append("records skipped: " + ", ".join(
                f"{count} {reason}" for reason, count in self.skipped.most_common()))
        for warning in self.file.warnings:
            lines.append(f"file: {warning}")
        return "\n".join(lines)
