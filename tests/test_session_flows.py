"""pkttools.session for UDP services: a fake FFXI world server (listen_flows) and a scripted
client (open_flow) exchange encrypted datagrams over loopback, directly and through the
proxy; each datagram comes back whole (header, packets) as capture reads it.
"""

from __future__ import annotations

import pytest

import pkttools
from pkttools import session
from pkttools.layers import ffxi
from pkttools.proxy import Proxy
from pkttools.publish.vectors import load
from pkttools.stream.items import Unframed

from livekit import run

KEY = bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f000112233")
SERVER_HEADER = bytes.fromhex("3412 3300 00000000 80f0fa65 000102030405060708090a0b0c0d0e0f")
CLIENT_HEADER = bytes.fromhex("0100 3412 00000000 80f0fa65") + bytes(16)
VECTORS = {v.name: v.data for v in load() if v.protocol == "ffxi.world.server"}
GROUP = pkttools.parse("ffxi.world.server", VECTORS["group_list2_short"])
# The client direction has no specs: its packets go as bytes (a 0x015 position update).
CLIENT_PACKET = bytes.fromhex("15 04 0100 00000000")


async def world_server(flow: session.Flow) -> None:
    """Answers every client datagram with the group list, its hp set to the datagram's
    count, and a login packet, in one datagram."""
    count = 0
    async for datagram in flow:
        count += 1
        # no client specs: the decrypted datagram is one unparsed item
        assert [i.data for i in datagram.items] == [CLIENT_HEADER + CLIENT_PACKET]
        group = GROUP.to_dict()
        group["fields"]["hp"] = count
        await flow.send(SERVER_HEADER, [group, pkttools.parse("ffxi.world.server",
                                                              VECTORS["login_myroom"])])


async def client(address, n: int) -> list:
    async with await session.open_flow("ffxi.world", *address, key=KEY) as flow:
        got = []
        for _ in range(n):
            wire = await flow.send(CLIENT_HEADER, [CLIENT_PACKET])
            assert ffxi.decrypt_datagram(wire, KEY)[0] == CLIENT_HEADER + CLIENT_PACKET
            got.append(await flow.recv(timeout=10))
        return got


def test_a_fake_world_server_and_a_client():
    async def scenario():
        async with await session.listen_flows("ffxi.world", handler=world_server,
                                              key=KEY) as listener:
            return await client(listener.address, 3)

    datagrams = run(scenario())
    assert [[p.name for p in d.packets] for d in datagrams] == [["group_list2", "login"]] * 3
    assert [d.packets[0].fields()["hp"] for d in datagrams] == [1, 2, 3]
    assert all(d.header == SERVER_HEADER for d in datagrams)
    # the bytes as they came: the server's datagram, encrypted with the session key
    plain = ffxi.decrypt_datagram(datagrams[0].raw, KEY)[0]
    assert plain == SERVER_HEADER + datagrams[0].packets[0].data + VECTORS["login_myroom"]


def test_through_the_proxy():
    async def scenario():
        items = []
        async with await session.listen_flows("ffxi.world", handler=world_server,
                                              key=KEY) as listener:
            proxy = Proxy("ffxi.world", ("127.0.0.1", 0), listener.address, key=KEY,
                          report=items.append)
            address = await proxy.start()
            got = await client(address, 2)
            await proxy.stop()
        return got, items

    datagrams, items = run(scenario())
    assert [d.packets[0].fields()["hp"] for d in datagrams] == [1, 2]
    assert [(i.direction, i.datagram, i.packet.name if i.packet else i.kind)
            for i in items] == [
        ("client", 1, "unparsed"), ("server", 1, "prologue"), ("server", 1, "group_list2"),
        ("server", 1, "login"), ("client", 2, "unparsed"), ("server", 2, "prologue"),
        ("server", 2, "group_list2"), ("server", 2, "login")]


def test_accept_expect_and_a_datagram_that_does_not_decode():
    async def scenario():
        async with await session.listen_flows("ffxi.world", key=KEY) as listener:
            async with await session.open_flow("ffxi.world", *listener.address,
                                               key=KEY) as flow:
                flow.send_raw(CLIENT_HEADER + b"\x01" * 40)  # not encrypted with the key
                server = await listener.accept(timeout=10)
                bad = await server.recv(timeout=10)
                await server.send(SERVER_HEADER, [GROUP])
                packet = await flow.expect("group_list2", timeout=10)
                return bad, packet, server

    bad, packet, server = run(scenario())
    assert [type(i) for i in bad.items] == [Unframed]
    assert "MD5" in str(bad.items[0].error) and bad.packets == [] and bad.header is None
    assert packet.data == GROUP.data
    assert server.role == "server" and server.closed


@pytest.mark.parametrize("call, message", [
    (lambda: session.open_flow("tmw.login", "127.0.0.1", 1), "tmw.login travels in TCP"),
    (lambda: session.listen_flows("nogame.world"), "unknown service 'nogame.world'"),
    (lambda: session.listen_flows("ffxi.world", role="both"), "role must be"),
])
def test_usage_errors(call, message):
    with pytest.raises(pkttools.UsageError, match=message):
        run(call())


def test_packets_a_direction_has_no_specs_for_go_as_bytes():
    codec = session.DatagramCodec("ffxi.world", key=KEY)
    with pytest.raises(pkttools.UsageError, match="has no client protocol: send bytes"):
        codec.encode("client", CLIENT_HEADER, [{"packet": "x", "fields": {}}])
    wire = codec.encode("client", CLIENT_HEADER, [CLIENT_PACKET])
    assert session.DatagramCodec("ffxi.world", key=KEY).decode("client", wire)[0].data == \
        CLIENT_HEADER + CLIENT_PACKET
