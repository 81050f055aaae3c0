"""The live proxy over loopback sockets: the examples' TMW client and fake login server talk
through it, in random chunks, with a hook that edits, drops and injects; the char-server it
redirects to is followed; garbage passes through unchanged; sides close mid-packet; a side
that does not read slows the other down instead of filling the proxy's memory; PangYa's
encrypted LoginService is parsed decrypted and its replacements encrypted; the saved pcapng
reads back as the rows say. Every test runs under a time limit (livekit.run).
"""

from __future__ import annotations

import asyncio
import textwrap

import pytest

import pkttools
from pkttools.capture import read_capture
from pkttools.proxy import Proxy, load_hook
from pkttools.stream.items import Frame, Unframed

from conftest import EXAMPLES
from livekit import CharServer, example, random_pieces, run

SERVER = example("login_server")
CLIENT = example("login_client")
GAME_SERVER_LIST = next((EXAMPLES / "pangya" / "loginservice" / "server").glob("*/0002-*.bin"))

# The hook of the login flow: it edits the server version, drops the login server's update
# host and injects one of its own before the login data, and counts packets per connection in
# the connection's state.
HOOK = '''
SEEN = []

def on_packet(packet, conn):
    state = conn.connection.state
    state["packets"] = state.get("packets", 0) + 1
    SEEN.append((conn.connection.id, conn.service, conn.direction, packet.name,
                 state["packets"]))
    if packet.name == "server_version":
        fields = packet.fields()
        fields["minor"] = 99
        return {"packet": "server_version", "fields": fields}
    if packet.name == "update_host":
        return []
    if packet.name == "login_data":
        return [{"packet": "update_host", "fields": {"update_host": "http://proxy.invalid"}},
                packet]
    return None
'''


def hook_file(tmp_path, text: str):
    path = tmp_path / "hook.py"
    path.write_text(textwrap.dedent(text))
    return load_hook(path)


async def start_proxy(upstream_port: int, service: str = "tmw.login", **options):
    items, notes = [], []
    proxy = Proxy(service, ("127.0.0.1", 0), ("127.0.0.1", upstream_port),
                  report=items.append, note=notes.append, **options)
    await proxy.start()
    return proxy, items, notes


def rows(items, connection: int) -> list[tuple]:
    """(direction, action, packet name or kind) of one connection's items."""
    return [(i.direction, i.action, i.packet.name if i.packet else i.kind)
            for i in items if i.connection.id == connection]


