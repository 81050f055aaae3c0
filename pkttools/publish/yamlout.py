"""Write spec data (what js-yaml parsed from a .ksy) back as YAML that reads the same.

The merged Web IDE spec is built as data and must come out as a .ksy a person can read and the
Web IDE's YAML reader (js-yaml, YAML 1.2) parses to exactly that data. This emitter writes only
block mappings and sequences, plain scalars where no YAML 1.1 or 1.2 reader could take them for
anything but a string, literal blocks for multi-line text, and JSON-style double quotes for the
rest (a JSON string is a valid YAML double-quoted scalar). The bundle check parses the output
with js-yaml and compares, so any slip here fails loudly.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

# A plain scalar: starts with a letter, underscore or parenthesis, has no ": " or " #" (which
# would end it), no tab or control character, and does not end in a colon or a space.
_PLAIN = re.compile(r"[A-Za-z_(][^\x00-\x1f\x7f]*")
_PLAIN_KEY = re.compile(r"-?[A-Za-z_][A-Za-z0-9_-]*")
_INT_KEY = re.compile(r"-?(?:0|[1-9][0-9]*)")
# Words some YAML reader resolves to something other than a string (YAML 1.1 booleans too).
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf"}
_INDENT = "  "


def dump(data: dict) -> str:
    """A YAML document for a mapping."""
    return "".join(_mapping(data, 0)) if data else "{}\n"


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"{value} has no YAML form the Web IDE reads back")
        text = repr(value)
        return text if any(c in text for c in ".e") else text + ".0"
    if isinstance(value, str):
        return _string(value)
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _string(text: str) -> str:
    if (_PLAIN.fullmatch(text) and ": " not in text and " #" not in text
            and text[-1] not in ": " and text.lower() not in _RESERVED):
        return text
    return json.dumps(text, ensure_ascii=False)


def _key(key: str) -> str:
    key = str(key)
    if _INT_KEY.fullmatch(key):  # enum values: js-yaml turns the number back into this key
        return key
    if _PLAIN_KEY.fullmatch(key) and key.lower() not in _RESERVED:  # -orig-id, doc-ref
        return key
    return _string(key)


def _block_text(text: str, depth: int) -> list[str] | None:
    """A literal block (`|`) for multi-line text, or None when one cannot hold it exactly."""
    if "\n" not in text.rstrip("\n") or text[:1] in (" ", "\t") or "\r" in text:
        return None
    if any(ord(c) < 0x20 and c not in "\n\t" for c in text):
        return None
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else None)
    if chomp is None:
        return None
    pad = _INDENT * depth
    lines = [f"{pad}{line}" if line else "" for line in body.split("\n")]
    return [f"|{chomp}\n"] + [line + "\n" for line in lines]


def _value_lines(value: Any, depth: int) -> tuple[str, list[str]]:
    """(text after `key:` or `-`, following lines) for a value whose lines are indented by
    depth levels."""
    if isinstance(value, dict):
        return ("{}", []) if not value else ("", _mapping(value, depth))
    if isinstance(value, list):
        return ("[]", []) if not value else ("", _sequence(value, depth))
    if isinstance(value, str):
        block = _block_text(value, depth)
        if block is not None:
            return block[0].rstrip("\n"), block[1:]
    return _scalar(value), []


def _mapping(data: dict, depth: int) -> list[str]:
    pad = _INDENT * depth
    out = []
    for key, value in data.items():
        head, rest = _value_lines(value, depth + 1)
        out.append(f"{pad}{_key(key)}:{' ' + head if head else ''}\n")
        out.extend(rest)
    return out


def _sequence(items: list, depth: int) -> list[str]:
    pad = _INDENT * depth
    out = []
    for item in items:
        if isinstance(item, dict) and item:
            lines = _mapping(item, depth + 1)
            # the first key goes on the dash's line: "- id: x"
            out.append(f"{pad}- {lines[0][len(_INDENT * (depth + 1)):]}")
            out.extend(lines[1:])
        else:
            head, rest = _value_lines(item, depth + 1)
            out.append(f"{pad}-{' ' + head if head else ''}\n")
            out.extend(rest)
    return out
