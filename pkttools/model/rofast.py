"""A post-pass over the compiler's read-only Python classes: the same reads, fewer calls.

The generated code reads each field with its own call (`self._io.read_u4le()`), resolves each
enum through the IntEnum constructor, and creates every object through `super().__init__`.
This pass rewrites, line by line and only where the pattern is exact:

- runs of fixed-width reads at one indentation (integers, floats, constant-size byte strings,
  enums of integers) into one `self._io.read_struct(<struct.Struct>)` and a tuple assignment;
- arrays of fixed-width numbers read one by one into one `self._io.read_array(fmt, count)`;
- `KaitaiStream.resolve_enum(E, v)` into a dict lookup (`E._value2member_map_`, named once at
  the end of the module), which gives the member, or the number when it is not in the enum,
  as the runtime does;
- a switch's `_on == E.member` into `_on == <that member, named once at the end of the
  module>`: the same object, without two attribute lookups per case tried;
- `KaitaiStream(BytesIO(raw))` (the stream of a sized field) into `self._io.child(raw)`;
- `super(C, self).__init__(_io)` into `self._io = _io` (all that KaitaiStruct.__init__ does);
- `KaitaiStream.byte_array_index(self.x, n)` into `self.x[n]` (what it returns on Python 3),
  and `KaitaiStream.bytes_terminate(raw, t, False)` into `(raw).partition(<byte t>)[0]` (the
  bytes before the first t, or all of them: what it returns, in one call instead of four);
- `(raw).decode(u"ENC")` of a codec Python has no fast path for (all but UTF-8, ASCII,
  Latin-1) into a call of that codec's decoder, looked up once: str.decode looks the codec up
  by name on every call, which costs more than decoding a short name.

The result runs on pkttools' streams (codec/faststream.py), which answer `read_struct` and
`child` fast; the module also teaches the runtime's KaitaiStream those two reads (adding two
methods, changing none), so `from_bytes` and any KaitaiStream still run the classes. Errors are still explained by re-parsing with the untouched debug classes, so their
messages do not change. PKTTOOLS_FAST=0 (or =-unpack) at build time leaves the compiler's
code as it is.
Standard library only: build.py runs it.
"""

from __future__ import annotations

import codecs
import re

from .. import fastpaths

_FORMATS = {"u1": "B", "s1": "b", "u2": "H", "s2": "h", "u4": "I", "s4": "i", "u8": "Q",
            "s8": "q", "f4": "f", "f8": "d"}
_READ = re.compile(
    r"^(?P<indent>\s*)self\.(?P<name>\w+) = (?:KaitaiStream\.resolve_enum\((?P<enum>[\w.]+), )?"
    r"self\._io\.read_(?:(?P<kind>[us][1248]|f[48])(?P<order>le|be)?\(\)|"
    r"bytes\((?P<size>\d+)\))(?(enum)\))$")
_ENUM = re.compile(r"KaitaiStream\.resolve_enum\(([\w.]+), ")
# `self.x = []`, `for i in range(COUNT):`, `self.x.append(self._io.read_T())`: an array of
# fixed-width numbers, read at once
_LIST = re.compile(r"^(?P<indent>\s*)self\.(?P<name>\w+) = \[\]$")
_LOOP = re.compile(r"^(?P<indent>\s*)for i in range\((?P<count>.+)\):$")
_SUBSTREAM = re.compile(r"KaitaiStream\(BytesIO\((self\._raw_\w+)\)\)")
_SUPER = re.compile(r"^(\s*)super\([\w.]+, self\)\.__init__\(_io\)$")
_TERMINATE = re.compile(r"KaitaiStream\.bytes_terminate\(")
_CASE = re.compile(r"^(\s*(?:el)?if _on == )([A-Za-z_]\w*(?:\.\w+)+):$")
_INDEX = re.compile(r"KaitaiStream\.byte_array_index\((self\.\w+), (\d+)\)")
_DECODE = re.compile(r'\)\.decode\(u"(?P<enc>[\w.:-]+)"\)')
_IMPORTS_END = "from enum import IntEnum\n"


def enabled() -> bool:
    """Whether build.py applies this pass (the `unpack` fast path of PKTTOOLS_FAST)."""
    return fastpaths.enabled("unpack")


