"""docs/tmw/session-flow.md follows a whole TMW session (login, char-server, map server) with a
link to the spec of every packet of the tmw protocols."""

from __future__ import annotations

import re

import pkttools

from conftest import ROOT

FLOW = ROOT / "docs" / "tmw" / "session-flow.md"
LINK = re.compile(r"\]\((\.\./\.\./ksy/[^)]+\.ksy)\)")
PROTOCOLS = [f"tmw.{service}.{direction}" for service in ("login", "char", "map")
             for direction in ("client", "server")]


def linked_specs() -> set[str]:
    return {(FLOW.parent / target).resolve().relative_to(ROOT / "ksy").as_posix()
            for target in LINK.findall(FLOW.read_text())}


def test_every_link_names_an_existing_spec():
    links = LINK.findall(FLOW.read_text())
    assert len(links) >= 181
    for target in links:
        assert (FLOW.parent / target).resolve().is_file(), target


def test_every_tmw_packet_is_linked():
    packets = {p.spec_path for name in PROTOCOLS for p in pkttools.protocol(name).packets}
    assert len(packets) == 181
    assert packets <= linked_specs(), sorted(packets - linked_specs())


def test_links_show_the_packet_id_and_title_of_the_spec():
    # "[0x0085 Walk Request](../../ksy/tmw/map/client/0085.ksy)": the id in the text is the
    # id in the file name.
    for text, target in re.findall(r"\[0x([0-9A-F]{4}) [^\]]+\]\((\.\./\.\./ksy/[^)]+)\)",
                                   FLOW.read_text()):
        assert target.endswith(f"/{text.lower()}.ksy"), (text, target)


def test_the_diagram_walks_through_the_three_servers():
    diagram = FLOW.read_text().split("```mermaid", 1)[1].split("```", 1)[0]
    for step in ("0x0064 Login Request", "0x0065 Char Server Connect", "0x006B Char Login",
                 "0x0066 Char Select", "0x0071 Char Map Info", "0x0072 Map Server Connect",
                 "0x0073 Map Login Success", "0x007D Map Loaded", "0x0085 Walk Request",
                 "0x008C Chat Message", "0x0090 NPC Talk"):
        assert step in diagram, step


def test_the_login_page_leads_on():
    assert "(session-flow.md)" in (ROOT / "docs" / "tmw" / "login-flow.md").read_text()
