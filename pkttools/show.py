"""Values as messages and tables show them: short, one line, bytes as hex.

Error messages quote the values they are about (an expected constant, a value given to the
builder) and tables preview byte strings; one set of rules keeps them alike everywhere.
"""

from __future__ import annotations

import json
from typing import Any


def show(value: Any, limit: int | None = None) -> str:
    """A value quoted in a message: bytes as spaced hex, anything else as its repr, cut to
    `limit` characters (with "...") when given."""
    if isinstance(value, (bytes, bytearray)):
        text = bytes(value).hex(" ") or "(no bytes)"
    else:
        text = repr(value)
    if limit is not None and len(text) > limit:
        return text[:limit - 3] + "..."
    return text


def show_json(value: Any, limit: int | None = 160) -> str:
    """A value as JSON text (how JSON-shaped data such as the Web IDE runner's is quoted), with
    characters that do not print escaped, cut to `limit` characters."""
    if isinstance(value, float):
        return repr(value)
    text = json.dumps(value, ensure_ascii=False)
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    if limit is not None and len(text) > limit:
        return text[:limit - 3] + "..."
    return text


def hex_preview(data: bytes, limit: int = 32) -> str:
    """The first `limit` bytes as spaced hex, and the total when there are more."""
    if not data:
        return "(empty)"
    shown = data[:limit].hex(" ")
    return shown if len(data) <= limit else f"{shown} ... ({len(data)} bytes)"
