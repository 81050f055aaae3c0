"""ProtoFields of one service and the field sets that hand them to the type functions.

A field's display filter name is its path: the service (`tmw_login`), the packet
(`login_error`), then the field ids of the plain data (`code`, `char_servers.ip`), so
`tmw_login.login_error.code` is what `pkttools.parse(...).to_dict()` calls
`fields["code"]`. A switch adds no level (as in plain data); a dispatcher's own fields and a
frame's header sit under the service (`flyff_cluster.dpid`,
`flyff_cluster.frame.header.len_body`). Both directions share one namespace: a path used by
both is one filter name when its Wireshark types filter alike (integers of any width and sign);
where they do not (a string and an integer), the later one gets its type as a suffix and
`renamed` says so.

A field set is the Lua table a type function reads its ProtoFields from, in the order of the
type's plan (wslua_types.py): `fs[i]` a ProtoField, `{ProtoField, sub field set}` for a user
type, one such entry per case for a switch, `fs.i[j]` for value instances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .wslua_expr import lua_string
from .wslua_plan import ProtoSpec, Slot
from .wslua_types import TypeGen


def blurb(doc: str | None, limit: int = 300) -> str:
    """A field's description for Wireshark: its doc on one line, shortened."""
    text = re.sub(r"\s+", " ", doc or "").strip()
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "..."


@dataclass
class PathMap:
    """(protocol, context, dotted plain-data path) -> display filter name, for the
    conformance check. Context: `packet:<name>`, `dispatcher`, `frame`, `prologue`."""

    names: dict[tuple[str, str, str], list[tuple[str, str]]] = field(default_factory=dict)

    def add(self, protocol: str, context: str, path: tuple[str, ...], abbrev: str,
            ftype: str) -> None:
        found = self.names.setdefault((protocol, context, ".".join(path)), [])
        if (abbrev, ftype) not in found:
            found.append((abbrev, ftype))

    def all(self, protocol: str, context: str,
            path: tuple[str, ...] | str) -> list[tuple[str, str]]:
        """Every (filter name, ProtoField type) a path can have: one, or one per shape of a
        switch (a case's type, its raw bytes when no case matches)."""
        dotted = path if isinstance(path, str) else ".".join(path)
        return self.names.get((protocol, context, dotted), [])

    def get(self, protocol: str, context: str,
            path: tuple[str, ...] | str) -> tuple[str, str] | None:
        """The first (filter name, ProtoField type) of a path, or None."""
        found = self.all(protocol, context, path)
        return found[0] if found else None


def _family(ftype: str) -> str:
    """Fields of one filter name must filter alike: integers of any width and sign do (tshark
    compares the value), a string and an integer do not."""
    return "integer" if ftype.startswith(("uint", "int")) else ftype


