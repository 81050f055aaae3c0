"""The `pkttools` command line: one parser, a module per group of commands.

Exit status: 0 success, 1 bad packet data (or a strict check failed), 2 usage error.
Errors are one line on stderr; warnings (trailing bytes, unparsed switch bodies) too.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from ..errors import NotBuiltError, PacketError, PkttoolsError, UsageError
from . import capture, packets, publish
from .status import EXIT_DATA, EXIT_OK, EXIT_USAGE


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        print(f"pkttools: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def make_parser() -> argparse.ArgumentParser:
    """The parser of every command; `parser.commands` maps a command to its own parser."""
    parser = _Parser(prog="pkttools", description="Parse, check and rebuild MMO game packets "
                     "described by Kaitai Struct specs.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    packets.register(sub)  # list, parse, build, split
    publish.register(sub)  # webide, docs: the specs published for people
    capture.register(sub)  # capture
    parser.commands = sub.choices
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Options may come before or after the inputs (`build P --frame JSON`): each command's
    own parser reads its arguments intermixed, which argparse cannot do across subparsers."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = make_parser()
    commands = parser.commands
    at = next((i for i, arg in enumerate(argv) if not arg.startswith("-")), None)
    if at is None or argv[at] not in commands or any(a in ("-h", "--help") for a in argv[:at]):
        return parser.parse_args(argv)
    args = commands[argv[at]].parse_intermixed_args(argv[at + 1:])
    args.command = argv[at]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"pkttools: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (PacketError, NotBuiltError) as exc:
        print(f"pkttools: {exc}", file=sys.stderr)
        return EXIT_DATA
    except PkttoolsError as exc:
        print(f"pkttools: {exc}", file=sys.stderr)
        return EXIT_DATA
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
