"""`pkttools export`: captures to a Parquet dataset, one table per packet type, run serially.

The schema of every table comes from the spec model (checked literally below, and by writing
captures separately and combining the files); the rows are checked against what `pkttools
capture` reports for the same files, and the README's DuckDB questions are asked of the
dataset. tests/test_export_dask.py runs the same export on Dask clusters.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pkttools
from pkttools.cli import main
from pkttools.errors import ExportError
from pkttools.export import capture_name, export, packet_schema
from pkttools.export.schema import TypeModel
from pkttools.export.writer import Options, export_capture
from pkttools.model.manifest import build_manifest
from pkttools.model.registry import Registry

import exportcase
from conftest import ROOT
from exportcase import KEY_ARGS, KEYS, UNKNOWN_OPCODE, read_dataset


def enum(value: pa.DataType) -> pa.DataType:
    return pa.struct([("name", pa.string()), ("value", value)])


PSTRING = pa.struct([("len_value", pa.uint16()), ("value", pa.string())])


def files(out: Path, capture: Path) -> dict[str, pa.Table]:
    """The tables one capture wrote, by table name (`flyff.cluster.server/pong`)."""
    name = capture_name(capture)
    return {str(p.parent.relative_to(out)): pq.read_table(p)
            for p in out.rglob(f"{name}.parquet")}


# -- schemas ----------------------------------------------------------------------------------
def test_a_packets_schema_comes_from_its_spec():
    schema = packet_schema(pkttools.protocol("pangya.loginservice.server").packet("login"))
    assert schema.names[:11] == ["_capture", "_record", "_time", "_connection", "_client",
                                 "_server", "_direction", "_offset", "_datagram", "_length",
                                 "_trailing"]
    assert schema.field("_time").type == pa.timestamp("us", tz="UTC")
    # status: u1 with the enum `status`; response: switch(status) over four case types, one
    # of which (need_select_character) has no field and is a bool.
    assert schema.field("status").type == enum(pa.uint8())
    assert schema.field("response").type == pa.struct([
        ("login_error", pa.struct([("error_code", enum(pa.uint32()))])),
        ("login_need_select_character", pa.bool_()),
        ("login_need_set_nickname", pa.struct([("unused", pa.binary())])),
        ("login_success", pa.struct([("username", PSTRING), ("user_id", pa.uint32()),
                                     ("unknown", pa.binary()), ("nickname", PSTRING)])),
    ])
    assert schema.metadata[b"pkttools.opcode"] == b"0x0001"


def test_value_instances_are_typed_from_their_expressions():
    ffxi = pkttools.protocol("ffxi.world.server")
    login = packet_schema(ffxi.packet("login"))
    # the dispatcher's header under _frame: len_packet = size * 4, an integer expression
    assert login.field("_frame").type == pa.struct([("header", pa.struct([
        ("id", pa.uint16()), ("size", pa.uint8()), ("sync", pa.uint16()),
        ("len_packet", pa.int64()), ("len_body", pa.int64())]))])
    pos = login.field("pos_head").type
    assert pos.field("x").type == pa.float32()  # f4
    assert pos.field("dir_radians").type == pa.float64()  # dir * 6.283185 * 0.00390625
    assert login.field("grap_id_tbl").type.field("race").type == pa.int64()  # race_face >> 8
    assert packet_schema(ffxi.packet("group_list2")).field("same_zone").type == pa.bool_()
    data = packet_schema(pkttools.protocol("tmw.login.server").packet("login_data"))
    assert data.field("num_char_servers").type == pa.int64()  # (len_packet - 47) / 32
    server = data.field("char_servers").type.value_type
    assert server.field("ip").type == pa.binary()
    assert server.field("ip_dotted").type == pa.string()  # ip[0].to_s + "." + ...
    # FlyFF's frame header (magic, length) is the stream's, apart from the packet body
    flyff = packet_schema(pkttools.protocol("flyff.cluster.client").packet("ping"))
    assert flyff.field("_header").type.names == ["magic", "header_checksum", "len_body",
                                                 "data_checksum"]
    assert flyff.field("_frame").type == pa.struct([("dpid", pa.uint32())])


def _toy(seq: list, types: dict | None = None, instances: dict | None = None) -> Registry:
    """A registry of one protocol made from spec data (the schema needs no generated code)."""
    packet = {"meta": {"id": "toy_login_server_01_hello", "endian": "le"}, "seq": seq,
              "types": types or {}, "instances": instances or {}}
    dispatcher = {"meta": {"id": "toy_login_server", "endian": "le"},
                  "seq": [{"id": "opcode", "type": "u1"},
                          {"id": "body", "type": {"switch-on": "opcode",
                                                  "cases": {1: "toy_login_server_01_hello"}}}]}
    return Registry(build_manifest({"toy/login/server/index.ksy": dispatcher,
                                    "toy/login/server/01.ksy": packet}, "0.11"))


def _toy_schema(registry: Registry) -> pa.Schema:
    return TypeModel(registry).packet_table(registry.protocol("toy.login.server").packets[0]
                                            ).schema


@pytest.mark.parametrize("spec, message", [
    (dict(seq=[{"id": "head", "type": "node"}], types={"node": {"seq": [
        {"id": "v", "type": "u1"}, {"id": "next", "type": "node", "if": "v != 0"}]}}),
     "/types/node: field next: type node contains itself (toy_login_server_01_hello -> node "
     "-> node): Arrow has no recursive types"),
    (dict(seq=[{"id": "a", "type": "u1"}], instances={"b": {"value": "_root.a"}}),
     "/: field b: cannot type the expression '_root.a': _root is the packet on one path and "
     "the dispatcher on another: use _parent"),
    (dict(seq=[{"id": "x", "type": "part"}, {"id": "z", "type": "other"}],
          types={"part": {"seq": [{"id": "v", "type": "u1"}],
                          "instances": {"w": {"value": "_parent.q"}}},
                 "other": {"seq": [{"id": "p", "type": "part"}]}}),
     "/types/part: field w: _parent of part could be toy_login_server_01_hello, other: the "
     "spec must say which"),
    (dict(seq=[], instances={"a": {"value": "b + 1"}, "b": {"value": "a * 2"}}),
     "/: field a: its value depends on itself"),
    (dict(seq=[{"id": "s", "type": "strz", "encoding": "ASCII"}],
          instances={"n": {"value": "s * 2"}}),
     "/: field n: cannot type the expression 's * 2': str * int"),
    (dict(seq=[{"id": "k", "type": "u1"}, {"id": "v", "type": {
        "switch-on": "k", "cases": {1: "u8", 2: "s8"}}}]),
     "/: field v: switch cases of types uint64, int64 have no common column type"),
])
def test_what_arrow_cannot_hold_is_an_error_naming_the_field(spec, message):
    with pytest.raises(ExportError) as err:
        _toy_schema(_toy(**spec))
    assert str(err.value) == ("cannot export toy.login.server toy_login_server_01_hello: "
                              "ksy/toy/login/server/01.ksy " + message)


def test_toy_types_that_arrow_holds():
    schema = _toy_schema(_toy(
        seq=[{"id": "k", "type": "u1"}, {"id": "flags", "type": "b3"},
             {"id": "v", "type": {"switch-on": "k", "cases": {1: "u2", 2: "u4", 3: "strz"}},
              "encoding": "ASCII", "size": 4},
             {"id": "w", "type": {"switch-on": "k", "cases": {1: "u2", 2: "s1"}}},
             {"id": "parts", "type": "part", "repeat": "expr", "repeat-expr": 2}],
        types={"part": {"seq": [{"id": "n", "type": "s2"}],
                        "instances": {"doubled": {"value": "_parent.k > 1 ? n * 2 : n / 2.0"},
                                      "label": {"value": "n.to_s + '!'"}}}},
        instances={"count": {"value": "parts.size"}, "first": {"value": "parts.first"}}))
    part = pa.struct([("n", pa.int16()), ("doubled", pa.float64()), ("label", pa.string())])
    assert schema.field("flags").type == pa.uint8()
    # the u2 and u4 cases share the widest unsigned column; the sized switch keeps _raw bytes
    assert schema.field("v").type == pa.struct([("int", pa.uint32()), ("str", pa.string()),
                                                ("_raw", pa.binary())])
    assert schema.field("w").type == pa.struct([("int", pa.int32())])  # holds u2 and s1
    assert schema.field("parts").type == pa.list_(part)
    assert schema.field("count").type == pa.int64()
    assert schema.field("first").type == part


# -- rows -------------------------------------------------------------------------------------
def _capture_jsonl(capsys, capture: Path) -> list[dict]:
    main(["capture", *KEY_ARGS, str(capture), "--format", "jsonl"])
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_the_command_line_writes_the_same_dataset(captures, dataset, tmp_path, capsys):
    out = tmp_path / "dataset"
    assert main(["export", *KEY_ARGS, *map(str, captures), "--out", str(out)]) == 1  # troubled.pcap
    assert capsys.readouterr().err == (
        f"pkttools: {out}: 4 capture(s) exported, 212 packet(s) in 22 table(s), 15 other "
        f"item(s) in _items; bytes lost or unreadable in 1 capture(s) (see _items)\n")
    exportcase.assert_same_dataset(dataset, out)


def test_rows_are_what_pkttools_capture_reports(dataset, captures, capsys):
    for capture in captures:
        items = _capture_jsonl(capsys, capture)
        tables = files(dataset, capture)
        expected = Counter(f"{i['protocol']}/{i['packet']['packet']}" for i in items
                           if i["kind"] == "frame" and i["packet"] is not None)
        rows = {name: t.num_rows for name, t in tables.items() if not name.startswith("_")}
        assert rows == dict(expected), capture.name
        others = [i for i in items if i["kind"] != "frame" or i["packet"] is None]
        assert tables["_items"].column("kind").to_pylist() == [i["kind"] for i in others]
        assert tables["_items"].column("_offset").to_pylist() == [i["offset"] for i in others]
        assert tables["_captures"].num_rows == 1
        # where each packet was found, as `capture` reports it
        for name, table in tables.items():
            if name.startswith("_"):
                continue
            found = [i for i in items if f"{i['protocol']}/"
                     f"{(i.get('packet') or {}).get('packet')}" == name]
            assert table.column("_record").to_pylist() == [i["record"] for i in found]
            assert table.column("_offset").to_pylist() == [i["offset"] for i in found]
            assert table.column("_direction").to_pylist() == [i["direction"] for i in found]
            assert [round(t.timestamp(), 6) for t in table.column("_time").to_pylist()] == \
                [round(i["time"], 6) for i in found]
    assert sum(1 for _ in dataset.glob("_captures/*.parquet")) == len(captures)


def test_field_values(dataset, captures):
    tables = files(dataset, captures[0])
    pong = tables["flyff.cluster.server/pong"].to_pylist()[0]
    assert (pong["_capture"], pong["_connection"], pong["_client"], pong["_server"]) == \
        (str(captures[0]), 1, "127.0.0.1:41000", "127.0.0.1:28000")
    assert (pong["time"], pong["_header"], pong["_length"]) == \
        (1000, {"magic": b"\x5e", "len_body": 8}, 13)
    chars = tables["flyff.cluster.server/character_list"].to_pylist()[0]["characters"]
    assert [(c["slot"], c["name"]["value"], c["character_id"]) for c in chars] == \
        [(0, "Aria", 1), (2, "Boreas", 7)]
    assert chars[0]["job"] == {"name": "vagrant", "value": 0}
    assert chars[0]["item_ids"] == [504, 508, 512, 21]
    assert chars[0]["pos_x"] == 6968.0
    logins = tables["pangya.loginservice.server/login"].to_pylist()[:3]
    assert [r["status"] for r in logins] == [{"name": "error", "value": 227},
                                             {"name": "need_select_character", "value": 218},
                                             {"name": "success", "value": 0}]
    assert logins[0]["response"] == {
        "login_error": {"error_code": {"name": "invalid_credentials", "value": 5100143}},
        "login_need_select_character": None, "login_need_set_nickname": None,
        "login_success": None}
    assert logins[1]["response"]["login_need_select_character"] is True
    assert logins[2]["response"]["login_success"] == {
        "username": {"len_value": 7, "value": "pangbox"}, "user_id": 4834514,
        "unknown": bytes.fromhex("0000000025000000000000000000"),
        "nickname": {"len_value": 0, "value": ""}}
    data = tables["tmw.login.server/login_data"].to_pylist()[0]
    assert (data["num_char_servers"], data["sex"]) == \
        (1, {"name": "unspecified", "value": 2})
    assert data["char_servers"][0]["ip"] == bytes.fromhex("cb007107")
    assert data["char_servers"][0]["ip_dotted"] == "203.0.113.7"
    group = tables["ffxi.world.server/group_list2"].to_pylist()[0]
    assert (group["_datagram"], group["_offset"], group["name"], group["same_zone"]) == \
        (2, 28, "Ayame", True)  # the second datagram from the server
    assert group["_frame"]["header"]["sync"] == 0x0124
    assert group["g_attr"]["party_leader_flg"] is True and group["g_attr"]["party_no"] == 1
    assert group["kind"] == {"name": "main_party", "value": 0}
    login = tables["ffxi.world.server/login"].to_pylist()[0]
    assert login["pos_head"]["dir_radians"] == pytest.approx(
        login["pos_head"]["dir"] * 6.283185 * 0.00390625)
    assert login["_trailing"] is None


def test_what_is_not_a_packet_goes_to_items(dataset, captures):
    tables = files(dataset, captures[3])  # troubled.pcap
    rows = tables["_items"].to_pylist()
    assert [(r["kind"], r["_direction"], r["_offset"], r["_length"]) for r in rows] == [
        ("unframed", "server", 13, 3), ("frame", "server", 16, 13), ("gap", "client", 25, 25)]
    unframed, unknown, gap = rows
    assert unframed["data"] == b"\x01\x02\x03"
    assert unframed["reason"] == "not a frame; skipped to the next magic byte"
    assert unknown["opcode"] == UNKNOWN_OPCODE and unknown["packet"] is None
    assert unknown["error"] == ("flyff.cluster.server: field packet_type: offset 21 (0x15): "
                                "unknown opcode: opcode 0x7777 names no packet of "
                                "flyff.cluster.server")
    assert unknown["data"] == bytes.fromhex("5e 08000000 77770000 00000000")
    assert json.loads(unknown["fields"]) == {"header": {"magic": "5e", "len_body": 8}}
    assert (gap["data"], gap["protocol"], gap["service"], gap["transport"]) == \
        (None, "flyff.cluster.client", "flyff.cluster", "tcp")
    assert gap["reason"].startswith("missing from the capture")
    summary = tables["_captures"].to_pylist()[0]
    assert {k: summary[k] for k in ("format", "compressed", "records", "connections",
                                    "packets", "items", "problems", "warnings")} == \
        {"format": "pcap", "compressed": False, "records": 9, "connections": 1, "packets": 5,
         "items": 3, "problems": 2, "warnings": []}  # the gap and the unframed bytes
    prologue = files(dataset, captures[2])["_items"].to_pylist()[1]  # the gzip-compressed pcap
    assert prologue["kind"] == "prologue" and prologue["_length"] == 0x1C
    assert json.loads(prologue["fields"])["fields"]["server_packet_id"] == 0x123


# -- writing ----------------------------------------------------------------------------------
def test_files_written_separately_combine(captures, tmp_path):
    # troubled.pcap has no character_list and only some FlyFF packets; the full exchange has
    # every protocol: their files of the same packet type still have one schema.
    one, two = tmp_path / "one", tmp_path / "two"
    export([captures[3]], one, keys=KEYS)
    export([captures[0]], two, keys=KEYS)
    for table in ("flyff.cluster.server/pong", "flyff.cluster.client/pre_join"):
        parts = [pq.read_table(p) for p in sorted((one / table).glob("*.parquet"))
                 + sorted((two / table).glob("*.parquet"))]
        assert len(parts) == 2 and pa.concat_tables(parts).num_rows == 1 + 3
    protocol = pkttools.protocol("pangya.loginservice.server")
    written = pq.read_schema(next((two / "pangya.loginservice.server/login").glob("*")))
    assert written.equals(packet_schema(protocol.packet("login")), check_metadata=True)


def test_bounded_batches_give_the_same_rows(captures, dataset, tmp_path):
    capture = str(captures[0])
    result = export_capture(capture, capture_name(capture), str(tmp_path),
                            Options(batch_rows=2, batch_bytes=4000, keys=KEYS))
    assert result.error is None and result.rows["pangya.loginservice.server/login"] == 9
    path = f"pangya.loginservice.server/login/{capture_name(capture)}.parquet"
    assert pq.ParquetFile(tmp_path / path).metadata.num_row_groups == 5
    assert pq.ParquetFile(dataset / path).metadata.num_row_groups == 1
    small, default = read_dataset(tmp_path), read_dataset(dataset)
    for name, table in small.items():
        assert table.equals(default[name]), name


def test_exporting_again_replaces_a_captures_files(captures, tmp_path, capsys):
    capture, other = str(captures[0]), str(captures[3])
    assert main(["export", *KEY_ARGS, capture, other, "--out", str(tmp_path)]) == 1
    before = read_dataset(tmp_path)
    assert main(["export", *KEY_ARGS, capture, "--out", str(tmp_path), "--protocol", "tmw.login"]) == 0
    after = read_dataset(tmp_path)
    name = capture_name(capture)
    assert sorted(p for p in after if name in p) == [
        f"_captures/{name}.parquet", f"_items/{name}.parquet",
        f"tmw.login.client/login_request/{name}.parquet",
        f"tmw.login.client/server_version_request/{name}.parquet",
        f"tmw.login.server/login_data/{name}.parquet",
        f"tmw.login.server/server_version/{name}.parquet",
        f"tmw.login.server/update_host/{name}.parquet"]
    assert {p: t for p, t in after.items() if name not in p}.keys() == \
        {p for p in before if name not in p}  # the other capture's files are untouched
    assert not list(tmp_path.rglob(".*.tmp"))


def test_a_file_that_is_no_capture_is_reported_and_the_rest_exported(captures, tmp_path,
                                                                        capsys):
    junk = tmp_path / "junk.pcap"
    junk.write_bytes(b"not a capture at all")
    out = tmp_path / "out"
    status = main(["export", *KEY_ARGS, str(junk), str(captures[0]), "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    assert f"pkttools: {junk}: not exported: {junk}: not a pcap or pcapng capture" in err
    assert "1 capture(s) exported, 69 packet(s) in 22 table(s), 4 other item(s)" in err
    assert not list(out.rglob(f"{capture_name(junk)}.parquet"))


@pytest.mark.parametrize("args, message", [
    (["missing.pcap"], "missing.pcap: no such file"),
    (["/dev/null"], "/dev/null: not a regular file (a device, pipe or socket); give a capture "
                    "file"),
    (["CAPTURE", "CAPTURE"], "CAPTURE: given twice (also as CAPTURE)"),
    (["CAPTURE", "--protocol", "wow.login"], "unknown service 'wow.login'"),
])
def test_usage_errors(captures, tmp_path, capsys, args, message):
    capture = str(captures[0])
    status = main(["export", *KEY_ARGS, *[capture if a == "CAPTURE" else a for a in args],
                   "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith(f"pkttools: error: {message.replace('CAPTURE', capture)}")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("args, captures_given, cluster", [
    (["--dask", "CAPTURE", "OTHER"], ["CAPTURE", "OTHER"], True),  # a file: no address
    (["CAPTURE", "--dask"], ["CAPTURE"], True),
    (["CAPTURE", "--dask", "10.1.2.3:8786"], ["CAPTURE"], "10.1.2.3:8786"),
    (["CAPTURE", "--dask", "tcp://sched:8786"], ["CAPTURE"], "tcp://sched:8786"),
    (["CAPTURE"], ["CAPTURE"], None),
])
def test_what_dask_takes(captures, tmp_path, monkeypatch, args, captures_given, cluster):
    import pkttools.export.run

    seen = {}

    def fake_export(paths, out, **options):
        seen.update(paths=paths, dask=options["dask"])
        return pkttools.export.run.ExportResult(Path(out), [])

    monkeypatch.setattr(pkttools.export.run, "export", fake_export)
    names = {"CAPTURE": str(captures[0]), "OTHER": str(captures[1])}
    assert main(["export", *KEY_ARGS, *[names.get(a, a) for a in args], "--out", str(tmp_path)]) == 0
    assert seen == {"paths": [names[c] for c in captures_given], "dask": cluster}


def test_progress_bar(captures, tmp_path, capsys):
    assert main(["export", *KEY_ARGS, str(captures[0]), "--out", str(tmp_path), "--progress"]) == 0
    err = capsys.readouterr().err
    assert "export:" in err and "file/s" in err


# -- the README's questions -------------------------------------------------------------------
def _readme_queries() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text[text.index("### Questions across captures"):]
    return re.findall(r"```sql\n(.*?)```", section, re.S)[:3]


def test_duckdb_answers_the_readme_questions(dataset, captures, monkeypatch):
    monkeypatch.chdir(dataset.parent)  # the README's queries read `dataset/...`
    characters, counts, statuses = [duckdb.sql(q).fetchall() for q in _readme_queries()]
    assert sorted((Path(c).name, account, name) for c, _, account, name in characters) == \
        sorted([(p.name, "alice", "Boreas") for p in captures[:3] for _ in range(3)]
               + [("troubled.pcap", "alice", "Boreas")])
    assert counts[:3] == [("pangya.loginservice.server", "login", 27, 3),
                          ("flyff.cluster.client", "character_list_request", 10, 4),
                          ("flyff.cluster.client", "pre_join", 10, 4)]
    assert len(counts) == 22 and counts[-1] == ("ffxi.world.server", "group_list2", 3, 3)
    assert statuses == [("success", 0, None, 9), ("need_select_character", 218, None, 9),
                        ("error", 227, "invalid_credentials", 9)]


# -- a user's specs ---------------------------------------------------------------------------
def test_a_users_specs_and_a_value_instance_that_fails(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PKTTOOLS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("PKTTOOLS_SPECS", raising=False)
    specs = exportcase.toy_specs(tmp_path)
    try:
        pkttools.use_specs([specs])
        capture = exportcase.toy_capture(tmp_path / "toy.pcap")
        out = tmp_path / "out"
        status = main(["--specs", str(specs), "export", *KEY_ARGS, str(capture), "--out", str(out),
                       "--port", f"{exportcase.TOY_PORT}=toy.login"])
        assert status == 1  # the packet whose instance failed is a problem
        tables = files(out, capture)
        assert tables["toy.login.server/ratio"].to_pylist()[0]["ratio"] == 25  # 100 / 4
        assert tables["toy.login.server/ratio"].schema.field("ratio").type == pa.int64()
        assert tables["toy.login.server/motd"].to_pylist()[0]["text"] == "hi"
        failed = tables["_items"].to_pylist()
        assert [(r["kind"], r["packet"], r["opcode"], r["data"]) for r in failed] == \
            [("frame", "ratio", 3, b"\x03\x00")]
        assert failed[0]["error"] == ("toy.login.server ratio: field ratio: parse error: "
                                      "cannot evaluate instance: ZeroDivisionError: integer "
                                      "division or modulo by zero")
        assert tables["_captures"].to_pylist()[0]["problems"] == 1
        # 4 << 62 is beyond the int64 column of `shifted`: that capture is not exported
        shifted = exportcase.toy_capture(tmp_path / "shifted.pcap", shift=4)
        status = main(["--specs", str(specs), "export", *KEY_ARGS, str(shifted), "--out", str(out),
                       "--port", f"{exportcase.TOY_PORT}=toy.login"])
        assert status == 1
        assert capsys.readouterr().err.splitlines()[-1] == (
            f"pkttools: {shifted}: not exported: {shifted}: record 4: toy.login.server/shift: "
            f"column shifted cannot hold the value: Python int too large to convert to C long")
        assert not files(out, shifted) and files(out, capture)
    finally:
        pkttools.use_specs([])
