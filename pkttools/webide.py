"""Specs for the Kaitai Web IDE: a flat folder per protocol, and one self-contained spec.

The Web IDE keeps uploaded files in one flat namespace and resolves only bare-name imports
(`- pangya_pstring`), while ksy/ imports by relative path (`- ../../common/pstring`). So, per
protocol (`<game>.<service>.<direction>`):

- `<protocol>/` holds the dispatcher, its stream spec and every spec they import, each named
  `<meta id>.ksy`, the same text as in ksy/ except the `imports:` entries, rewritten to meta ids
  (a comment on the first line says where the file comes from). Upload all of them, then open
  the dispatcher (or the stream spec).
- `<protocol>.ksy` is the dispatcher with every imported spec merged in as a nested type named
  by its meta id, to paste as one file; `<protocol>.stream.ksy` is the same for the stream spec.
  References need no rewriting: Kaitai resolves a type or enum name (`flyff_enums::job`) from
  the innermost type outwards, so the nested copy is found where the import was. Each nested
  spec keeps its own endianness, bit order and encoding in a type-level `meta`.

`check()` compiles both forms with the pinned compiler for JavaScript in debug mode (what the
Web IDE runs), and verifies that js-yaml reads every file as the data it was made from.
"""

from __future__ import annotations

import copy
import posixpath
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from . import ksc, yamlout
from .errors import UsageError
from .specmodel import DISPATCHER_FILE, STREAM_FILE

# Settings a nested type's `meta` may carry; each merged spec keeps its own.
_TYPE_META = ("endian", "bit-endian", "encoding")
_TYPE_KEYS = ("meta", "doc", "doc-ref", "params", "seq", "instances", "types", "enums")
_IMPORTS_LINE = re.compile(r"^(?P<indent>\s*)imports:\s*(?P<flow>\[.*\])?\s*(?:#.*)?$")
_ITEM_LINE = re.compile(r"^(?P<indent>\s*)-\s*(?P<value>'[^']*'|\"[^\"]*\"|[^#\s]+)\s*(?:#.*)?$")


class BundleError(UsageError):
    """A spec the bundle cannot be made of (absolute import, clashing names)."""


@dataclass
class Bundle:
    """One protocol's Web IDE files: `flat` (file name -> text) and `merged` (the same)."""

    protocol: str
    folder: str  # ksy/ folder of the protocol, e.g. tmw/login/server
    dispatcher: str  # meta id of index.ksy
    stream: str | None  # meta id of stream.ksy, if any
    flat: dict[str, str] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)
    # what js-yaml must read from each file, to check the rewrite
    expected: dict[str, dict] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # flat file name -> ksy/ path


def protocols(specs: dict[str, dict]) -> dict[str, str]:
    """protocol name -> folder, for every `<game>/<service>/<direction>/index.ksy`."""
    found = {}
    for path in specs:
        parts = path.split("/")
        if len(parts) == 4 and parts[-1] == DISPATCHER_FILE:
            found[".".join(parts[:3])] = "/".join(parts[:3])
    return dict(sorted(found.items()))


def import_path(spec_path: str, name: str) -> str:
    """The ksy/ path an import of spec_path names (`../../common/pstring` -> path.ksy)."""
    if name.startswith("/"):
        raise BundleError(f"ksy/{spec_path}: absolute import {name!r}: the Web IDE would "
                          f"look it up in the kaitai.io format gallery; use a relative import")
    return posixpath.normpath(posixpath.join(posixpath.dirname(spec_path), f"{name}.ksy"))


def closure(specs: dict[str, dict], roots: list[str]) -> list[str]:
    """The root specs and every spec they import, transitively, in first-seen order."""
    seen: list[str] = []
    todo = list(roots)
    while todo:
        path = todo.pop(0)
        if path in seen:
            continue
        if path not in specs:
            raise BundleError(f"ksy/{path} is imported but does not exist")
        seen.append(path)
        for name in (specs[path].get("meta") or {}).get("imports") or []:
            todo.append(import_path(path, str(name)))
    return seen


