"""Every spec under ksy/ follows the kaitai_struct_formats style guide and pkttools' layout.

Checked on the manifest build.py derives from the specs, so a spec that slips fails here with
its path, not in review.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT

MANIFEST = json.loads((ROOT / "kaitai_gen" / "manifest.json").read_text())
META_ORDER = ["id", "title", "application", "file-extension", "xref", "tags", "license",
              "ks-version", "imports", "encoding", "endian", "bit-endian"]
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
SPECS = sorted(MANIFEST["specs"].items(), key=lambda kv: kv[1]["path"])
TYPES = sorted(MANIFEST["types"].items())


@pytest.mark.parametrize("spec_id, spec", SPECS, ids=[s[1]["path"] for s in SPECS])
def test_meta(spec_id, spec):
    meta = spec["meta"]
    keys = [k for k in spec["meta_keys"] if not k.startswith("-")]
    assert keys == [k for k in META_ORDER if k in keys], f"meta key order: {keys}"
    assert meta.get("title"), "meta/title is missing"
    assert meta.get("ks-version") == "0.11" or str(meta.get("ks-version")) == "0.11"
    assert SNAKE.match(spec_id), f"meta/id {spec_id} is not lower_snake_case"
    game = spec["path"].split("/")[0]
    assert spec_id.startswith(f"{game}_"), f"meta/id {spec_id} must start with {game}_"


@pytest.mark.parametrize("key, info", TYPES, ids=[t[0] for t in TYPES])
def test_docs_and_names(key, info):
    where = f"ksy/{info['path']} {info['yaml_path']}"
    assert info["doc"], f"{where}: the type has no doc"
    assert SNAKE.match(info["name"]), f"{where}: type name {info['name']}"
    for field in info["seq"] + info["instances"]:
        assert field["id"] and SNAKE.match(field["id"]), f"{where}: field id {field['id']!r}"
        assert field["doc"], f"{where}: field {field['id']} has no doc"


@pytest.mark.parametrize("key, enum", sorted(MANIFEST["enums"].items()),
                         ids=sorted(MANIFEST["enums"]))
def test_enums(key, enum):
    assert SNAKE.match(enum["name"]), f"{key}: enum name"
    for value, entry in enum["values"].items():
        assert entry["id"] and SNAKE.match(entry["id"]), f"{key}: value {value} id"


@pytest.mark.parametrize("name, proto", sorted(MANIFEST["protocols"].items()))
def test_packet_specs_cite_sources(name, proto):
    for packet in proto["packets"]:
        info = MANIFEST["types"][packet["type"]]
        assert info["doc_ref"], f"ksy/{packet['path']}: doc-ref (sources) is missing"
        assert packet["path"].startswith("/".join(proto["path"].split("/")[:3]) + "/"), \
            f"{packet['path']} is not in the protocol's folder"
