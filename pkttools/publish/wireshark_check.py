"""pkttools versus its generated Wireshark dissector: the same packets, the same values.

`dissect` runs Debian's tshark with the plugin over a capture (`-T pdml`, every field with its
position, size and shown value) and returns each PDU the plugin put in the tree; `compare`
matches one PDU with the `Packet` pkttools parsed from the same bytes, field by field through
the filter names the generator gave each plain-data path (`Plugin.paths`): packet name, opcode,
the dispatcher's frame fields, every body field (enums by number and name, text as PDML shows
it, bytes, floats as Wireshark formats them, booleans, lists item by item), value instances,
the frame header of a length-prefixed frame, and every field's offset and size (bit fields:
inside the bytes Wireshark shows), with no expert info and no undissected bytes; `no_spec`
matches a `(no spec)` PDU with a frame the splitter stepped over by its declared length. A
`Mismatch` names the field path; `report` adds the protocol, packet and vector.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..codec.packet import Packet
from ..codec.plain import EnumName, format_path
from ..errors import ToolError
from ..model.registry import Protocol
from .wireshark import Plugin

# Fields the plugin adds to PDUs besides those of the specs: the direction, the packet's name,
# a game layer's frame (PangYa's encrypted transport).
META = ("direction", "packet", "layer")


def tshark() -> str | None:
    """The tshark command, if installed."""
    return shutil.which("tshark")


@dataclass
class Pdu:
    """One PDU the plugin added to a frame's tree (one `<proto>` element of the PDML)."""

    frame: int
    stream: tuple[str, int] | None  # ("tcp", tcp.stream) or ("udp", udp.stream)
    service: str  # the filter name of the service: tmw_login
    element: ET.Element
    experts: list[tuple[str, str]] = field(default_factory=list)  # (expert field, message)

    def value(self, name: str) -> str | None:
        found = [c for c in self.element if c.tag == "field" and c.get("name") ==
                 f"{self.service}.{name}"]
        return found[0].get("show") if found else None

    def find(self, name: str) -> str | None:
        """The shown value of the first field `service.name` anywhere in the PDU."""
        found = _find(self.element, f"{self.service}.{name}")
        return None if found is None else found.get("show")

    @property
    def direction(self) -> str | None:
        return self.value("direction")

    @property
    def packet(self) -> str | None:
        return self.value("packet")

    def label(self) -> str:
        return (f"frame {self.frame} {self.service} {self.direction or '?'} "
                f"{self.packet or self.element.get('showname', '')}")


def dissect(plugin: Path, capture: Path, services: list[str], *,
            options: list[str] = (), decode_as: list[str] = (), two_pass: bool = False,
            timeout: float = 120) -> tuple[list[Pdu], str]:
    """Every PDU of the services (filter names) in a capture, in frame order, and tshark's
    stderr; `two_pass` dissects as Wireshark's GUI shows a loaded file (tshark -2: what the
    whole capture taught the dissector, such as a key found by trial, applies to every frame).
    Raises ToolError when tshark fails."""
    command = tshark()
    if command is None:
        raise ToolError("tshark is not installed (Debian: apt-get install tshark)")
    # -J: only the services' fields in full (the other protocols' elements keep their summary
    # line, from which the addresses and ports come): a fraction of the XML to read.
    args = [command, "-n", "-X", f"lua_script:{plugin}", "-r", str(capture), "-T", "pdml",
            "-J", " ".join(services)]
    for option in options:
        args += ["-o", option]
    for rule in decode_as:
        args += ["-d", rule]
    if two_pass:
        args.append("-2")
    env = dict(os.environ, HOME=os.environ.get("HOME", "/tmp"))
    done = subprocess.run(args, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=timeout, env=env)
    if done.returncode != 0:
        raise ToolError(f"tshark failed ({done.returncode}): {done.stderr[-2000:]}")
    stderr = done.stderr
    if "Lua Error" in done.stdout:  # a Lua error in a dissector is a tree item, not stderr
        stderr += "\nLua Error in the tree: " + done.stdout[done.stdout.index("Lua Error"):][:500]
    root = ET.fromstring(done.stdout)
    pdus = []
    streams: dict[tuple, tuple[str, int]] = {}
    counts: dict[str, int] = {}  # streams so far, by transport
    for packet in root.iter("packet"):
        number = stream = None
        hosts: list[str] = []
        for proto in packet:
            name = proto.get("name")
            if name == "geninfo":
                number = int(_find(proto, "num").get("show"))
            elif name in ("ip", "ipv6"):
                hosts = _summary(proto, ("Src", "Dst"))
            elif name in ("tcp", "udp"):
                ports = _summary(proto, ("Src Port", "Dst Port"))
                key = (name, frozenset(zip(hosts, ports)))
                # numbered as Wireshark numbers tcp.stream / udp.stream: by first frame
                if key not in streams:
                    streams[key] = (name, counts.get(name, 0))
                    counts[name] = counts.get(name, 0) + 1
                stream = streams[key]
            elif name in services:
                pdu = Pdu(number, stream, name, proto)
                pdu.experts = [(e.get("name"), m.get("show"))
                               for x in proto.iter("field") if x.get("name") == "_ws.expert"
                               for e in x if e.get("name", "").startswith(name + ".")
                               for m in x if m.get("name") == "_ws.expert.message"]
                pdus.append(pdu)
    return pdus, stderr


