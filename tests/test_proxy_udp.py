"""The proxy for a UDP service: FFXI's world server over loopback, encrypted with a session
key. A fake world server answers each client datagram with a server datagram of real packets
(the test vectors, compressed and encrypted by the layer as LandSandBoat sends them); the
client talks to it through the proxy. Unchanged datagrams go on byte for byte; a hook's edits,
drops and injections go on re-encrypted with the session key; the key steps on after packet
0x00B as the layer follows it; two client addresses are two flows; the saved pcapng reads back
as the rows say; a datagram that does not decrypt goes on unchanged and is reported.
"""

from __future__ import annotations

import asyncio
import textwrap

import pytest

import pkttools
from pkttools.capture import read_capture
from pkttools.layers import ffxi
from pkttools.proxy import Proxy, load_hook
from pkttools.publish.vectors import load

from livekit import run

KEY = bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f000112233")
SERVER_HEADER = bytes.fromhex("3412 3300 00000000 80f0fa65 000102030405060708090a0b0c0d0e0f")
CLIENT_HEADER = bytes.fromhex("0100 3412 00000000 80f0fa65") + bytes(16)
VECTORS = {v.name: v.data for v in load() if v.protocol == "ffxi.world.server"}
# A client datagram's body: pkttools has no client specs, so it is shown decrypted, unparsed.
CLIENT_BODY = bytes.fromhex("15 04 0100 00000000")

HOOK = '''
def on_packet(packet, conn):
    if packet.name == "group_list2":
        data = packet.to_dict()  # FFXI's packet header (its sync) comes along
        data["fields"]["hp"] = 1
        return [data]
    if packet.name == "login" and conn.connection.state.setdefault("logins", 0) == 0:
        conn.connection.state["logins"] = 1
        return []
    return None
'''


class WorldServer(asyncio.DatagramProtocol):
    """Answers client datagram n with server datagram n of `script` (plaintext bodies),
    encrypted with the session key in force (it steps on after a datagram holding 0x00B)."""

    def __init__(self, script: list[bytes]):
        self.script = script
        self.received: list[bytes] = []
        self.key = KEY
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.received.append(data)
        body = self.script[(len(self.received) - 1) % len(self.script)]
        self.transport.sendto(ffxi.encrypt_datagram(SERVER_HEADER + body, self.key), addr)
        if ffxi.LOGOUT_PACKET_ID in ffxi.packet_ids(SERVER_HEADER + body):
            self.key = ffxi.next_session_key(self.key)


class Client(asyncio.DatagramProtocol):
    def __init__(self):
        self.received: asyncio.Queue[bytes] = asyncio.Queue()

    def datagram_received(self, data, addr):
        self.received.put_nowait(data)


async def exchange(proxy_address, datagrams: list[bytes]) -> list[bytes]:
    loop = asyncio.get_running_loop()
    transport, client = await loop.create_datagram_endpoint(Client, remote_addr=proxy_address)
    answers = []
    for datagram in datagrams:
        transport.sendto(datagram)
        answers.append(await asyncio.wait_for(client.received.get(), 10))
    transport.close()
    return answers


def client_datagram(n: int, key: bytes = KEY) -> bytes:
    return ffxi.encrypt_datagram(CLIENT_HEADER + CLIENT_BODY + bytes([n]), key)


def rows(items, flow):
    return [(i.direction, i.datagram, i.action, i.packet.name if i.packet else i.kind)
            for i in items if i.connection.id == flow]


