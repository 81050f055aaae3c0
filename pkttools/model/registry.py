"""Protocols, packets and types as the built specs describe them.

Everything here comes from the manifest.json of a generated package: kaitai_gen, which build.py
derives from ksy/, or the package of the user spec folders in force (userspecs.py). Generated
modules are imported only when a protocol is first used, so `import pkttools` stays cheap.
"""

from __future__ import annotations

import importlib
import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

from ..errors import NotBuiltError, UnknownProtocolError, UsageError
from . import userspecs
from .conventions import PROJECT


@dataclass(frozen=True)
class PacketType:
    """One packet of a protocol: its opcode, name and the spec type that parses its body."""

    protocol: "Protocol"
    opcode: int
    name: str
    type_key: str
    title: str | None
    spec_path: str

    def cls(self, flavour: str = "ro") -> type:
        return self.protocol.registry.cls(self.type_key, flavour)

    @property
    def info(self) -> dict:
        return self.protocol.registry.types[self.type_key]

    def __repr__(self) -> str:
        return f"<PacketType {self.protocol.name} 0x{self.opcode:04x} {self.name}>"


@dataclass(eq=False)
class Protocol:
    """A game service in one direction, e.g. ``pangya.loginservice.server``."""

    registry: "Registry"
    name: str
    game: str
    service: str
    direction: str
    title: str | None
    doc: str | None
    type_key: str
    spec_path: str
    opcode_field: str
    opcode_enum: str | None
    body_field: str
    stream: dict | None = None  # how stream.ksy delimits frames; None without one
    fast: dict | None = None  # the dispatcher's header as a struct layout (see headergen.py)
    # packet ids without a spec whose length the dispatcher declares: an int, or "variable"
    declared_lengths: dict[int, int | str] = field(default_factory=dict)
    packets: list[PacketType] = field(default_factory=list)

    @cached_property
    def by_opcode(self) -> dict[int, PacketType]:
        return {p.opcode: p for p in self.packets}

    @cached_property
    def by_name(self) -> dict[str, PacketType]:
        return {p.name: p for p in self.packets}

    def packet(self, key: int | str) -> PacketType:
        """Look a packet up by opcode (int, or a string like ``0x0001``) or by name."""
        if isinstance(key, str):
            if key in self.by_name:
                return self.by_name[key]
            try:
                key = int(key, 0)
            except ValueError:
                raise UsageError(f"{self.name} has no packet named {key!r}; known: "
                                 f"{', '.join(sorted(self.by_name))}") from None
        if key not in self.by_opcode:
            raise UsageError(f"{self.name} has no packet with opcode 0x{key:04x}")
        return self.by_opcode[key]

    def dispatcher_cls(self, flavour: str = "ro") -> type:
        return self.registry.cls(self.type_key, flavour)

    @cached_property
    def fast_reader(self) -> tuple[Any, int, dict[int, tuple[PacketType, type]]] | None:
        """For dispatchers with a plain header (see headergen.py): the generated header reader
        (data -> (opcode, body length or None)), the header size, and opcode -> (packet,
        read-only class). None when parsing needs the dispatcher class."""
        if self.fast is None:
            return None
        module = importlib.import_module(f"{self.registry.package}.fast")
        table = {p.opcode: (p, p.cls("ro")) for p in self.packets}
        return getattr(module, self.fast["function"]), self.fast["size"], table

    @property
    def layer(self) -> str | None:
        """The game layer its stream spec names (`-pkttools-layer`), or None (plaintext)."""
        return (self.stream or {}).get("layer")

    @cached_property
    def opcode_path(self) -> tuple[str, ...]:
        return tuple(self.opcode_field.split("."))

    @cached_property
    def frame_fields(self) -> list[str]:
        """Dispatcher fields other than the opcode and the body (e.g. a FlyFF DPID)."""
        seq = self.registry.types[self.type_key]["seq"]
        return [f["id"] for f in seq if f["id"] not in (self.body_field, self.opcode_field)]

    def __repr__(self) -> str:
        return f"<Protocol {self.name}: {len(self.packets)} packets>"