def _summary(proto: ET.Element, names: tuple[str, ...]) -> list[str]:
    """Values from a protocol's summary line (`Src Port: 40000, Dst Port: 6901`)."""
    parts = dict(part.split(": ", 1) for part in proto.get("showname", "").split(", ")
                 if ": " in part)
    return [parts.get(n, "") for n in names]


def _find(element: ET.Element, name: str) -> ET.Element | None:
    for child in element.iter("field"):
        if child.get("name") == name:
            return child
    return None


@dataclass
class Expected:
    """A packet the dissector must show: where (stream and direction), its label (a vector
    name, a capture file), the `Packet` pkttools parsed from its payload, and the plain header
    of its length-prefixed frame."""

    stream: tuple[str, int]  # ("tcp", tcp.stream) or ("udp", udp.stream)
    direction: str
    protocol: str
    label: str
    packet: Packet
    header: dict | None = None
    positions: bool = True  # False where PDML positions are not the packet's (decrypted data)
    notes: tuple[str, ...] = ()  # the game layer's notes on its frame (a key found by trial)


@dataclass
class Prologue:
    """Fields a stream reads once before its frames (FFXI's datagram header), as plain data."""

    stream: tuple[str, int]
    direction: str
    protocol: str
    label: str
    name: str
    plain: dict


@dataclass
class NoSpec:
    """A packet id without a spec that pkttools' splitter stepped over by the length its
    dispatcher declares: the frame's bytes and the splitter's message (the error's detail)."""

    stream: tuple[str, int]
    direction: str
    protocol: str
    label: str
    opcode: int
    data: bytes
    message: str


@dataclass(frozen=True)
class Mismatch:
    """One place where the dissector and pkttools differ."""

    path: str
    wireshark: Any
    pkttools: Any
    note: str = ""

    def __str__(self) -> str:
        extra = f" ({self.note})" if self.note else ""
        return (f"field {self.path or '(packet)'}: Wireshark {self.wireshark!r}, pkttools "
                f"{self.pkttools!r}{extra}")


def report(protocol: str, packet: str | None, vector: str, found: list[Mismatch],
           where: str = "") -> str | None:
    """One message naming protocol, packet, vector and every differing field; None if none."""
    if not found:
        return None
    head = (f"{protocol} {packet or '?'} vector {vector}: the Wireshark dissector differs"
            + (f" ({where})" if where else ""))
    return head + ":\n  " + "\n  ".join(str(m) for m in found)


def shown_text(text: str) -> str:
    """A string as PDML's `show` gives it: cut at a NUL, control characters escaped as
    `\\xN`, tab and line breaks as the spaces an XML attribute turns them into."""
    out = []
    for ch in text.split("\0", 1)[0]:
        code = ord(ch)
        if ch in "\t\n\r":
            out.append(" ")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:x}")
        else:
            out.append(ch)
    return "".join(out)


