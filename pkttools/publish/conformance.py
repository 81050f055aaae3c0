"""Python versus the Kaitai Web IDE: the same bytes must give the same fields in both.

The Web IDE compiles a spec to JavaScript in debug mode and runs it on the npm `kaitai-struct`
runtime. `JsRunner` does the same in one node process (tools/jsparse.js) with the Web IDE
bundle (webide.py), both its flat folders and its merged specs, compiled once; `check_packet`
and `check_stream` compare a JavaScript parse with pkttools' own, field by field, normalising
only naming: JavaScript's lowerCamelCase field names, its enum spelling (`INVALID_CREDENTIALS`
for `invalid_credentials`, numbers that carry their enum), bytes and numbers as JSON carries
them. Anything else that differs is a `Mismatch` naming the field path.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from ..codec.faststream import Stream
from ..codec.packet import parse
from ..codec.plain import EnumName, PlainConverter, format_path
from ..errors import PacketError, ToolError, UnknownOpcodeError
from ..show import show_json
from ..model import compiler
from ..model.conventions import class_name
from ..model.registry import Protocol
from . import webide

RUNNER = compiler.PROJECT / "tools" / "jsparse.js"
FORMS = ("flat", "merged")


def camel(name: str) -> str:
    """Kaitai's JavaScript field name: `len_value` -> `lenValue`, `unused_1` -> `unused1`."""
    if name.startswith("_"):
        return "_" + camel(name[1:])
    first, *rest = name.split("_")
    return first + "".join(part[:1].upper() + part[1:] for part in rest)


@dataclass(frozen=True)
class Mismatch:
    """One field whose value differs between the Python and the JavaScript parse."""

    path: str
    python: Any
    javascript: Any
    note: str = ""

    def __str__(self) -> str:
        extra = f" ({self.note})" if self.note else ""
        return (f"field {self.path or '(root)'}: Python {_show(self.python)}, "
                f"JavaScript {_show(self.javascript)}{extra}")


def _show(value: Any) -> str:
    """A Python or runner value in a mismatch message: runner structures and enums by name."""
    if isinstance(value, dict) and "$struct" in value:
        return f"<{value['$struct']}>"
    if isinstance(value, dict) and "$enum" in value:
        return f"{value['$enum'] or '(no name)'} ({value['$value']})"
    if isinstance(value, dict) and len(value) == 1 and ("$bytes" in value or "$number" in value):
        return str(next(iter(value.values())))
    if isinstance(value, EnumName):
        return f"{str(value)!r} ({value.value})"
    return show_json(value)


def js_value(tree: Any, path: str) -> Any:
    """The runner value at a plain-data path (`characters[0].name.value`), or None."""
    value = tree
    for part in path.replace("[", ".[").split("."):
        if not part:
            continue
        if part.startswith("["):
            index = int(part[1:-1])
            value = value[index] if isinstance(value, list) and index < len(value) else None
        elif isinstance(value, dict) and "$fields" in value:
            value = value["$fields"].get(camel(part))
        else:
            return None
    return value


