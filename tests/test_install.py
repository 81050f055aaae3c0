"""pkttools installed as a user installs it: a wheel and an sdist built as the README says,
each installed into a fresh virtual environment and run from another folder with no node on
PATH (parse, build, split, capture, docs, webide --no-check, wireshark); then, with node, a
spec folder of the user's own through the installed package (its compiler installed into the
user cache)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import exchange
from pcapgen import Conversation, write_pcap

from conftest import NOTES, ROOT

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="building needs node")


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """`python -m build` run from outside the checkout, as the README says."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                          cwd=out, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def _venv(where: Path, requirement: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
    done = subprocess.run([str(where / "bin" / "python"), "-m", "pip", "install", "--quiet",
                           "--disable-pip-version-check", str(requirement)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return where / "bin"


def _run(bin_dir: Path, cwd: Path, *args: str, node: bool = False, env: dict | None = None,
         stdin: str | None = None) -> subprocess.CompletedProcess:
    path = str(bin_dir) + (os.pathsep + os.path.dirname(shutil.which("node")) if node else "")
    environment = {"PATH": path, "HOME": str(cwd), "XDG_CACHE_HOME": str(cwd / "cache"),
                   **(env or {})}
    return subprocess.run([str(bin_dir / "pkttools"), *args], cwd=cwd, env=environment,
                          input=stdin, capture_output=True, text=True)


def _capture(path: Path) -> Path:
    packets = exchange.tcp_packets()
    conv = Conversation(client=("10.0.0.3", 50000), server=("10.0.0.1", 6901)).handshake()
    conv.send("client", b"".join(packets["tmw.login"]["client"]))
    conv.send("server", b"".join(packets["tmw.login"]["server"]))
    conv.close()
    with open(path, "wb") as out:
        write_pcap(out, conv.frames())
    return path


def test_wheel_carries_the_generated_classes_and_what_docs_need(dist):
    wheel = next(dist.glob("pkttools-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kaitai_gen/ro/tmw/login/server/tmw_login_server_0069_login_data.py" in names
    assert {"kaitai_gen/manifest.json", "kaitai_gen/specs.json", "kaitai_gen/node/ksc.js",
            "kaitai_gen/node/package-lock.json", "kaitai_gen/ksy/tmw/login/server/0069.ksy",
            "kaitai_gen/vectors/tmw_login_server.py", "pkttools/py.typed",
            "pkttools/publish/lua/runtime.lua", "pkttools/publish/lua/layer_ffxi.lua"} <= names
    assert not [n for n in names if "__pycache__" in n]
    NOTES.append(f"install: wheel {wheel.stat().st_size / 1024:.0f} KiB, {len(names)} files")
    sdist = next(dist.glob("pkttools-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        members = {m.name.split("/", 1)[1] for m in tar.getmembers() if "/" in m.name}
    assert {"kaitai_gen/manifest.json", "ksy/tmw/login/server/0069.ksy", "build.py"} <= members


@pytest.mark.parametrize("kind", ["whl", "tar.gz"])
def test_installed_package_works_elsewhere_without_node(dist, tmp_path, kind):
    bin_dir = _venv(tmp_path / "venv", next(dist.glob(f"pkttools-*.{kind}")))
    work = tmp_path / "elsewhere"
    work.mkdir()
    assert _run(bin_dir, work, "--version").stdout.startswith("pkttools ")
    listed = _run(bin_dir, work, "list", "tmw.login.server")
    assert listed.returncode == 0, listed.stderr
    assert "kaitai_gen/ksy/tmw/login/server/0069.ksy" in listed.stdout  # a file it has
    parsed = _run(bin_dir, work, "parse", "tmw.login.server", "81 00 02", "--format", "json")
    assert parsed.returncode == 0, parsed.stderr
    assert "already_logged_in" in parsed.stdout
    built = _run(bin_dir, work, "build", "tmw.login.server",
                 '{"packet": "connection_problem", "fields": {"code": 2}}')
    assert (built.returncode, built.stdout.strip()) == (0, "810002"), built.stderr
    split = _run(bin_dir, work, "split", "tmw.login.server", "8100028100 03")
    assert split.returncode == 0 and split.stdout.count("connection_problem") == 2, split.stderr
    captured = _run(bin_dir, work, "capture", str(_capture(work / "login.pcap")))
    assert captured.returncode == 0, captured.stderr
    assert "login_data" in captured.stdout and "packet(s)" in captured.stderr
    docs = _run(bin_dir, work, "docs", "tmw.login.server", "--out", "site")
    assert docs.returncode == 0, docs.stderr
    page = (work / "site" / "tmw.login.server" / "0x0069-login_data.md").read_text()
    assert "## Examples" in page and "```yaml" in page
    bundle = _run(bin_dir, work, "webide", "tmw.login.server", "--out", "ide", "--no-check")
    assert bundle.returncode == 0, bundle.stderr
    assert (work / "ide" / "tmw.login.server" / "tmw_login_server.ksy").is_file()
    plugin = _run(bin_dir, work, "wireshark", "--out", "ws")
    assert plugin.returncode == 0, plugin.stderr
    lua = (work / "ws" / "pkttools.lua").read_text()
    assert 'PK.service("pangya.loginservice"' in lua and "LAYERS.ffxi = " in lua
    if kind == "whl":  # once: a user's spec folder through the installed package, with node
        _user_specs(bin_dir, work)


def _user_specs(bin_dir: Path, work: Path) -> None:
    specs = work / "my-specs"
    shutil.copytree(ROOT / "tests" / "data" / "user-specs", specs)
    without = _run(bin_dir, work, "--specs", str(specs), "list")
    assert without.returncode == 1 and "node is not installed" in without.stderr
    assert "Traceback" not in without.stderr
    listed = _run(bin_dir, work, "list", "--specs", str(specs), node=True)
    assert listed.returncode == 0, listed.stderr
    assert "toy.login.server" in listed.stdout
    parsed = _run(bin_dir, work, "parse", "tmw.login.server", "99 00 03", "--format", "json",
                  env={"PKTTOOLS_SPECS": str(specs)}, node=True)
    assert parsed.returncode == 0, parsed.stderr
    assert json.loads(parsed.stdout)[0]["packet"] == "kick"
