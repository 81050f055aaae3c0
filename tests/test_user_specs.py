"""A user's own spec folder (tests/data/user-specs, see its README): its packet file joins
tmw.login.server, its protocol folder adds toy.login.server, for every command and the Python
API, compiled once into the user cache and again when a file changes; the project untouched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pkttools
from pkttools.cli import main

from conftest import NOTES, ROOT

SPECS = ROOT / "tests" / "data" / "user-specs"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PKTTOOLS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("PKTTOOLS_SPECS", raising=False)
    yield tmp_path / "cache"
    pkttools.use_specs([])  # back to the project's own specs for the other tests


def test_packet_and_protocol_join_through_the_python_api(cache):
    assert "toy.login.server" not in [p.name for p in pkttools.protocols()]
    started = time.perf_counter()
    pkttools.use_specs([SPECS])
    names = [p.name for p in pkttools.protocols()]
    first_use = time.perf_counter() - started
    NOTES.append(f"user specs: first use compiled in {first_use:.1f} s")
    assert "toy.login.server" in names
    kick = pkttools.parse("tmw.login.server", bytes.fromhex("9900 03"))
    assert (kick.name, kick.fields()) == ("kick", {"reason": "maintenance"})
    # the project's own packets are still there, beside the user's
    assert pkttools.parse("tmw.login.server", bytes.fromhex("8100 02")).name == \
        "connection_problem"
    welcome = pkttools.parse("toy.login.server", bytes.fromhex("01 0300"))
    assert (welcome.opcode, welcome.name, welcome.fields()) == (1, "welcome", {"version": 3})
    assert pkttools.build("toy.login.server",
                          {"packet": "motd", "fields": {"text": "hi"}}) == b"\x02\x02hi"
    proto = pkttools.protocol("tmw.login.server")
    assert proto.registry.spec_origin(proto.packet("kick").spec_path) == \
        str(SPECS / "tmw" / "login" / "server" / "0099.ksy")


def test_the_project_is_untouched(cache):
    before = subprocess.run(["git", "status", "--porcelain", "ksy", "kaitai_gen"], cwd=ROOT,
                            capture_output=True, text=True).stdout
    pkttools.use_specs([SPECS])
    pkttools.protocols()
    from kaitai_gen import __file__ as generated

    manifest = json.loads((Path(generated).parent / "manifest.json").read_text())
    assert "toy.login.server" not in manifest["protocols"]
    assert subprocess.run(["git", "status", "--porcelain", "ksy", "kaitai_gen"], cwd=ROOT,
                          capture_output=True, text=True).stdout == before


def test_compiled_once_and_again_when_a_file_changes(cache, tmp_path):
    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)
    pkttools.use_specs([specs])
    pkttools.protocols()
    built = sorted((cache / "specs").iterdir())
    assert len(built) == 1
    pkttools.use_specs([specs])  # the same files: the package already built is used
    pkttools.protocols()
    assert sorted((cache / "specs").iterdir()) == built
    motd = specs / "toy" / "login" / "server" / "02.ksy"
    motd.write_text(motd.read_text().replace("motd", "message_of_the_day"))
    pkttools.use_specs([specs])
    assert pkttools.parse("toy.login.server", bytes.fromhex("02 01 41")).name == \
        "message_of_the_day"
    assert len(list((cache / "specs").iterdir())) == 2


def test_a_user_file_replaces_the_project_file_of_the_same_path(cache, tmp_path):
    specs = tmp_path / "specs"
    target = specs / "tmw" / "login" / "server" / "0081.ksy"
    target.parent.mkdir(parents=True)
    target.write_text((ROOT / "ksy" / "tmw" / "login" / "server" / "0081.ksy").read_text()
                      .replace("already_logged_in", "logged_in_elsewhere"))
    pkttools.use_specs([specs])
    assert pkttools.parse("tmw.login.server", bytes.fromhex("8100 02")).fields() == \
        {"code": "logged_in_elsewhere"}


def test_every_command_sees_them(cache, tmp_path, capsys):
    assert main(["list", "--specs", str(SPECS)]) == 0
    assert "toy.login.server" in capsys.readouterr().out
    assert main(["--specs", str(SPECS), "parse", "toy.login.server", "02 02 6869",
                 "--format", "json"]) == 0
    assert '"text": "hi"' in capsys.readouterr().out
    assert main(["build", "toy.login.server", '{"packet": "welcome", "fields": {"version": 7}}',
                 "--specs", str(SPECS)]) == 0
    assert capsys.readouterr().out.strip() == "010700"
    assert main(["split", "toy.login.server", "010300 0201 41", "--specs", str(SPECS)]) == 0
    assert capsys.readouterr().out.count("frame") == 2
    assert main(["docs", "toy.login.server", "--out", str(tmp_path / "site"),
                 "--specs", str(SPECS)]) == 0
    page = (tmp_path / "site" / "toy.login.server" / "0x0002-motd.md").read_text()
    assert "The message of the day" in page and str(SPECS / "toy") in page
    assert main(["webide", "toy.login.server", "--out", str(tmp_path / "ide"),
                 "--specs", str(SPECS)]) == 0
    flat = (tmp_path / "ide" / "toy.login.server" / "toy_login_server.ksy").read_text()
    assert "opcode::motd: toy_login_server_02_motd" in flat


def test_capture_sees_them(cache, tmp_path, capsys):
    from pcapgen import Conversation, write_pcap

    conv = Conversation(client=("10.0.0.3", 50000), server=("10.0.0.1", 7000)).handshake()
    conv.send("server", bytes.fromhex("010300 0202 6869"))
    conv.close()
    path = tmp_path / "toy.pcap"
    with open(path, "wb") as out:
        write_pcap(out, conv.frames())
    assert main(["capture", str(path), "--port", "7000=toy.login", "--specs", str(SPECS)]) == 0
    out = capsys.readouterr().out
    assert "welcome" in out and 'motd' in out


def test_environment_variable_and_missing_folder(cache, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PKTTOOLS_SPECS", os.pathsep.join([str(tmp_path / "nothing"),
                                                          str(SPECS)]))
    pkttools.use_specs([])
    assert main(["list"]) == 2
    err = capsys.readouterr().err
    assert "$PKTTOOLS_SPECS" in err and "nothing is not a folder of .ksy specs" in err
    monkeypatch.setenv("PKTTOOLS_SPECS", str(SPECS))
    pkttools.use_specs([])
    assert "toy.login.server" in [p.name for p in pkttools.protocols()]


def test_without_node_one_clear_error(tmp_path):
    env = {"PATH": os.path.dirname(sys.executable), "PKTTOOLS_CACHE": str(tmp_path / "c"),
           "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "pkttools", "--specs", str(SPECS), "list"],
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "node is not installed" in done.stderr


def test_a_broken_user_spec_names_its_file(cache, tmp_path, capsys):
    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)
    bad = specs / "toy" / "login" / "server" / "03.ksy"
    bad.write_text("meta:\n  id: toy_login_server_03_bad\nseq:\n  - id: x\n    type: nothing\n")
    assert main(["list", "--specs", str(specs)]) == 1
    err = capsys.readouterr().err
    assert "specs/toy/login/server/03.ksy: /seq/0/type: unable to find type 'nothing'" in err
