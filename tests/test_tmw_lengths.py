"""Every TMW packet id tmwAthena knows has one known length in every tmw dispatcher.

tests/data/tmw/tmwa-protocol-lengths.tsv holds the lengths tmwAthena's tools/protocol.py
declares (see tests/data/tmw/README.md). Each ksy/tmw/*/*/index.ksy lists, under the custom key
`-pkttools-packet-lengths`, the ids it has no spec for, with that length or `variable` (the u2
at offset 2 is the total length); the ids it has a spec for get their length from the spec,
which the vectors and the recorded session show.
"""

from __future__ import annotations

import re

import pytest

import pkttools
from pkttools.publish import vectors

from conftest import ROOT

TSV = ROOT / "tests" / "data" / "tmw" / "tmwa-protocol-lengths.tsv"
PROTOCOLS = [f"tmw.{service}.{direction}" for service in ("login", "char", "map")
             for direction in ("client", "server")]
ENTRY = re.compile(r"^  (0x[0-9a-f]{4}): (\d+|variable)$")


def tmwa_lengths() -> dict[int, int | str]:
    out = {}
    for line in TSV.read_text().splitlines():
        if line.startswith("#"):
            continue
        ident, length, _channel, _name = line.split("\t")
        out[int(ident, 16)] = length if length == "variable" else int(length)
    return out


def declared_lengths(protocol: str) -> dict[int, int | str]:
    """The -pkttools-packet-lengths mapping of the protocol's index.ksy, read line by line."""
    path = ROOT / "ksy" / protocol.replace("tmw.", "tmw/").replace(".", "/") / "index.ksy"
    lines = path.read_text().splitlines()
    start = lines.index("-pkttools-packet-lengths:")
    out = {}
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        match = ENTRY.match(line)
        assert match, f"{path}: {line!r}"
        key = int(match[1], 16)
        assert key not in out, f"{path}: {match[1]} twice"
        out[key] = match[2] if match[2] == "variable" else int(match[2])
    assert all(not line.startswith("  ") for line in lines[start + 1 + len(out):]), path
    return out


def test_the_tmwathena_table():
    table = tmwa_lengths()
    assert len(table) == 306
    assert table[0x0064] == 55 and table[0x0069] == "variable" and table[0x8000] == 4


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_every_id_has_one_length(protocol):
    table = tmwa_lengths()
    declared = declared_lengths(protocol)
    specs = {p.opcode for p in pkttools.protocol(protocol).packets}
    assert not specs & set(declared), sorted(map(hex, specs & set(declared)))
    known = specs | set(declared)
    assert known == set(table), sorted(map(hex, set(table) ^ known))
    for ident, length in declared.items():
        assert length == table[ident], hex(ident)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_the_specs_give_tmwathenas_lengths(protocol):
    # A fixed packet's vectors are as long as tmwAthena says; a variable one's carry their
    # length at offset 2.
    table = tmwa_lengths()
    for vector in vectors.load(protocol=protocol):
        opcode = int.from_bytes(vector.data[:2], "little")
        if table[opcode] == "variable":
            assert int.from_bytes(vector.data[2:4], "little") == len(vector.data), vector.label
        else:
            assert len(vector.data) == table[opcode], vector.label


def test_ids_with_a_spec_in_no_dispatcher_are_none():
    # Every public id (channels *-user) has a spec in some tmw dispatcher.
    public = {int(line.split("\t")[0], 16) for line in TSV.read_text().splitlines()
              if not line.startswith("#") and line.split("\t")[2].endswith("-user")}
    specced = {p.opcode for name in PROTOCOLS for p in pkttools.protocol(name).packets}
    assert public - specced == {0x7532} - specced
    assert len(public) == 173
