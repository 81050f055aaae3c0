"""Wireshark dissectors generated from the specs: one Lua plugin, `pkttools.lua`.

    pkttools wireshark --out build/wireshark
    tshark -X lua_script:build/wireshark/pkttools.lua -r capture.pcapng

Every service (`tmw.login`) becomes one Wireshark protocol (`tmw_login`) with both directions,
registered on the service's default port (capture/ports.py) and for Decode As. Everything in it
comes from the spec model pkttools parses with (the registry: manifest types, fields, enums,
stream framing), translated to Lua by wslua_types.py (types, planned as wslua_plan.py says; bit
fields by wslua_bits.py, expressions by wslua_expr.py), wslua_fields.py (filter names, field
sets) and wslua_framing.py (PDUs, ports); the
hand-written runtime (lua/runtime.lua, lua/service.lua) and the game layers (lua/layer_*.lua)
are copied in as they are.
`Plugin.notes` lists the spec constructs the dissector does not translate: there it shows the
remaining bytes as undissected, with an expert note, never a guessed value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..capture.ports import DEFAULT_PORTS
from ..errors import UsageError
from ..model.conventions import DIRECTIONS
from ..model.registry import Registry, default_registry
from .wslua_expr import lua_string
from .wslua_fields import PathMap
from .wslua_framing import Service, ServiceBlock, roles_of
from .wslua_plan import Note
from .wslua_types import TypeGen

PLUGIN_FILE = "pkttools.lua"

# The game layers the dissector can undo, by service: the Lua module and what it needs.
LAYERS = {"pangya.loginservice": "pangya", "ffxi.world": "ffxi"}


@dataclass
class Plugin:
    """The generated plugin and what the checks need to know about it."""

    lua: str
    services: list[Service]
    paths: PathMap
    notes: list[Note] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    fields: int = 0


def services(names: list[str] | None = None, registry: Registry | None = None) -> list[Service]:
    """The services of the registry (all, or those named: `tmw.login`, or a protocol name
    for its service), each with its protocols, transport and default ports."""
    registry = registry or default_registry()
    found: dict[str, dict[str, object]] = {}
    for proto in registry:
        found.setdefault(f"{proto.game}.{proto.service}", {})[proto.direction] = proto
    wanted = sorted(found)
    if names:
        wanted = []
        for name in names:
            head, _, tail = name.rpartition(".")
            service = head if tail in DIRECTIONS and head in found else name
            if service not in found:
                raise UsageError(f"unknown service {name!r}; known: {', '.join(sorted(found))}")
            if service not in wanted:
                wanted.append(service)
    out = []
    for name in wanted:
        ports = [p for p in DEFAULT_PORTS if p.service == name]
        transport = ports[0].transport if ports else "tcp"
        layer = LAYERS.get(name)
        lua = resources.files(__package__).joinpath("lua", f"layer_{layer}.lua")
        if layer and not lua.is_file():
            layer = None
        out.append(Service(name, dict(found[name]), transport, [p.port for p in ports], layer))
    return out


def _lua_resource(name: str) -> str:
    return resources.files(__package__).joinpath("lua", name).read_text(encoding="utf-8")


def _value_strings(registry: Registry) -> list[str]:
    lines = []
    for key, enum in sorted(registry.enums.items()):
        items = ", ".join(f"[{int(v)}] = {lua_string(e['id'])}"
                          for v, e in sorted(enum["values"].items(), key=lambda kv: int(kv[0]))
                          if abs(int(v)) < 2 ** 53)
        lines.append(f"VS[{lua_string(key)}] = {{{items}}}")
    return lines


def _charsets(tables: dict[str, list[str | None]]) -> list[str]:
    """The byte tables of the single-byte code pages the specs' text uses."""
    return [f"{name} = {{{', '.join('false' if c is None else lua_string(c) for c in table)}}}"
            for name, table in sorted(tables.items())]


def _layers(used: set[str]) -> list[str]:
    """The Lua of the game layers the chosen services need, with their tables."""
    lines = ["local LAYERS = {}"]
    if "pangya" in used:
        from ..layers import pangya

        lines += [f"local PANGYA_MASK = {lua_string(pangya.MASK)}",
                  f"local PANGYA_SEED = {lua_string(pangya.SEED)}",
                  "LAYERS.pangya = (function(PK, MASK, SEED)",
                  _lua_resource("layer_pangya.lua"), "end)(PK, PANGYA_MASK, PANGYA_SEED)"]
    if "ffxi" in used:
        from ..layers import ffxi

        codes = []
        for byte in range(256):  # each byte's bit code, as the layer's coder writes it
            data, bits = ffxi.compress(bytes([byte]))
            codes.append(f"{{{int.from_bytes(data[1:], 'little')}, {bits - 8}}}")
        words = ", ".join(str(w) for w in ffxi.initial_tables())
        lines += [f"local FFXI_PI = {{{words}}}", f"local FFXI_CODES = {{{', '.join(codes)}}}",
                  "LAYERS.ffxi = (function(PK, PI, CODES)", _lua_resource("layer_ffxi.lua"),
                  "end)(PK, FFXI_PI, FFXI_CODES)"]
    return lines


def generate(names: list[str] | None = None, registry: Registry | None = None) -> Plugin:
    """The plugin for the named services (default: all) of the registry."""
    registry = registry or default_registry()
    chosen = services(names, registry)
    types = TypeGen(registry, roles_of(chosen))
    paths = PathMap()
    blocks = [ServiceBlock(s, types, paths) for s in chosen]
    service_lua = [b.lua() for b in blocks]
    types.finish()
    protocols = [p.name for s in chosen for p in s.protocols.values()]
    header = [
        "-- pkttools.lua: Wireshark dissectors generated by pkttools from its Kaitai Struct "
        "specs;",
        "-- generated, do not edit: `pkttools wireshark --out DIR` writes it again.",
        "-- Load it with `tshark -X lua_script:pkttools.lua` or copy it into Wireshark's personal",
        "-- plugins folder (Help > About Wireshark > Folders > Personal Lua Plugins).",
        f"-- Services: {', '.join(s.name for s in chosen)}",
        f"-- Protocols: {', '.join(protocols)}",
        "-- Runtime: pkttools/publish/lua/runtime.lua and service.lua",
        "",
        "local PK = (function()", _lua_resource("runtime.lua"), "end)()",
        ";(function(PK)", _lua_resource("service.lua"), "end)(PK)",
        "",
    ]
    body = (header + _layers({s.layer for s in chosen if s.layer})
            + ["", "local VS = {}"] + _value_strings(registry)
            + ["", "local CP = {}"] + _charsets(types.charsets)
            + ["", "local T, I = {}, {}"]
            + [types.code[n] for n in sorted(types.code)]
            + [types.instance_code[n] for n in sorted(types.instance_code)]
            + [""] + service_lua)
    notes = list(dict.fromkeys(types.notes + [n for b in blocks for n in b.notes]))
    return Plugin("\n".join(body) + "\n", chosen, paths, notes,
                  [r for b in blocks for r in b.fields.renamed], dict(types.counts),
                  sum(len(b.fields.decls) for b in blocks))


def write(plugin: Plugin, out: Path) -> Path:
    """Write `out/pkttools.lua`; returns its path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / PLUGIN_FILE
    path.write_text(plugin.lua, encoding="utf-8")
    return path
