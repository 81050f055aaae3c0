"""`pkttools webide`: the specs published for the Kaitai Web IDE (see webide.py).

It reads ksy/ of a pkttools checkout and writes a folder. Registered by cli.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub) -> None:
    """Add the sub-commands to cli.py's sub-parsers."""
    p_webide = sub.add_parser(
        "webide", help="write the specs for the Kaitai Web IDE: a flat folder per protocol "
        "(bare-name imports) and one merged spec to paste")
    p_webide.add_argument("protocols", nargs="*", metavar="PROTOCOL",
                          help="protocols to write (default: all)")
    p_webide.add_argument("--out", required=True, type=Path, help="folder to write into")
    p_webide.add_argument("--no-check", action="store_true",
                          help="skip compiling the result for JavaScript as the Web IDE does")
    p_webide.set_defaults(run=cmd_webide)


def cmd_webide(args: argparse.Namespace) -> int:
    from . import webide

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