class JsRunner:
    """One node process that parses with the Web IDE bundle's JavaScript (debug) classes."""

    def __init__(self, workdir: Path, bundles: list[webide.Bundle]):
        self.workdir = workdir
        self.bundles = bundles  # what was compiled: workdir / "bundle" holds the files
        env = dict(os.environ, NODE_PATH=str(compiler.node_modules()))
        self._proc = subprocess.Popen(
            [compiler.node(), str(RUNNER), str(workdir / "js" / "flat"),
             str(workdir / "js" / "merged")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8", env=env)

    @classmethod
    def start(cls, protocols: list[str] | None = None, workdir: Path | None = None) -> "JsRunner":
        """Bundle, check and compile the specs (once), then start node."""
        workdir = Path(tempfile.mkdtemp(prefix="pkttools-webide-")) if workdir is None \
            else workdir
        bundles = webide.make_bundles(protocols)
        webide.write(bundles, workdir / "bundle")
        compiled = webide.check(bundles, workdir / "bundle")
        for form, files in (("flat", compiled.flat), ("merged", compiled.merged)):
            folder = workdir / "js" / form
            folder.mkdir(parents=True, exist_ok=True)
            for name, source in files.items():
                (folder / name).write_text(source, encoding="utf-8")
        return cls(workdir, bundles)

    def parse(self, form: str, cls_name: str, data: bytes) -> dict:
        """The runner's answer for one parse (see tools/jsparse.js)."""
        if self._proc.poll() is not None:
            raise ToolError(f"tools/jsparse.js has exited: {self._proc.stderr.read()[-2000:]}")
        request = {"dir": FORMS.index(form), "class": cls_name, "hex": bytes(data).hex()}
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise ToolError(f"tools/jsparse.js gave no answer: "
                                f"{self._proc.stderr.read()[-2000:]}")
        answer = json.loads(line)
        if not answer["ok"] and answer["error"]["name"] in ("RequestError", "RunnerError"):
            raise ToolError(f"tools/jsparse.js: {answer['error']['message']}")
        return answer

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.stdin.close()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        for stream in (self._proc.stdout, self._proc.stderr):
            stream.close()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> "JsRunner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# -- comparing --------------------------------------------------------------------------------

def compare(py: Any, js: Any, path: tuple = ()) -> list[Mismatch]:
    """Differences between pkttools plain data and a runner value (empty when they agree)."""
    where = format_path(path)
    if isinstance(py, dict):
        if not (isinstance(js, dict) and "$struct" in js):
            return [Mismatch(where, py, js, "a structure in Python only")]
        return compare_fields(py, js["$fields"], path)
    if isinstance(py, list):
        if not isinstance(js, list):
            return [Mismatch(where, py, js)]
        out = [] if len(py) == len(js) else [
            Mismatch(where, f"{len(py)} items", f"{len(js)} items")]
        for i, (a, b) in enumerate(zip(py, js)):
            out += compare(a, b, path + (i,))
        return out
    if isinstance(js, dict) and "$enum" in js:
        value, name = js["$value"], js["$enum"]
        if isinstance(py, EnumName):
            if py.value != value or name is None or name.lower() != str(py):
                return [Mismatch(where, py, js)]
            return []
        if py == value and not isinstance(py, bool) and name is None:
            return []  # a number outside its enum, in both
        return [Mismatch(where, py, js)]
    if isinstance(py, EnumName):  # e.g. an enum value instance the runner saw as a number
        return [] if js == py.value and not isinstance(js, bool) else [Mismatch(where, py, js)]
    if isinstance(py, bool) or isinstance(js, bool):
        return [] if py is js else [Mismatch(where, py, js)]
    if isinstance(py, (int, float)):
        if isinstance(js, dict) and "$number" in js:
            same = isinstance(py, float) and repr(py).lower() == js["$number"].lower().replace(
                "infinity", "inf")
        else:
            same = isinstance(js, (int, float)) and (py == js or (
                isinstance(py, float) and math.isnan(py) and isinstance(js, float)
                and math.isnan(js)))
        return [] if same else [Mismatch(where, py, js)]
    if isinstance(py, str):
        if isinstance(js, dict) and "$bytes" in js:
            return [] if py == js["$bytes"] else [Mismatch(where, py, js["$bytes"], "bytes")]
        return [] if py == js else [Mismatch(where, py, js)]
    return [] if py == js else [Mismatch(where, py, js)]


def compare_fields(py: dict, js_fields: dict, path: tuple = ()) -> list[Mismatch]:
    """Compare a plain mapping with a runner `$fields` mapping, by JavaScript field name."""
    out = []
    names = {camel(name): name for name in py}
    for name, value in py.items():
        here = path + (name,)
        if camel(name) not in js_fields:
            out.append(Mismatch(format_path(here), value, None, "missing in JavaScript"))
        else:
            out += compare(value, js_fields[camel(name)], here)
    for js_name, value in js_fields.items():
        if js_name not in names:
            out.append(Mismatch(format_path(path + (js_name,)), None, value,
                                "only in JavaScript"))
    return out


def _at(fields: dict, dotted: str) -> Any:
    """A dotted snake_case path (`header.id`) in a runner tree."""
    value: Any = {"$struct": "", "$fields": fields}
    for part in dotted.split("."):
        if not (isinstance(value, dict) and "$fields" in value):
            return None
        value = value["$fields"].get(camel(part.strip()))
    return value


def js_packet(proto: Protocol, answer: dict) -> dict:
    """A runner answer for a dispatcher in the shape of `Packet.to_dict()`."""
    tree = answer.get("tree") or {"$fields": {}}
    root = tree["$fields"]
    opcode = _at(root, proto.opcode_field)
    out: dict[str, Any] = {"protocol": proto.name}
    if isinstance(opcode, dict) and "$enum" in opcode:
        out["opcode"] = opcode["$value"]
        out["packet"] = opcode["$enum"].lower() if opcode["$enum"] else None
    else:
        out["opcode"] = opcode
        body = root.get(camel(proto.body_field))
        packet = proto.by_opcode.get(opcode) if isinstance(opcode, int) else None
        # Without an opcode enum the packet is named by its type: compare the class instead.
        if packet is not None and isinstance(body, dict) and "$struct" in body and \
                body["$struct"] == packet.type_key.rsplit(".", 1)[-1].split(":")[-1]:
            out["packet"] = packet.name
        else:
            out["packet"] = None
    frame = {}
    for name in proto.frame_fields:
        if camel(name) in root:
            frame[name] = root[camel(name)]
    if frame:
        out["frame"] = frame
    out["fields"] = root.get(camel(proto.body_field))
    return out


def check_packet(runner: JsRunner, proto: Protocol, data: bytes) -> dict[str, list[Mismatch]]:
    """Parse data as one packet in Python and with each bundle form in JavaScript.

    Returns {form: mismatches}. A packet Python parses must parse in JavaScript with the same
    opcode, packet, frame fields, body fields and length; an unknown opcode must leave the body
    unparsed in JavaScript too; any other Python error must be an error in JavaScript as well.
    """
    cls_name = class_name(proto.type_key.split(":", 1)[0])
    try:
        pkt = parse(proto, data)
        plain, failure = pkt.to_dict(), None
    except PacketError as exc:
        plain, failure = None, exc
    results = {}
    for form in FORMS:
        answer = runner.parse(form, cls_name, data)
        results[form] = _judge(proto, data, plain, failure, answer)
    return results


def _judge(proto: Protocol, data: bytes, plain: dict | None, failure: PacketError | None,
           answer: dict) -> list[Mismatch]:
    js_error = None if answer["ok"] else f"{answer['error']['name']}: {answer['error']['message']}"
    view = js_packet(proto, answer)
    if isinstance(failure, UnknownOpcodeError):
        out = [] if view["opcode"] == failure.opcode else [
            Mismatch("opcode", failure.opcode, view["opcode"])]
        body = view["fields"]
        if isinstance(body, dict) and "$struct" in body:
            out.append(Mismatch(proto.body_field, "no packet (unknown opcode)", body))
        if js_error:
            out.append(Mismatch("", "unknown opcode, body unparsed", js_error))
        return out
    if failure is not None:
        if js_error:
            return []
        shown = js_value(view["fields"], failure.path) if failure.path else None
        return [Mismatch(failure.path or "", f"error: {failure.kind}: {failure.detail}",
                         shown if shown is not None else "parses",
                         "Python refuses what the Web IDE shows")]
    assert plain is not None
    if js_error:
        return [Mismatch("", "parses", f"error: {js_error}")]
    out = []
    for key in ("opcode", "packet"):
        if plain[key] != view[key]:
            out.append(Mismatch(key, plain[key], view[key]))
    py_frame, js_frame = plain.get("frame") or {}, view.get("frame") or {}
    out += compare_fields(py_frame, js_frame, ("frame",))
    out += compare(plain["fields"], view["fields"], ("fields",))
    used = len(data) - len(bytes.fromhex(plain["trailing"]["hex"])) if "trailing" in plain \
        else len(data)
    if answer["end"] != used:
        out.append(Mismatch("(length)", used, answer["end"], "bytes read"))
    return out


def check_stream(runner: JsRunner, proto: Protocol, data: bytes) -> dict[str, list[Mismatch]]:
    """Read data with the protocol's stream spec in Python and in JavaScript; compare."""
    if proto.stream is None:
        raise PacketError("the protocol has no stream spec", protocol=proto.name)
    key = proto.stream["type"]
    registry = proto.registry
    io = Stream(data)
    try:
        obj = registry.cls(key, "ro")(io)
        plain, failure = PlainConverter(registry).convert(obj), None
    except Exception as exc:  # generated code: any failure is compared as a failure
        plain, failure = None, exc
    results = {}
    for form in FORMS:
        answer = runner.parse(form, class_name(key.split(":", 1)[0]), data)
        if failure is not None:
            results[form] = [] if not answer["ok"] else [
                Mismatch("", f"error: {failure}", "parses")]
        elif not answer["ok"]:
            results[form] = [Mismatch("", "parses", f"error: {answer['error']['message']}")]
        else:
            found = compare(plain, answer["tree"])
            if answer["end"] != io.pos():
                found.append(Mismatch("(length)", io.pos(), answer["end"], "bytes read"))
            results[form] = found
    return results


def report(proto: Protocol, label: str, packet: str | None,
           results: dict[str, list[Mismatch]]) -> str | None:
    """One message naming protocol, packet, vector and every differing field; None if none."""
    lines = [f"{form} bundle: {m}" for form, found in results.items() for m in found]
    if not lines:
        return None
    head = f"{proto.name} {packet or '?'} vector {label}: the Web IDE's JavaScript parse differs"
    return head + ":\n  " + "\n  ".join(lines)
