"""The last phase of a compiled writer: its fields as bytes, the way the read-write classes
write them.

Fields follow each other as Kaitai's writer puts them: fixed-width numbers, fixed-size text and
bytes, arrays of a fixed count of them, and bit fields (shifted into whole bytes, first field in
the low bits for `bit-endian: le`, in the high bits for `be`, an unfinished byte padded with
zeros as `write_align_to_byte` pads it) become runs packed by one precompiled `struct.Struct`;
text and bytes of computed size are padded with zeros (terminator 0, then padding 0, as
`write_bytes_limit` writes them), text without size gets its NUL; sub-objects written by their
own functions come as bytes, zero-padded to the size of their field; fields present only while
bytes are left (`if: not _io.eof`) are written when given.
"""

from __future__ import annotations

from typing import Any

from .writerexpr import Scope, Slot, Unsupported

_CODES = {("int", 1, False): "B", ("int", 1, True): "b", ("int", 2, False): "H",
          ("int", 2, True): "h", ("int", 4, False): "I", ("int", 4, True): "i",
          ("int", 8, False): "Q", ("int", 8, True): "q", ("float", 4, False): "f",
          ("float", 8, False): "d"}
_WORDS = {1: "B", 2: "H", 4: "I", 8: "Q"}
MAX_PADDING = 1 << 24  # a given size beyond this takes the general builder