class ServiceFields:
    """The ProtoFields (`F[n]`) and field sets (`FS[n]`) of one service."""

    def __init__(self, abbr: str, types: TypeGen, paths: PathMap):
        self.abbr = abbr
        self.types = types
        self.paths = paths
        self.decls: list[str] = []
        self.sets: list[str] = []
        self.renamed: list[str] = []
        self._known: dict[str, list[tuple[tuple, str]]] = {}
        self._sets: dict[tuple, str] = {}
        self._ftype_of: dict[str, str] = {}
        self.abbrev_of: dict[str, str] = {}  # F[n] -> its filter name

    # -- ProtoFields -----------------------------------------------------------------------------
    def field(self, abbrev: str, name: str, spec: ProtoSpec) -> str:
        """The ProtoField of `abbrev` with `spec`: shared when the same one exists; a name
        already used with another Wireshark type gets the type as a suffix."""
        taken = self._ftype_of.get(abbrev)
        if taken is not None and _family(taken) != _family(spec.ftype):
            renamed = f"{abbrev}_{spec.ftype}"
            if renamed not in self._ftype_of or self._ftype_of[renamed] == spec.ftype:
                self.renamed.append(f"{abbrev} ({spec.ftype}) is {renamed}: {abbrev} is a "
                                    f"{taken} elsewhere")
                return self.field(renamed, name, spec)
            return self.field(f"{abbrev}_{len(self.decls)}", name, spec)
        for signature, ref in self._known.get(abbrev, []):
            if signature == spec.signature():
                return ref
        ref = f"F[{len(self.decls) + 1}]"
        self.abbrev_of[ref] = abbrev
        self._ftype_of[abbrev] = spec.ftype
        self._known.setdefault(abbrev, []).append((spec.signature(), ref))
        self.decls.append(f"{ref} = {self._constructor(abbrev, name, spec)}")
        return ref

    @staticmethod
    def _constructor(abbrev: str, name: str, spec: ProtoSpec) -> str:
        args = [lua_string(abbrev), lua_string(name)]
        vs = f"VS[{lua_string(spec.enum)}]" if spec.enum else "nil"
        mask = str(spec.mask) if spec.mask is not None else "nil"
        desc = lua_string(blurb(spec.doc))
        kind = spec.ftype
        if kind.startswith(("uint", "int")):
            args += [spec.base or "base.DEC", vs, mask, desc]
        elif kind == "bool":
            args += [spec.base or "base.NONE", "nil", mask, desc]
        elif kind in ("float", "double"):
            args += ["nil", desc]
        elif kind == "string":
            args += ["base.UNICODE", desc]
        elif kind == "bytes":
            args += ["base.NONE", desc]
        elif kind == "none":
            args += [desc]
        else:
            raise ValueError(f"no ProtoField constructor for {kind}")
        return f"ProtoField.{kind}({', '.join(args)})"

    # -- field sets ------------------------------------------------------------------------------
    def fieldset(self, type_key: str, prefix: str, protocol: str, context: str,
                 packets: dict[str, str] | None = None, path: tuple[str, ...] = (),
                 stack: tuple[str, ...] = ()) -> str:
        """The field set of `type_key` used at `prefix` (the filter name of its parent);
        `packets` names the cases of a dispatcher's body switch (type key -> packet)."""
        plan = self.types.plan(type_key)
        if type_key in stack:
            return '"recursive"'
        stack = stack + (type_key,)
        entries = []
        for slot in plan.slots:
            entries.append(self._entry(slot, prefix, protocol, context, packets, path, stack))
        instances = []
        for slot in plan.instances:
            ref = self.field(f"{prefix}.{slot.fid}", slot.fid, slot.proto)
            self.record(protocol, context, path + (slot.fid,), ref, slot.proto)
            instances.append(ref)
        body = entries + ([f"i = {{{', '.join(instances)}}}"] if instances else [])
        text = "{" + ", ".join(body) + "}"
        ref = self._sets.get(text)
        if ref is None:
            ref = f"FS[{len(self.sets) + 1}]"
            self._sets[text] = ref
            self.sets.append(f"{ref} = {text}")
        return ref

    def record(self, protocol: str, context: str, path: tuple[str, ...], ref: str,
               spec: ProtoSpec) -> None:
        self.paths.add(protocol, context, path, self.abbrev_of[ref], spec.ftype)

    def _entry(self, slot: Slot, prefix: str, protocol: str, context: str,
               packets: dict[str, str] | None, path: tuple[str, ...],
               stack: tuple[str, ...]) -> str:
        abbrev = f"{prefix}.{slot.fid}"
        here = path + (slot.fid,)
        if slot.inline:
            # a dispatcher inside a frame: its fields are the PDU's, under the service
            sub = self.fieldset(slot.sub, self.abbr, protocol, "dispatcher", packets, (),
                                stack)
            return f"{{false, {sub}}}"
        if slot.cases or slot.dispatch:
            cases = []
            for case in slot.cases:
                cases.append(self._case(slot, case, abbrev, protocol, context, packets, here,
                                        stack))
            if slot.raw is not None:
                ref = self.field(abbrev + "_raw", slot.fid, slot.raw)
                self.record(protocol, context, here, ref, slot.raw)
                cases.append(f"raw = {ref}")
            return "{" + ", ".join(cases) + "}"
        if slot.proto is None:
            return "false"
        return self._leaf(slot, abbrev, protocol, context, here, stack)

    def _leaf(self, slot: Slot, abbrev: str, protocol: str, context: str,
              here: tuple[str, ...], stack: tuple[str, ...]) -> str:
        """A field's ProtoField, with the field set of its type for a user type."""
        ref = self.field(abbrev, slot.fid, slot.proto)
        self.record(protocol, context, here, ref, slot.proto)
        if slot.sub is None:
            return ref
        sub = self.fieldset(slot.sub, abbrev, protocol, context, None, here, stack)
        return f"{{{ref}, {sub}}}"

    def _case(self, slot: Slot, case: Slot, abbrev: str, protocol: str, context: str,
              packets: dict[str, str] | None, here: tuple[str, ...],
              stack: tuple[str, ...]) -> str:
        if slot.dispatch and case.sub is not None:
            name = (packets or {}).get(case.sub)
            if name is None:  # a case the protocol's packet list does not name
                name = case.sub.rsplit(".", 1)[-1].split(":")[-1].lower()
            packet_abbrev = f"{self.abbr}.{name}"
            spec = ProtoSpec("none", doc=self.types.types[case.sub].get("title")
                             or case.proto.doc)
            ref = self.field(packet_abbrev, name, spec)
            self.record(protocol, f"packet:{name}", (), ref, spec)
            sub = self.fieldset(case.sub, packet_abbrev, protocol, f"packet:{name}", None, (),
                                stack)
            return f"{{{ref}, {sub}}}"
        return self._leaf(case, abbrev, protocol, context, here, stack)
