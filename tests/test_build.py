"""build.py and tools/ksc.js, run on a scratch copy of the project."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of everything build.py reads; node_modules is shared by a symlink."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("build.py", "package.json", "package-lock.json"):
        shutil.copy(ROOT / name, copy / name)
    for name in ("ksy", "tools", "pkttools"):
        shutil.copytree(ROOT / name, copy / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy


def build(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build.py", *args], cwd=project,
                          capture_output=True, text=True)


def test_repository_build_is_current():
    assert build(ROOT, "--check").returncode == 0


def test_check_fails_until_built_and_after_a_spec_changes(project):
    missing = build(project, "--check")
    assert missing.returncode == 1 and "has not been built" in missing.stderr

    first = build(project)
    assert first.returncode == 0, first.stderr
    assert "compiled" in first.stdout
    assert build(project, "--check").returncode == 0

    again = build(project)  # nothing changed: a no-op
    assert again.returncode == 0 and "up to date" in again.stdout

    spec = project / "ksy" / "pangya" / "loginservice" / "server" / "0001.ksy"
    spec.write_text(spec.read_text() + "\n# touched\n")
    stale = build(project, "--check")
    assert stale.returncode == 1
    assert "changed: ksy/pangya/loginservice/server/0001.ksy" in stale.stderr

    assert build(project).returncode == 0
    assert build(project, "--check").returncode == 0
    forced = build(project, "--force")
    assert forced.returncode == 0 and "compiled" in forced.stdout


def test_wrapper_change_makes_the_build_stale(project):
    assert build(project).returncode == 0
    wrapper = project / "tools" / "ksc.js"
    wrapper.write_text(wrapper.read_text() + "\n// touched\n")
    stale = build(project, "--check")
    assert stale.returncode == 1 and "changed: tools/ksc.js" in stale.stderr


def test_layout_mirrors_ksy_and_has_three_flavours(project):
    assert build(project).returncode == 0
    gen = project / "kaitai_gen"
    for flavour in ("ro", "dbg", "rw"):
        assert (gen / flavour / "pangya" / "common" / "pangya_pstring.py").exists()
        assert (gen / flavour / "pangya" / "loginservice" / "server"
                / "pangya_loginservice_server_0001_login.py").exists()
    rw = (gen / "rw" / "pangya" / "common" / "pangya_pstring.py").read_text()
    assert "ReadWriteKaitaiStruct" in rw and "def _write__seq" in rw and "def _check" in rw
    ro = (gen / "ro" / "pangya" / "common" / "pangya_pstring.py").read_text()
    assert "ReadWriteKaitaiStruct" not in ro
    manifest = json.loads((gen / "manifest.json").read_text())
    packets = manifest["protocols"]["pangya.loginservice.server"]["packets"]
    folder = project / "ksy" / "pangya" / "loginservice" / "server"
    files = sorted(folder.glob("[0-9a-f]*.ksy"))
    assert [p["opcode"] for p in packets] == [int(f.stem, 16) for f in files]
    assert {"opcode": 0x0001, "name": "login"}.items() <= packets[[p["opcode"] for p in
                                                                  packets].index(1)].items()


def test_compile_error_names_spec_and_yaml_path_and_keeps_old_build(project):
    assert build(project).returncode == 0
    before = (project / "kaitai_gen" / "manifest.json").read_text()
    spec = project / "ksy" / "pangya" / "loginservice" / "server" / "0001.ksy"
    spec.write_text(spec.read_text().replace("type: pangya_pstring", "type: no_such_type", 1))
    failed = build(project)
    assert failed.returncode == 1
    assert ("ksy/pangya/loginservice/server/0001.ksy: /types/login_success/seq/0/type: "
            "unable to find type 'no_such_type'") in failed.stderr
    assert "Boxed Exception" not in failed.stderr
    assert (project / "kaitai_gen" / "manifest.json").read_text() == before


def test_error_in_an_imported_spec_names_that_spec(project):
    spec = project / "ksy" / "pangya" / "common" / "pstring.ksy"
    spec.write_text(spec.read_text().replace("size: len_value", "size: len_value +"))
    failed = build(project)
    assert failed.returncode == 1
    assert "ksy/pangya/common/pstring.ksy: /seq/1/size:" in failed.stderr
    assert "parsing expression" in failed.stderr


def test_yaml_error_names_line(project):
    spec = project / "ksy" / "pangya" / "common" / "pstring.ksy"
    spec.write_text(spec.read_text() + "seq: [unclosed\n")
    failed = build(project)
    assert failed.returncode == 1
    assert "ksy/pangya/common/pstring.ksy: line" in failed.stderr and "YAML" in failed.stderr


def test_missing_import_is_reported(project):
    spec = project / "ksy" / "pangya" / "loginservice" / "server" / "0002.ksy"
    spec.write_text(spec.read_text().replace("- ../../common/server_info",
                                             "- ../../common/server_info\n    - ../nothing_here"))
    failed = build(project)
    assert failed.returncode == 1
    assert "ksy/pangya/loginservice/server/0002.ksy: /meta/imports/1" in failed.stderr
    assert "pangya/loginservice/nothing_here.ksy" in failed.stderr


def test_a_type_of_a_spec_not_imported_gets_a_hint(project):
    # 0001.ksy uses pangya_pstring; without the import the compiler cannot find the type, and
    # the build says which spec defines it and what line to add.
    spec = project / "ksy" / "pangya" / "loginservice" / "server" / "0001.ksy"
    text = spec.read_text()
    assert "  imports:\n    - ../../common/pstring\n" in text
    spec.write_text(text.replace("  imports:\n    - ../../common/pstring\n", ""))
    failed = build(project)
    assert failed.returncode == 1
    assert "unable to find type 'pangya_pstring'" in failed.stderr
    assert ("hint: it is the spec pangya/common/pstring.ksy; add `- ../../common/pstring` to "
            "meta/imports of pangya/loginservice/server/0001.ksy") in failed.stderr


def test_a_packet_file_joins_its_protocol_by_itself(project):
    # No dispatcher lists its packets: a new <opcode>.ksy is a case, an import and an enum
    # value of index.ksy after the build.
    source = project / "ksy" / "tmw" / "login" / "server" / "0081.ksy"
    target = source.with_name("0099.ksy")
    target.write_text(source.read_text().replace("tmw_login_server_0081_connection_problem",
                                                 "tmw_login_server_0099_test_packet"))
    assert build(project).returncode == 0
    manifest = json.loads((project / "kaitai_gen" / "manifest.json").read_text())
    packets = manifest["protocols"]["tmw.login.server"]["packets"]
    assert [(p["opcode"], p["name"]) for p in packets if p["opcode"] == 0x99] == \
        [(0x99, "test_packet")]
    values = manifest["enums"]["tmw_login_server:TmwLoginServer::packet_id"]["values"]
    assert values[str(0x99)]["id"] == "test_packet"


def test_a_packet_file_with_a_wrong_id_is_refused(project):
    source = project / "ksy" / "tmw" / "login" / "server" / "0081.ksy"
    source.with_name("0099.ksy").write_text(source.read_text().replace(
        "tmw_login_server_0081_connection_problem", "tmw_test_packet"))
    failed = build(project)
    assert failed.returncode == 1
    assert ("ksy/tmw/login/server/0099.ksy: a packet file of tmw/login/server/index.ksy needs the "
            "meta/id tmw_login_server_0099_<packet name>") in failed.stderr


def test_a_spec_nothing_reaches_is_a_warning(project):
    stray = project / "ksy" / "tmw" / "common" / "stray.ksy"
    stray.parent.mkdir(exist_ok=True)
    stray.write_text("meta:\n  id: tmw_stray\nseq: []\n")
    done = build(project)
    assert done.returncode == 0
    assert ("build.py: warning: ksy/tmw/common/stray.ksy: no dispatcher or stream spec imports "
            "it") in done.stderr


def test_duplicate_meta_id_is_refused(project):
    clash = project / "ksy" / "pangya" / "common" / "clash.ksy"
    clash.write_text("meta:\n  id: pangya_pstring\nseq: []\n")
    failed = build(project)
    assert failed.returncode == 1 and "already used by" in failed.stderr


def test_compiler_file_that_differs_from_the_pin_is_refused(project, tmp_path):
    modules = tmp_path / "node_modules"
    shutil.copytree(ROOT / "node_modules", modules)
    compiler = modules / "kaitai-struct-compiler" / "kaitai-struct-compiler.js"
    compiler.write_text(compiler.read_text() + "\n// not the pinned build\n")
    (project / "node_modules").unlink()
    (project / "node_modules").symlink_to(modules)
    failed = build(project)
    assert failed.returncode == 1
    assert "is not the pinned build" in failed.stderr and "npm ci" in failed.stderr


def test_a_declared_length_for_a_packet_with_a_spec_is_refused(project):
    index = project / "ksy" / "tmw" / "login" / "server" / "index.ksy"
    index.write_text(index.read_text().replace("-pkttools-packet-lengths:\n",
                                               "-pkttools-packet-lengths:\n  0x0081: 3\n"))
    failed = build(project)
    assert failed.returncode == 1
    assert ("ksy/tmw/login/server/index.ksy: -pkttools-packet-lengths declares 0x0081, which "
            "has a spec: its spec gives the length") in failed.stderr
