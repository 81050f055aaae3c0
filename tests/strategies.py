"""Hypothesis strategies for plain packet data, generated from the specs (the manifest).

Every field gets values of its kind and width: integers over their whole range (enum fields:
every member's name, and numbers outside the enum), bit fields, f4/f8 floats, text in the
field's encoding (within fixed sizes, without NUL where a terminator ends it), bytes, nested
objects, lists of 0..n items, every case of a switch (with its key set to match), and the
optional tail fields (`if: not _io.eof`) present or absent. Lengths, counts, constants,
switch keys and trailing `size-eos` bytes that the specs make derivable are left out, so
`build` has to fill them in.
"""

from __future__ import annotations

import codecs
from functools import lru_cache

from hypothesis import strategies as st

from pkttools.codec.builder import Builder
from pkttools.codec.tree import FieldSpec
from pkttools.model.expr import evaluate, parse_expr
from pkttools.model.registry import Protocol

MAX_ITEMS = 4
MAX_TEXT = 24


@lru_cache(maxsize=None)
def _alphabet(encoding: str, terminated: bool) -> tuple[str, ...] | None:
    """The characters of a single-byte encoding, or None for a multi-byte one."""
    name = codecs.lookup(encoding).name
    if name.startswith("utf"):
        return None
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode(encoding))
        except UnicodeDecodeError:
            continue
    return tuple(c for c in chars if not (terminated and c == "\x00"))


def _text(spec: FieldSpec) -> st.SearchStrategy:
    encoding = spec.encoding or "utf-8"
    alphabet = _alphabet(encoding, spec.terminated)
    chars = st.sampled_from(alphabet) if alphabet is not None else st.characters(
        blacklist_categories=("Cs",), blacklist_characters="\x00" if spec.terminated else "")
    fixed = spec.size if isinstance(spec.size, int) else None
    if fixed is not None and not spec.terminated:
        limit, exact = fixed, True
    else:
        limit, exact = (fixed if fixed is not None else MAX_TEXT), False
    text = st.text(chars, min_size=limit if exact and alphabet else 0, max_size=limit)
    return text.filter(lambda t: (len(t.encode(encoding)) == limit) if exact
                       else len(t.encode(encoding)) <= limit)


def _integer(spec: FieldSpec, builder: Builder) -> st.SearchStrategy:
    if spec.kind == "bits":
        if spec.width == 1:
            return st.booleans()
        lo, hi = 0, (1 << spec.width) - 1
    elif spec.signed:
        lo, hi = -(1 << (8 * spec.width - 1)), (1 << (8 * spec.width - 1)) - 1
    else:
        lo, hi = 0, (1 << (8 * spec.width)) - 1
    valid = spec.attr.get("valid")
    if isinstance(valid, dict):
        lo = max(lo, valid.get("min", lo)) if isinstance(valid.get("min"), int) else lo
        hi = min(hi, valid.get("max", hi)) if isinstance(valid.get("max"), int) else hi
    numbers = st.integers(lo, hi)
    if spec.enum is None:
        return numbers
    names = [item["id"] for item in builder.registry.enums[spec.enum]["values"].values()]
    return st.one_of(st.sampled_from(names), numbers)


def _value(spec: FieldSpec, builder: Builder, depth: int) -> st.SearchStrategy:
    if spec.kind == "struct":
        one = type_data(builder, spec.type_key, depth + 1)
    elif spec.kind in ("int", "bits"):
        one = _integer(spec, builder)
    elif spec.kind == "float":
        one = st.floats(width=32 if spec.width == 4 else 64, allow_nan=False)
    elif spec.kind == "str":
        one = _text(spec)
    elif spec.kind == "bytes":
        if isinstance(spec.size, int):
            one = st.binary(min_size=spec.size, max_size=spec.size)
        else:
            one = st.binary(max_size=MAX_TEXT)
        one = one.map(bytes.hex)
    else:
        raise ValueError(f"no strategy for {spec.id} ({spec.kind})")
    if spec.repeat:
        count = spec.attr.get("repeat-expr")
        if isinstance(count, int):
            return st.lists(one, min_size=count, max_size=count)
        return st.lists(one, max_size=MAX_ITEMS)
    return one


def type_data(builder: Builder, key: str, depth: int = 0,
              omit: frozenset = frozenset()) -> st.SearchStrategy:
    """Plain data for one object of a type, leaving out derivable fields and `omit` paths."""
    specs = builder.field_specs(key)
    omit = omit | frozenset(builder.derivable_paths(key))
    derivable = {path[0] for path in omit if len(path) == 1}

    @st.composite
    def draw(draw_):
        data = {}
        tail = [s for s in specs if s.optional and "_io" in str(s.attr["if"])]
        present_tail = draw_(st.integers(0, len(tail))) if tail else 0
        for spec in specs:
            if spec.kind == "contents" or spec.id in derivable:
                continue
            if spec is specs[-1] and spec.kind == "bytes" and spec.attr.get("size-eos"):
                continue  # trailing bytes: build fills them (zeros up to the field's size)
            if spec.optional:
                if spec not in tail or tail.index(spec) >= present_tail:
                    continue
            if spec.kind == "switch":
                cases = [(c, t) for c, t in spec.cases.items() if c != "_" and t is not None]
                case, type_key = draw_(st.sampled_from(sorted(cases)))
                data[spec.id] = draw_(type_data(builder, type_key, depth + 1))
                key_field = str(spec.switch_on)
                if key_field.isidentifier():
                    data[key_field] = _case_key(builder, key, case)
                continue
            if spec.kind == "struct" and not spec.repeat:
                inner = frozenset(p[1:] for p in omit if len(p) > 1 and p[0] == spec.id)
                child = type_data(builder, spec.type_key, depth + 1, inner)
                if isinstance(spec.size, int):  # a fixed-size field: the content must fit
                    child = child.filter(lambda d, s=spec: _fits(builder, s, d))
                data[spec.id] = draw_(child)
                continue
            data[spec.id] = draw_(_value(spec, builder, depth))
        return data

    return draw()


def _fits(builder: Builder, spec: FieldSpec, data: dict) -> bool:
    """Whether generated data for a sub-object fits the fixed size of its field."""
    try:
        node = builder.node(spec.type_key, data, None, ())
    except Exception:
        return True  # not ours to judge: build reports it
    return node.measure() <= spec.size


def _case_key(builder: Builder, key: str, case: str):
    tree = parse_expr(case)
    label = getattr(tree, "label", None)
    if label is not None:
        return label
    return evaluate(tree, None)


def packet_data(proto: Protocol, packet: str) -> st.SearchStrategy:
    """A whole packet as `build` takes it: packet name, frame fields and body fields."""
    builder = Builder(proto)
    ptype = proto.packet(packet)
    # The dispatcher minus its body is the frame; the opcode comes from the packet name.
    omit = frozenset({tuple(proto.opcode_field.split("."))})

    @st.composite
    def draw(draw_):
        frame = draw_(type_data(builder, proto.type_key, 0, omit))
        frame.pop(proto.body_field, None)
        frame.pop(proto.opcode_field, None)
        fields = draw_(type_data(builder, ptype.type_key))
        data = {"packet": packet, "fields": fields}
        if frame:
            data["frame"] = frame
        return data

    return draw()
