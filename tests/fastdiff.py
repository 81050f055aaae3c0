"""What pkttools makes of given inputs, as comparable data: the differential test of the fast
paths (tests/test_fast_paths.py) runs this in the project and, with PKTTOOLS_FAST=0, in a
scratch copy built without them, and compares the two.

Input (JSON on stdin): {"packets": [[protocol, hex], ...], "streams": [[protocol, hex], ...]}.
Output (JSON on stdout): for each packet, its plain data with every value's type kept, or its
error (class, path, offset, message), and the bytes a build of that plain data gives (or its
error); for each stream, its items.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

import pkttools
from pkttools.codec.plain import EnumName


def typed(value: Any) -> Any:
    """Plain data with the type of every value in it (1, True and 1.0 must not compare equal)."""
    if isinstance(value, EnumName):
        return ["enum", str(value), value.value]
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return ["list", [typed(item) for item in value]]
    if isinstance(value, float):
        return ["float", repr(value) if not math.isnan(value) else "nan"]
    return [type(value).__name__, value]


def error(exc: Exception) -> dict:
    return {"error": type(exc).__name__, "path": getattr(exc, "path", None),
            "offset": getattr(exc, "offset", None), "message": str(exc)}


def packet(protocol: str, data: bytes) -> dict:
    try:
        pkt = pkttools.parse(protocol, data)
    except pkttools.PkttoolsError as exc:
        return error(exc)
    plain = pkt.to_dict()
    out = {"packet": typed(plain), "spans": [[list(map(str, s.path)), s.start, s.size]
                                             for s in pkt.spans()]}
    try:
        out["built"] = pkttools.build(protocol, plain).hex()
    except pkttools.PkttoolsError as exc:
        out["built"] = error(exc)
    return out


def stream(protocol: str, data: bytes) -> list:
    out = []
    for item in pkttools.split(protocol, data):
        plain = item.to_dict()
        if plain.get("error") is not None:
            plain["error"] = str(plain["error"])
        out.append(typed(plain))
    return out


def main() -> None:
    request = json.load(sys.stdin)
    json.dump({"packets": [packet(p, bytes.fromhex(h)) for p, h in request["packets"]],
               "streams": [stream(p, bytes.fromhex(h)) for p, h in request["streams"]]},
              sys.stdout)


if __name__ == "__main__":
    main()
