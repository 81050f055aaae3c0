"""Dispatchers completed from the packet files of their folder: the opcode table's one source.

A protocol folder holds its dispatcher (`index.ksy`) and one file per packet, named by its
opcode (`0069.ksy`) with a meta id `<dispatcher id>_<opcode>_<packet name>`. The dispatcher as
written says how the opcode is read and which field holds the packet; it need not list the
packets. Before anything is compiled, each dispatcher gets, for every packet file beside it:
an import, a case of its switch, and (when the opcode field has an enum of the dispatcher's
own) an enum value named after the packet. A packet file added to a folder, in the project or
in a user's spec folder, thereby joins its protocol with no other file edited. Cases, enum
values and imports written by hand are kept, and must agree with the files.
"""

from __future__ import annotations

import copy
import posixpath
import re
from typing import Any

from ..errors import SpecError
from .conventions import DISPATCHER_FILE, STREAM_FILE

PACKET_FILE = re.compile(r"^([0-9a-f]{2,8})\.ksy$")


def packet_files(paths: list[str] | dict[str, Any], folder: str) -> list[str]:
    """The packet files of a protocol folder, by opcode."""
    found = [p for p in paths if posixpath.dirname(p) == folder
             and PACKET_FILE.match(posixpath.basename(p))]
    return sorted(found, key=lambda p: int(posixpath.basename(p)[:-4], 16))


def complete(documents: dict[str, dict]) -> dict[str, dict]:
    """The documents with every dispatcher completed (the others as they are)."""
    out = dict(documents)
    for path, doc in documents.items():
        folder, name = posixpath.split(path)
        if name == DISPATCHER_FILE:
            packets = {rel: documents[rel] for rel in packet_files(documents, folder)}
            out[path] = complete_dispatcher(path, doc, packets)
    return out


def complete_dispatcher(path: str, doc: dict, packets: dict[str, dict]) -> dict:
    """One dispatcher with an import, a switch case and an enum value for each packet file."""
    doc = copy.deepcopy(doc)
    meta = doc.setdefault("meta", {})
    dispatcher_id = meta.get("id")
    switches = [f for f in doc.get("seq") or []
                if isinstance(f.get("type"), dict) and "switch-on" in f["type"]]
    if len(switches) != 1:
        raise SpecError(f"ksy/{path}: a dispatcher needs exactly one switch-typed seq field "
                        f"(found {len(switches)})")
    switch = switches[0]["type"]
    cases = switch.setdefault("cases", {})
    if cases is None:
        cases = switch["cases"] = {}
    enum_name = _opcode_enum(doc, str(switch["switch-on"]))
    enum = None
    if enum_name is not None:
        enums = doc.setdefault("enums", {})
        if enums is None:
            enums = doc["enums"] = {}
        enum = enums.setdefault(enum_name, {})
        if enum is None:
            enum = enums[enum_name] = {}
    imports = meta.get("imports")
    if imports is None:
        imports = []
        doc["meta"] = meta = _with_imports(meta, imports)
    for rel, packet in packets.items():
        stem = posixpath.basename(rel)[:-4]
        opcode = int(stem, 16)
        packet_meta = packet.get("meta") or {}
        packet_id = packet_meta.get("id")
        prefix = f"{dispatcher_id}_{stem}_"
        if not isinstance(packet_id, str) or not packet_id.startswith(prefix) \
                or len(packet_id) == len(prefix):
            raise SpecError(f"ksy/{rel}: a packet file of {path} needs the meta/id "
                            f"{prefix}<packet name>, not {packet_id!r}: the file name gives "
                            f"the opcode, the id the packet's name")
        name = packet_id[len(prefix):]
        if stem not in [str(i) for i in imports]:
            imports.append(stem)
        key = f"{enum_name}::{name}" if enum is not None else f"0x{opcode:04x}"
        if enum is not None:
            _enum_value(enum, opcode, name, packet, rel, path)
        else:
            key = next((k for k in cases if _case_number(k) == opcode), key)
        if cases.setdefault(key, packet_id) != packet_id:
            raise SpecError(f"ksy/{path}: case {key} names {cases[key]}, but ksy/{rel} is "
                            f"{packet_id}")
    return doc


# meta keys that follow `imports` in the style guide's order
_AFTER_IMPORTS = ("encoding", "endian", "bit-endian")


def _with_imports(meta: dict, imports: list) -> dict:
    """meta with an `imports` key where the style guide puts it (before encoding and endian)."""
    out: dict = {}
    for key, value in meta.items():
        if key in _AFTER_IMPORTS and "imports" not in out:
            out["imports"] = imports
        if key != "imports":
            out[key] = value
    out.setdefault("imports", imports)
    return out


def _enum_value(enum: dict, opcode: int, name: str, packet: dict, rel: str, path: str) -> None:
    """Add (or check) the opcode enum's value of one packet."""
    for key, value in enum.items():
        if _case_number(key) == opcode:
            written = value.get("id") if isinstance(value, dict) else value
            if written != name:
                raise SpecError(f"ksy/{path}: the opcode enum calls 0x{opcode:04x} {written!r}, "
                                f"but ksy/{rel} names the packet {name!r}")
            return
    entry: dict[str, Any] = {"id": name}
    if packet.get("-orig-id"):
        entry["-orig-id"] = packet["-orig-id"]
    title = (packet.get("meta") or {}).get("title")
    entry["doc"] = title or f"The packet of ksy/{rel}."
    enum[str(opcode)] = entry


def _case_number(key: Any) -> int | None:
    try:
        return int(str(key), 0)
    except ValueError:
        return None


def _opcode_enum(doc: dict, switch_on: str) -> str | None:
    """The enum of the field or instance the switch reads, when the dispatcher declares it."""
    owner: dict | None = doc
    field = None
    for part in switch_on.split("."):
        if owner is None:
            return None
        part = part.strip()
        field = next((f for f in owner.get("seq") or [] if f.get("id") == part), None)
        if field is None:
            field = (owner.get("instances") or {}).get(part)
        if field is None:
            return None
        kind = field.get("type")
        owner = (doc.get("types") or {}).get(kind) if isinstance(kind, str) else None
    enum = field.get("enum") if field else None
    # A bare enum name is the dispatcher's own (Kaitai looks it up from the type outwards); an
    # enum of another spec (`other::name`) is not the dispatcher's to add values to.
    return enum if isinstance(enum, str) and "::" not in enum else None


def unreached(documents: dict[str, dict]) -> list[str]:
    """Specs that no dispatcher or stream spec reaches, with why: nothing compiles them into a
    protocol, so a packet there would never parse."""
    roots = [p for p in documents if posixpath.basename(p) in (DISPATCHER_FILE, STREAM_FILE)]
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        path = todo.pop()
        if path in seen or path not in documents:
            continue
        seen.add(path)
        for name in (documents[path].get("meta") or {}).get("imports") or []:
            todo.append(posixpath.normpath(posixpath.join(posixpath.dirname(path),
                                                          f"{name}.ksy")))
    problems = []
    for path in sorted(set(documents) - seen):
        folder = posixpath.dirname(path)
        if PACKET_FILE.match(posixpath.basename(path)) and \
                f"{folder}/{DISPATCHER_FILE}" not in documents:
            problems.append(f"ksy/{path}: a packet file in a folder without {DISPATCHER_FILE}: "
                            f"no protocol reads it")
        else:
            problems.append(f"ksy/{path}: no dispatcher or stream spec imports it, directly or "
                            f"through another spec")
    return problems
