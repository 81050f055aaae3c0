"""The Web IDE bundle (pkttools webide): flat folders with bare-name imports, merged specs.

The bundle every test here inspects is the one the session's JavaScript runner compiled (for
JavaScript in debug mode, as the Web IDE does, with webide.check), so compiling both forms is
proven once per session; these tests look at what was written.
"""

from __future__ import annotations

import json
import re

import pytest

from pkttools.publish import webide, yamlout
from pkttools.model import compiler as ksc
from pkttools.cli import main

from conftest import ROOT
from vectors import js_runner

PROTOCOLS = ["ffxi.world.server", "flyff.cluster.client", "flyff.cluster.server",
             "pangya.loginservice.client", "pangya.loginservice.server", "tmw.char.client",
             "tmw.char.server", "tmw.login.client", "tmw.login.server", "tmw.map.client",
             "tmw.map.server"]


@pytest.fixture(scope="module")
def runner():
    return js_runner()


@pytest.fixture(scope="module")
def bundles(runner):
    return {b.protocol: b for b in runner.bundles}


def test_every_protocol_has_a_bundle(bundles, runner):
    assert sorted(bundles) == PROTOCOLS
    out = runner.workdir / "bundle"
    for name, bundle in bundles.items():
        assert (out / name / f"{bundle.dispatcher}.ksy").is_file()
        assert (out / name / f"{bundle.stream}.ksy").is_file()
        assert (out / f"{name}.ksy").is_file() and (out / f"{name}.stream.ksy").is_file()


def test_flat_files_are_named_by_meta_id_and_import_bare_names(bundles, runner):
    out = runner.workdir / "bundle"
    for name, bundle in bundles.items():
        files = {p.name for p in (out / name).iterdir()}
        assert files == set(bundle.flat)
        for file in files:
            doc = bundle.expected[f"{name}/{file}"]
            assert file == f"{doc['meta']['id']}.ksy"
            for imp in doc["meta"].get("imports") or []:
                assert "/" not in imp and f"{imp}.ksy" in files, (name, file, imp)


def test_flat_folders_hold_exactly_what_the_dispatcher_and_stream_need(bundles):
    ffxi = bundles["ffxi.world.server"]
    assert sorted(ffxi.sources.values()) == [
        "ffxi/common/header.ksy", "ffxi/world/server/000a.ksy", "ffxi/world/server/00e2.ksy",
        "ffxi/world/server/index.ksy", "ffxi/world/server/stream.ksy"]
    flyff = bundles["flyff.cluster.server"]
    assert "flyff/common/enums.ksy" in flyff.sources.values()
    assert "flyff/cluster/client/index.ksy" not in flyff.sources.values()


def test_flat_text_is_the_source_but_for_the_import_lines(bundles):
    for bundle in bundles.values():
        for file, text in bundle.flat.items():
            if bundle.sources[file].endswith("/index.ksy"):
                continue  # written from the completed dispatcher: see the next test
            source = (ROOT / "ksy" / bundle.sources[file]).read_text().split("\n")
            lines = text.split("\n")
            assert lines[0].startswith(f"# ksy/{bundle.sources[file]} for the Kaitai Web IDE")
            assert len(lines) == len(source) + 1
            changed = [(a, b) for a, b in zip(source, lines[1:]) if a != b]
            ids = bundle.expected[f"{bundle.protocol}/{file}"]["meta"].get("imports") or []
            assert [b.strip() for _, b in changed] == [f"- {i}" for i in ids]