def test_ffxi_world_through_the_proxy(tmp_path):
    logout = bytes.fromhex("0b02 0000")  # packet 0x00B (no spec): the key steps on after it
    script = [VECTORS["group_list2_short"], logout, VECTORS["login_myroom"],
              VECTORS["group_list2_short"]]
    stepped = ffxi.next_session_key(KEY)
    save = tmp_path / "world.pcapng"
    hook_path = tmp_path / "hook.py"
    hook_path.write_text(textwrap.dedent(HOOK))

    async def scenario():
        loop = asyncio.get_running_loop()
        server_transport, server = await loop.create_datagram_endpoint(
            lambda: WorldServer(script), local_addr=("127.0.0.1", 0))
        port = server_transport.get_extra_info("sockname")[1]
        items, notes = [], []
        proxy = Proxy("ffxi.world", ("127.0.0.1", 0), ("127.0.0.1", port), key=KEY,
                      hook=load_hook(hook_path), save=str(save), report=items.append,
                      note=notes.append)
        address = await proxy.start()
        first = await exchange(address, [client_datagram(0), client_datagram(1),
                                         client_datagram(2, stepped),
                                         client_datagram(3, stepped)])
        second = await exchange(address, [client_datagram(9)])  # another client address
        await proxy.stop()
        server_transport.close()
        return items, notes, server.received, first, second, port

    items, notes, at_server, first, second, port = run(scenario())
    # the client datagrams reached the server unchanged, byte for byte
    assert at_server == [client_datagram(0), client_datagram(1), client_datagram(2, stepped),
                         client_datagram(3, stepped), client_datagram(9)]
    assert rows(items, 1) == [
        ("client", 1, "forwarded", "unparsed"),
        ("server", 1, "forwarded", "prologue"), ("server", 1, "edited", "group_list2"),
        ("client", 2, "forwarded", "unparsed"),
        ("server", 2, "forwarded", "prologue"), ("server", 2, "forwarded", "frame"),  # 0x00B
        ("client", 3, "forwarded", "unparsed"),
        ("server", 3, "forwarded", "prologue"), ("server", 3, "dropped", "login"),
        ("client", 4, "forwarded", "unparsed"),
        ("server", 4, "forwarded", "prologue"), ("server", 4, "edited", "group_list2")]
    assert rows(items, 2) == [("client", 1, "forwarded", "unparsed"),
                              ("server", 1, "forwarded", "prologue"),
                              ("server", 1, "edited", "group_list2")]
    # what the client got: re-encrypted with the session key, the edits in it
    # (after 0x00B with the key stepped on, as the server and the layer step it)
    plain = [ffxi.decrypt_datagram(d, k)[0] for d, k in zip(first, [KEY, KEY] + [stepped] * 2)]
    for n in (0, 3):
        edited = pkttools.split("ffxi.world.server", plain[n])
        assert [i.packet.name for i in edited if getattr(i, "packet", None)] == ["group_list2"]
        assert next(i.packet for i in edited if getattr(i, "packet", None)).fields()["hp"] == 1
    assert first[1] == ffxi.encrypt_datagram(SERVER_HEADER + logout, KEY)  # as it came
    assert plain[2] == SERVER_HEADER  # its one packet dropped: the header alone
    edited_row = next(i for i in items if i.action == "edited")
    assert edited_row.original.packet.fields()["hp"] == 1250
    # the saved file reads back as the rows say
    capture = list(read_capture(save, keys={"ffxi.world": KEY},
                                ports=[f"{port}/udp=ffxi.world"]))
    read = [(i.direction, i.datagram, i.packet.name if i.packet else i.kind)
            for i in capture if i.connection.id == 1]
    assert read == [(d, n, kind) for d, n, action, kind in rows(items, 1)
                    if action != "dropped"]
    assert sum(1 for i in capture if i.packet is not None) == \
        sum(1 for i in items if i.packet is not None and i.action != "dropped")
    assert any("flow 2" in n and "open" in n for n in notes)


def test_without_a_hook_every_datagram_goes_on_as_it_came_and_bad_ones_are_reported():
    script = [VECTORS["group_list2_short"]]

    async def scenario():
        loop = asyncio.get_running_loop()
        server_transport, server = await loop.create_datagram_endpoint(
            lambda: WorldServer(script), local_addr=("127.0.0.1", 0))
        port = server_transport.get_extra_info("sockname")[1]
        items = []
        proxy = Proxy("ffxi.world", ("127.0.0.1", 0), ("127.0.0.1", port), key=KEY,
                      report=items.append)
        address = await proxy.start()
        garbage = CLIENT_HEADER + bytes(range(40))
        answers = await exchange(address, [client_datagram(1), garbage])
        await proxy.stop()
        server_transport.close()
        return items, server.received, answers, garbage

    items, at_server, answers, garbage = run(scenario())
    assert at_server == [client_datagram(1), garbage]
    expected = [ffxi.encrypt_datagram(SERVER_HEADER + script[0], KEY)] * 2
    assert [ffxi.decrypt_datagram(a, KEY)[0] for a in answers] == \
        [ffxi.decrypt_datagram(e, KEY)[0] for e in expected]
    bad = [i for i in items if i.direction == "client" and i.kind == "unframed"]
    assert len(bad) == 1 and bad[0].content.data == garbage
    assert "MD5" in str(bad[0].content.error)
    assert all(i.action == "forwarded" for i in items)