@pytest.mark.parametrize("seed", [1, 2])
def test_the_login_flow_through_the_proxy(tmp_path, seed):
    hook = hook_file(tmp_path, HOOK)
    save = tmp_path / "flow.pcapng"

    async def scenario():
        char = await CharServer().start()
        login = await SERVER.serve(char_servers=[("127.0.0.1", char.port)],
                                   pieces=random_pieces(seed))
        proxy, items, notes = await start_proxy(login.port, hook=hook, save=str(save))
        host, port = proxy.address
        result = await CLIENT.login(host, port, "player", "secret",
                                    pieces=random_pieces(seed + 100))
        for _ in range(100):  # the char-server connection ends after the client's close
            if sum(n.endswith(": closed") for n in notes) == 2:
                break
            await asyncio.sleep(0.01)
        await proxy.stop()
        await login.close()
        char.close()
        return result, items, notes, char, login.port

    result, items, notes, char, login_port = run(scenario())
    # What the client saw: the edited version, the injected update host (the server's was
    # dropped), and the login data with the char-server moved to a listener of the proxy.
    assert [p.name for p in result.received] == ["server_version", "update_host", "login_data"]
    assert result.received[0].fields()["minor"] == 99
    assert result.received[1].fields()["update_host"] == "http://proxy.invalid"
    entry = result.login_data.fields()["char_servers"][0]
    assert (entry["ip_dotted"], entry["name"], entry["users"]) == ("127.0.0.1", "Fake 1", 1)
    assert entry["port"] != char.port and result.char_server == ("127.0.0.1", entry["port"])
    # ... and it went on through the proxy to the real char-server, with its session keys.
    fields = result.login_data.fields()
    assert [(c["account_id"], c["login_id1"]) for c in char.connects] == \
        [(2000000, fields["login_id1"])]
    assert result.char_answer.name == "hold"

    assert rows(items, 1) == [
        ("client", "forwarded", "server_version_request"),
        ("server", "edited", "server_version"),
        ("client", "forwarded", "login_request"),
        ("server", "dropped", "update_host"),
        ("server", "injected", "update_host"),
        ("server", "edited", "login_data"),
    ]
    by_name = {i.packet.name + "/" + i.action: i.to_dict() for i in items if i.packet}
    edited = by_name["server_version/edited"]
    assert edited["packet"]["fields"]["minor"] == 99
    assert edited["original"]["packet"]["fields"]["minor"] == 10
    dropped = by_name["update_host/dropped"]
    assert dropped["original"]["packet"]["fields"]["update_host"] == \
        "http://updates.example.org"
    assert "original" not in by_name["update_host/injected"]
    moved = by_name["login_data/edited"]
    assert moved["redirects"] == [{"service": "tmw.char",
                                   "from": f"127.0.0.1:{char.port}",
                                   "to": f"127.0.0.1:{entry['port']}"}]
    assert moved["original"]["packet"]["fields"]["char_servers"][0]["port"] == char.port
    # The redirected connection is proxied as tmw.char.
    assert rows(items, 2) == [("client", "forwarded", "char_server_connect"),
                              ("server", "forwarded", "hold")]
    assert {i.connection.service for i in items if i.connection.id == 2} == {"tmw.char"}
    # The hook saw every packet of connection 1 (update_host once: the injected one is not
    # passed to it), and the state lived per connection.
    seen = hook.__globals__["SEEN"]
    assert [s[3] for s in seen if s[0] == 1] == [
        "server_version_request", "server_version", "login_request", "update_host",
        "login_data"]
    assert [s[4] for s in seen if s[0] == 1] == [1, 2, 3, 4, 5]
    assert any(n.startswith("redirect: tmw.char at 127.0.0.1:") for n in notes)

    # The saved file: the same packets at the same offsets and records (dropped ones were
    # never sent), and the connection closed both ways.
    capture = read_capture(save, ports={login_port: "tmw.login"})
    read = [(c.record, c.direction, c.offset, c.packet.to_dict()) for c in capture
            if c.packet is not None]
    sent = [(i.record, i.direction, i.offset, i.packet.to_dict()) for i in items
            if i.connection.id == 1 and i.action != "dropped"]
    assert read == sent
    assert capture.summary.problems == 0
    assert [c.state for c in capture.summary.connections] == ["closed"]


def test_bytes_pass_through_byte_for_byte():
    """Packets, garbage (an id no spec knows stops a TMW stream: the rest is unframed) and a
    packet id split over chunks reach the other side exactly as sent, both ways, and every
    byte is in a row."""
    client_sends = bytes.fromhex("30 75") + bytes.fromhex("ee ee") + bytes(range(256)) * 4
    server_sends = bytes.fromhex("31 75 17 0a 16 00 01 01 00 00") + b"\xff" * 300

    async def serve(reader, writer):
        got = await reader.readexactly(len(client_sends))
        for piece in random_pieces(7, 40)(server_sends):
            writer.write(piece)
            await writer.drain()
            await asyncio.sleep(0.001)
        writer.close()
        served.append(got)

    async def scenario():
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        proxy, items, _ = await start_proxy(server.sockets[0].getsockname()[1])
        reader, writer = await asyncio.open_connection(*proxy.address)
        for piece in random_pieces(8, 40)(client_sends):
            writer.write(piece)
            await writer.drain()
            await asyncio.sleep(0.001)
        received = await reader.read()  # up to the server's close
        writer.close()
        await asyncio.sleep(0.05)
        await proxy.stop()
        server.close()
        return received, items

    served: list[bytes] = []
    received, items = run(scenario())
    assert served == [client_sends] and received == server_sends
    for direction, sent in (("client", client_sends), ("server", server_sends)):
        mine = [i for i in items if i.direction == direction]
        assert b"".join(i.content.data for i in mine) == sent
        assert isinstance(mine[0].content, Frame) and mine[0].packet is not None
        assert all(isinstance(i.content, Unframed) for i in mine[1:])
        assert {i.action for i in mine} == {"forwarded"}
    garbage = next(i for i in items if i.direction == "client" and i.kind == "unframed")
    assert garbage.offset == 2 and "opcode 0xeeee names no packet" in str(garbage.content.error)