class Comparer:
    """Compares PDUs with pkttools packets, through the generator's path map."""

    def __init__(self, plugin: Plugin):
        self.plugin = plugin
        self.paths = plugin.paths
        self.fields_compared = 0

    def compare(self, pdu: Pdu, proto: Protocol, packet: Packet, *, header: Any = None,
                positions: bool = True, notes: tuple[str, ...] = ()) -> list[Mismatch]:
        """Differences between one PDU and the packet pkttools parsed from its bytes; `notes`
        are what pkttools' game layer says of the frame, the dissector's layer notes."""
        out: list[Mismatch] = []
        plain = packet.to_dict()
        if pdu.direction != proto.direction:
            out.append(Mismatch("direction", pdu.direction, proto.direction))
        if pdu.packet != packet.name:
            out.append(Mismatch("packet", pdu.packet, packet.name))
        self.fields_compared += 2
        said = [m for a, m in pdu.experts if a == f"{pdu.service}.layer_note"]
        if said != list(notes):
            out.append(Mismatch("(layer notes)", said, list(notes)))
        for abbrev, message in pdu.experts:
            if abbrev != f"{pdu.service}.layer_note":
                out.append(Mismatch("(expert)", f"{abbrev}: {message}", "no problem"))
        located: dict[tuple, ET.Element] = {}
        top = [c for c in pdu.element if c.tag == "field"]
        expected_top: set[str] = {f"{pdu.service}.{m}" for m in META}
        if notes:  # the experts, compared above
            expected_top.add("_ws.expert")
        # the dispatcher's own fields: the opcode and the frame fields
        opcode = self.paths.get(proto.name, "dispatcher", proto.opcode_field)
        if opcode is None:
            out.append(Mismatch(proto.opcode_field, None, plain["opcode"], "no filter name"))
        else:
            expected_top.add(opcode[0])
            found = [c for c in top if c.get("name") == opcode[0]]
            shown = _int(found[0].get("show")) if len(found) == 1 else None
            self.fields_compared += 1
            if shown != plain["opcode"]:
                out.append(Mismatch(proto.opcode_field, shown, plain["opcode"], "opcode"))
        frame = plain.get("frame") or {}
        out += self._struct(top, frame, proto.name, "dispatcher", (), ("frame",), located,
                            expected_top)
        for inst in proto.registry.types[proto.type_key]["instances"]:
            known = self.paths.get(proto.name, "dispatcher", inst["id"])
            if known:
                expected_top.add(known[0])
        body_name = self.paths.get(proto.name, f"packet:{packet.name}", ())
        body = [c for c in top if body_name and c.get("name") == body_name[0]]
        if len(body) != 1:
            out.append(Mismatch("fields", f"{len(body)} packet subtrees", packet.name))
        else:
            expected_top.add(body_name[0])
            located[("fields",)] = body[0]
            out += self._struct(_fields(body[0]), plain["fields"], proto.name,
                                f"packet:{packet.name}", (), ("fields",), located, set())
        if header is not None:
            frame_header = proto.stream["frame"]["header_field"]
            out += self._struct(top, {frame_header: header}, proto.name, "frame", (),
                                ("header",), located, expected_top)
        for child in top:
            if child.get("name") not in expected_top:
                out.append(Mismatch(child.get("name"), child.get("show"), None,
                                    "only in Wireshark"))
        if positions:
            out += self._positions(packet, proto, located)
        return out

    def no_spec(self, pdu: Pdu, proto: Protocol, item: NoSpec) -> list[Mismatch]:
        """A PDU of an id without a spec: the opcode, the bytes after it (`no_spec_body`),
        the PDU's size, the expert's message, and nothing else."""
        out: list[Mismatch] = []
        if pdu.direction != proto.direction:
            out.append(Mismatch("direction", pdu.direction, proto.direction))
        expert = [(f"{pdu.service}.no_spec", item.message)]
        if pdu.experts != expert:
            out.append(Mismatch("(expert)", pdu.experts, expert))
        top = {c.get("name"): c for c in _fields(pdu.element)}
        opcode_name = (self.paths.get(proto.name, "dispatcher", proto.opcode_field) or ("",))[0]
        opcode = top.get(opcode_name)
        shown = _int(opcode.get("show")) if opcode is not None else None
        if shown != item.opcode:
            out.append(Mismatch(proto.opcode_field, shown, item.opcode, "opcode"))
        head = int(opcode.get("size")) if opcode is not None else 0
        body = top.get(f"{pdu.service}.no_spec_body")
        got = (body.get("value") or "") if body is not None else ""
        if got != item.data[head:].hex():
            out.append(Mismatch("no_spec_body", got, item.data[head:].hex(), "bytes"))
        if pdu.element.get("size") != str(len(item.data)):
            out.append(Mismatch("(size)", pdu.element.get("size"), len(item.data)))
        for name in set(top) - {opcode_name, f"{pdu.service}.no_spec_body",
                                f"{pdu.service}.direction"}:
            out.append(Mismatch(name, top[name].get("show"), None, "only in Wireshark"))
        self.fields_compared += 4
        return out

    def prologue(self, pdu: Pdu, proto: Protocol, name: str, plain: dict) -> list[Mismatch]:
        """A PDU holding a stream's prologue field against its plain data."""
        top = [c for c in pdu.element if c.tag == "field"]
        out = [Mismatch("(expert)", f"{a}: {m}", "no problem") for a, m in pdu.experts]
        return out + self._struct(top, {name: plain}, proto.name, "prologue", (), ("prologue",),
                                  {}, {f"{pdu.service}.{m}" for m in META})

    def _struct(self, children: list[ET.Element], plain: dict, protocol: str, context: str,
                path: tuple, where: tuple, located: dict, expected: set[str] | None
                ) -> list[Mismatch]:
        out: list[Mismatch] = []
        names = set()
        for key, value in plain.items():
            here = path + (key,)
            known = self.paths.all(protocol, context, here)
            if not known:
                out.append(Mismatch(format_path(where[1:] + here), None, value,
                                    "no Wireshark field for this path"))
                continue
            present = {c.get("name") for c in children}
            abbrev, ftype = next((k for k in known if k[0] in present), known[0])
            names.add(abbrev)
            found = [c for c in children if c.get("name") == abbrev]
            if isinstance(value, list):
                if len(found) != len(value):
                    out.append(Mismatch(format_path(where[1:] + here), f"{len(found)} items",
                                        f"{len(value)} items"))
                for i, (element, item) in enumerate(zip(found, value)):
                    out += self._value(element, item, ftype, protocol, context, here,
                                       where + (key, i), located)
                continue
            if len(found) != 1:
                out.append(Mismatch(format_path(where[1:] + here), f"{len(found)} fields",
                                    value, abbrev))
                continue
            out += self._value(found[0], value, ftype, protocol, context, here, where + (key,),
                               located)
        if expected is not None:
            expected |= names
        else:
            for child in children:
                if child.get("name") not in names:
                    out.append(Mismatch(format_path(where[1:] + (child.get("name"),)),
                                        child.get("show"), None, "only in Wireshark"))
        return out

    def _value(self, element: ET.Element, value: Any, ftype: str, protocol: str, context: str,
               path: tuple, where: tuple, located: dict) -> list[Mismatch]:
        located[where] = element
        self.fields_compared += 1
        label = format_path(where[1:])
        show = element.get("show")
        if isinstance(value, dict):
            if ftype != "none":
                return [Mismatch(label, show, value, f"a {ftype} field, not a subtree")]
            return self._struct(_fields(element), value, protocol, context, path, where,
                                located, None)
        if isinstance(value, EnumName):
            shown = _int(show)
            name = element.get("showname", "")
            if shown != value.value or f"{value} (" not in name:
                return [Mismatch(label, name, f"{value} ({value.value})")]
            return []
        if isinstance(value, bool):
            return [] if show == ("1" if value else "0") else [Mismatch(label, show, value)]
        if isinstance(value, int):
            return [] if _int(show) == value else [Mismatch(label, show, value)]
        if isinstance(value, float) or value in ("NaN", "Infinity", "-Infinity"):
            return [] if _same_float(show, value, ftype) else [Mismatch(label, show, value)]
        if isinstance(value, str) and ftype == "bytes":
            got = (show or "").replace(":", "")
            return [] if got == value else [Mismatch(label, got, value, "bytes")]
        if isinstance(value, str):
            return [] if show == shown_text(value) else [Mismatch(label, show, value)]
        return [Mismatch(label, show, value, "a value the comparison does not know")]

    def _positions(self, packet: Packet, proto: Protocol, located: dict) -> list[Mismatch]:
        """Every field's offset and size against pkttools' spans (from the packet start)."""
        out: list[Mismatch] = []
        spans = [s for s in packet.spans() if s.start is not None]
        if not spans:
            return out
        base = None
        for span in spans:
            key = self._span_key(span.path, proto)
            element = located.get(key)
            if element is None or element.get("pos") is None:
                continue
            pos, size = int(element.get("pos")), int(element.get("size"))
            if base is None:
                base = pos - span.start
            start = pos - base
            self.fields_compared += 1
            if span.bits is not None:
                if not (start <= span.start and span.start + span.size <= start + size):
                    out.append(Mismatch(format_path(span.path), f"bytes {start}+{size}",
                                        f"bits in {span.start}+{span.size}", "position"))
            elif (start, size) != (span.start, span.size):
                out.append(Mismatch(format_path(span.path), f"offset {start} size {size}",
                                    f"offset {span.start} size {span.size}", "position"))
        return out

    @staticmethod
    def _span_key(path: tuple, proto: Protocol) -> tuple:
        if path[:1] == (proto.body_field,):
            return ("fields",) + path[1:]
        return ("frame",) + path