def test_the_command_line_takes_a_session_key(tmp_path):
    from pkttools.cli.proxy import _keys
    assert _keys([f"ffxi.world={KEY.hex()}"]) == {"ffxi.world": KEY}
    with pytest.raises(pkttools.UsageError, match="40 hex digits"):
        _keys(["ffxi.world=zz"])
    with pytest.raises(pkttools.UsageError, match="unknown service"):
        _keys(["nosuch.world=00"])


def test_the_command_proxies_datagrams_and_stops_on_sigint(tmp_path):
    """`pkttools proxy ffxi.world ... --key ffxi.world=KEY --format jsonl --save F`: the
    `listening on` line, a JSON row per item with the datagram number, and a saved file that
    `pkttools capture` reads as the rows say."""
    import json
    import re
    import signal
    import subprocess
    import sys

    save = tmp_path / "world.pcapng"

    async def scenario():
        loop = asyncio.get_running_loop()
        server_transport, _ = await loop.create_datagram_endpoint(
            lambda: WorldServer([VECTORS["group_list2_short"]]), local_addr=("127.0.0.1", 0))
        port = server_transport.get_extra_info("sockname")[1]
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "pkttools", "proxy", "ffxi.world", "--listen", "0",
            "--upstream", f"127.0.0.1:{port}", "--key", f"ffxi.world={KEY.hex()}",
            "--format", "jsonl", "--save", str(save),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = (await asyncio.wait_for(proc.stderr.readline(), 30)).decode()
        found = re.fullmatch(r"listening on (\S+):(\d+)\n", line)
        assert found, line
        await exchange((found.group(1), int(found.group(2))), [client_datagram(1)])
        await asyncio.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, err = await asyncio.wait_for(proc.communicate(), 30)
        server_transport.close()
        return proc.returncode, out.decode(), err.decode(), port

    status, out, err, port = run(scenario())
    assert status == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["direction"], r["datagram"], r["kind"], r["action"]) for r in rows] == [
        ("client", 1, "unparsed", "forwarded"), ("server", 1, "prologue", "forwarded"),
        ("server", 1, "frame", "forwarded")]
    assert rows[2]["packet"]["packet"] == "group_list2" and rows[0]["transport"] == "udp"
    assert "proxy stopped: 1 connection(s), 3 item(s): 3 forwarded; saved" in err
    done = subprocess.run([sys.executable, "-m", "pkttools", "capture", str(save), "--format",
                           "jsonl", "--key", f"ffxi.world={KEY.hex()}", "--port",
                           f"{port}/udp=ffxi.world"], capture_output=True, text=True)
    read = [json.loads(line) for line in done.stdout.splitlines()]
    assert [{k: r.get(k) for k in ("record", "direction", "datagram", "offset", "hex")}
            for r in read] == \
        [{k: r.get(k) for k in ("record", "direction", "datagram", "offset", "hex")}
         for r in rows]


def test_a_failing_hook_leaves_the_datagram_as_it_came(tmp_path):
    hook_path = tmp_path / "hook.py"
    hook_path.write_text("def on_packet(packet, conn):\n    raise ValueError('no')\n")
    script = [VECTORS["group_list2_short"]]

    async def scenario():
        loop = asyncio.get_running_loop()
        server_transport, _ = await loop.create_datagram_endpoint(
            lambda: WorldServer(script), local_addr=("127.0.0.1", 0))
        port = server_transport.get_extra_info("sockname")[1]
        items, notes = [], []
        proxy = Proxy("ffxi.world", ("127.0.0.1", 0), ("127.0.0.1", port), key=KEY,
                      hook=load_hook(hook_path), report=items.append, note=notes.append)
        answers = await exchange(await proxy.start(), [client_datagram(1)])
        await proxy.stop()
        server_transport.close()
        return items, notes, answers

    items, notes, answers = run(scenario())
    assert answers == [ffxi.encrypt_datagram(SERVER_HEADER + script[0], KEY)]  # byte for byte
    failed = [i for i in items if i.hook_error]
    assert [(i.packet.name, i.action, i.hook_error) for i in failed] == [
        ("group_list2", "forwarded", "ValueError: no")]
    assert any("hook failed on server group_list2: ValueError: no" in n for n in notes)
