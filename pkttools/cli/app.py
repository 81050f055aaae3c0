"""The `pkttools` command line: one parser, a module per group of commands.

Exit status: 0 success, 1 bad packet data (or a strict check failed, or a file or stdout that
cannot be read or written), 2 usage error.
Errors are one line on stderr; warnings (trailing bytes, unparsed switch bodies) too.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from typing import Sequence

from ..errors import NotBuiltError, PacketError, PkttoolsError, UsageError
from . import capture, export, layers, packets, proxy, publish
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
    parser.add_argument("--version", action=_ShowVersion)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    packets.register(sub)  # list, parse, build, split
    publish.register(sub)  # webide, docs: the specs published for people
    capture.register(sub)  # capture
    layers.register(sub)  # decrypt, encrypt
    export.register(sub)  # export: captures to a Parquet dataset
    proxy.register(sub)  # proxy
    for command in [parser, *sub.choices.values()]:
        command.add_argument(
            "--specs", action="append", default=[], metavar="DIR",
            help="a folder of your own .ksy specs, laid out like ksy/: its packets join the "
                 "protocols, its dispatchers add protocols (repeatable; also $PKTTOOLS_SPECS; "
                 "compiled with node on first use)")
    parser.commands = sub.choices
    return parser


class _ShowVersion(argparse.Action):
    """--version, looked up only when asked for: importlib.metadata costs a one-packet
    command a fifth of its time."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: object = argparse.SUPPRESS, help: str = "show the version and exit"):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001
        print(f"pkttools {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pkttools")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Options may come before or after the inputs (`build P --frame JSON`): each command's
    own parser reads its arguments intermixed, which argparse cannot do across subparsers."""
    argv = list(sys.argv[1:] if argv is None else argv)
    argv, specs = _take_specs(argv)
    parser = make_parser()
    commands = parser.commands
    at = next((i for i, arg in enumerate(argv) if not arg.startswith("-")), None)
    if at is None or argv[at] not in commands or any(a in ("-h", "--help") for a in argv[:at]):
        args = parser.parse_args(argv)
        args.specs = specs
        return args
    args = commands[argv[at]].parse_intermixed_args(argv[at + 1:])
    args.command = argv[at]
    args.specs = specs
    return args


def _take_specs(argv: list[str]) -> tuple[list[str], list[str]]:
    """`--specs DIR` wherever it stands (before or after the command): every command takes it,
    and argparse would let a command's default hide the one given before the command."""
    rest, specs = [], []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--specs" and i + 1 < len(argv):
            specs.append(argv[i + 1])
            i += 2
            continue
        if arg.startswith("--specs="):
            specs.append(arg.split("=", 1)[1])
        else:
            rest.append(arg)
        i += 1
    return rest, specs


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.specs:
            from ..model.registry import use_specs

            use_specs(args.specs)
        if sys.stdout is None:  # started with stdout closed: print() would drop everything
            raise OSError(errno.EBADF, "closed")
        status = args.run(args)
        sys.stdout.flush()  # here, where a full disk or a closed pipe can still be reported
        return status
    except UsageError as exc:
        print(f"pkttools: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (PacketError, NotBuiltError) as exc:
        print(f"pkttools: {exc}", file=sys.stderr)
        return EXIT_DATA
    except PkttoolsError as exc:
        print(f"pkttools: {exc}", file=sys.stderr)
        return EXIT_DATA
    except OSError as exc:
        return _io_failed(exc)


def _io_failed(exc: OSError) -> int:
    """A file that cannot be read or written, a full disk, a closed stdout: one line, status 1
    (a pipe whose reader stopped reading ends the command quietly, as `| head` expects).
    An error without a file name is stdout's, the one unnamed stream written; it is pointed at
    /dev/null so the interpreter's last flush does not fail again with a traceback."""
    where = exc.filename if exc.filename is not None else "stdout"
    if exc.filename is None:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):  # no real file behind sys.stdout
            pass
        if isinstance(exc, BrokenPipeError):  # `pkttools ... | head`: the reader has enough
            return EXIT_OK
    print(f"pkttools: error: {where}: {exc.strerror or exc}", file=sys.stderr)
    return EXIT_DATA


if __name__ == "__main__":
    sys.exit(main())
