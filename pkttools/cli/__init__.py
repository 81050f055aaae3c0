"""The `pkttools` command line: app.py builds the parser and runs a command; each group of
commands (packets, capture, publish) is a module of its own, over the layers below."""

from __future__ import annotations

from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """The `pkttools` command (see app.py); here so `pkttools.cli:main` stays the entry point."""
    from .app import main as run

    return run(argv)