def rewrite_imports(path: str, text: str, ids: list[str]) -> str:
    """The spec's text with its meta/imports entries replaced by `ids`, nothing else touched."""
    lines = text.split("\n")
    in_meta = False
    for i, line in enumerate(lines):
        if line and not line[0].isspace() and not line.startswith("#"):
            in_meta = line.split("#", 1)[0].strip() == "meta:"
            continue
        match = _IMPORTS_LINE.match(line) if in_meta else None
        if match is None:
            continue
        if match["flow"]:
            lines[i] = f"{match['indent']}imports: [{', '.join(ids)}]"
            return "\n".join(lines)
        j, done = i + 1, 0
        while j < len(lines) and done < len(ids):
            item = _ITEM_LINE.match(lines[j])
            if item is not None and len(item["indent"]) >= len(match["indent"]):
                lines[j] = f"{item['indent']}- {ids[done]}"
                done += 1
            elif lines[j].strip() and not lines[j].strip().startswith("#"):
                break
            j += 1
        if done != len(ids):
            break
        return "\n".join(lines)
    raise BundleError(f"ksy/{path}: cannot find its {len(ids)} meta/imports entries as a block "
                      f"list (`imports:` then one `- name` per line) to rewrite")


def _as_type(doc: dict, root_meta: dict) -> dict:
    """A whole spec as a nested type: its seq, types, enums... with a type-level meta."""
    meta = doc.get("meta") or {}
    own = {k: meta[k] for k in _TYPE_META if k in meta}
    # Settings the spec leaves at the default must not be inherited from the merged root.
    if "bit-endian" not in own and "bit-endian" in root_meta:
        own["bit-endian"] = "be"
    out: dict = {}
    if own:
        out["meta"] = own
    if "doc" not in doc and meta.get("title"):
        out["doc"] = meta["title"]
    for key in _TYPE_KEYS[1:]:
        if key in doc:
            out[key] = copy.deepcopy(doc[key])
    # Keys starting with "-" are the compiler's extension keys (e.g. -pkttools-packet-lengths):
    # it ignores them, and a nested type leaves them out.
    unknown = [k for k in doc if k not in _TYPE_KEYS and not str(k).startswith("-")]
    if unknown:
        raise BundleError(f"spec {meta.get('id')}: top-level keys {unknown} cannot be nested")
    return out


def merge(specs: dict[str, dict], root: str, protocol: str) -> dict:
    """One self-contained spec: `root` with every spec it imports nested by meta id."""
    doc = copy.deepcopy(specs[root])
    meta = doc["meta"]
    imported = closure(specs, [root])[1:]
    meta.pop("imports", None)
    types = doc.setdefault("types", {})
    for path in imported:
        spec_id = specs[path]["meta"]["id"]
        if spec_id in types:
            raise BundleError(f"ksy/{root}: its type {spec_id!r} has the name of the spec "
                              f"ksy/{path} it imports; the merged spec cannot hold both")
        types[spec_id] = _as_type(specs[path], meta)
    note = (f"Merged by `pkttools webide` from ksy/{root} and the {len(imported)} specs it "
            f"imports ({', '.join(f'ksy/{p}' for p in imported)}), each a nested type named "
            f"by its meta id, so that this one file can be pasted into the Kaitai Web IDE "
            f"for {protocol}.")
    note = textwrap.fill(note, 96, break_on_hyphens=False)
    doc["doc"] = f"{doc['doc'].rstrip()}\n\n{note}\n" if doc.get("doc") else note
    ordered = {k: doc[k] for k in _TYPE_KEYS if k in doc}
    ordered.update({k: v for k, v in doc.items() if k not in ordered})
    return ordered


