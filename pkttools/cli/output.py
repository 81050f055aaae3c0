"""Bytes a command writes: raw to stdout, or one hex line each (what other commands read)."""

from __future__ import annotations

import sys


def write_bytes(chunks: list[bytes], raw: bool) -> None:
    """Each chunk as a hex line, or all of them as raw bytes (`--raw`)."""
    if raw:
        sys.stdout.buffer.write(b"".join(chunks))
        sys.stdout.buffer.flush()
    else:
        for chunk in chunks:
            print(chunk.hex())