@pytest.mark.parametrize("who, half", [
    ("client", bytes.fromhex("64 00 08 00 00 00 70 6c 61")),  # 9 of 0x0064's 55 bytes
    ("server", bytes.fromhex("69 00 4f 00 3e 2c 1d 4b 80")),  # 9 of a 79-byte 0x0069
], ids=["client", "server"])
def test_a_side_that_closes_mid_packet(who, half):
    """Half a packet, then the side closes: the half is forwarded and reported as incomplete,
    the other side reads it and then the end of the stream."""

    async def serve(reader, writer):
        if who == "server":
            writer.write(half)
            await writer.drain()
            writer.close()
        got.append(await reader.read())
        writer.close()

    async def scenario():
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        proxy, items, notes = await start_proxy(server.sockets[0].getsockname()[1])
        reader, writer = await asyncio.open_connection(*proxy.address)
        if who == "client":
            writer.write(half)
            await writer.drain()
            writer.close()
            received = b""
        else:
            received = await asyncio.wait_for(reader.read(), 2)
            writer.close()
        for _ in range(100):
            if any(n.endswith(": closed") for n in notes):
                break
            await asyncio.sleep(0.01)
        await proxy.stop()
        server.close()
        return received, items, notes

    got: list[bytes] = []
    received, items, notes = run(scenario())
    assert (got[0] if who == "client" else received) == half
    (item,) = items
    assert (item.direction, item.kind, item.action, item.content.data) == \
        (who, "incomplete", "forwarded", half)
    assert item.content.reason == "the connection closed inside a frame"
    assert notes[-1].endswith(": closed")


