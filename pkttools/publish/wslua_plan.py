"""What the Wireshark generator plans for each type before it writes Lua: the ProtoField each
field needs (`ProtoSpec`), the entries of a type's field set (`Slot`, `TypePlan`), what the
protocols make special (`Roles`), and the spec constructs it leaves out (`Note`).

wslua_types.py and wslua_bits.py fill these in; wslua_fields.py turns a plan into ProtoFields
and field sets.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ProtoSpec:
    """What ProtoField a field needs (its abbreviation comes from the path it is used at)."""

    ftype: str  # ProtoField constructor: uint16, int32, bool, string, bytes, none, float, ...
    base: str | None = None  # base.DEC, base.HEX, ...; bool: the container's bits
    enum: str | None = None  # enum key: a value string
    mask: int | None = None
    doc: str | None = None

    def signature(self) -> tuple:
        return (self.ftype, self.base, self.enum, self.mask)


@dataclass
class Slot:
    """One entry of a type's field set (`fs[index]`): a seq field or, under `instances`, a
    value instance. A struct needs a subtree field and the field set of its type (`sub`); a
    switch one entry per case; `inline` a type whose fields join the parent's level."""

    index: int
    fid: str
    proto: ProtoSpec | None = None
    sub: str | None = None  # type key of a user type
    cases: list["Slot"] = field(default_factory=list)
    raw: ProtoSpec | None = None  # a sized switch without a matching case: its bytes
    inline: bool = False
    dispatch: bool = False  # the protocol's body switch: cases named by packet


@dataclass
class TypePlan:
    key: str
    slots: list[Slot] = field(default_factory=list)
    instances: list[Slot] = field(default_factory=list)


@dataclass(frozen=True)
class Note:
    """A spec construct the dissector does not translate: where, and why."""

    type_key: str
    fid: str
    reason: str

    def __str__(self) -> str:
        spec, qual = self.type_key.split(":", 1)
        return f"{spec} {qual}.{self.fid}: {self.reason}"


@dataclass
class Roles:
    """What the protocols make special: the dispatchers' body switches (type key -> field
    id), the bodies of length-prefixed frames (frame type -> body field id), the opcode fields
    (shown in hex), and the dispatchers, whose fields sit at the PDU's own level."""

    bodies: dict[str, str] = field(default_factory=dict)
    frame_bodies: dict[str, str] = field(default_factory=dict)
    opcodes: set[tuple[str, str]] = field(default_factory=set)
    dispatchers: set[str] = field(default_factory=set)
    untils: dict[str, str] = field(default_factory=dict)  # dispatcher/frame -> until expr
