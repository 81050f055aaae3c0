"""pkttools.session over loopback sockets: the examples' fake TMW login server and scripted
client, PangYa's encrypted LoginService both ways, FlyFF's frame headers, and what a
connection gives for bytes that do not parse. Every test runs under a time limit (livekit)."""

from __future__ import annotations

import pytest

import pkttools
from pkttools import session
from pkttools.capture.items import Unparsed
from pkttools.errors import UsageError
from pkttools.layers import pangya
from pkttools.stream.items import Frame, Incomplete, Unframed

from livekit import CharServer, example, random_pieces, run

SERVER = example("login_server")
CLIENT = example("login_client")


@pytest.mark.parametrize("pieces", [None, 1, 2], ids=["whole", "random 1", "random 2"])
def test_the_example_client_logs_in_at_the_example_server(pieces):
    async def scenario():
        char = await CharServer().start()
        login = await SERVER.serve(char_servers=[("127.0.0.1", char.port)],
                                   pieces=random_pieces(pieces) if pieces else None)
        try:
            return await CLIENT.login("127.0.0.1", login.port, "player", "secret",
                                      pieces=random_pieces(pieces + 10) if pieces else None), \
                char.connects
        finally:
            await login.close()
            char.close()

    result, connects = run(scenario())
    names = [p.name for p in result.received]
    assert names == ["server_version", "update_host", "login_data"]
    assert result.received[0].fields()["major"] == 23
    assert result.received[1].fields()["update_host"] == "http://updates.example.org"
    fields = result.login_data.fields()
    assert fields["account_id"] == 2000000 and fields["len_packet"] == 79
    assert [(s["ip_dotted"], s["name"]) for s in fields["char_servers"]] == \
        [("127.0.0.1", "Fake 1")]
    # On at the char-server with the session keys of 0x0069; it holds (0x8000).
    assert [(c["account_id"], c["login_id1"], c["login_id2"]) for c in connects] == \
        [(2000000, fields["login_id1"], fields["login_id2"])]
    assert result.char_answer.name == "hold"


@pytest.mark.parametrize("username, password, code", [
    ("player", "wrong", "wrong_password"), ("nobody", "secret", "unregistered_id")])
def test_a_refused_login(username, password, code):
    async def scenario():
        login = await SERVER.serve()
        try:
            return await CLIENT.login("127.0.0.1", login.port, username, password)
        finally:
            await login.close()

    result = run(scenario())
    assert result.login_data is None and result.char_server is None
    assert result.error.name == "login_error" and result.error.fields()["code"] == code


def test_bytes_that_do_not_parse_come_back_as_items():
    """An unknown packet id stops a TMW stream (its length is unknown): the rest comes back
    as one unframed item per read; a close inside a packet leaves an incomplete item; then
    recv says None."""
    async def scenario():
        listener = await session.listen("tmw.login")
        async with await session.connect("tmw.login", "127.0.0.1", listener.port) as client:
            conn = await listener.accept(timeout=2)
            await client.send(bytes.fromhex("30 75"))  # 0x7530, as bytes
            assert (await conn.recv(timeout=2)).name == "server_version_request"
            await client.send(bytes.fromhex("ee ee 01 02"))
            got = [await conn.recv(timeout=2)]
            await conn.send(bytes.fromhex("31 75 17 0a"))  # the start of a 0x7531
            await conn.close()
            got += [await client.recv(timeout=2), await client.recv(timeout=2)]
        await listener.close()
        return got

    unframed, incomplete, end = run(scenario())
    assert isinstance(incomplete, Incomplete) and incomplete.data == bytes.fromhex("31 75 17 0a")
    assert incomplete.offset == 0 and incomplete.reason == "the stream ends inside a frame"
    assert end is None
    assert isinstance(unframed, Unframed) and unframed.offset == 2
    assert unframed.data == bytes.fromhex("ee ee 01 02")
    assert "opcode 0xeeee names no packet" in str(unframed.error)


def test_expect_names_what_came_instead():
    async def scenario():
        listener = await SERVER.serve()
        async with await session.connect("tmw.login", "127.0.0.1", listener.port) as conn:
            await conn.send({"packet": "server_version_request"})
            with pytest.raises(session.SessionError, match=r"expected login_data from "
                               r"127\.0\.0\.1:\d+, got server_version"):
                await conn.expect("login_data", timeout=2)
        await listener.close()

    run(scenario())


