"""The compiled writers (codec/writer.py) against the general builder: the same bytes, or the
same error, for every test vector, every packet of the repository's captures, and generated
and damaged plain data.

`build` takes a packet type's compiled writer when it is sure of the data and the general
builder otherwise, so the two must never differ: each case here is built with the compiled
writers on and off, with verify and recompute on and off, and the results compared (bytes, or
the error's type, message, path and offset). The packets of the repository also show what the
compiled writers cover: every packet type compiles, and every vector and captured packet takes
the fast path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pkttools
from pkttools.codec import writer
from pkttools.publish import vectors
from strategies import packet_data

from fuzz.corpus import packets as corpus_packets
from fuzz.test_fuzz import JSON, damaged

ROOT = Path(__file__).resolve().parent.parent
CAPTURES = sorted((ROOT / "tests" / "data" / "tmw").glob("*.pcapng"))
PORTS = {6122: "tmw.char", 5122: "tmw.map", 6901: "tmw.login"}
PACKET_TYPES = [(p.name, t.name) for p in pkttools.protocols() for t in p.packets]
# A few seconds by default (each packet type drawn about once a test); the fuzz profiles of
# tests/fuzz/conftest.py ask for more: HYPOTHESIS_PROFILE=fuzz-long draws each about 70 times.
EXAMPLES = {"fuzz-ci": 200, "fuzz-medium": 2000, "fuzz-long": 15000}
DIFFERENTIAL = settings(max_examples=EXAMPLES.get(os.environ.get("HYPOTHESIS_PROFILE", ""), 200),
                        deadline=None, database=None, suppress_health_check=list(HealthCheck))


@contextmanager
def general_builder():
    """Build with the compiled writers off (what PKTTOOLS_FAST=0 does for build)."""
    enabled, writer.ENABLED = writer.ENABLED, False
    try:
        yield
    finally:
        writer.ENABLED = enabled


def outcome(protocol: str, data, **options):
    """The bytes built, or what identifies the error raised."""
    try:
        return pkttools.build(protocol, data, **options)
    except Exception as exc:  # any error: the general builder's must come back the same
        return (type(exc), str(exc), getattr(exc, "path", None), getattr(exc, "offset", None))


def assert_same(protocol: str, data) -> None:
    for verify in (True, False):
        for recompute in (False, True):
            fast = outcome(protocol, data, verify=verify, recompute=recompute)
            with general_builder():
                general = outcome(protocol, data, verify=verify, recompute=recompute)
            assert fast == general, (verify, recompute)


@lru_cache(maxsize=None)
def captured() -> tuple[tuple[str, bytes], ...]:
    """(protocol, bytes) of every distinct packet of the three recorded TMW sessions."""
    found: dict[tuple[str, bytes], None] = {}
    for path in CAPTURES:
        with pkttools.read_capture(path, ports=PORTS) as cap:
            for item in cap:
                if item.packet is not None:
                    found[(item.protocol, item.packet.data)] = None
    return tuple(found)


def repository_packets() -> list[tuple[str, bytes]]:
    seen = {(v.protocol, v.data): None for v in vectors.load()}
    seen.update(dict.fromkeys(captured()))
    seen.update(dict.fromkeys(corpus_packets()))
    return list(seen)


# -- what the compiled writers cover ---------------------------------------------------------------
def test_every_packet_type_compiles():
    for proto in pkttools.protocols():
        for ptype in proto.packets:
            writer.compiled_for(proto, ptype)
    assert writer.not_compiled() == {}, "these packet types take the general builder"


def test_every_repository_packet_takes_the_fast_path():
    """Vectors, captures and the example payloads, with and without the read-back check:
    the compiled writer answers, and with the general builder's bytes."""
    items = repository_packets()
    assert len(items) > 600
    for protocol, data in items:
        proto = pkttools.protocol(protocol)
        plain = pkttools.parse(proto, data).to_dict()
        for verify in (True, False):
            assert writer.why_not(proto, plain, verify) is None, (protocol, data.hex())
        with general_builder():
            expected = pkttools.build(proto, plain)
        assert pkttools.build(proto, plain) == expected, (protocol, data.hex())


def test_the_environment_switch_turns_it_off():
    code = "from pkttools.codec import writer; print(writer.ENABLED)"
    for value, expected in (("0", "False"), ("1", "True")):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env={"PKTTOOLS_FAST": value, "PATH": ""}, cwd=ROOT, check=True)
        assert out.stdout.strip() == expected


# -- the same results ------------------------------------------------------------------------------
def test_repository_packets_same_bytes_and_errors():
    for protocol, data in repository_packets():
        plain = pkttools.parse(protocol, data).to_dict()
        assert_same(protocol, plain)


