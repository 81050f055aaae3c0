"""Every vector of tests/vectors/ is checked, whoever else uses it (docs, conformance)."""

from __future__ import annotations

import pytest

import pkttools
from pkttools.publish import vectors
from pkttools.errors import UsageError

from conftest import ROOT
from vectors import check_vector

ALL = vectors.load()


@pytest.mark.parametrize("vector", ALL, ids=lambda v: v.label)
def test_every_vector(vector):
    check_vector(vector)


def test_every_packet_has_a_vector():
    have = {(v.protocol, v.packet) for v in ALL}
    for proto in pkttools.protocols():
        for packet in proto.packets:
            assert (proto.name, packet.name) in have, f"{proto.name} {packet.name}: no vector"


def test_every_vector_documents_itself():
    for vector in ALL:
        assert vector.title, f"{vector.label}: no title"
        if vector.source is not None:
            assert (ROOT / vector.source).read_bytes() == vector.data, vector.label


def test_names_are_unique_and_from_the_modules():
    labels = [v.label for v in ALL]
    assert len(labels) == len(set(labels))
    # one module per protocol, named after it
    assert {v.module for v in ALL} == {p.name.replace(".", "_") + ".py"
                                       for p in pkttools.protocols()}
    assert len(vectors.load(protocol="tmw.login.client")) == 3


def test_a_name_declared_twice_is_refused(tmp_path):
    (tmp_path / "twice.py").write_text(
        "from pkttools.publish.vectors import for_protocol\n"
        "vector = for_protocol('tmw.login.client')\n"
        "A = vector('same', 'server_version_request', b'\\x30\\x75', {})\n"
        "B = vector('same', 'server_version_request', b'\\x30\\x75', {})\n")
    with pytest.raises(UsageError, match="declared twice"):
        vectors.load(tmp_path)


def test_unnamed_vectors_take_their_variable_name(tmp_path):
    (tmp_path / "named.py").write_text(
        "from pkttools.publish.vectors import for_protocol\n"
        "vector = for_protocol('tmw.login.client')\n"
        "VERSION_REQUEST = vector('', 'server_version_request', b'\\x30\\x75', {})\n")
    assert [v.name for v in vectors.load(tmp_path)] == ["version_request"]


def test_missing_folder(tmp_path):
    with pytest.raises(UsageError, match="no vector folder"):
        vectors.load(tmp_path / "nowhere")
