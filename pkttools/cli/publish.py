"""`pkttools webide`, `docs` and `wireshark`: the specs published for people and their tools.

Each reads the specs (docs also the test vectors) and writes a folder; see publish/webide.py,
publish/docs.py and publish/wireshark.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError


def _command(sub, name: str, help: str, metavar: str, what: str, run):
    """A command that writes a folder from the specs of some (default: all) protocols or
    services."""
    command = sub.add_parser(name, help=help)
    command.add_argument(metavar.lower() + "s", nargs="*", metavar=metavar,
                         help=f"{what} (default: all)")
    command.add_argument("--out", required=True, type=Path, help="folder to write into")
    command.set_defaults(run=run)
    return command


def register(sub) -> None:
    """Add the commands to the command line's sub-parsers."""
    p_webide = _command(sub, "webide", "write the specs for the Kaitai Web IDE: a flat folder "
                        "per protocol (bare-name imports) and one merged spec to paste",
                        "PROTOCOL", "protocols to write", cmd_webide)
    p_webide.add_argument("--no-check", action="store_true",
                          help="skip compiling the result for JavaScript as the Web IDE does")
    p_docs = _command(sub, "docs", "write one Markdown page per packet, an index per protocol "
                      "and a top index, from the specs and the test vectors", "PROTOCOL",
                      "protocols to document", cmd_docs)
    p_docs.add_argument("--diagrams", choices=("auto", "yes", "no"), default="auto",
                        help="SVG diagrams from the compiler's graphviz output: auto (when "
                             "graphviz `dot` is installed), yes (fail without it), no")
    _command(sub, "wireshark", "write pkttools.lua, a Wireshark plugin with a dissector per "
             "service (load it with tshark -X lua_script:DIR/pkttools.lua)", "SERVICE",
             "services to dissect, e.g. tmw.login", cmd_wireshark)


def check_out(out: Path) -> None:
    """--out must be a folder, or a path where one can be made."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file, not a folder")


def cmd_webide(args: argparse.Namespace) -> int:
    from ..publish import webide

    check_out(args.out)
    bundles = webide.make_bundles(args.protocols or None)
    args.out.mkdir(parents=True, exist_ok=True)
    written = webide.write(bundles, args.out)
    for bundle in bundles:
        print(f"{bundle.protocol}: {args.out / bundle.protocol}/ ({len(bundle.flat)} files; "
              f"open {bundle.dispatcher}.ksy"
              + (f" or {bundle.stream}.ksy" if bundle.stream else "") + "), "
              + ", ".join(str(args.out / name) for name in bundle.merged))
    if not args.no_check:
        compiled = webide.check(bundles, args.out)
        print(f"checked: {len(written)} files compile for JavaScript in debug mode, as the "
              f"Web IDE runs them ({len(compiled.flat) + len(compiled.merged)} classes)",
              file=sys.stderr)
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from ..publish import docs

    check_out(args.out)
    site = docs.generate(args.out, args.protocols or None, diagrams=args.diagrams)
    print(f"wrote {len(site.pages)} pages under {args.out} "
          f"({site.examples} examples, {site.diagrams} diagrams)")
    for note in site.notes:
        print(f"pkttools: note: {note}", file=sys.stderr)
    return 0


def cmd_wireshark(args: argparse.Namespace) -> int:
    from ..publish import wireshark

    plugin = wireshark.generate(args.services or None)
    path = wireshark.write(plugin, args.out)
    for service in plugin.services:
        ports = ", ".join(f"{p}/{service.transport}" for p in service.ports) or "Decode As only"
        print(f"{service.abbr}: {service.name} ({', '.join(sorted(service.protocols))}; "
              f"{ports}" + (f"; {service.layer} layer" if service.layer else "") + ")")
    print(f"wrote {path} ({plugin.fields} fields); load it with `tshark -X "
          f"lua_script:{path}` or copy it into Wireshark's personal Lua plugins folder")
    translated = ", ".join(f"{what} {n}" for what, n in sorted(plugin.counts.items()))
    print(f"spec constructs translated: {translated}; not translated: "
          f"{len(plugin.notes) or 'none'}")
    for note in plugin.notes:
        print(f"pkttools: not dissected (shown as undissected bytes): {note}", file=sys.stderr)
    for note in plugin.renamed:
        print(f"pkttools: note: {note}", file=sys.stderr)
    return 0