class Emitter:
    """Turns a unit's slots into the code that returns its bytes."""

    def __init__(self, src: Any, function: Any, top: Scope, root: bool):
        self.src, self.f, self.top, self.root = src, function, top, root
        self.pieces: list[Any] = []  # ("s", code, order, arg) | ("raw", expr) | ("if", var, [])
        self.bits: list[tuple[str, int]] = []
        self.bit_order = ""

    def emit(self) -> None:
        tail = self.top.tail_room
        slots = list(self.top.slots.values())
        for slot in slots[:-1] if tail else slots:
            self.slot(self.top, slot, self.pieces)
        self.flush(self.pieces, at_end=True)
        head = self.assemble(self.pieces, "head" if tail else None)
        if tail:
            last = slots[-1].var
            self.f.add(f"if {last} is _M:")
            self.f.add(f"    {last} = b'' if room is None else bytes(max(0, room - len(head)))")
            self.f.add(f"return head + {last}")
        else:
            self.f.add(f"return {head}")

    # -- fields -> pieces -----------------------------------------------------------------------
    def slot(self, scope: Scope, slot: Slot, out: list) -> None:
        spec, v = slot.spec, slot.var
        if slot.child is not None:
            for sub in slot.child.slots.values():
                self.slot(slot.child, sub, out)
            return
        if spec.optional:
            self.flush(out, at_end=False)
            inner: list = []
            self.one(scope, slot, inner)
            self.flush(inner, at_end=True)
            out.append(("if", v, inner))
            return
        self.one(scope, slot, out)

    def one(self, scope: Scope, slot: Slot, out: list) -> None:
        spec, v, kind = slot.spec, slot.var, slot.spec.kind
        meta = self.meta(scope.key)
        if kind == "bits":
            if spec.repeat:
                raise Unsupported(f"{spec.id}: an array of bit fields")
            order = spec.attr["type"][-2:] if spec.attr["type"].endswith(("le", "be")) \
                else meta.get("bit-endian", "be")
            if self.bits and order != self.bit_order:
                raise Unsupported(f"{spec.id}: bit order changes within a run")
            self.bit_order = order
            self.bits.append((v, spec.width))
            return
        self.flush(out, at_end=False)
        if slot.unit:
            self.unit(scope, slot, out)
            return
        code = _CODES.get((kind, spec.width, spec.signed if kind == "int" else False))
        if code is not None and spec.size is None:
            order = self.order(spec, meta)
            if spec.repeat:
                count = spec.attr["repeat-expr"]
                if isinstance(count, int):
                    out.append(("s", code * count, order, f"*{v}"))
                else:
                    prefix = "<" if order != "be" else ">"
                    out.append(("raw", f"_PACK(f'{prefix}{{len({v})}}{code}', *{v})"))
            else:
                out.append(("s", code, order, v))
            return
        if kind == "contents":
            out.append(("s", f"{len(spec.contents)}s", None, v))
            return
        if kind not in ("str", "bytes"):
            raise Unsupported(f"{spec.id}: {kind}")
        size = spec.size
        if spec.repeat:
            if not isinstance(size, int) and not (kind == "str" and spec.terminated
                                                  and size is None):
                raise Unsupported(f"{spec.id}: an array of text or bytes of computed size")
            count = spec.attr["repeat-expr"]
            if isinstance(size, int) and isinstance(count, int):
                out.append(("s", f"{size}s" * count, None, f"*{v}"))
            elif isinstance(size, int):
                out.append(("raw", f"b''.join([e.ljust({size}, b'\\0') for e in {v}])"))
            else:
                out.append(("raw", f"b''.join([e + b'\\0' for e in {v}])"))
            return
        if isinstance(size, int):
            out.append(("s", f"{size}s", None, v))  # zero-padded: terminator 0, padding 0
        elif isinstance(size, str):
            if kind == "str" and spec.terminated:
                out.append(("raw", f"_pad({v}, {self.size_code(scope, size)})"))
            else:
                out.append(("raw", v))  # exactly its size: the length was derived or checked
        elif spec.attr.get("size-eos"):
            out.append(("raw", v))  # the end of the stream: the container pads or checks
        elif kind == "str" and spec.terminated:
            out.append(("raw", f"{v} + b'\\0'"))
        else:
            raise Unsupported(f"{spec.id}: {kind} without a size")

    def unit(self, scope: Scope, slot: Slot, out: list) -> None:
        spec, v = slot.spec, slot.var
        if spec.repeat:
            out.append(("raw", f"b''.join({v})"))
        elif isinstance(spec.size, int):
            out.append(("raw", f"{v}.ljust({spec.size}, b'\\0')"))
        elif isinstance(spec.size, str):
            size = self.size_code(scope, spec.size)
            types = [slot.case_key] if slot.case_key else [spec.type_key] if spec.cases is None \
                else [t for t in spec.cases.values() if t]
            if any(fills(self.src.builder, t) for t in types):
                out.append(("raw", f"_exactly({v}, {size})"))
            else:
                out.append(("raw", f"_pad({v}, {size})"))
        else:
            out.append(("raw", v))

    def size_code(self, scope: Scope, size: str) -> str:
        return self.src.translator.code(size, scope).text

    def order(self, spec: Any, meta: dict) -> str | None:
        if spec.width == 1:
            return None
        kind = spec.attr["type"]
        order = kind[-2:] if kind.endswith(("le", "be")) else meta.get("endian")
        if order not in ("le", "be"):
            raise Unsupported(f"{spec.id}: byte order {order!r}")
        return order

    def meta(self, key: str) -> dict:
        registry = self.src.registry
        return registry.specs[registry.types[key]["spec"]]["meta"]

    def flush(self, out: list, at_end: bool) -> None:
        """The bit fields collected so far as whole bytes."""
        if not self.bits:
            return
        total = sum(w for _, w in self.bits)
        nbytes = -(-total // 8)
        terms, shift = [], 0
        if self.bit_order == "le":
            for var, width in self.bits:
                terms.append(f"{var} << {shift}" if shift else var)
                shift += width
        else:
            shift = 8 * nbytes
            for var, width in self.bits:
                shift -= width
                terms.append(f"{var} << {shift}" if shift else var)
        value = " | ".join(f"({t})" for t in terms)
        if at_end and total % 8:
            raise Unsupported("bit fields that end between bytes")
        self.bits = []
        word = _WORDS.get(nbytes)
        if word is not None:
            out.append(("s", word, None if nbytes == 1 else self.bit_order, f"({value})"))
        else:
            little = "little" if self.bit_order == "le" else "big"
            out.append(("raw", f"({value}).to_bytes({nbytes}, {little!r})"))

    # -- pieces -> code -------------------------------------------------------------------------
    def assemble(self, pieces: list, name: str | None) -> str:
        """Code for the bytes of `pieces`: the expression, or, when some pieces are
        conditional (or `name` is given), statements that leave it in `name`."""
        exprs = self.merge(pieces)
        if not any(kind == "if" for kind, *_ in exprs):
            joined = _join([piece[1] for piece in exprs])
            if name is None:
                return joined
            self.f.add(f"{name} = {joined}")
            return name
        name = name or "out"
        leading = []
        for piece in exprs:
            if piece[0] != "x":
                break
            leading.append(piece[1])
        self.f.add(f"{name}_ = [{', '.join(leading)}]")
        for piece in exprs[len(leading):]:
            if piece[0] == "x":
                self.f.add(f"{name}_.append({piece[1]})")
                continue
            self.f.add(f"if {piece[1]} is not _M:")
            for inner in self.merge(piece[2]):
                self.f.add(f"    {name}_.append({inner[1]})")
        self.f.add(f"{name} = b''.join({name}_)")
        return name

    def merge(self, pieces: list) -> list:
        """Consecutive struct pieces of one byte order as one precompiled Struct."""
        out: list = []
        run: list = []
        order = None

        def close() -> None:
            nonlocal run, order
            if run:
                fmt = ("<" if order != "be" else ">") + "".join(p[1] for p in run)
                packer = self.src.packer(fmt)
                out.append(("x", f"{packer}.pack({', '.join(p[3] for p in run)})"))
            run, order = [], None

        for piece in pieces:
            if piece[0] == "s":
                if piece[2] is not None and order is not None and piece[2] != order:
                    close()
                run.append(piece)
                order = order or piece[2]
                continue
            close()
            out.append(("x", piece[1]) if piece[0] == "raw" else piece)
        close()
        return out


def _join(exprs: list[str]) -> str:
    if not exprs:
        return "b''"
    if len(exprs) == 1:
        return exprs[0]
    if len(exprs) == 2:
        return f"{exprs[0]} + {exprs[1]}"
    return f"b''.join(({', '.join(exprs)}))"


# -- what a type's last field means for the stream it ends ----------------------------------------
def trailing_bytes(b: Any, key: str) -> bool:
    """Whether a type ends in `size-eos` bytes the builder fills in when they are left out
    (Builder.fill_tail)."""
    specs = b.field_specs(key)
    last = specs[-1] if specs else None
    return last is not None and last.kind == "bytes" and bool(last.attr.get("size-eos")) \
        and not last.repeat


def fills(b: Any, key: str) -> bool:
    """Whether a type's content must fill its stream exactly: it ends in a `size-eos` field
    written as it is (bytes, or text without a terminator), which the read-write class checks."""
    specs = b.field_specs(key)
    if not specs:
        return False
    last = specs[-1]
    if last.kind == "struct" and not last.repeat and last.size is None and not last.optional:
        return fills(b, last.type_key)
    return bool(last.attr.get("size-eos")) and (
        last.kind == "bytes" or (last.kind == "str" and not last.terminated))


def absorbs(b: Any, key: str) -> bool | None:
    """Node.absorbs_padding, known from the type alone (None: it depends on the data)."""
    specs = b.field_specs(key)
    if not specs:
        return False
    last = specs[-1]
    if last.optional:
        return None
    if last.kind == "struct" and not last.repeat and last.size is None:
        return absorbs(b, last.type_key)
    return last.kind == "str" and bool(last.attr.get("size-eos")) and last.terminated