def _fields(element: ET.Element) -> list[ET.Element]:
    return [c for c in element if c.tag == "field" and c.get("name") != "_ws.expert"]


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text.split()[0], 0)
    except (ValueError, IndexError):
        return None


def _same_float(show: str | None, value: Any, ftype: str) -> bool:
    if show is None:
        return False
    if isinstance(value, str):  # NaN and the infinities as plain data spells them
        want = {"NaN": "nan", "Infinity": "inf", "-Infinity": "-inf"}[value]
        return show.lower().replace("-nan", "nan") == want
    if math.isnan(value):
        return "nan" in show
    digits = 6 if ftype == "float" else 15
    return show == f"{value:.{digits}g}"


def pdu_kind(pdu: Pdu) -> str:
    """packet, no spec (an id without a spec stepped over by its declared length), prologue,
    end (an end marker or the bytes after one), unparsed (a direction without specs),
    stopped (a direction after a packet whose end is unknown), layer (a game layer's wrapping
    of a datagram), or other."""
    names = {c.get("name") for c in pdu.element if c.tag == "field"}
    experts = [a for a, _ in pdu.experts]
    if f"{pdu.service}.packet" in names:
        return "packet"
    if experts == [f"{pdu.service}.no_spec"]:
        return "no spec"
    if experts == [f"{pdu.service}.no_specs"]:
        return "unparsed"
    if experts == [f"{pdu.service}.stopped"]:
        return "stopped"
    if f"{pdu.service}.layer" in names and all(
            a == f"{pdu.service}.layer_note" for a, _ in pdu.experts):
        return "layer"
    if f"{pdu.service}.after_end_marker" in names or \
            any(a == f"{pdu.service}.end_marker" for a, _ in pdu.experts):
        return "end"
    if any(n.startswith(f"{pdu.service}.") and n[len(pdu.service) + 1:] not in
           META + ("undissected", "trailing", "layer") for n in names):
        return "prologue"
    return "other"


