"""docs/tmw/login-flow.md documents the seed's login flow with a link to every packet spec."""

from __future__ import annotations

import re

import pkttools

from conftest import ROOT

FLOW = ROOT / "docs" / "tmw" / "login-flow.md"
LINK = re.compile(r"\]\((\.\./\.\./ksy/[^)]+\.ksy)\)")


def linked_specs() -> set[str]:
    return {(FLOW.parent / target).resolve().relative_to(ROOT / "ksy").as_posix()
            for target in LINK.findall(FLOW.read_text())}


def test_every_link_names_an_existing_spec():
    links = LINK.findall(FLOW.read_text())
    assert links
    for target in links:
        assert (FLOW.parent / target).resolve().is_file(), target


def test_every_packet_of_the_login_exchange_is_linked():
    packets = {p.spec_path for name in ("tmw.login.client", "tmw.login.server")
               for p in pkttools.protocol(name).packets}
    assert len(packets) == 7
    assert packets <= linked_specs(), packets - linked_specs()


def test_the_seed_answers_appear_in_the_diagram():
    text = FLOW.read_text()
    diagram = text.split("```mermaid", 1)[1].split("```", 1)[0]
    for node in ("0x0064 Login Request", "0x006A Login Error", "0x0081 Connection Problem",
                 "0x0063 Update Host", "0x0069 Login Data"):
        assert node in diagram, node
