"""Where a packet hands the client another server's address: the specs' redirect declarations.

Login servers send lists of servers to go on to (TMW's char-servers in 0x0069, PangYa's game
servers), char servers the map server's address. A proxy that stays in the middle rewrites
those addresses, so it must know where they are and which service answers there. The specs say
it beside the fields, with a key Kaitai ignores (ksy/README.md, "Redirects"):

    - id: ip
      size: 4
      -pkttools-redirect: tmw.char
    - id: port
      type: u2
      -pkttools-redirect: tmw.char

Two fields of one type with the same service are one address: the integer is the port, the
other the host (4 bytes in network order, text, or a user type holding text, whose first text
field is the host). A type shared by packets that lead to different services (PangYa's server
list entry) says `parent`, and each field of that type names the service for its use:
`-pkttools-redirect: pangya.gameservice` on the list. Adding a redirect is adding these keys;
nothing else names a packet. Standard library only: build.py checks the declarations before
anything is installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import SpecError

KEY = "-pkttools-redirect"
PARENT = "parent"  # the service is named by the field whose type holds the address
ANY = "*"  # in a path: every element of a list
_INTEGER = re.compile(r"^[us][1248](le|be)?$")
_TEXT = ("str", "strz")
_MAX_DEPTH = 16  # types nest no deeper in a packet (a guard against recursive types)


@dataclass(frozen=True)
class Redirect:
    """One address a packet type carries, as paths into its plain data (`Packet.fields()`).

    holder: the object holding both fields (`("char_servers", "*")`: each list element);
    host / port: paths from the holder; host_kind: "ipv4" (4 bytes, network order, plain data
    hex) or "text" (dotted or a name); derived: the holder's value instances, computed from its
    fields (`ip_dotted`), which a rewrite drops so they are computed again; filler: fields
    beside the host text (in the object holding it) that only fill its fixed array
    (`after_nul`), dropped by a rewrite so building writes zeros there.
    """

    service: str
    holder: tuple[str, ...]
    host: tuple[str, ...]
    host_kind: str
    port: tuple[str, ...]
    derived: tuple[str, ...] = ()
    filler: tuple[str, ...] = ()


def redirects(types: dict[str, dict], type_key: str) -> tuple[Redirect, ...]:
    """The addresses a packet type (its body type) carries; SpecError for a declaration that
    does not make an address."""
    found: list[Redirect] = []
    _walk(types, type_key, (), None, found, 0)
    return tuple(found)


def problems(types: dict[str, dict], type_keys: list[str]) -> list[str]:
    """Declarations that do not make an address, one line each (build-time check)."""
    out = []
    for key in type_keys:
        try:
            redirects(types, key)
        except SpecError as exc:
            out.append(str(exc))
    return out


def _walk(types: dict[str, dict], key: str, path: tuple[str, ...], inherited: str | None,
          found: list[Redirect], depth: int) -> None:
    if depth > _MAX_DEPTH:
        return
    info = types[key]
    where = f"ksy/{info['path']} {info['yaml_path']}"
    groups: dict[str, list[dict]] = {}
    for field in info["seq"]:
        value = field["attr"].get(KEY)
        carrier = _is_carrier(types, field)
        if value is not None and not carrier:
            service = _service(value, inherited, where, field["id"])
            groups.setdefault(service, []).append(field)
        passed = _service(value, inherited, where, field["id"]) if value is not None \
            else inherited
        for sub in _subtypes(field):
            step = path + ((field["id"], ANY) if "repeat" in field["attr"] else (field["id"],))
            _walk(types, sub, step, passed, found, depth + 1)
    for service, fields in groups.items():
        found.append(_address(types, info, where, path, service, fields))


def _service(value: object, inherited: str | None, where: str, field_id: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SpecError(f"{where}: {field_id}: {KEY} names a service (`tmw.char`) or says "
                        f"`{PARENT}`, not {value!r}")
    value = value.strip()
    if value != PARENT:
        if not re.fullmatch(r"[a-z0-9_]+\.[a-z0-9_]+", value):
            raise SpecError(f"{where}: {field_id}: {KEY}: {value!r} is not a service name "
                            f"(<game>.<service>, e.g. tmw.char)")
        return value
    if inherited is None:
        raise SpecError(f"{where}: {field_id}: {KEY}: {PARENT}, but no field using this type "
                        f"names the service")
    return inherited


def _subtypes(field: dict) -> list[str]:
    if field["type"] is not None:
        return [field["type"]]
    return [t for t in (field["cases"] or {}).values() if t is not None]


def _is_carrier(types: dict[str, dict], field: dict, depth: int = 0) -> bool:
    """Whether a field's type holds declared fields itself (it passes a service down), rather
    than being one part of an address (a text holder such as PangYa's fixed text)."""
    if depth > _MAX_DEPTH:
        return False
    for sub in _subtypes(field):
        for inner in types[sub]["seq"]:
            if KEY in inner["attr"] or _is_carrier(types, inner, depth + 1):
                return True
    return False


def _address(types: dict[str, dict], info: dict, where: str, holder: tuple[str, ...],
             service: str, fields: list[dict]) -> Redirect:
    ports = [f for f in fields if _INTEGER.match(str(f["attr"].get("type", "")))]
    hosts = [f for f in fields if f not in ports]
    if len(ports) != 1 or len(hosts) != 1:
        names = ", ".join(f["id"] for f in fields)
        raise SpecError(f"{where}: {KEY}: {service}: an address is one integer field (the port) "
                        f"and one host field (4 bytes, text, or a type holding text); found "
                        f"{names}")
    host, port = hosts[0], ports[0]
    kind, host_path, filler = _host(types, host, where)
    if "repeat" in host["attr"] or "repeat" in port["attr"]:
        raise SpecError(f"{where}: {KEY}: {service}: the host and port are single fields")
    return Redirect(service, holder, host_path, kind, (port["id"],),
                    tuple(f["id"] for f in info["instances"]), filler)


def _host(types: dict[str, dict], field: dict, where: str
          ) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    attr = field["attr"]
    kind = attr.get("type")
    if kind is None and field["cases"] is None and attr.get("size") == 4:
        return "ipv4", (field["id"],), ()
    if kind in _TEXT:
        return "text", (field["id"],), ()
    if field["type"] is not None:
        inner = types[field["type"]]["seq"]
        text = next((f for f in inner if f["attr"].get("type") in _TEXT), None)
        if text is not None:
            filler = tuple(f["id"] for f in inner
                           if f is not text and f["attr"].get("size-eos"))
            return "text", (field["id"], text["id"]), filler
    raise SpecError(f"{where}: {field['id']}: {KEY}: a host is 4 bytes (`size: 4`, IPv4 in "
                    f"network order), text, or a type whose fields hold text")
