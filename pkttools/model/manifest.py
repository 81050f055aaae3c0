"""The spec model: protocols, packets, types, fields and enums, read from the parsed .ksy.

build.py runs this at build time (standard library only, before anything is installed) and
stores the result as kaitai_gen/manifest.json; the runtime reads that file instead of the YAML.
Keeping the model beside the generated classes means the opcode tables, field orders and enum
names pkttools uses can only come from the specs.

Conventions it relies on (see conventions.py):
- `ksy/<game>/<service>/<direction>/index.ksy` is the dispatcher of the protocol
  `<game>.<service>.<direction>`, where direction is `client` (sent by the client) or `server`
  (sent by the server). Its one switch-typed seq field holds the packet; the switch's `cases`
  are the opcode table.
- Type names map to Python classes as the Kaitai compiler does: `login_success` ->
  `LoginSuccess`, nested inside the class of the spec's meta/id.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import SpecError
from . import redirects
from .conventions import DIRECTIONS, DISPATCHER_FILE, STREAM_FILE, class_name, contents_bytes
from .headergen import header_reader

_BUILTIN = re.compile(r"^(?:[us][1248](?:be|le)?|f[48](?:be|le)?|b\d+(?:be|le)?|str|strz|bytes)$")


def _enum_values(raw: dict) -> dict[str, dict]:
    values = {}
    for key, val in raw.items():
        if isinstance(val, dict):
            values[str(int(key))] = {"id": val.get("id"), "doc": val.get("doc"),
                                     "orig_id": val.get("-orig-id")}
        else:
            values[str(int(key))] = {"id": val, "doc": None, "orig_id": None}
    return values


class SpecModel:
    def __init__(self, specs: dict[str, dict]):
        self.specs = specs
        self.id_to_path = {doc["meta"]["id"]: path for path, doc in specs.items()}
        self.types: dict[str, dict] = {}
        self.enums: dict[str, dict] = {}
        # type key -> (raw yaml, parent key or None)
        self._raw: dict[str, tuple[dict, str | None]] = {}
        for path, doc in specs.items():
            spec_id = doc["meta"]["id"]
            self._collect(spec_id, path, doc, None, class_name(spec_id), spec_id, "")

    # -- collection -----------------------------------------------------------------------
    def _collect(self, spec_id: str, path: str, raw: dict, parent: str | None, qual: str,
                 name: str, yaml_path: str) -> str:
        key = f"{spec_id}:{qual}"
        self._raw[key] = (raw, parent)
        meta = raw.get("meta", {}) if parent is None else {}
        self.types[key] = {
            "spec": spec_id,
            "path": path,
            "name": name,
            "class": qual,
            "yaml_path": yaml_path or "/",
            "title": meta.get("title"),
            "doc": raw.get("doc"),
            "doc_ref": raw.get("doc-ref"),
            "params": [p.get("id") for p in raw.get("params", []) or []],
        }
        for enum_name, values in (raw.get("enums") or {}).items():
            self.enums[f"{key}::{enum_name}"] = {
                "name": enum_name,
                "class": f"{qual}.{class_name(enum_name)}",
                "spec": spec_id,
                "values": _enum_values(values),
            }
        for sub_name, sub in (raw.get("types") or {}).items():
            self._collect(spec_id, path, sub, key, f"{qual}.{class_name(sub_name)}", sub_name,
                          f"{yaml_path}/types/{sub_name}")
        return key

    # -- name resolution (as the compiler does: innermost type outwards, then spec ids) -----
    def _scopes(self, key: str):
        while key is not None:
            yield key
            key = self._raw[key][1]

    def resolve_type(self, ref: str, from_key: str) -> str | None:
        ref = ref.split("(", 1)[0].strip()
        if _BUILTIN.match(ref):
            return None
        head, *rest = ref.split("::")
        found = None
        for scope in self._scopes(from_key):
            raw = self._raw[scope][0]
            if head in (raw.get("types") or {}):
                found = f"{scope}.{class_name(head)}"
                break
        if found is None and head in self.id_to_path:
            found = f"{head}:{class_name(head)}"
        if found is None:
            return None
        for part in rest:
            found = f"{found}.{class_name(part)}"
        return found if found in self.types else None

    def resolve_enum(self, ref: str, from_key: str) -> str | None:
        *owner, name = ref.split("::")
        if owner:
            owner_key = self.resolve_type("::".join(owner), from_key)
            candidates = [owner_key] if owner_key else []
        else:
            candidates = list(self._scopes(from_key))
        for scope in candidates:
            if f"{scope}::{name}" in self.enums:
                return f"{scope}::{name}"
        return None

    # -- fields --------------------------------------------------------------------------
    def _describe_attr(self, attr: dict, key: str, instance: bool) -> dict:
        typ = attr.get("type")
        field: dict[str, Any] = {
            "id": attr.get("id"),
            "orig_id": attr.get("-orig-id"),
            "doc": attr.get("doc"),
            "doc_ref": attr.get("doc-ref"),
            "attr": {k: v for k, v in attr.items() if k not in ("doc", "doc-ref")},
            "enum": self.resolve_enum(attr["enum"], key) if attr.get("enum") else None,
            "type": None,
            "cases": None,
            "switch_on": None,
        }
        if isinstance(typ, dict):
            field["switch_on"] = typ.get("switch-on")
            field["cases"] = {str(case): self.resolve_type(str(t), key)
                              for case, t in (typ.get("cases") or {}).items()}
            field["display"] = f"switch({typ.get('switch-on')})"
        elif isinstance(typ, str):
            field["type"] = self.resolve_type(typ, key)
            field["display"] = typ
        elif "contents" in attr:
            field["display"] = "contents"
        elif instance and "value" in attr:
            field["display"] = "value"
        else:
            field["display"] = "bytes"
        if field["display"] in ("bytes", "str", "strz") and "size" in attr:
            field["display"] = f"{field['display']}[{attr['size']}]"
        if "repeat" in attr:
            field["display"] += "[]"
        return field

    def describe_types(self) -> None:
        for key, (raw, _parent) in self._raw.items():
            self.types[key]["seq"] = [self._describe_attr(a, key, False)
                                      for a in raw.get("seq") or []]
            self.types[key]["instances"] = [
                dict(self._describe_attr(dict(a, id=name), key, True))
                for name, a in (raw.get("instances") or {}).items()
            ]

    # -- protocols -----------------------------------------------------------------------
    def protocols(self) -> dict[str, dict]:
        found = {}
        for path, doc in sorted(self.specs.items()):
            parts = path.split("/")
            if parts[-1] != DISPATCHER_FILE:
                continue
            if len(parts) != 4 or parts[2] not in DIRECTIONS:
                raise SpecError(f"ksy/{path}: a dispatcher must be ksy/<game>/<service>/"
                                f"<{'|'.join(DIRECTIONS)}>/{DISPATCHER_FILE}")
            name = ".".join(parts[:3])
            spec_id = doc["meta"]["id"]
            root = f"{spec_id}:{class_name(spec_id)}"
            switches = [f for f in self.types[root]["seq"] if f["switch_on"] is not None]
            if len(switches) != 1:
                raise SpecError(f"ksy/{path}: a dispatcher needs exactly one switch-typed seq "
                                f"field (found {len(switches)})")
            body = switches[0]
            opcode_field = self._field_at(root, str(body["switch_on"]))
            opcode_enum = opcode_field["enum"] if opcode_field is not None else None
            packets = []
            for case, type_key in body["cases"].items():
                if type_key is None:
                    raise SpecError(f"ksy/{path}: case {case} names no known type")
                opcode, label = self._case_value(case, opcode_enum, path)
                ptype = self.types[type_key]
                packets.append({
                    "opcode": opcode,
                    "name": label or ptype["name"],
                    "type": type_key,
                    "spec": ptype["spec"],
                    "path": ptype["path"],
                    "title": ptype["title"],
                })
            packets.sort(key=lambda p: (p["opcode"] is None, p["opcode"]))
            found[name] = {
                "name": name,
                "game": parts[0],
                "service": parts[1],
                "direction": parts[2],
                "dispatcher": spec_id,
                "type": root,
                "path": path,
                "title": doc["meta"].get("title"),
                "doc": doc.get("doc"),
                "opcode_field": body["switch_on"],
                "opcode_enum": opcode_enum,
                "body_field": body["id"],
                "packets": packets,
                "stream": self.stream(path.rsplit("/", 1)[0], root),
                "lengths": _declared_lengths(doc, path, {p["opcode"] for p in packets}),
                "fast": self.fast_dispatch(root, body, doc),
            }
        return found

    def fast_dispatch(self, root: str, body: dict, doc: dict) -> dict | None:
        """Python source of a function that reads the dispatcher's header, when the header is
        only fixed-width integers and bit fields (directly, or in one user type): it returns
        the opcode and the body's length, so pkttools can run the packet's class directly
        instead of building a dispatcher object for every packet. None when the dispatcher
        needs its generated code (see headergen.py for what qualifies)."""
        return header_reader(self, root, body)

    def stream(self, folder: str, dispatcher: str) -> dict | None:
        """How the protocol's stream.ksy delimits frames (see ksy/README.md, "Streams")."""
        path = f"{folder}/{STREAM_FILE}"
        doc = self.specs.get(path)
        if doc is None:
            return None
        root = f"{doc['meta']['id']}:{class_name(doc['meta']['id'])}"
        seq = self.types[root]["seq"]
        repeated = [i for i, f in enumerate(seq) if "repeat" in f["attr"]]
        if len(repeated) != 1 or repeated[0] != len(seq) - 1:
            raise SpecError(f"ksy/{path}: a stream spec ends in exactly one repeated field "
                            f"(the frames), after its prologue fields")
        frames = seq[-1]
        repeat = frames["attr"]["repeat"]
        if repeat not in ("eos", "until") or frames["type"] is None:
            raise SpecError(f"ksy/{path}: the frames field needs `repeat: eos` or "
                            f"`repeat: until` and a user type")
        prologue = []
        for field in seq[:-1]:
            size = field["attr"].get("size")
            if field["type"] is None and not isinstance(size, int):
                raise SpecError(f"ksy/{path}: prologue field {field['id']} needs a user type "
                                f"or a constant size")
            prologue.append({"id": field["id"], "type": field["type"],
                             "size": size if isinstance(size, int) else None})
        return {
            "path": path,
            "type": root,
            # the game layer (pkttools/layers/<name>.py) that decrypts the wire first
            "layer": doc.get("-pkttools-layer"),
            "prologue": prologue,
            "frames_field": frames["id"],
            "until": frames["attr"].get("repeat-until") if repeat == "until" else None,
            "frame": self._frame(frames["type"], dispatcher, path),
        }

    def _frame(self, frame: str, dispatcher: str, path: str) -> dict:
        seq = self.types[frame]["seq"]
        header = seq[0] if seq and seq[0]["type"] is not None else None
        sized = [f for f in seq[1:] if header is not None
                 and isinstance(f["attr"].get("size"), str)
                 and f["attr"]["size"].startswith(header["id"] + ".")]
        if header is not None and sized:
            body = sized[0]
            length = body["attr"]["size"][len(header["id"]) + 1:]
            if not re.fullmatch(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*", length):
                raise SpecError(f"ksy/{path}: frame body size {body['attr']['size']!r} must be "
                                f"a dotted path into the header (use a value instance)")
            if frame != dispatcher and body["type"] != dispatcher:
                raise SpecError(f"ksy/{path}: the frame body must have the protocol's "
                                f"dispatcher as its type")
            magic = self.types[header["type"]]["seq"][0]["attr"].get("contents") \
                if self.types[header["type"]]["seq"] else None
            return {"kind": "length", "type": frame, "header_field": header["id"],
                    "header_type": header["type"], "body_field": body["id"],
                    "body_length": length, "packet": "frame" if frame == dispatcher else "body",
                    "magic": None if magic is None else list(contents_bytes(magic))}
        if frame != dispatcher:
            raise SpecError(f"ksy/{path}: a frame is either the dispatcher itself or a header "
                            f"plus a body of `size: <header field>.<path>`")
        return {"kind": "self", "type": frame}

    def _field_at(self, type_key: str, path: str) -> dict | None:
        """The field a dotted path (`header.id`) names, following user-typed fields."""
        field = None
        for part in path.split("."):
            if type_key is None:
                return None
            field = next((f for f in self.types[type_key]["seq"] + self.types[type_key]
                          ["instances"] if f["id"] == part.strip()), None)
            if field is None:
                return None
            type_key = field["type"]
        return field

    def _case_value(self, case: str, enum_key: str | None, path: str) -> tuple[int, str | None]:
        if "::" in case:
            if enum_key is None:
                raise SpecError(f"ksy/{path}: case {case} is an enum value but the opcode "
                                f"field has no enum")
            label = case.rsplit("::", 1)[1]
            for value, entry in self.enums[enum_key]["values"].items():
                if entry["id"] == label:
                    return int(value), label
            raise SpecError(f"ksy/{path}: case {case}: no such enum value")
        try:
            return int(case, 0), None
        except ValueError:
            raise SpecError(f"ksy/{path}: case {case!r} is neither a number nor an enum value")


def _declared_lengths(doc: dict, path: str, specified: set[int]) -> dict[str, Any]:
    """`-pkttools-packet-lengths` of a dispatcher: the byte length of each packet id that has
    no spec yet (or `variable`: the u2le at offset 2 is the packet's whole length), so a
    stream of self-delimited packets can step over them."""
    found: dict[str, Any] = {}
    for key, value in (doc.get("-pkttools-packet-lengths") or {}).items():
        try:
            opcode = int(str(key), 0)
        except ValueError:
            raise SpecError(f"ksy/{path}: -pkttools-packet-lengths: {key!r} is not a packet id")
        if opcode in specified:
            raise SpecError(f"ksy/{path}: -pkttools-packet-lengths declares 0x{opcode:04x}, "
                            f"which has a spec: its spec gives the length")
        if value != "variable" and (not isinstance(value, int) or value < 2):
            raise SpecError(f"ksy/{path}: -pkttools-packet-lengths: 0x{opcode:04x} is "
                            f"{value!r}, neither a length of 2 or more nor `variable`")
        found[str(opcode)] = value
    return found


def build_manifest(specs: dict[str, dict], compiler_version: str) -> dict:
    model = SpecModel(specs)
    model.describe_types()
    return {
        "format": 1,
        "compiler": compiler_version,
        "specs": {doc["meta"]["id"]: {"path": path, "title": doc["meta"].get("title"),
                                      "meta": doc["meta"], "meta_keys": list(doc["meta"])}
                  for path, doc in specs.items()},
        "types": model.types,
        "enums": model.enums,
        "protocols": model.protocols(),
    }


def check_specs(specs: dict[str, dict]) -> list[str]:
    """Problems the compiler does not see: broken pkttools conventions."""
    model = SpecModel(specs)
    model.describe_types()
    protocols = model.protocols()
    packets = [p["type"] for proto in protocols.values() for p in proto["packets"]]
    problems = redirects.problems(model.types, packets)
    for key, typ in model.types.items():
        for field in typ["seq"] + typ["instances"]:
            if field["attr"].get("enum") and field["enum"] is None:
                problems.append(f"ksy/{typ['path']}: {typ['yaml_path']}: {field['id']}: "
                                f"enum {field['attr']['enum']} not found")
    return problems
