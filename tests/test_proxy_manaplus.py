"""The real ManaPlus client through `pkttools proxy`, into a map of the fake TMW servers
(tests/tmwfake.py): the proxy's redirects (0x0069's char-server, 0x0071's map server) keep
all three connections in the proxy, every packet both ways parses, and the saved pcapng reads
back. Set up as tests/test_tmw_e2e.py (Xvfb, xdotool types the password), and skipped where
it is: without manaplus, Xvfb or xdotool, or with PKTTOOLS_NO_MANAPLUS=1.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from pkttools.capture import read_capture

# `display` is a fixture and `pytestmark` skips the module as it skips test_tmw_e2e.py.
from test_tmw_e2e import display, play, pytestmark  # noqa: F401
from tmwfake import FakeServer


def test_manaplus_enters_a_map_through_the_proxy(tmp_path: Path, display: str):
    rows_file, save = tmp_path / "rows.jsonl", tmp_path / "session.pcapng"
    with FakeServer() as server, open(rows_file, "w") as rows_out:
        proxy = subprocess.Popen(
            [sys.executable, "-m", "pkttools", "proxy", "tmw.login", "--listen", "0",
             "--upstream", f"127.0.0.1:{server.ports['login']}", "--format", "jsonl",
             "--save", str(save)], stdout=rows_out, stderr=subprocess.PIPE, text=True)
        try:
            line = proxy.stderr.readline()
            assert line.startswith("listening on 127.0.0.1:"), line
            play(tmp_path, display, int(line.rsplit(":", 1)[1]), server)
            time.sleep(0.5)
            proxy.send_signal(signal.SIGINT)
            _, err = proxy.communicate(timeout=10)
        finally:
            if proxy.poll() is None:
                proxy.kill()
                proxy.wait()
    assert proxy.returncode == 0, err
    assert server.errors == []

    rows = [json.loads(line) for line in rows_file.read_text().splitlines()]
    services = {r["connection"]: r["service"] for r in rows}
    assert sorted(set(services.values())) == ["tmw.char", "tmw.login", "tmw.map"]
    assert all(r["kind"] == "frame" and r["packet"] is not None for r in rows), \
        [r for r in rows if r["kind"] != "frame"][:3]
    edited = [(r["packet"]["packet"], m["service"]) for r in rows if r["action"] == "edited"
              for m in r.get("redirects", [])]
    assert edited == [("login_data", "tmw.char"), ("char_map_info", "tmw.map")]
    client_names = [r["packet"]["packet"] for r in rows if r["direction"] == "client"]
    assert client_names.index("map_server_connect") < client_names.index("map_loaded")
    # The client's packets reached the servers as they were (nothing client-side is edited).
    assert [name for _, name, _ in server.received] == [
        r["packet"]["packet"] for r in rows if r["direction"] == "client"]

    login_port = server.ports["login"]
    saved = [c for c in read_capture(save, ports={login_port: "tmw.login"}) if c.packet]
    assert [c.packet.name for c in saved] == [
        r["packet"]["packet"] for r in rows if services[r["connection"]] == "tmw.login"]