def test_flat_dispatcher_lists_every_packet_of_its_folder(bundles):
    # ksy/ dispatchers list no packets; the bundle's are completed from the files beside them.
    tmw = bundles["tmw.login.server"]
    text = tmw.flat["tmw_login_server.ksy"]
    assert text.startswith("# ksy/tmw/login/server/index.ksy for the Kaitai Web IDE, its "
                           "packets filled in from the files beside it")
    data = tmw.expected["tmw.login.server/tmw_login_server.ksy"]
    cases = data["seq"][1]["type"]["cases"]
    assert cases == {
        "packet_id::update_host": "tmw_login_server_0063_update_host",
        "packet_id::login_data": "tmw_login_server_0069_login_data",
        "packet_id::login_error": "tmw_login_server_006a_login_error",
        "packet_id::connection_problem": "tmw_login_server_0081_connection_problem",
        "packet_id::server_version": "tmw_login_server_7531_server_version"}
    assert set(data["meta"]["imports"]) == set(cases.values())
    assert data["enums"]["packet_id"]["105"] == {
        "id": "login_data", "-orig-id": "SMSG_LOGIN_DATA",
        "doc": "TMW login, server 0x0069 Login Data (SMSG_LOGIN_DATA)"}


def test_merged_spec_nests_each_import_by_meta_id(bundles):
    merged = bundles["flyff.cluster.server"].expected["flyff.cluster.server.ksy"]
    assert "imports" not in merged["meta"]
    assert merged["meta"]["id"] == "flyff_cluster_server"
    nested = merged["types"]
    for spec_id in ("flyff_cluster_server_00f3_character_list", "flyff_string", "flyff_enums"):
        assert spec_id in nested
    # Each nested spec keeps its own settings; flyff_string is windows-1252.
    assert nested["flyff_string"]["meta"]["encoding"] == "windows-1252"
    # references keep their spec-id form and still resolve, outwards from the using type
    character = nested["flyff_cluster_server_00f3_character_list"]["types"]["character"]
    enums = [f.get("enum") for f in character["seq"] if f.get("enum")]
    assert "flyff_enums::job" in enums


def test_merged_spec_keeps_bit_order_of_specs_without_one(bundles):
    # The FFXI dispatcher is little-endian in bits; a nested spec that says nothing must stay
    # big-endian (Kaitai's default), not inherit the root's order.
    merged = bundles["ffxi.world.server"].expected["ffxi.world.server.ksy"]
    assert merged["types"]["ffxi_header"]["meta"]["bit-endian"] == "le"
    stream = bundles["ffxi.world.server"].expected["ffxi.world.server.stream.ksy"]
    assert "ffxi_world_server" in stream["types"]


def test_merged_file_is_readable_yaml(bundles):
    text = bundles["pangya.loginservice.server"].merged["pangya.loginservice.server.ksy"]
    assert text.startswith("# pangya.loginservice.server: ksy/pangya/loginservice/server/")
    assert "\nmeta:\n  id: pangya_loginservice_server\n" in text
    assert "\n        packet_id::login: pangya_loginservice_server_0001_login\n" in text
    assert "        -orig-id: length\n" in text and '"-orig-id"' not in text


def test_both_forms_compiled_for_javascript_debug(runner):
    flat = {p.name for p in (runner.workdir / "js" / "flat").iterdir()}
    merged = {p.name for p in (runner.workdir / "js" / "merged").iterdir()}
    assert "PangyaLoginserviceServer.js" in flat and "PangyaPstring.js" in flat
    assert "PangyaLoginserviceServer.js" in merged and "PangyaPstring.js" not in merged
    source = (runner.workdir / "js" / "merged" / "PangyaLoginserviceServer.js").read_text()
    assert "this._debug" in source  # debug mode: what the Web IDE runs


