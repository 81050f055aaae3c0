"""`pkttools webide` and `pkttools docs`: the specs published for people, not for parsing.

Both read ksy/ (and docs the test vectors) of a pkttools checkout and write a folder; see
publish/webide.py and publish/docs.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import UsageError


def register(sub) -> None:
    """Add the commands to the command line's sub-parsers."""
    p_webide = sub.add_parser(
        "webide", help="write the specs for the Kaitai Web IDE: a flat folder per protocol "
        "(bare-name imports) and one merged spec to paste")
    p_webide.add_argument("protocols", nargs="*", metavar="PROTOCOL",
                          help="protocols to write (default: all)")
    p_webide.add_argument("--out", required=True, type=Path, help="folder to write into")
    p_webide.add_argument("--no-check", action="store_true",
                          help="skip compiling the result for JavaScript as the Web IDE does")
    p_webide.set_defaults(run=cmd_webide)

    p_docs = sub.add_parser(
        "docs", help="write one Markdown page per packet, an index per protocol and a top "
        "index, from the specs and the test vectors")
    p_docs.add_argument("protocols", nargs="*", metavar="PROTOCOL",
                        help="protocols to document (default: all)")
    p_docs.add_argument("--out", required=True, type=Path, help="folder to write into")
    p_docs.add_argument("--diagrams", choices=("auto", "yes", "no"), default="auto",
                        help="SVG diagrams from the compiler's graphviz output: auto (when "
                             "graphviz `dot` is installed), yes (fail without it), no")
    p_docs.set_defaults(run=cmd_docs)


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