def test_a_slow_reader_slows_the_writer_down():
    """The upstream reads nothing for a while: once its side's write buffer is full the proxy
    stops reading from the client, so what it holds stays small and the client's writes wait
    (in the client's own buffer, past what the kernel takes); then everything arrives, in
    order."""
    total = 24 << 20  # more than the kernel's socket buffers on the way take here
    data = b"\xee\xee" + bytes(range(256)) * (total // 256 - 1) + bytes(254)
    assert len(data) == total  # after 0xeeee no TMW packet can be framed: unframed bytes

    async def scenario():
        release = asyncio.Event()
        received = bytearray()

        async def serve(reader, writer):
            await release.wait()
            while len(received) < total:
                chunk = await reader.read(1 << 20)
                if not chunk:
                    break
                received.extend(chunk)
            writer.close()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        proxy, items, _ = await start_proxy(server.sockets[0].getsockname()[1])
        reader, writer = await asyncio.open_connection(*proxy.address)
        writer.write(data)  # the kernel takes what it can, the rest waits in the transport
        while True:  # until the proxy reads no more
            relay = next(iter(proxy.relays.values()))
            before = relay.wire.received("client")
            await asyncio.sleep(0.2)
            if relay.wire.received("client") == before:
                break
        read = relay.wire.received("client")
        held = read - relay.sent["client"] + \
            relay.streams["server"][1].transport.get_write_buffer_size()
        waiting = writer.transport.get_write_buffer_size()
        release.set()
        await writer.drain()
        writer.close()
        for _ in range(1000):
            if len(received) >= total:
                break
            await asyncio.sleep(0.01)
        await proxy.stop()
        server.close()
        return read, held, waiting, bytes(received)

    read, held, waiting, received = run(scenario(), limit=30)
    print(f"the proxy stopped reading after {read} bytes, holding {held}; "
          f"{waiting} bytes waited in the client")
    assert read < total and waiting > 0, "nothing pushed back"
    assert held <= 1 << 20, f"the proxy held {held} bytes"
    assert received == data


def test_a_failing_hook_is_reported_and_the_packet_forwarded(tmp_path):
    hook = hook_file(tmp_path, '''
        def on_packet(packet, conn):
            if packet.name == "server_version_request":
                raise RuntimeError("the hook has a bug")
            if packet.name == "server_version":
                return 42
            if packet.name == "login_request":
                return {"packet": "login_request", "fields": {"no_such_field": 1}}
    ''')

    async def scenario():
        login = await SERVER.serve()
        proxy, items, notes = await start_proxy(login.port, hook=hook)
        result = await CLIENT.login(*proxy.address, "player", "secret", follow=False)
        await proxy.stop()
        await login.close()
        return result, items, notes

    result, items, notes = run(scenario())
    assert result.login_data is not None  # the flow went on
    errors = [(i.packet.name, i.action, i.hook_error) for i in items if i.hook_error]
    assert errors[0] == ("server_version_request", "forwarded",
                         "RuntimeError: the hook has a bug")
    assert errors[1][:2] == ("server_version", "forwarded") and \
        errors[1][2].startswith("TypeError: on_packet returned int")
    assert errors[2][:2] == ("login_request", "forwarded") and "no_such_field" in errors[2][2]
    assert sum("hook failed on" in n for n in notes) == 3


def test_pangya_is_parsed_decrypted_and_replacements_encrypted(tmp_path):
    """The LoginService through the proxy: the hello gives the proxy the key; the hook edits
    the client's login (the replacement is encrypted with the connection's key, and the server
    reads it); the game server list is redirected; the rest is forwarded untouched."""
    servers = pkttools.parse("pangya.loginservice.server", GAME_SERVER_LIST.read_bytes())
    addresses = {(s["ip_address"]["value"], s["port"]) for s in servers.fields()["servers"]}
    hook = hook_file(tmp_path, '''
        def on_packet(packet, conn):
            if packet.name == "login":
                fields = packet.fields()
                if conn.direction == "client":
                    fields["username"] = {"value": "proxied"}
                    return {"packet": "login", "fields": fields}
    ''')

    async def upstream(conn):
        await conn.send({"packet": "hello", "fields": {"key": 9, "server_uid": 10101}})
        login = await conn.expect("login", timeout=2)
        seen.append(login.fields()["username"]["value"])
        await conn.send(servers)

    async def scenario():
        game = await CharServer().start()  # stands in for a game server: bytes only
        listener = await pkttools.session.listen("pangya.loginservice", handler=upstream)
        proxy, items, notes = await start_proxy(listener.port, "pangya.loginservice", hook=hook)
        async with await pkttools.session.connect("pangya.loginservice",
                                                  *proxy.address) as conn:
            await conn.expect("hello", timeout=2)
            await conn.send({"packet": "login", "fields": {
                "username": {"value": "player"}, "password": {"value": "secret"},
                "padding": "00" * 17}})
            got = await conn.expect("game_server_list", timeout=2)
        await proxy.stop()
        await listener.close()
        game.close()
        return got, items

    seen: list[str] = []
    got, items = run(scenario())
    assert seen == ["proxied"]
    listed = got.fields()["servers"]
    assert len(listed) == 11
    assert {(s["ip_address"]["value"], s["ip_address"]["after_nul"]) for s in listed} == \
        {("127.0.0.1", "00" * 8)}
    ports = {s["port"] for s in listed}
    assert len(ports) == len(addresses)  # one listener per original address
    assert not ports & {port for _, port in addresses}
    assert [s["name"] for s in listed] == [s["name"] for s in servers.fields()["servers"]]
    hello, login, server_list = (i for i in items if i.packet is not None)
    assert (hello.action, login.action, server_list.action) == ("forwarded", "edited", "edited")
    assert hello.content.data[:4] == bytes.fromhex("00 0b 00 00")  # in the clear
    assert b"proxied" not in login.content.data  # encrypted on the wire
    assert login.original.packet.fields()["username"]["value"] == "player"
    assert {m.service for m in server_list.redirects} == {"pangya.gameservice"}



VERSION = bytes.fromhex("31 75 17 0a 16 00 01 01 00 00")  # tmwAthena 23.10.22, a login server


@pytest.mark.parametrize("answer, expected", [
    (lambda p: None, [("forwarded", "original")]),
    (lambda p: [], []),
    (lambda p: {"packet": "connection_problem", "fields": {"code": 1}},
     [("edited", "connection_problem")]),
    (lambda p: bytes.fromhex("81 00 01"), [("edited", b"\x81\x00\x01")]),
    (lambda p: [p, {"packet": "connection_problem", "fields": {"code": 1}}],
     [("forwarded", "original"), ("injected", "connection_problem")]),
    (lambda p: ({"packet": "connection_problem", "fields": {"code": 1}}, p),
     [("injected", "connection_problem"), ("forwarded", "original")]),
    (lambda p: [{"packet": "update_host", "fields": {"update_host": "x"}},
                {"packet": "connection_problem", "fields": {"code": 1}}],
     [("edited", "update_host"), ("injected", "connection_problem")]),
], ids=["None", "[]", "plain data", "bytes", "[packet, extra]", "(extra, packet)",
        "a list without the packet"])
def test_what_the_hook_returns_decides_what_is_sent(answer, expected):
    from pkttools.proxy.hooks import ORIGINAL, PacketContext, ProxiedConnection, call

    packet = pkttools.parse("tmw.login.server", VERSION)
    context = PacketContext("server", "tmw.login",
                            ProxiedConnection(1, "tmw.login", "127.0.0.1:1", "127.0.0.1:2"))
    got = asyncio.run(call(lambda p, conn: answer(p), packet, context))
    shown = [(action, "original" if data is ORIGINAL else
              data if isinstance(data, bytes) else data["packet"]) for action, data in got]
    assert shown == expected


def test_a_packet_edited_in_place_and_an_async_hook():
    from pkttools.proxy.hooks import PacketContext, ProxiedConnection, call

    context = PacketContext("server", "tmw.login",
                            ProxiedConnection(1, "tmw.login", "127.0.0.1:1", "127.0.0.1:2"))

    async def hook(packet, conn):
        packet.obj.minor = 99
        return [packet]

    packet = pkttools.parse("tmw.login.server", VERSION)
    ((action, data),) = asyncio.run(call(hook, packet, context))
    assert action == "edited" and data is packet
    assert data.to_bytes() == bytes.fromhex("31 75 17 63 16 00 01 01 00 00")
    with pytest.raises(TypeError, match="on_packet returned str"):
        asyncio.run(call(lambda p, c: "drop it", packet, context))


def test_saved_segments_are_the_bytes_dpkt_writes(tmp_path):
    """The pcapng writer packs IP and TCP headers itself (dpkt takes ten times as long): each
    record is compared with the packet dpkt builds from the same fields, checksums included,
    for IPv4 and IPv6, payloads of odd and even length."""
    import dpkt

    from pkttools.capture.capfile import CaptureFile
    from pkttools.proxy.pcapng import Recorder

    path = tmp_path / "segments.pcapng"
    recorder = Recorder(str(path))
    for client, server in ((("127.0.0.1", 40000), ("192.0.2.7", 6901)),
                           (("::1", 40001), ("2001:db8::7", 6901))):
        trace = recorder.connection(client, server)
        trace.open(1.0)
        assert trace.data("client", 1.5, bytes.fromhex("30 75")) == recorder.records
        trace.data("server", 2.0, bytes.fromhex("31 75 17"))
        trace.fin("client", 2.5)
        trace.fin("server", 2.5)
    recorder.close()
    records = list(CaptureFile(str(path)))
    assert len(records) == recorder.records == 14 and {r.linktype for r in records} == {101}
    for record in records:
        v6 = record.data[0] >> 4 == 6
        got = dpkt.ip6.IP6(record.data) if v6 else dpkt.ip.IP(record.data)
        tcp = got.data
        again = dpkt.tcp.TCP(sport=tcp.sport, dport=tcp.dport, seq=tcp.seq, ack=tcp.ack,
                             flags=tcp.flags, win=65535, data=bytes(tcp.data))
        if v6:
            built = dpkt.ip6.IP6(src=got.src, dst=got.dst, nxt=6, hlim=64, data=again,
                                 plen=len(again))
        else:
            built = dpkt.ip.IP(src=got.src, dst=got.dst, p=6, ttl=64, df=1,
                               data=again)
        assert bytes(built) == record.data, record.number
    flags = [dpkt.ip.IP(r.data).data.flags for r in records[:7]]
    assert flags == [0x02, 0x12, 0x10, 0x18, 0x18, 0x11, 0x11]  # SYN, SYN-ACK, ACK, data, FINs


def test_a_client_on_ipv6_keeps_the_address_a_4_byte_field_cannot_take(tmp_path):
    """Through a proxy on ::1 the client reached an IPv6 address, which TMW's 4-byte ip
    cannot hold: the login data goes on unchanged and the proxy says why. The saved file has
    the connection between [::1] and the IPv4 server (as ::ffff:127.0.0.1)."""
    save = tmp_path / "v6.pcapng"

    async def scenario():
        login = await SERVER.serve(char_servers=[("127.0.0.1", 6122)])
        try:
            proxy = Proxy("tmw.login", ("::1", 0), ("127.0.0.1", login.port),
                          report=items.append, note=notes.append, save=str(save))
            await proxy.start()
        except OSError:
            await login.close()
            pytest.skip("no IPv6 loopback here")
        result = await CLIENT.login("::1", proxy.address[1], "player", "secret", follow=False)
        await proxy.stop()
        await login.close()
        return result, login.port

    items, notes = [], []
    result, login_port = run(scenario())
    entry = result.login_data.fields()["char_servers"][0]
    assert (entry["ip_dotted"], entry["port"]) == ("127.0.0.1", 6122)
    assert [i.action for i in items if i.packet and i.packet.name == "login_data"] == \
        ["forwarded"]
    assert any(n.endswith("redirect: tmw.char at 127.0.0.1:6122: the client reached the "
                          "proxy on ::1, which a 4-byte address cannot hold") for n in notes)
    capture = read_capture(save, ports={login_port: "tmw.login"})
    assert [c.packet.name for c in capture if c.packet] == [
        "server_version_request", "server_version", "login_request", "update_host",
        "login_data"]
    (conn,) = capture.summary.connections
    assert conn.server == f"[::ffff:127.0.0.1]:{login_port}" and conn.client.startswith("[::1]:")


def test_login_char_and_map_servers_all_through_the_proxy():
    """tmwAthena's whole hand-over, against the fake login, char and map servers of the TMW
    tests: 0x0069 sends the client to the char-server, 0x0071 to the map server; both
    addresses become listeners of the proxy, so all three connections are proxied, each with
    its service, and every packet parses."""
    from tmwfake import ACCOUNT, CHAR_ID, KEYS, FakeServer

    async def scenario(server: FakeServer):
        proxy, items, notes = await start_proxy(server.ports["login"])
        async with await pkttools.session.connect("tmw.login", *proxy.address) as login:
            await login.send({"packet": "server_version_request"})
            await login.expect("server_version", timeout=5)
            await login.send({"packet": "login_request", "fields": {
                "client_version": 8, "username": "pkttest", "password": "secret"}})
            entry = (await login.expect("login_data", timeout=5)).fields()["char_servers"][0]
        keys = {"account_id": ACCOUNT, "login_id1": KEYS[0], "login_id2": KEYS[1],
                "sex": "male"}
        async with await pkttools.session.connect("tmw.char", entry["ip_dotted"],
                                                  entry["port"]) as char:
            await char.send({"packet": "char_server_connect",
                             "fields": dict(keys, client_protocol_version=8)})
            await char.expect("hold", timeout=5)
            await char.expect("char_login", timeout=5)
            await char.send({"packet": "char_select", "fields": {"slot": 0}})
            info = (await char.expect("char_map_info", timeout=5)).fields()
        async with await pkttools.session.connect("tmw.map", info["map_ip_dotted"],
                                                  info["map_port"]) as map_server:
            await map_server.send({"packet": "map_server_connect",
                                   "fields": dict(keys, char_id=CHAR_ID)})
            await map_server.expect("hold", timeout=5)
            await map_server.expect("map_login_success", timeout=5)
        await proxy.stop()
        return entry, info, items, notes

    with FakeServer() as server:
        entry, info, items, notes = run(scenario(server))
        received = [(proto, name) for proto, name, _ in server.received]
    assert server.errors == []
    assert entry["port"] != server.ports["char"] and info["map_port"] != server.ports["map"]
    assert [n.split(" -> ")[0] for n in notes if n.startswith("redirect:")] == [
        f"redirect: tmw.char at 127.0.0.1:{server.ports['char']}",
        f"redirect: tmw.map at 127.0.0.1:{server.ports['map']}"]
    assert {(i.connection.id, i.connection.service) for i in items} == {
        (1, "tmw.login"), (2, "tmw.char"), (3, "tmw.map")}
    assert all(i.packet is not None for i in items)
    assert [(i.packet.name, i.action) for i in items if i.action != "forwarded"] == [
        ("login_data", "edited"), ("char_map_info", "edited")]
    assert received == [
        ("tmw.login.client", "server_version_request"), ("tmw.login.client", "login_request"),
        ("tmw.char.client", "char_server_connect"), ("tmw.char.client", "char_select"),
        ("tmw.map.client", "map_server_connect")]