def test_pangya_loginservice_is_encrypted_both_ways():
    """The server sends its hello (0x0000, key 5) in the clear, then encrypted, compressed
    frames; the client learns the key from the hello and encrypts its login. Each side reads
    the other's packets decrypted."""
    hello = {"packet": "hello", "fields": {"key": 5, "server_uid": 10101}}
    login = {"packet": "login", "fields": {"response": {"error_code": "already_logged_in"}}}

    async def server(conn: session.Connection) -> None:
        assert await conn.send(hello) == bytes.fromhex("00 0b 00 00 00 00 05 00 00 00 75 27 00 00")
        request = await conn.expect("login", timeout=2)
        assert request.fields()["username"]["value"] == "player"
        wire = await conn.send(login)
        assert pangya.decrypt_server(wire, 5) == bytes.fromhex("01 00 e3 f3 d1 4d 00")

    async def scenario():
        listener = await session.listen("pangya.loginservice", handler=server)
        async with await session.connect("pangya.loginservice", "127.0.0.1",
                                         listener.port) as conn:
            assert (await conn.expect("hello", timeout=2)).fields()["key"] == 5
            wire = await conn.send({"packet": "login", "fields": {
                "username": {"value": "player"}, "password": {"value": "secret"},
                "padding": "00" * 17}})
            answer = await conn.expect("login", timeout=2)
            notes = conn.notes
        await listener.close()
        return wire, answer, notes

    wire, answer, notes = run(scenario())
    assert b"player" not in wire and pangya.decrypt_client(wire, 5)[:2] == b"\x01\x00"
    assert answer.fields()["response"]["error_code"] == "already_logged_in"
    assert notes == ["hello: key 0x05"]


def test_flyff_frames_carry_the_header_given():
    """FlyFF client frames have checksums in their header, which pkttools does not compute:
    they are given, the magic and length are filled in."""
    async def scenario():
        listener = await session.listen("flyff.cluster")
        async with await session.connect("flyff.cluster", "127.0.0.1", listener.port) as client:
            conn = await listener.accept(timeout=2)
            wire = await client.send(
                {"packet": "ping", "frame": {"dpid": 0xFFFFFFFF}, "fields": {"time": 7}},
                header={"header_checksum": 0x11223344, "data_checksum": 0x55667788})
            got = await conn.recv(timeout=2)
            await conn.close()
        await listener.close()
        return wire, got

    wire, got = run(scenario())
    assert wire == bytes.fromhex("5e 44332211 0c000000 88776655 ffffffff 14000000 07000000"
                                 .replace(" ", ""))
    assert got.name == "ping" and got.fields()["time"] == 7


def test_a_service_without_specs_sends_and_receives_bytes():
    async def scenario():
        listener = await session.listen("nogame.lobby")
        async with await session.connect("nogame.lobby", "127.0.0.1", listener.port) as client:
            conn = await listener.accept(timeout=2)
            await client.send(b"\x01\x02")
            got = await conn.recv(timeout=2)
            with pytest.raises(UsageError, match="nogame.lobby has no client protocol: send "
                                                 "bytes"):
                await client.send({"packet": "hello"})
            await conn.close()
        await listener.close()
        return got

    got = run(scenario())
    assert isinstance(got, Unparsed) and got.data == b"\x01\x02"
    assert got.reason == "nogame.lobby has no client protocol: its bytes are not parsed"


def test_udp_services_and_bad_roles_are_refused():
    async def scenario():
        with pytest.raises(UsageError, match="ffxi.world travels in UDP datagrams"):
            await session.listen("ffxi.world")
        with pytest.raises(UsageError, match="role must be 'client' or 'server'"):
            await session.listen("tmw.login", role="proxy")

    run(scenario())


def test_a_handler_that_fails_fails_close():
    async def broken(conn: session.Connection) -> None:
        raise ValueError("the fake server has a bug")

    async def scenario():
        listener = await session.listen("tmw.login", handler=broken)
        async with await session.connect("tmw.login", "127.0.0.1", listener.port) as client:
            assert await client.recv(timeout=2) is None  # the handler's connection closed
        with pytest.raises(ValueError, match="the fake server has a bug"):
            await listener.close()

    run(scenario())


def test_frame_of_a_packet_is_what_parse_gives():
    packet = pkttools.parse("tmw.login.server", bytes.fromhex("81 00 01"))
    wire = session.Wire("tmw.login")
    assert wire.encode("server", packet) == bytes.fromhex("81 00 01")
    items = wire.frames("server", {"packet": "connection_problem", "fields": {"code": 2}})
    assert len(items) == 1 and isinstance(items[0], Frame)
    assert items[0].data == bytes.fromhex("81 00 02") and items[0].packet.fields()["code"] == \
        "already_logged_in"
    with pytest.raises(UsageError, match="a tmw.login.server packet cannot be sent as "
                                         "tmw.login.client"):
        wire.encode("client", packet)