def conformance(plugin: Plugin, pdus: list[Pdu],
                expected: list[Expected | Prologue | NoSpec],
                protocols: dict[str, Protocol]) -> tuple[list[str], Comparer]:
    """Pairs the PDUs of each stream and direction with what pkttools expects there, in
    order, and compares each pair; returns one message per differing packet (empty when all
    agree) and the comparer (its count of fields compared)."""
    comparer = Comparer(plugin)
    messages: list[str] = []
    groups: dict[tuple, list[Pdu]] = {}
    for pdu in pdus:
        kind = pdu_kind(pdu)
        if kind in ("end", "unparsed", "stopped", "layer"):
            continue
        if kind == "other":
            messages.append(f"{pdu.label()}: a PDU pkttools does not expect: "
                            f"{pdu.element.get('showname')} {pdu.experts}")
            continue
        groups.setdefault((pdu.stream, pdu.direction), []).append(pdu)
    wanted: dict[tuple, list] = {}
    for item in expected:
        wanted.setdefault((item.stream, item.direction), []).append(item)
    for key in sorted(set(groups) | set(wanted), key=str):
        got, want = groups.get(key, []), wanted.get(key, [])
        for pdu, item in zip(got, want):
            proto = protocols[item.protocol]
            if isinstance(item, Prologue):
                found = comparer.prologue(pdu, proto, item.name, item.plain)
                packet = item.name
            elif isinstance(item, NoSpec):
                found = comparer.no_spec(pdu, proto, item)
                packet = f"(no spec) 0x{item.opcode:04x}"
            else:
                found = comparer.compare(pdu, proto, item.packet, header=item.header,
                                         positions=item.positions, notes=item.notes)
                packet = item.packet.name
            message = report(item.protocol, packet, item.label, found, pdu.label())
            if message:
                messages.append(message)
        for pdu in got[len(want):]:
            messages.append(f"{pdu.label()}: a packet pkttools does not find there")
        for item in want[len(got):]:
            messages.append(f"{item.protocol} vector {item.label}: pkttools finds a packet in "
                            f"{item.stream} {item.direction} that the dissector does not show")
    return messages, comparer