def transform(source: str) -> str:
    """The read-only module's source with its reads merged (see the module doc)."""
    lines = source.split("\n")
    out: list[str] = []
    structs: dict[str, str] = {}
    aliases: dict[str, str] = {}
    i = 0
    while i < len(lines):
        array = _array_at(lines, i)
        if array is not None:
            out.append(array)
            i += 3
            continue
        run = _run_at(lines, i)
        if len(run) >= 2:
            out.extend(_merged(run, structs, aliases))
            i += len(run)
            continue
        out.append(_line(lines[i], aliases))
        i += 1
    text = _decoders("\n".join(out), structs)
    if aliases:  # read as globals by the methods above, once the classes exist
        text = text.rstrip("\n") + "\n\n\n" + "\n".join(
            f"{name} = {expr}" for expr, name in aliases.items()) + "\n"
    header = ["import codecs as _pkttools_codecs", "import struct as _pkttools_struct",
              "def _pkttools_enum(e, v):",
              "    return e._value2member_map_.get(v, v)",
              "# The runtime's own stream can run these classes too (from_bytes, a KaitaiStream):",
              "# it learns the two reads pkttools' streams answer faster.",
              "if not hasattr(KaitaiStream, 'read_struct'):",
              "    KaitaiStream.read_struct = lambda self, fmt: fmt.unpack(self.read_bytes(fmt.size))",
              "    KaitaiStream.child = lambda self, data: KaitaiStream(BytesIO(data))",
              "    KaitaiStream.read_array = lambda self, fmt, n: [] if n <= 0 else list(",
              "        _pkttools_struct.unpack(fmt[0] + str(n) + fmt[1:],",
              "                                self.read_bytes(n * _pkttools_struct.calcsize(fmt))))"]
    header += [f"{name} = _pkttools_struct.Struct({fmt!r})" if not fmt.startswith("codec:")
               else f"{name} = _pkttools_codecs.getdecoder({fmt[6:]!r})"
               for fmt, name in structs.items()]
    marker = "from kaitaistruct import KaitaiStruct, KaitaiStream, BytesIO\n"
    if marker not in text:
        return source  # not the shape this pass knows: leave the module as the compiler wrote it
    return text.replace(marker, marker + "\n".join(header) + "\n", 1)


def _line(line: str, aliases: dict[str, str]) -> str:
    line = _resolve_enums(line, aliases)
    line = _terminated(line, aliases)
    line = _SUBSTREAM.sub(r"self._io.child(\1)", line)
    line = _INDEX.sub(r"\1[\2]", line)
    case = _CASE.match(line)
    if case:
        line = case[1] + _alias(aliases, case[2]) + ":"
    return _SUPER.sub(r"\1self._io = _io", line)


def _alias(aliases: dict[str, str], expr: str) -> str:
    return aliases.setdefault(expr, f"_PKTTOOLS_A{len(aliases)}")


def _resolve_enums(line: str, aliases: dict[str, str]) -> str:
    """`KaitaiStream.resolve_enum(E, x)` -> `<E's value map>.get(_pkttools_v := x, _pkttools_v)`
    where the call's end is found; `_pkttools_enum(E, x)` (the same lookup) elsewhere."""
    out, pos = [], 0
    for m in _ENUM.finditer(line):
        if m.start() < pos:
            continue
        end = _matching(line, line.index("(", m.start()), 1)
        if end is None:
            out += [line[pos:m.start()], f"_pkttools_enum({m[1]}, "]
            pos = m.end()
            continue
        table = _alias(aliases, f"{m[1]}._value2member_map_")
        value = _resolve_enums(line[m.end():end], aliases)
        out += [line[pos:m.start()], f"{table}.get(_pkttools_v := {value}, _pkttools_v)"]
        pos = end + 1
    return "".join(out) + line[pos:]