def make_bundles(names: list[str] | None = None, root: Path = ksc.KSY,
                 specs: dict[str, dict] | None = None) -> list[Bundle]:
    """The Web IDE files of the named protocols (all when None), from the specs under root."""
    specs = ksc.read_specs(root) if specs is None else specs
    known = protocols(specs)
    unknown = [n for n in names or [] if n not in known]
    if unknown:
        raise UsageError(f"unknown protocol {', '.join(map(repr, unknown))}; known: "
                         f"{', '.join(known)}")
    bundles = []
    for name in names or list(known):
        folder = known[name]
        dispatcher = f"{folder}/{DISPATCHER_FILE}"
        stream = f"{folder}/{STREAM_FILE}" if f"{folder}/{STREAM_FILE}" in specs else None
        bundle = Bundle(protocol=name, folder=folder, dispatcher=specs[dispatcher]["meta"]["id"],
                        stream=specs[stream]["meta"]["id"] if stream else None)
        for path in closure(specs, [dispatcher] + ([stream] if stream else [])):
            doc = specs[path]
            file = f"{doc['meta']['id']}.ksy"
            ids = [specs[import_path(path, str(n))]["meta"]["id"]
                   for n in doc["meta"].get("imports") or []]
            text = (root / path).read_text(encoding="utf-8")
            if ids:
                text = rewrite_imports(path, text, ids)
            header = f"# ksy/{path} for the Kaitai Web IDE: imports name the uploaded files\n"
            bundle.flat[file] = header + text
            bundle.sources[file] = path
            expected = copy.deepcopy(doc)
            if ids:
                expected["meta"]["imports"] = ids
            bundle.expected[f"{name}/{file}"] = expected
        for path, suffix in ((dispatcher, ".ksy"), (stream, ".stream.ksy")):
            if path is None:
                continue
            merged = merge(specs, path, name)
            bundle.merged[f"{name}{suffix}"] = (
                f"# {name}: ksy/{path} and its imports in one spec, to paste into the Kaitai "
                f"Web IDE\n" + yamlout.dump(merged))
            bundle.expected[f"{name}{suffix}"] = merged
        bundles.append(bundle)
    return bundles


def write(bundles: list[Bundle], out: Path) -> list[Path]:
    """Write each bundle under out: `<protocol>/` flat folders and merged `<protocol>*.ksy`."""
    written = []
    for bundle in bundles:
        folder = out / bundle.protocol
        if folder.exists():
            for old in folder.glob("*.ksy"):
                old.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in bundle.flat.items():
            (folder / name).write_text(text, encoding="utf-8")
            written.append(folder / name)
        for name, text in bundle.merged.items():
            (out / name).write_text(text, encoding="utf-8")
            written.append(out / name)
    return written


@dataclass
class Compiled:
    """JavaScript (debug) of written bundles: `flat` holds every flat folder's classes (meta
    ids are unique project-wide, so one set serves all), `merged` every merged spec's."""

    flat: dict[str, str]
    merged: dict[str, str]


def _same_data(a, b) -> bool:
    """Equal as the compiler sees them: js-yaml gives numeric mapping keys as strings."""
    if isinstance(a, dict) and isinstance(b, dict):
        a = {str(k): v for k, v in a.items()}
        b = {str(k): v for k, v in b.items()}
        return a.keys() == b.keys() and all(_same_data(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_data(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def check(bundles: list[Bundle], out: Path) -> Compiled:
    """Compile the written bundles for JavaScript in debug mode, as the Web IDE does.

    Every flat folder must hold all the files its specs import (bare names only), js-yaml
    must read every file as the data it was made from, and every file must compile. Raises
    BundleError or ksc.CompileError naming the file otherwise.
    """
    flat_specs, merged_specs = [], []
    for bundle in bundles:
        names = set(bundle.flat)
        for file, expected in ((f, bundle.expected[f"{bundle.protocol}/{f}"])
                               for f in bundle.flat):
            for imp in expected["meta"].get("imports") or []:
                if "/" in imp or f"{imp}.ksy" not in names:
                    raise BundleError(f"{out / bundle.protocol / file}: import {imp!r} is not "
                                      f"a file of the folder")
        flat_specs += [f"{bundle.protocol}/{f}" for f in bundle.flat]
        merged_specs += list(bundle.merged)
    target = [{"name": "js", "lang": "javascript", "debug": True}]
    # Flat folders of different protocols share common specs (same id, same text): compile
    # each spec once, from its first folder; its imports resolve inside that folder.
    unique: dict[str, str] = {}
    for rel in flat_specs:
        unique.setdefault(rel.split("/", 1)[1], rel)
    flat = ksc.compile_specs(out, list(unique.values()), target)
    merged = ksc.compile_specs(out, merged_specs, target) if merged_specs else \
        {"specs": {}, "targets": {"js": {}}}
    for bundle in bundles:
        for key, expected in bundle.expected.items():
            parsed = flat["specs"].get(key, merged["specs"].get(key))
            if parsed is None:  # a common spec compiled from another protocol's folder
                parsed = flat["specs"][unique[key.split("/", 1)[1]]]
            if not _same_data(parsed, expected):
                raise BundleError(f"{out / key}: js-yaml does not read the data it was "
                                  f"written from")
    return Compiled(flat=flat["targets"]["js"], merged=merged["targets"]["js"])