def test_cli_writes_and_checks(tmp_path, capsys):
    assert main(["webide", "tmw.login.client", "--out", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "tmw.login.client" in out and "checked:" in err
    assert sorted(p.name for p in (tmp_path / "tmw.login.client").iterdir()) == [
        "tmw_login_client.ksy", "tmw_login_client_0064_login_request.ksy",
        "tmw_login_client_7530_server_version_request.ksy", "tmw_login_client_stream.ksy"]
    assert (tmp_path / "tmw.login.client.ksy").is_file()
    # a second run replaces the folder's specs, leaving nothing stale behind
    (tmp_path / "tmw.login.client" / "stale.ksy").write_text("meta: {id: stale}\n")
    assert main(["webide", "tmw.login.client", "--out", str(tmp_path), "--no-check"]) == 0
    assert not (tmp_path / "tmw.login.client" / "stale.ksy").exists()


def test_cli_unknown_protocol(tmp_path, capsys):
    assert main(["webide", "tmw.login.nowhere", "--out", str(tmp_path)]) == 2
    assert "unknown protocol 'tmw.login.nowhere'" in capsys.readouterr().err


def test_absolute_imports_are_refused():
    with pytest.raises(webide.BundleError, match="absolute import '/common/vlq'"):
        webide.import_path("game/common/x.ksy", "/common/vlq")


def test_rewrite_imports_block_flow_and_missing():
    text = "meta:\n  id: a\n  imports:\n    - ../x  # shared\n    - 'y'\n  endian: le\nseq: []\n"
    assert webide.rewrite_imports("g/s/a.ksy", text, ["g_x", "g_y"]) == (
        "meta:\n  id: a\n  imports:\n    - g_x\n    - g_y\n  endian: le\nseq: []\n")
    flow = "meta:\n  id: a\n  imports: [../x, y]\n"
    assert webide.rewrite_imports("g/s/a.ksy", flow, ["g_x", "g_y"]) == (
        "meta:\n  id: a\n  imports: [g_x, g_y]\n")
    with pytest.raises(webide.BundleError, match="cannot find its 2 meta/imports"):
        webide.rewrite_imports("g/s/a.ksy", "meta:\n  id: a\nseq:\n  - id: imports\n",
                               ["g_x", "g_y"])


def test_merge_refuses_a_type_named_like_an_import():
    specs = {
        "g/s/index.ksy": {"meta": {"id": "g_s", "imports": ["../common/t"]},
                          "seq": [{"id": "a", "type": "g_t"}],
                          "types": {"g_t": {"seq": []}}},
        "g/common/t.ksy": {"meta": {"id": "g_t"}, "seq": []},
    }
    with pytest.raises(webide.BundleError, match="has the name of the spec"):
        webide.merge(specs, "g/s/index.ksy", "g.s.x")


TRICKY = ["yes", "No", "y", "null", "~", "1.0", "0x10", "1_000", "2001-12-14", "a: b", "a #b",
          "#x", "- x", "@x", "`x", "'q'", '"q"', "", " leading", "trailing ", "tab\there",
          "multi\nline", "multi\nline\n", "two\n\n", "\n", "é ünïcode", "x:", "[a]", "{b}",
          "status::success", "_.header.size == 0", "-orig-id", "%x", "!x", "&x", "*x"]


def test_yaml_writer_round_trips_through_js_yaml(tmp_path):
    doc = {"meta": {"id": "tricky", "endian": "le"},
           "doc": "first\nsecond\n",
           "seq": [{"id": f"f{i}", "type": "u1", "doc": text} for i, text in enumerate(TRICKY)],
           "enums": {"e": {"0": "zero", "217": {"id": "no", "doc": "yes"}}},
           "-custom": {"list": [[1, 2], [], {}], "float": 1.5, "neg": -3, "bool": False}}
    (tmp_path / "tricky.ksy").write_text(yamlout.dump(doc))
    parsed = ksc.compile_specs(tmp_path, ["tricky.ksy"], [])["specs"]["tricky.ksy"]
    assert json.loads(json.dumps(parsed)) == json.loads(json.dumps(doc))


def test_yaml_writer_uses_plain_scalars_where_it_can():
    text = yamlout.dump({"seq": [{"id": "a", "type": "u1", "enum": "flyff_enums::job",
                                  "-orig-id": "Hp", "doc": "The party member's HP."}]})
    assert text == ("seq:\n  - id: a\n    type: u1\n    enum: flyff_enums::job\n"
                    "    -orig-id: Hp\n    doc: The party member's HP.\n")
    assert re.search(r'"yes"', yamlout.dump({"a": "yes"}))