def _terminated(line: str, aliases: dict[str, str]) -> str:
    """`KaitaiStream.bytes_terminate(raw, t, False)` -> `(raw).partition(<the byte t, named
    at the end of the module>)[0]`."""
    out, pos = [], 0
    for m in _TERMINATE.finditer(line):
        if m.start() < pos:
            continue
        end = _matching(line, m.end() - 1, 1)
        args = _arguments(line[m.end():end]) if end is not None else None
        if args is None or len(args) != 3 or args[2] != "False" or not args[1].isdigit() \
                or int(args[1]) > 255:
            continue
        raw = _terminated(args[0], aliases)
        term = _alias(aliases, repr(bytes((int(args[1]),))))
        out += [line[pos:m.start()], f"({raw}).partition({term})[0]"]
        pos = end + 1
    return "".join(out) + line[pos:]


def _arguments(text: str) -> list[str] | None:
    """A call's arguments split at its top-level commas (None where a string is among them)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "\"'":
            return None
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    return parts + [text[start:].strip()]


def _matching(text: str, at: int, step: int) -> int | None:
    """The index of the parenthesis that matches the one at `at`: scanning forward from a
    "(" (step 1) or back from a ")" (step -1), within one line; None across a string."""
    depth, i = 0, at
    while 0 <= i < len(text):
        ch = text[i]
        if ch in "\n\"'":
            return None
        if ch in "()":
            depth += 1 if (ch == "(") == (step == 1) else -1
            if depth == 0:
                return i
        i += step
    return None


def _decoders(text: str, names: dict[str, str]) -> str:
    """`(raw).decode(u"ENC")` -> `_PKTTOOLS_Dn(raw)[0]` for the codecs without a fast path."""
    out, pos = [], 0
    for m in _DECODE.finditer(text):
        if m.start() < pos or _fast_codec(m["enc"]):
            continue
        start = _matching(text, m.start(), -1)  # the "(" of the ")" before .decode
        if start is None:
            continue
        name = names.setdefault(f"codec:{m['enc']}", f"_PKTTOOLS_D{len(names)}")
        out += [text[pos:start], f"{name}{text[start:m.start() + 1]}[0]"]
        pos = m.end()
    return "".join(out) + text[pos:]


def _fast_codec(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in ("utf-8", "ascii", "iso8859-1")
    except LookupError:
        return True  # an unknown codec: str.decode says so, as it did


def _array_at(lines: list[str], start: int) -> str | None:
    """An array of fixed-width numbers read one by one, as one `read_array` (or None)."""
    head = _LIST.match(lines[start])
    loop = _LOOP.match(lines[start + 1]) if head and start + 2 < len(lines) else None
    if loop is None or loop["indent"] != head["indent"]:
        return None
    body = re.fullmatch(rf"\s*self\.{head['name']}\.append\(self\._io\.read_"
                        r"(?P<kind>[us][1248]|f[48])(?P<order>le|be)?\(\)\)", lines[start + 2])
    if body is None:
        return None
    fmt = ("<" if body["order"] != "be" else ">") + _FORMATS[body["kind"]]
    return (f"{head['indent']}self.{head['name']} = self._io.read_array({fmt!r}, "
            f"{loop['count']})")


def _run_at(lines: list[str], start: int) -> list[re.Match]:
    """The fixed-width reads that follow each other from `start`, at one indentation and in
    one byte order."""
    run: list[re.Match] = []
    order = None
    for line in lines[start:]:
        m = _READ.match(line)
        if m is None or (run and m["indent"] != run[0]["indent"]):
            break
        if m["order"]:
            if order is not None and m["order"] != order:
                break
            order = m["order"]
        run.append(m)
    return run


def _merged(run: list[re.Match], structs: dict[str, str], aliases: dict[str, str]
            ) -> list[str]:
    order = next((m["order"] for m in run if m["order"]), "le")
    fmt = ("<" if order == "le" else ">") + "".join(
        f"{m['size']}s" if m["size"] else _FORMATS[m["kind"]] for m in run)
    name = structs.setdefault(fmt, f"_PKTTOOLS_S{len(structs)}")
    indent = run[0]["indent"]
    targets = [f"_v{n}" if m["enum"] else f"self.{m['name']}" for n, m in enumerate(run)]
    out = [f"{indent}({', '.join(targets)},) = self._io.read_struct({name})"]
    for n, m in enumerate(run):
        if m["enum"]:
            table = _alias(aliases, f"{m['enum']}._value2member_map_")
            out.append(f"{indent}self.{m['name']} = {table}.get(_v{n}, _v{n})")
    return out
