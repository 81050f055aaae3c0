"""Packet documentation pages generated from the specs and the test vectors.

`pkttools docs --out DIR` writes, in the manner of packetdoc's pages: one Markdown page per
packet (title, description, structure table with offsets where they are fixed, subtypes,
enums, a diagram, the .ksy definition, and every test vector of the packet as a hex dump with
its parsed fields), one index per protocol, and a top index that also links the hand-written
guides under docs/. Everything comes from ksy/ (through kaitai_gen's manifest, which build.py
derives from it) and tests/vectors/, so the pages cannot drift from what the tests check: every
example is parsed while the page is written, and a vector that does not parse stops the build.

Diagrams are the compiler's graphviz output rendered to SVG by graphviz `dot` when it is
installed; without it the pages are written without diagrams (and say so).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..codec.packet import parse
from ..codec.render import render_table
from ..errors import DocsError, PkttoolsError, UsageError
from ..model import compiler
from ..model.conventions import PROJECT, checkout_or_built
from ..model.registry import PacketType, Protocol, Registry, default_registry, resolve
from .vectors import VECTORS_DIR, Vector, load

# Hand-written guides: the checkout's docs/, or in an installed pkttools the copy build.py packed.
GUIDES = checkout_or_built(PROJECT / "docs", "guides")
_FIXED = re.compile(r"^([us])([1248])(be|le)?$|^f([48])(be|le)?$")
_BITS = re.compile(r"^b(\d+)(be|le)?$")


@dataclass
class Site:
    """What generate() wrote: page paths, and counts for the summary."""

    pages: list[Path] = field(default_factory=list)
    examples: int = 0
    diagrams: int = 0
    notes: list[str] = field(default_factory=list)


def page_name(packet: PacketType) -> str:
    return f"0x{packet.opcode:04x}-{packet.name}.md"


def _rel(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target, start)).as_posix()


def _spec_link(registry: Registry, spec_path: str, folder: Path) -> str:
    """A link to a spec file: its name as people know it (`ksy/...`, or a user's file), to the
    file the pages were made from."""
    return f"[`{registry.spec_origin(spec_path)}`]({_rel(registry.spec_file(spec_path), folder)})"


def _cell(text: str | None) -> str:
    """Markdown table cell text: the first paragraph of a doc, on one line."""
    if not text:
        return ""
    first = text.strip().split("\n\n", 1)[0]
    return " ".join(first.split()).replace("|", "\\|")


def _paragraphs(text: str | None) -> str:
    return text.strip() + "\n" if text else ""


# -- sizes and offsets --------------------------------------------------------------------------

class _Layout:
    """Fixed sizes of types and fields, where the spec makes them fixed."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._sizes: dict[str, int | None] = {}

    def type_size(self, key: str) -> int | None:
        if key not in self._sizes:
            self._sizes[key] = None  # recursion guard: a recursive type has no fixed size
            total, bits = 0, 0
            for f in self.registry.types[key]["seq"]:
                size = self.field_bits(f)
                if size is None:
                    return None
                total, bits = (total, bits + size[1]) if size[1] else \
                    (total + (bits + 7) // 8 + size[0], 0)
            self._sizes[key] = total + (bits + 7) // 8
        return self._sizes[key]

    def field_bits(self, f: dict) -> tuple[int, int] | None:
        """(bytes, 0) or (0, bits) of a seq field, or None when it varies."""
        attr = f["attr"]
        if "if" in attr or f["switch_on"] is not None:
            return None
        one: tuple[int, int] | None = None
        typ = attr.get("type")
        if isinstance(attr.get("size"), int):
            one = (attr["size"], 0)
        elif "contents" in attr:
            contents = attr["contents"]
            items = contents if isinstance(contents, list) else [contents]
            one = (sum(len(str(i).encode()) if isinstance(i, str) else 1 for i in items), 0)
        elif isinstance(typ, str):
            m, b = _FIXED.match(typ), _BITS.match(typ)
            if m:
                one = (int(m.group(2) or m.group(4)), 0)
            elif b:
                one = (0, int(b.group(1)))
            elif f["type"] is not None and "size" not in attr:
                size = self.type_size(f["type"])
                one = None if size is None else (size, 0)
        if one is None:
            return None
        repeat = attr.get("repeat")
        if repeat is None:
            return one
        if repeat == "expr" and isinstance(attr.get("repeat-expr"), int):
            n = attr["repeat-expr"]
            return (one[0] * n, one[1] * n)
        return None


def _offsets(layout: _Layout, key: str, start: int | None) -> dict[str, str]:
    """Field id -> offset text, while every earlier field has a fixed size."""
    out: dict[str, str] = {}
    pos, bits = start, 0
    for f in layout.registry.types[key]["seq"]:
        if pos is None:
            break
        size = layout.field_bits(f)
        if size is not None and size[1]:
            out[f["id"]] = f"0x{pos + bits // 8:02x}.{bits % 8}"
            bits += size[1]
            continue
        pos, bits = pos + (bits + 7) // 8, 0
        out[f["id"]] = f"0x{pos:02x}"
        pos = None if size is None else pos + size[0]
    return out


# -- one packet page ----------------------------------------------------------------------------

class _PacketPage:
    def __init__(self, gen: "_Generator", proto: Protocol, packet: PacketType, folder: Path):
        self.gen = gen
        self.proto = proto
        self.packet = packet
        self.folder = folder
        self.registry = proto.registry
        self.root = packet.type_key
        self.types = self._reachable()

    def _reachable(self) -> list[str]:
        """The packet type, its nested types in order, then the types of other specs."""
        seen: list[str] = []
        todo = [self.root]
        while todo:
            key = todo.pop(0)
            if key in seen or key not in self.registry.types:
                continue
            seen.append(key)
            info = self.registry.types[key]
            for f in info["seq"] + info["instances"]:
                todo += [t for t in [f["type"], *(f["cases"] or {}).values()] if t]
        spec = self.root.split(":", 1)[0]
        own = [k for k in self.registry.types if k.startswith(f"{spec}:") and k in seen]
        return own + [k for k in seen if k not in own]

    def _anchor(self, key: str) -> str:
        return anchor(self.registry.types[key]["name"])

    def _type_text(self, f: dict) -> str:
        display = f.get("display", "")
        if f["type"] is not None and f["type"] in self.types:
            name = self.registry.types[f["type"]]["name"]
            display = display.replace(name, f"[{name}](#{self._anchor(f['type'])})", 1)
        else:
            display = f"`{display}`" if display else ""
        if f["enum"]:
            enum = self.registry.enums[f["enum"]]["name"]
            display += f" → [{enum}](#{anchor('enum ' + enum)})"
        return display

    def _table(self, key: str, start: int | None) -> list[str]:
        info = self.registry.types[key]
        layout = self.gen.layout
        offsets = _offsets(layout, key, start)
        rows = ["| offset | size | name | type | summary |", "|---|---|---|---|---|"]
        for f in info["seq"]:
            size = layout.field_bits(f)
            size_text = "" if size is None else (f"{size[1]} bits" if size[1] else str(size[0]))
            name = f"`{f['id']}`" + (f" (`{f['orig_id']}`)" if f.get("orig_id") else "")
            cond = f" Only if `{f['attr']['if']}`." if "if" in f["attr"] else ""
            repeat = f["attr"].get("repeat")
            if repeat:
                how = {"expr": f"`{f['attr'].get('repeat-expr')}` times",
                       "eos": "until the end", "until": f"until `{f['attr'].get('repeat-until')}`"}
                cond += f" Repeated {how.get(repeat, repeat)}."
            rows.append(f"| {offsets.get(f['id'], '')} | {size_text} | {name} | "
                        f"{self._type_text(f)} | {_cell(f['doc'])}{cond} |")
            for case, target in (f["cases"] or {}).items():
                shown = (f"[{self.registry.types[target]['name']}](#{self._anchor(target)})"
                         if target else "?")
                rows.append(f"| | | &nbsp;&nbsp;case `{case}` | {shown} | |")
        if not info["seq"]:
            rows.append("| | | | | This structure has no fields of its own. |")
        for inst in info["instances"]:
            what = inst["attr"].get("value")
            kind = f"value `{what}`" if what is not None else "instance"
            typed = self._type_text(inst) + " " if inst["type"] or inst["enum"] else ""
            rows.append(f"| | | `{inst['id']}` | {typed}{kind} | {_cell(inst['doc'])} |")
        return rows

    def _body_start(self) -> int | None:
        """Where the packet body starts in a payload, when the dispatcher makes it fixed."""
        return _offsets(self.gen.layout, self.proto.type_key, 0).get(self.proto.body_field)

    def render(self) -> str:
        proto, packet, reg = self.proto, self.packet, self.registry
        info = reg.types[self.root]
        spec_file = reg.spec_file(packet.spec_path)
        lines = [f"# {packet.title or packet.name}", ""]
        lines.append(f"`{proto.name}` · opcode `0x{packet.opcode:04x}` · `{packet.name}` · "
                     f"spec {_spec_link(reg, packet.spec_path, self.folder)} · "
                     f"[all packets](README.md)")
        lines += ["", "## Description", "", _paragraphs(info["doc"])]
        refs = info.get("doc_ref") or []
        refs = [refs] if isinstance(refs, str) else refs
        if refs:
            lines += ["Sources:", ""] + [f"- {_link(r)}" for r in refs] + [""]
        start_text = self._body_start()
        lines += ["## Structure", ""]
        if start_text is not None:
            lines += [f"Offsets count from the start of the payload as `pkttools parse` takes "
                      f"it: the packet starts at {start_text}, after the dispatcher's "
                      f"{', '.join(f'`{f}`' for f in self._prefix_fields())}. Sizes are in "
                      f"bytes; offsets and sizes are blank where they depend on the data.", ""]
            start = int(start_text, 16)
        else:
            lines += ["Offsets count from the start of the packet body; they are blank where "
                      "they depend on the data.", ""]
            start = 0
        lines += [f"### {info['name']}", ""] + self._table(self.root, start) + [""]
        subtypes = [k for k in self.types if k != self.root]
        if subtypes:
            lines += ["## Subtypes", "", "Offsets in subtypes count from the start of the "
                      "subtype.", ""]
            for key in subtypes:
                sub = reg.types[key]
                lines += [f"### {sub['name']}", ""]
                if key.split(":")[0] != self.root.split(":")[0]:
                    lines += [f"From {_spec_link(reg, sub['path'], self.folder)}.", ""]
                lines += [_paragraphs(sub["doc"])]
                lines += self._table(key, 0) + [""]
        enums = self._enums()
        if enums:
            lines += ["## Enums", ""]
            for key in enums:
                enum = reg.enums[key]
                lines += [f"### enum {enum['name']}", "", "| value | name | summary |",
                          "|---|---|---|"]
                for value, entry in sorted(enum["values"].items(), key=lambda kv: int(kv[0])):
                    orig = f" (`{entry['orig_id']}`)" if entry.get("orig_id") else ""
                    lines.append(f"| {int(value)} (0x{int(value):x}) | `{entry['id']}`{orig} | "
                                 f"{_cell(entry.get('doc'))} |")
                lines.append("")
        diagram = self.gen.diagram(packet, self.folder)
        if diagram:
            lines += ["## Diagram", "", f"![{packet.name} structure]({diagram})", ""]
        lines += ["## Definition", "", f"{_spec_link(reg, packet.spec_path, self.folder)}:",
                  "", "```yaml",
                  spec_file.read_text(encoding="utf-8").rstrip("\n"), "```", ""]
        lines += self._examples()
        return "\n".join(lines).rstrip("\n") + "\n"

    def _prefix_fields(self) -> list[str]:
        seq = self.registry.types[self.proto.type_key]["seq"]
        ids = [f["id"] for f in seq]
        return ids[:ids.index(self.proto.body_field)] if self.proto.body_field in ids else []

    def _enums(self) -> list[str]:
        found: list[str] = []
        for key in self.types:
            info = self.registry.types[key]
            for f in info["seq"] + info["instances"]:
                if f["enum"] and f["enum"] not in found:
                    found.append(f["enum"])
        return found

    def _examples(self) -> list[str]:
        vectors = self.gen.vectors_of(self.proto.name, self.packet.name)
        lines = ["## Examples", ""]
        if not vectors:
            return lines + ["No test vector exists for this packet yet.", ""]
        lines += [f"From the test vectors ([`tests/vectors/{vectors[0].module}`]"
                  f"({_rel(self.gen.vectors_dir / vectors[0].module, self.folder)})), which "
                  f"the test suite checks in Python and in the Web IDE's JavaScript.", ""]
        for vec in vectors:
            try:
                pkt = parse(self.proto, vec.data, strict=True)
            except PkttoolsError as exc:
                raise DocsError(f"{vec.label}: the example does not parse: {exc}") from exc
            if pkt.name != self.packet.name:
                raise DocsError(f"{vec.label}: parses as {pkt.name}, not {self.packet.name}")
            lines += [f"### {vec.title or vec.name}", ""]
            if vec.doc:
                lines += [" ".join(vec.doc.split()), ""]
            if vec.source and (PROJECT / vec.source).is_file():
                lines += [f"Capture: [`{vec.source}`]"
                          f"({_rel(PROJECT / vec.source, self.folder)})", ""]
            elif vec.source:  # an installed pkttools carries the vector, not the capture
                lines += [f"Capture: `{vec.source}` in the pkttools repository", ""]
            lines += ["```text", hexdump(vec.data), "```", "", "```text", render_table(pkt),
                      "```", ""]
            self.gen.site.examples += 1
        return lines


def anchor(heading: str) -> str:
    """The fragment GitHub gives a heading: lowercase, punctuation dropped, spaces to dashes."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _link(ref: str) -> str:
    return f"<{ref}>" if re.match(r"^https?://\S+$", ref) else ref


def hexdump(data: bytes) -> str:
    """`offset  hex bytes (16 a line)  |ascii|`, as hexdump -C prints them."""
    lines = []
    for at in range(0, len(data), 16):
        chunk = data[at:at + 16]
        hexes = " ".join(f"{b:02x}" for b in chunk[:8])
        if len(chunk) > 8:
            hexes += "  " + " ".join(f"{b:02x}" for b in chunk[8:])
        text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        lines.append(f"{at:08x}  {hexes:<49} |{text}|")
    return "\n".join(lines) if lines else "(no bytes)"


# -- the site -------------------------------------------------------------------------------

class _Generator:
    def __init__(self, out: Path, registry: Registry, vectors: list[Vector], vectors_dir: Path,
                 diagrams: str):
        self.out = out
        self.registry = registry
        self.vectors = vectors
        self.vectors_dir = vectors_dir
        self.layout = _Layout(registry)
        self.site = Site()
        self.dot = shutil.which("dot") if diagrams != "no" else None
        if diagrams == "yes" and self.dot is None:
            raise DocsError("graphviz `dot` is not installed (apt-get install graphviz); use "
                            "--diagrams auto to build the pages without diagrams")
        if diagrams == "auto" and self.dot is None:
            self.site.notes.append("graphviz `dot` is not installed: pages have no diagrams")
        if self.dot is not None and diagrams == "auto" and not _compiler_available():
            self.dot = None
            self.site.notes.append("the Kaitai Struct compiler (node) is not available: pages "
                                   "have no diagrams")
        self._graphs: dict[str, str] | None = None

    def vectors_of(self, protocol: str, packet: str) -> list[Vector]:
        return [v for v in self.vectors if v.protocol == protocol and v.packet == packet]

    def graphs(self) -> dict[str, str]:
        """The compiler's graphviz output of every packet spec (one compiler run)."""
        if self._graphs is None:
            paths = sorted({p.spec_path for proto in self.registry for p in proto.packets})
            answer = compiler.compile_documents(
                self.registry.documents, [{"name": "dot", "lang": "graphviz", "debug": False}],
                only=paths)
            self._graphs = answer["targets"]["dot"]
        return self._graphs

    def diagram(self, packet: PacketType, folder: Path) -> str | None:
        if self.dot is None:
            return None
        spec_id = packet.type_key.split(":", 1)[0]
        source = self.graphs().get(f"{spec_id}.dot")
        if source is None:
            raise DocsError(f"the compiler gave no graphviz output for {spec_id}")
        name = page_name(packet)[:-3] + ".svg"
        proc = subprocess.run([self.dot, "-Tsvg"], input=source, capture_output=True,
                              text=True, check=False)
        if proc.returncode != 0:
            raise DocsError(f"graphviz failed on {spec_id}: {proc.stderr.strip()[-500:]}")
        (folder / name).write_text(proc.stdout, encoding="utf-8")
        self.site.diagrams += 1
        return name

    def guides(self) -> dict[str, list[Path]]:
        """Hand-written pages under docs/, by game (the first folder)."""
        found: dict[str, list[Path]] = {}
        if GUIDES.is_dir():
            for path in sorted(GUIDES.rglob("*.md")):
                game = path.relative_to(GUIDES).parts[0]
                found.setdefault(game, []).append(path)
        return found

    def write(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.site.pages.append(path)

    def protocol(self, proto: Protocol) -> None:
        folder = self.out / proto.name
        folder.mkdir(parents=True, exist_ok=True)
        for old in list(folder.glob("*.md")) + list(folder.glob("*.svg")):
            old.unlink()
        for packet in proto.packets:
            page = _PacketPage(self, proto, packet, folder)
            self.write(folder / page_name(packet), page.render())
        lines = [f"# {proto.title or proto.name}", "",
                 f"`{proto.name}`: packets sent by the {proto.direction}. Dispatcher: "
                 f"{_spec_link(self.registry, proto.spec_path, folder)}; "
                 f"[all protocols](../README.md).", "", _paragraphs(proto.doc)]
        lines += ["| opcode | packet | title | examples |", "|---|---|---|---|"]
        for packet in proto.packets:
            lines.append(f"| 0x{packet.opcode:04x} | [`{packet.name}`]({page_name(packet)}) | "
                         f"{_cell(packet.title)} | "
                         f"{len(self.vectors_of(proto.name, packet.name))} |")
        lines.append("")
        if proto.stream is not None:
            stream_path = proto.stream["path"]
            doc = self.registry.types[proto.stream["type"]]["doc"]
            lines += ["## Streams", "", f"{_spec_link(self.registry, stream_path, folder)} "
                      f"reads a whole captured stream "
                      f"(`pkttools split {proto.name} FILE`, or open it in the Web IDE).", "",
                      _paragraphs(doc)]
        guides = self.guides().get(proto.game, [])
        if guides:
            lines += ["## Guides", ""] + [f"- [{_title_of(g)}]({_rel(g, folder)})"
                                          for g in guides] + [""]
        self.write(folder / "README.md", "\n".join(lines).rstrip("\n") + "\n")

    def index(self, protocols: list[Protocol]) -> None:
        lines = ["# Packet documentation", "",
                 "Generated by `pkttools docs` from the specs in `ksy/` and the test vectors in "
                 "`tests/vectors/`; every example on these pages is parsed while the page is "
                 "written, and checked by the test suite in Python and in the Kaitai Web IDE's "
                 "JavaScript.", "", "| protocol | direction | packets | title |",
                 "|---|---|---|---|"]
        for proto in protocols:
            lines.append(f"| [`{proto.name}`]({proto.name}/README.md) | {proto.direction} | "
                         f"{len(proto.packets)} | {_cell(proto.title)} |")
        lines.append("")
        guides = [g for game in sorted(self.guides()) for g in self.guides()[game]]
        if guides:
            lines += ["## Guides", "", "Hand-written pages:", ""]
            lines += [f"- [{_title_of(g)}]({_rel(g, self.out)})" for g in guides] + [""]
        self.write(self.out / "README.md", "\n".join(lines))


def _compiler_available() -> bool:
    try:
        compiler.node()
        compiler.toolchain()
    except PkttoolsError:
        return False
    return True


def _title_of(page: Path) -> str:
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page.stem


def generate(out: Path, protocols: list[str] | None = None, *, diagrams: str = "auto",
             vectors_dir: Path = VECTORS_DIR, registry: Registry | None = None) -> Site:
    """Write the documentation under out; returns what was written."""
    registry = registry or default_registry()
    chosen = [resolve(n, registry) for n in protocols] if protocols else list(registry)
    if diagrams not in ("auto", "yes", "no"):
        raise UsageError(f"diagrams must be auto, yes or no, not {diagrams!r}")
    vectors = load(vectors_dir)
    gen = _Generator(out, registry, vectors, vectors_dir, diagrams)
    out.mkdir(parents=True, exist_ok=True)
    for proto in chosen:
        gen.protocol(proto)
    gen.index(chosen)
    return gen.site