def test_forms_of_values_the_builder_takes():
    """Enums by name, number or {"name", "value"}; lengths left out or given; hex bytes with
    spaces, upper case or colons; integers for floats; a value instance in place of its fields:
    whichever path builds them, the bytes (or the error) are the general builder's."""
    login = {"packet": "login", "fields": {
        "status": "success", "response": {
            "username": {"value": "pangbox"}, "user_id": 4834514,
            "unknown": "00 00 00 00 25 00 00 00 00 00 00 00 00 00",
            "nickname": {"len_value": 0, "value": ""}}}}
    expected = bytes.fromhex("010000070070616e67626f78d2c4490000000000250000000000000000000000")
    assert pkttools.build("pangya.loginservice.server", login) == expected
    variants = [
        {"status": 0}, {"status": {"name": "success", "value": 0}},
        {"status": {"name": "error", "value": 0}},  # a name that is not the number's
        {"status": "no_such_status"}, {"status": True},
    ]
    for change in variants:
        assert_same("pangya.loginservice.server", {**login, "fields": {**login["fields"],
                                                                     **change}})
    response = login["fields"]["response"]
    for change in [{"unknown": "0000000025000000000000000000".upper()},
                   {"unknown": "00:00:00:00:25:00:00:00:00:00:00:00:00:00"},
                   {"unknown": b"\0" * 14}, {"unknown": "00" * 13},
                   {"username": {"len_value": 7, "value": "pangbox"}},
                   {"username": {"len_value": 6, "value": "pangbox"}},
                   {"username": {"value": "pangbox", "extra": 1}},
                   {"user_id": 2 ** 32}, {"user_id": -1}, {"user_id": 1.0}]:
        assert_same("pangya.loginservice.server", {**login, "fields": {
            **login["fields"], "response": {**response, **change}}})
    # TMW login data: a char-server given by its dotted address only, or with both
    server = {"ip": "7f000001", "port": 6122, "name": "Local", "users": 1, "maintenance": 0,
              "is_new": 0}
    for entry in (server, {**server, "ip_dotted": "127.0.0.1"},
                  {k: v for k, v in {**server, "ip_dotted": "127.0.0.1"}.items() if k != "ip"},
                  {**server, "ip_dotted": "127.0.0.2"}):
        data = {"packet": "login_data", "fields": {
            "login_id1": 1, "account_id": 2000000, "login_id2": 3, "char_servers": [entry]}}
        assert_same("tmw.login.server", data)
        assert_same("tmw.login.server", {**data, "fields": {**data["fields"],
                                                            "len_packet": 79}})
        assert_same("tmw.login.server", {**data, "fields": {**data["fields"],
                                                            "len_packet": 111}})


GROUP_LIST2 = bytes.fromhex(  # FFXI 0x00E2, the member "Ayame" (tests/test_ffxi_world_server.py)
    "e2182301" "2d0b0100e2040000e0010000e8030000050000000104020100644b0000000163033114"
    "014179616d65000000")


def test_ffxi_header_size_and_padding():
    """FFXI's 9-bit id and 7-bit size in one u16, the body padded to 4-byte words: a name that
    ends in the padding, a size given larger than the body, or smaller."""
    member = pkttools.parse("ffxi.world.server", GROUP_LIST2).fields()
    assert (member["name"], member["hp"], member["kind"]) == ("Ayame", 1250, "main_party")
    built = pkttools.build("ffxi.world.server", {"packet": "group_list2",
                                                 "frame": {"header": {"sync": 0x123}},
                                                 "fields": member})
    assert built == GROUP_LIST2
    for header in ({"sync": 0x123}, {"size": 12, "sync": 0x123}, {"size": 13, "sync": 0x123},
                   {"size": 11, "sync": 0x123}, {"id": 0xe3, "sync": 0x123}, {"size": 12},
                   {"size": 12, "sync": 0x123, "len_packet": 48, "len_body": 44},
                   {"size": 12, "sync": 0x123, "len_packet": 52}):
        for name in ("Ayame", "Ayam", "Ayamen", ""):
            assert_same("ffxi.world.server", {"packet": "group_list2",
                                              "frame": {"header": header},
                                              "fields": {**member, "name": name}})


def test_fields_read_while_bytes_are_left():
    """FlyFF's welcome ends in two u4 read only while bytes are left: given, left out, or the
    second without the first."""
    for fields in ({"session_id": 1}, {"session_id": 1, "unused_1": 0},
                   {"session_id": 1, "unused_1": 0, "unused_2": 7},
                   {"session_id": 1, "unused_2": 0}):
        assert_same("flyff.cluster.server", {"packet": "welcome", "fields": fields})


@DIFFERENTIAL
@given(st.sampled_from(PACKET_TYPES).flatmap(
    lambda pt: st.tuples(st.just(pt[0]), packet_data(pkttools.protocol(pt[0]), pt[1]))))
def test_generated_data_takes_the_fast_path(case):
    """Valid data of every packet type, lengths, counts, keys and trailing bytes left out for
    the writer to derive: the compiled writer answers, with the general builder's bytes."""
    protocol, data = case
    proto = pkttools.protocol(protocol)
    assert writer.why_not(proto, data) is None
    assert_same(protocol, data)


@DIFFERENTIAL
@given(st.sampled_from(PACKET_TYPES).flatmap(
    lambda pt: st.tuples(st.just(pt[0]), st.one_of(
        packet_data(pkttools.protocol(pt[0]), pt[1]).flatmap(damaged),
        st.fixed_dictionaries({"packet": st.just(pt[1]), "fields": JSON})))))
def test_damaged_and_random_data(case):
    protocol, data = case
    assert_same(protocol, data)
