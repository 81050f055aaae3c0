"""The real ManaPlus client against a fake TMW server made of pkttools (tests/tmwfake.py).

ManaPlus (Debian package `manaplus`) runs headless under Xvfb; xdotool types the password (the
client ignores -P). The fake login, char and map servers answer with packets built by
pkttools.build from the specs and read the client with pkttools.Splitter, until the client
says it loaded the map (0x007d). Without TMW's client data ManaPlus creates an empty map and
still sends it. Skipped where manaplus, Xvfb or xdotool is missing; PKTTOOLS_NO_MANAPLUS=1
skips it too.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tmwfake import ACCOUNT, CHAR_ID, KEYS, NAME, FakeServer

MANAPLUS = shutil.which("manaplus") or (
    "/usr/games/manaplus" if os.access("/usr/games/manaplus", os.X_OK) else None)
XVFB = shutil.which("Xvfb")
XDOTOOL = shutil.which("xdotool")

pytestmark = pytest.mark.skipif(
    not (MANAPLUS and XVFB and XDOTOOL) or bool(os.environ.get("PKTTOOLS_NO_MANAPLUS")),
    reason="needs manaplus, Xvfb and xdotool (Debian packages manaplus, xvfb, xdotool)")

PASSWORD = "secret"
# config.xml: videodetected skips a ~90 s video probe; no sound, no OpenGL, a small window.
CONFIG = """<?xml version="1.0"?>
<configuration>
    <option name="videodetected" value="1"/>
    <option name="screenwidth" value="800"/>
    <option name="screenheight" value="600"/>
    <option name="sound" value="0"/>
    <option name="opengl" value="0"/>
</configuration>
"""


def wait_for(predicate, timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def stop(proc: subprocess.Popen) -> None:
    """ManaPlus may ignore SIGTERM: SIGKILL after a grace period."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@pytest.fixture
def display(tmp_path):
    read, write = os.pipe()
    xvfb = subprocess.Popen([XVFB, "-displayfd", str(write), "-screen", "0", "800x600x24",
                             "-nolisten", "tcp"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not report its display"
        yield f":{number}"
    finally:
        stop(xvfb)


def play(tmp_path: Path, display: str, port: int, server: FakeServer) -> None:
    """ManaPlus logs in at 127.0.0.1:`port` as pkttest and plays until `server` has seen
    0x007d Map Loaded."""
    config, local, log = tmp_path / "config", tmp_path / "local", tmp_path / "manaplus.log"
    config.mkdir()
    local.mkdir()
    (config / "config.xml").write_text(CONFIG)
    env = dict(os.environ, DISPLAY=display, HOME=str(tmp_path), SDL_AUDIODRIVER="dummy")
    client = subprocess.Popen(
        [MANAPLUS, "-s", "127.0.0.1", "-p", str(port), "-y", "tmwathena",
         "-U", "pkttest", "-c", NAME, "-u", "--no-opengl", "-C", str(config),
         "-L", str(local), "-l", str(log)],
        env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: log.exists() and "State: LOGIN" in log.read_text(errors="replace"),
                 90, "the login window")
        time.sleep(1)  # the window takes keys once drawn
        subprocess.run([XDOTOOL, "type", "--delay", "30", PASSWORD], env=env, check=True)
        subprocess.run([XDOTOOL, "key", "Return"], env=env, check=True)
        wait_for(server.map_loaded.is_set, 90, "0x007d Map Loaded")
    finally:
        stop(client)


def test_manaplus_enters_a_map_served_by_pkttools(tmp_path: Path, display: str, record_property):
    started = time.monotonic()
    with FakeServer() as server:
        play(tmp_path, display, server.ports["login"], server)
    elapsed = time.monotonic() - started
    record_property("seconds", round(elapsed, 1))
    print(f"ManaPlus reached the map in {elapsed:.1f} s")

    assert server.errors == []
    sent = [(proto, name) for proto, name, _ in server.received]
    assert sent[:2] == [("tmw.login.client", "server_version_request"),
                        ("tmw.login.client", "login_request")]
    assert [name for proto, name in sent if proto == "tmw.char.client"] == [
        "char_server_connect", "char_select"]
    assert sent.index(("tmw.map.client", "map_server_connect")) < sent.index(
        ("tmw.map.client", "map_loaded"))

    fields = {name: f for _, name, f in server.received}
    assert fields["login_request"]["username"] == "pkttest"
    assert fields["login_request"]["password"] == PASSWORD
    assert fields["login_request"]["client_version"] == 8
    connect = fields["char_server_connect"]
    assert (connect["account_id"], connect["login_id1"], connect["login_id2"]) == (
        ACCOUNT, *KEYS)
    assert fields["char_select"] == {"slot": 0}
    entry = fields["map_server_connect"]
    assert (entry["account_id"], entry["char_id"], entry["login_id1"], entry["login_id2"]) == (
        ACCOUNT, CHAR_ID, *KEYS)