class Registry:
    """The manifest of one built kaitai_gen package."""

    def __init__(self, manifest: dict, package: str = "kaitai_gen",
                 folder: Path | None = None):
        self.package = package
        self.folder = folder  # the generated package's folder: its spec copies, specs.json
        self.origins: dict[str, str] = manifest.get("origins", {})
        self.types: dict[str, dict] = manifest["types"]
        self.enums: dict[str, dict] = manifest["enums"]
        self.specs: dict[str, dict] = manifest["specs"]
        self.compiler: str = manifest["compiler"]
        self.protocols: dict[str, Protocol] = {}
        for name, entry in manifest["protocols"].items():
            proto = Protocol(
                registry=self, name=name, game=entry["game"], service=entry["service"],
                direction=entry["direction"], title=entry["title"], doc=entry["doc"],
                type_key=entry["type"], spec_path=entry["path"],
                opcode_field=entry["opcode_field"], opcode_enum=entry["opcode_enum"],
                body_field=entry["body_field"], stream=entry.get("stream"),
                fast=entry.get("fast"),
                declared_lengths={int(k): v for k, v in (entry.get("lengths") or {}).items()})
            proto.packets = [
                PacketType(protocol=proto, opcode=p["opcode"], name=p["name"],
                           type_key=p["type"], title=p["title"], spec_path=p["path"])
                for p in entry["packets"]
            ]
            self.protocols[name] = proto
        self._classes: dict[tuple[str, str], type] = {}

    @classmethod
    def load(cls, package: str = "kaitai_gen") -> "Registry":
        try:
            mod = importlib.import_module(package)
        except ModuleNotFoundError:
            raise NotBuiltError(f"{package} is not built: run `python build.py` in the project "
                                f"root") from None
        path = Path(mod.__file__).parent / "manifest.json"
        try:
            manifest = json.loads(path.read_text())
        except FileNotFoundError:
            raise NotBuiltError(f"{path} is missing: run `python build.py`") from None
        return cls(manifest, package, path.parent)

    def spec_file(self, spec_path: str) -> Path:
        """The file a spec was compiled from: the original where it is still there (a checkout's
        ksy/, a user's folder), else the copy the generated package keeps."""
        origin = self.origins.get(spec_path)
        if origin is not None:
            found = Path(origin) if Path(origin).is_absolute() else PROJECT / origin
            if found.is_file():
                return found
        if self.folder is None:
            raise NotBuiltError(f"no file of {spec_path}: the registry has no package folder")
        return self.folder / "ksy" / spec_path

    def spec_origin(self, spec_path: str) -> str:
        """Where a spec is, for people: `ksy/...` in a checkout, the file of a user's folder,
        else the copy inside the installed package."""
        origin = self.origins.get(spec_path, f"ksy/{spec_path}")
        if Path(origin).is_absolute() or (PROJECT / origin).is_file():
            return origin
        return str(self.spec_file(spec_path))

    @cached_property
    def documents(self) -> dict[str, dict]:
        """Every spec as data, dispatchers completed (what was compiled): specs.json."""
        if self.folder is None:
            raise NotBuiltError("the registry has no package folder to read specs.json from")
        return json.loads((self.folder / "specs.json").read_text())

    def protocol(self, name: str) -> Protocol:
        try:
            return self.protocols[name]
        except KeyError:
            raise UnknownProtocolError(name, sorted(self.protocols)) from None

    def __iter__(self) -> Iterator[Protocol]:
        return iter(self.protocols[name] for name in sorted(self.protocols))

    def cls(self, type_key: str, flavour: str = "ro") -> type:
        """The generated class of a type key (``spec_id:Outer.Inner``) in a flavour."""
        cached = self._classes.get((type_key, flavour))
        if cached is not None:
            return cached
        spec_id, qual = type_key.split(":", 1)
        module = importlib.import_module(f"{self.package}.{flavour}.{spec_id}")
        obj: Any = module
        for part in qual.split("."):
            obj = getattr(obj, part)
        self._classes[(type_key, flavour)] = obj
        return obj

    @staticmethod
    def type_key_of(obj: object) -> str:
        """The manifest key of a generated object, whatever its flavour."""
        cls = type(obj)
        return f"{cls.__module__.rsplit('.', 1)[-1]}:{cls.__qualname__}"


_default: Registry | None = None


def default_registry() -> Registry:
    """The registry of the built specs, with the user spec folders in force (userspecs.py)
    compiled in when there are any."""
    global _default
    if _default is None:
        extra = userspecs.folders()
        _default = Registry.load(userspecs.package_for(extra) if extra else "kaitai_gen")
    return _default


def use_specs(folders: "list[str | os.PathLike[str]]") -> None:
    """Use these spec folders besides $PKTTOOLS_SPECS from now on (`--specs`): their packets
    join the protocols, their dispatchers add protocols."""
    global _default
    userspecs.choose(folders)
    _default = None
    _resolved.clear()


def protocols() -> list[Protocol]:
    """Every protocol the built specs define, sorted by name."""
    return list(default_registry())


def protocol(name: str) -> Protocol:
    """One protocol by name, e.g. ``pangya.loginservice.server``."""
    return resolve(name)


# names (and Protocol objects) already resolved in the default registry: one dict lookup a call
_resolved: dict[Any, Protocol] = {}


def resolve(protocol: "str | Protocol", registry: Registry | None = None) -> Protocol:
    """A protocol given by name or as itself, in `registry` (the built specs by default).

    Every entry point that takes a protocol (parse, build, Splitter, the CLI) goes through
    here, so a name means the same protocol everywhere and an unknown one gets one message."""
    if registry is None:
        found = _resolved.get(protocol)
        if found is None:
            found = protocol if isinstance(protocol, Protocol) else \
                default_registry().protocol(protocol)
            _resolved[protocol] = found
        return found
    return protocol if isinstance(protocol, Protocol) else registry.protocol(protocol)
