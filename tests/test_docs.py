"""The packet documentation (pkttools docs): every page builds, every example on a page parses.

The pages are build output (never committed); this is where CI checks them. With graphviz
installed (CI installs it), every packet page has its diagram.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest

import pkttools
from pkttools.publish import docs, vectors
from pkttools.cli import main
from pkttools.codec.render import render_table
from pkttools.hextext import parse_hex

from conftest import ROOT

LINK = re.compile(r"\]\(([^)\s]+)\)")
BLOCK = re.compile(r"```(\w+)\n(.*?)\n```", re.S)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("docs")
    return out, docs.generate(out)


def packet_pages(out):
    return sorted(p for p in out.glob("*/0x*.md"))


def test_every_packet_has_a_page_and_every_protocol_an_index(site):
    out, built = site
    expected = {out / "README.md"}
    for proto in pkttools.protocols():
        expected.add(out / proto.name / "README.md")
        expected |= {out / proto.name / docs.page_name(p) for p in proto.packets}
    assert set(built.pages) == expected
    assert built.examples == len(vectors.load())


def test_every_example_on_a_page_parses_to_the_table_shown(site):
    out, _ = site
    checked = 0
    for page in packet_pages(out):
        protocol = page.parent.name
        blocks = [body for kind, body in BLOCK.findall(page.read_text()) if kind == "text"]
        dumps = [i for i, body in enumerate(blocks) if body.startswith("00000000  ")]
        assert dumps, f"{page}: no example"
        for i in dumps:
            data = parse_hex(blocks[i])
            pkt = pkttools.parse(protocol, data, strict=True)
            assert pkt.name == page.stem.split("-", 1)[1], page
            assert blocks[i + 1] == render_table(pkt), page
            checked += 1
    assert checked == len(vectors.load())


def test_every_local_link_and_anchor_resolves(site):
    out, _ = site
    for page in out.rglob("*.md"):
        text = page.read_text()
        anchors = {docs.anchor(h) for h in re.findall(r"^#+ (.*)$", text, re.M)}
        for target in LINK.findall(text):
            if target.startswith(("http://", "https://", "<")):
                continue
            if target.startswith("#"):
                assert target[1:] in anchors, (page, target)
            else:
                assert (page.parent / target).exists(), (page, target)


def test_a_page_has_the_sections_of_a_packetdoc_page(site):
    out, _ = site
    text = (out / "tmw.login.client" / "0x0064-login_request.md").read_text()
    assert text.startswith("# TMW login, client 0x0064 Login Request (CMSG_LOGIN_REGISTER)\n")
    for heading in ("## Description", "## Structure", "## Definition", "## Examples",
                    "### Login request as ManaPlus sends it"):
        assert f"\n{heading}\n" in text, heading
    # offsets where fixed: after the 2-byte packet id; bit fields by byte and bit
    assert "| 0x02 | 4 | `client_version` (`client protocol version`) | `u4` |" in text
    assert "| 0x36.0 | 1 bits | `can_handle_update_host`" in text
    assert (ROOT / "ksy/tmw/login/client/0064.ksy").read_text().rstrip("\n") in text


def test_offsets_count_the_ffxi_header(site):
    out, _ = site
    text = (out / "ffxi.world.server" / "0x000a-login.md").read_text()
    assert "the packet starts at 0x04, after the dispatcher's `header`" in text
    assert "| 0x30 | 4 | `zone_no` (`ZoneNo`) |" in text


def test_variable_offsets_are_blank(site):
    out, _ = site
    text = (out / "flyff.cluster.server" / "0x00f3-character_list.md").read_text()
    assert "| 0x04 | 4 | `auth_key`" in text
    assert re.search(r"^\| 0x08 \| 4 \| `num_characters`", text, re.M)
    assert re.search(r"^\| 0x0c \|  \| `characters`", text, re.M)
    assert re.search(r"^\|  \| 4 \| `num_messengers`", text, re.M)  # after the characters


def test_indexes_link_packets_streams_and_the_hand_written_flow(site):
    out, _ = site
    top = (out / "README.md").read_text()
    assert "[`tmw.login.server`](tmw.login.server/README.md)" in top
    flow = os.path.relpath(ROOT / "docs" / "tmw" / "login-flow.md", out)
    assert f"[The Mana World: the login flow]({flow})" in top
    tmw = (out / "tmw.login.server" / "README.md").read_text()
    assert "[`update_host`](0x0063-update_host.md)" in tmw and "## Streams" in tmw
    assert "login-flow.md" in tmw
    assert "login-flow.md" not in (out / "ffxi.world.server" / "README.md").read_text()


def test_diagrams_when_graphviz_is_installed(site):
    out, built = site
    if os.environ.get("CI") == "true":
        assert shutil.which("dot"), "CI installs graphviz (.ci/run): the diagrams are checked"
    pages = packet_pages(out)
    if shutil.which("dot") is None:
        assert built.diagrams == 0 and built.notes
        assert all("## Diagram" not in p.read_text() for p in pages)
        pytest.skip("graphviz is not installed here; pages were built without diagrams")
    assert built.diagrams == len(pages)
    for page in pages:
        svg = page.with_suffix(".svg")
        assert f"]({svg.name})" in page.read_text()
        assert svg.read_text().lstrip().startswith("<?xml") and "<svg" in svg.read_text()


def test_without_graphviz(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(docs.shutil, "which", lambda name: None)
    with pytest.raises(docs.DocsError, match="graphviz `dot` is not installed"):
        docs.generate(tmp_path, ["tmw.login.client"], diagrams="yes")
    assert main(["docs", "tmw.login.client", "--out", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "wrote 4 pages" in out and "0 diagrams" in out
    assert "graphviz `dot` is not installed" in err


def test_a_vector_that_does_not_parse_stops_the_build(tmp_path):
    (tmp_path / "vectors").mkdir()
    (tmp_path / "vectors" / "bad.py").write_text(
        "from pkttools.publish.vectors import for_protocol\n"
        "vector = for_protocol('tmw.login.client')\n"
        "CUT = vector('cut', 'login_request', bytes.fromhex('6400 0800'), {}, title='Cut')\n")
    with pytest.raises(docs.DocsError, match="tmw.login.client/cut: the example does not "
                                             "parse: .*truncated"):
        docs.generate(tmp_path / "out", ["tmw.login.client"], diagrams="no",
                      vectors_dir=tmp_path / "vectors")


def test_unknown_protocol(tmp_path, capsys):
    assert main(["docs", "nowhere.at.all", "--out", str(tmp_path)]) == 2
    assert "unknown protocol 'nowhere.at.all'" in capsys.readouterr().err


def test_hexdump_round_trip():
    data = bytes(range(40))
    text = docs.hexdump(data)
    assert text.splitlines()[0] == ("00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f"
                                    "  |................|")
    assert parse_hex(text) == data
    assert parse_hex(docs.hexdump(b"\x01\x00\xda")) == b"\x01\x00\xda"
