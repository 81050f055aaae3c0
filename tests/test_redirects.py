"""The redirect declarations of the specs (`-pkttools-redirect`, ksy/README.md "Redirects"):
which packets hand the client another server's address, where in their plain data, and which
service answers there."""

from __future__ import annotations

import re

import pytest

from pkttools.errors import SpecError
from pkttools.model.redirects import Redirect, redirects
from pkttools.model.registry import default_registry


def declared() -> dict[str, tuple[Redirect, ...]]:
    registry = default_registry()
    return {f"{proto.name}.{ptype.name}": found for proto in registry
            for ptype in proto.packets
            if (found := redirects(registry.types, ptype.type_key))}


def test_the_packets_that_hand_out_addresses():
    assert declared() == {
        # TMW 0x0069: each char-server entry, 4 bytes of IPv4 and a u2 port; ip_dotted is
        # computed from ip, so a rewrite drops it.
        "tmw.login.server.login_data": (Redirect(
            "tmw.char", ("char_servers", "*"), ("ip",), "ipv4", ("port",),
            derived=("ip_dotted",)),),
        # PangYa 0x0002 and 0x0009 share the 92-byte entry (`parent` in server_info.ksy); the
        # list names the service. The host is the text of a fixed 18-byte array.
        "pangya.loginservice.server.game_server_list": (Redirect(
            "pangya.gameservice", ("servers", "*"), ("ip_address", "value"), "text",
            ("port",), filler=("after_nul",)),),
        "pangya.loginservice.server.message_server_list": (Redirect(
            "pangya.messageservice", ("servers", "*"), ("ip_address", "value"), "text",
            ("port",), filler=("after_nul",)),),
        # TMW char 0x0071: the map server, in the packet's own fields.
        "tmw.char.server.char_map_info": (Redirect(
            "tmw.map", (), ("map_ip",), "ipv4", ("map_port",), derived=("map_ip_dotted",)),),
    }


def field(fid: str, attr: dict, type_key: str | None = None) -> dict:
    return {"id": fid, "attr": dict(attr, id=fid), "type": type_key, "cases": None}


def types_of(seq: list[dict], extra: dict | None = None) -> dict[str, dict]:
    root = {"path": "x/y/server/0001.ksy", "yaml_path": "/", "seq": seq, "instances": []}
    return {"root": root, **(extra or {})}


@pytest.mark.parametrize("seq, message", [
    ([field("ip", {"size": 4, "-pkttools-redirect": "x.char"})],
     "an address is one integer field (the port) and one host field"),
    ([field("ip", {"size": 4, "-pkttools-redirect": "x.char"}),
      field("port", {"type": "u2", "-pkttools-redirect": "x.map"})],
     "x.char: an address is one integer field"),
    ([field("ip", {"type": "u4", "-pkttools-redirect": "x.char"}),
      field("port", {"type": "u2", "-pkttools-redirect": "x.char"})],
     "found ip, port"),
    ([field("ip", {"size": 6, "-pkttools-redirect": "x.char"}),
      field("port", {"type": "u2", "-pkttools-redirect": "x.char"})],
     "ip: -pkttools-redirect: a host is 4 bytes"),
    ([field("ip", {"size": 4, "-pkttools-redirect": "parent"}),
      field("port", {"type": "u2", "-pkttools-redirect": "parent"})],
     "parent, but no field using this type names the service"),
    ([field("ip", {"size": 4, "-pkttools-redirect": "Char Server"}),
      field("port", {"type": "u2", "-pkttools-redirect": "Char Server"})],
     "'Char Server' is not a service name"),
    ([field("ip", {"size": 4, "-pkttools-redirect": True}),
      field("port", {"type": "u2", "-pkttools-redirect": True})],
     "names a service"),
], ids=["host alone", "two services", "two integers", "six bytes", "parent at the top",
        "not a name", "not text"])
def test_a_declaration_that_makes_no_address_is_a_spec_error(seq, message):
    with pytest.raises(SpecError, match=re.escape(message)) as err:
        redirects(types_of(seq), "root")
    assert "ksy/x/y/server/0001.ksy /" in str(err.value)


def test_a_shared_type_takes_its_service_from_each_use():
    entry = {"path": "x/common/entry.ksy", "yaml_path": "/", "instances": [], "seq": [
        field("host", {"type": "strz", "-pkttools-redirect": "parent"}),
        field("port", {"type": "u4", "-pkttools-redirect": "parent"})]}
    types = types_of([field("game", {"repeat": "eos", "-pkttools-redirect": "x.game"}, "entry"),
                      field("chat", {"-pkttools-redirect": "x.chat"}, "entry")],
                     {"entry": entry})
    assert redirects(types, "root") == (
        Redirect("x.game", ("game", "*"), ("host",), "text", ("port",)),
        Redirect("x.chat", ("chat",), ("host",), "text", ("port",)))
