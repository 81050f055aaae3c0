"""`pkttools proxy` as other tools run it: a process that says `listening on HOST:PORT` on
stderr, prints a row (or a JSON line) per item as it forwards it, and stops on SIGINT or
SIGTERM with exit status 0 and its pcapng complete, which `pkttools capture` reads back to
the same items."""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import subprocess
import sys
import textwrap

import pytest

from livekit import CharServer, example, run

SERVER = example("login_server")
CLIENT = example("login_client")
PKTTOOLS = [sys.executable, "-m", "pkttools"]
HOOK = '''
def on_packet(packet, conn):
    if packet.name == "update_host":
        return []
    if packet.name == "server_version":
        fields = packet.fields()
        fields["minor"] = 99
        return {"packet": "server_version", "fields": fields}
'''


async def proxy_session(tmp_path, stop: signal.Signals, fmt: str):
    """Run the example login through a `pkttools proxy` process; its rows, stderr, status."""
    hook = tmp_path / "hook.py"
    hook.write_text(textwrap.dedent(HOOK))
    char = await CharServer().start()
    login = await SERVER.serve(char_servers=[("127.0.0.1", char.port)])
    proc = await asyncio.create_subprocess_exec(
        *PKTTOOLS, "proxy", "tmw.login", "--listen", "127.0.0.1:0",
        "--upstream", f"127.0.0.1:{login.port}", "--hook", str(hook),
        "--save", str(tmp_path / "out.pcapng"), "--format", fmt,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first = (await asyncio.wait_for(proc.stderr.readline(), 10)).decode()
        assert first.startswith("listening on 127.0.0.1:"), first
        port = int(first.rsplit(":", 1)[1])
        result = await CLIENT.login("127.0.0.1", port, "player", "secret")
        await asyncio.sleep(0.2)  # the char-server connection closes behind the client
        proc.send_signal(stop)
        out, err = await asyncio.wait_for(proc.communicate(), 10)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        await login.close()
        char.close()
    return result, out.decode(), first + err.decode(), proc.returncode, login.port


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_jsonl_rows_and_the_saved_capture_agree(tmp_path, stop):
    result, out, err, status, login_port = run(proxy_session(tmp_path, stop, "jsonl"), 20)
    assert status == 0, err
    assert result.received[0].fields()["minor"] == 99
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["connection"], r["direction"], r["action"], r["kind"],
             (r["packet"] or {}).get("packet")) for r in rows if r["connection"] == 1] == [
        (1, "client", "forwarded", "frame", "server_version_request"),
        (1, "server", "edited", "frame", "server_version"),
        (1, "client", "forwarded", "frame", "login_request"),
        (1, "server", "dropped", "frame", "update_host"),
        (1, "server", "edited", "frame", "login_data"),  # redirected
    ]
    assert {r["service"] for r in rows if r["connection"] == 2} == {"tmw.char"}
    assert "pkttools: proxy stopped: 2 connection(s)" in err
    # `pkttools capture` of the saved file: the same items (dropped ones were never sent),
    # same records, offsets, fields; only the proxy's own keys differ.
    capture = subprocess.run(
        [*PKTTOOLS, "capture", str(tmp_path / "out.pcapng"), "--format", "jsonl",
         "--port", f"{login_port}=tmw.login"], capture_output=True, text=True, timeout=30)
    assert capture.returncode == 0, capture.stderr
    read = [json.loads(line) for line in capture.stdout.splitlines()]
    proxy_keys = {"action", "original", "redirects", "hook_error", "time"}
    sent = [{k: v for k, v in r.items() if k not in proxy_keys} for r in rows
            if r["connection"] == 1 and r["action"] != "dropped"]
    assert [{k: v for k, v in r.items() if k != "time"} for r in read] == sent
    assert "#1 tcp" in capture.stderr and "[closed]" in capture.stderr


def test_the_table_has_an_action_column(tmp_path):
    result, out, err, status, _ = run(proxy_session(tmp_path, signal.SIGINT, "table"), 20)
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["record", "time", "conn", "dir", "action", "opcode", "packet",
                                "summary"]
    cells = [line.split()[2:7] for line in lines[1:]]
    assert cells[:5] == [
        ["1", "C>S", "forwarded", "0x7530", "server_version_request"],
        ["1", "S>C", "edited", "0x7531", "server_version"],
        ["1", "C>S", "forwarded", "0x0064", "login_request"],
        ["1", "S>C", "dropped", "0x0063", "update_host"],
        ["1", "S>C", "edited", "0x0069", "login_data"],
    ]
    assert [line.split()[2:7] for line in lines[6:8]] == [
        ["2", "C>S", "forwarded", "0x0065", "char_server_connect"],
        ["2", "S>C", "forwarded", "0x8000", "hold"]]


@pytest.mark.skipif(shutil.which("tshark") is None, reason="tshark (Debian) is not installed")
def test_wireshark_reads_the_saved_file(tmp_path):
    _, _, err, status, login_port = run(proxy_session(tmp_path, signal.SIGTERM, "jsonl"), 20)
    assert status == 0, err
    fields = subprocess.run(
        ["tshark", "-r", str(tmp_path / "out.pcapng"), "-T", "fields", "-e", "tcp.srcport",
         "-e", "tcp.len", "-e", "tcp.flags.str", "-e", "frame.comment"],
        capture_output=True, text=True, timeout=60)
    assert fields.returncode == 0, fields.stderr
    lines = [line.split("\t") for line in fields.stdout.splitlines()]
    from_server = [line for line in lines if line[0] == str(login_port)]
    assert [line[3] for line in from_server if line[1] != "0"] == \
        ["edited by the proxy", "edited by the proxy"]  # 0x7531 and the redirected 0x0069
    assert "S" in from_server[0][2] and "F" in from_server[-1][2]  # SYN-ACK ... FIN


@pytest.mark.parametrize("args, message", [
    (["nogame.lobby", "--listen", "0", "--upstream", "127.0.0.1:1"],
     "unknown service 'nogame.lobby'"),
    (["ffxi.world", "--listen", "0", "--upstream", "127.0.0.1:1", "--key", "ffxi.world=zz"],
     "an FFXI session key is 20 bytes as 40 hex digits, not 'zz'"),
    (["tmw.login", "--listen", "0", "--upstream", "127.0.0.1:1", "--key", "tmw.login=1"],
     "--key tmw.login: tmw.login has no game layer, so it takes no key"),
    (["tmw.login", "--listen", "0", "--upstream", "localhost"], "expected HOST:PORT"),
    (["tmw.login", "--listen", "x:y", "--upstream", "127.0.0.1:1"], "the port is not a number"),
    (["tmw.login", "--listen", "0", "--upstream", "127.0.0.1:1", "--hook", "missing.py"],
     "--hook missing.py: no such file"),
], ids=["unknown service", "bad session key", "key without a layer", "no port", "bad port",
        "no hook file"])
def test_usage_errors_are_one_line(args, message, tmp_path):
    done = subprocess.run([*PKTTOOLS, "proxy", *args], capture_output=True, text=True,
                          timeout=30, cwd=tmp_path)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1, done.stderr
    assert lines[0].startswith("pkttools: error: ") and message in lines[0]
