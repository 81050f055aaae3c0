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


# Keys Kaitai ignores (they start with "-") that pkttools reads; see ksy/README.md.
PKTTOOLS_KEYS = {"-pkttools-size-align", "-pkttools-default", "-pkttools-redirect"}
FIELDS = [(key, info, field) for key, info in TYPES for field in info["seq"]]
DEFAULTS = [(key, info, field) for key, info, field in FIELDS
            if "-pkttools-default" in field["attr"]]


@pytest.mark.parametrize("key, info", TYPES, ids=[t[0] for t in TYPES])
def test_pkttools_keys_are_known(key, info):
    for field in info["seq"] + info["instances"]:
        unknown = {k for k in field["attr"] if k.startswith("-pkttools")} - PKTTOOLS_KEYS
        assert not unknown, f"ksy/{info['path']} {field['id']}: unknown key(s) {unknown}"
    for field in info["instances"]:
        assert "-pkttools-default" not in field["attr"], \
            f"ksy/{info['path']} {field['id']}: an instance is computed, it takes no default"


@pytest.mark.parametrize("key, info, field", DEFAULTS,
                         ids=[f"{k}.{f['id']}" for k, _, f in DEFAULTS])
def test_defaults_fit_their_fields(key, info, field):
    """A default is a plain value of the field's kind, on a field that is always written and
    not a constant, and the field's doc says what the sources write there."""
    where = f"ksy/{info['path']} {field['id']}"
    attr, value = field["attr"], field["attr"]["-pkttools-default"]
    assert "if" not in attr and "contents" not in attr and "repeat" not in attr, \
        f"{where}: a default belongs on a field that is always written, once"
    kind = attr.get("type")
    if isinstance(kind, str) and re.fullmatch(r"b1", kind):
        assert isinstance(value, bool), f"{where}: a b1 default is true or false"
    elif isinstance(kind, str) and re.fullmatch(r"[us][1248](le|be)?|b\d+", kind):
        enum = MANIFEST["enums"].get(field["enum"] or "", {}).get("values", {})
        names = {v["id"] for v in enum.values()}
        assert (isinstance(value, int) and not isinstance(value, bool)) or value in names, \
            f"{where}: {value!r} is not a number or a name of the field's enum"
    elif kind in ("str", "strz"):
        assert isinstance(value, str), f"{where}: a text default is a string"
    elif kind is None:
        assert isinstance(value, str) and re.fullmatch(r"([0-9a-f]{2})*", value), \
            f"{where}: a bytes default is lowercase hex"
    else:
        pytest.fail(f"{where}: defaults are for integers, bit fields, text and bytes")
    assert "building" in (field["doc"] or "").lower(), \
        f"{where}: the doc should say what building writes when the field is not given"
