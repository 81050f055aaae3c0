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


def test_every_packet_of_the_diagram_is_linked():
    # The packets the flow shows (`0x0064 Login Request` nodes) link to their specs; packets
    # added to the protocols later need no edit here until the guide shows them.
    diagram = FLOW.read_text().split("```mermaid", 1)[1].split("```", 1)[0]
    shown = {int(code, 16) for code in re.findall(r"0x([0-9A-Fa-f]{4}) [A-Z]", diagram)}
    assert shown
    specs = {p.opcode: p.spec_path for name in ("tmw.login.client", "tmw.login.server")
             for p in pkttools.protocol(name).packets}
    wanted = {specs[code] for code in shown if code in specs}
    assert wanted == {specs[code] for code in shown}, shown - set(specs)
    assert wanted <= linked_specs(), wanted - linked_specs()


def test_the_seed_answers_appear_in_the_diagram():
    text = FLOW.read_text()
    diagram = text.split("```mermaid", 1)[1].split("```", 1)[0]
    for node in ("0x0064 Login Request", "0x006A Login Error", "0x0081 Connection Problem",
                 "0x0063 Update Host", "0x0069 Login Data"):
        assert node in diagram, node
