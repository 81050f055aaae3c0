"""What each contender's parse result is in pkttools' plain form, for the fairness check.

Why: the contenders name and shape things in their own way (Construct hides the counts of
`PrefixedArray`, Scapy keeps enum numbers and flat `name_len` fields, FFXI's header bits sit in
a sub-container). Each adapter below turns one contender's natural output into
`{"opcode", "fields"[, "frame"]}` as `pkttools.parse(...).to_dict()` has it, so the check compares
values, not spellings. Adapters run once, outside the timed code.

Value instances (derived fields such as `dir_radians` or `ip_dotted`) are computed by no
contender's timed parse, and by `pkttools.parse` only when `to_dict()` asks for them; one shared
function, `with_derived`, adds them from the specs' expressions for every contender alike.
"""

from __future__ import annotations

from typing import Any

from construct import Container, EnumIntegerString, ListContainer
from scapy.fields import Emph, EnumField, PacketField, PacketListField
from scapy.packet import Packet

Plain = dict[str, Any]


# -- shared --------------------------------------------------------------------------------------
def _hex_bytes(value: Any) -> Any:
    """Byte strings as lowercase hex, as pkttools' plain data has them."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    if isinstance(value, dict):
        return {k: _hex_bytes(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_hex_bytes(v) for v in value]
    return value


def _text(value: str, encoding: str) -> Plain:
    """A length-prefixed string spec type (pangya_pstring, flyff_string) from its text."""
    return {"len_value": len(value.encode(encoding)), "value": value}


def with_derived(protocol: str, plain: Plain) -> Plain:
    """Add the value instances of the specs (`instances:` with `value:`) to plain data."""
    fields = plain["fields"]
    if protocol == "ffxi.world.server":
        header = plain["frame"]["header"]
        header["len_packet"] = header["size"] * 4
        header["len_body"] = header["size"] * 4 - 4 if header["size"] > 0 else 0
        if plain["opcode"] == 0x0a:
            pos = fields["pos_head"]
            pos["dir_radians"] = pos["dir"] * 6.283185 * 0.00390625
            grap = fields["grap_id_tbl"]
            grap["face"] = grap["race_face"] & 0xff
            grap["race"] = grap["race_face"] >> 8
            fields["myroom_sub_map"] = (fields["myroom_sub_map_number"] >> 1) & 3
            fields["dead_counter_seconds"] = fields["dead_counter"] // 60
        elif plain["opcode"] == 0xe2:
            fields["same_zone"] = fields["zone_no"] == 0
    elif protocol == "tmw.login.server" and plain["opcode"] == 0x69:
        fields["num_char_servers"] = (fields["len_packet"] - 47) // 32
        for server in fields["char_servers"]:
            server["ip_dotted"] = ".".join(str(b) for b in bytes.fromhex(server["ip"]))
    return plain


# -- pkttools --------------------------------------------------------------------------------------
def from_pkttools(plain: Plain) -> Plain:
    """`Packet.to_dict()` less what the others do not name (protocol, packet name)."""
    return {k: v for k, v in plain.items() if k in ("opcode", "fields", "frame")}


# -- struct ----------------------------------------------------------------------------------------
def from_struct(protocol: str, parsed: Plain) -> Plain:
    """The struct codecs already use the specs' names and enum ids; bytes become hex."""
    return with_derived(protocol, _hex_bytes(parsed))


# -- Construct -------------------------------------------------------------------------------------
def _construct_plain(value: Any) -> Any:
    if isinstance(value, EnumIntegerString):
        return str(value)
    if isinstance(value, Container):
        return {k: _construct_plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, ListContainer):
        return [_construct_plain(v) for v in value]
    return _hex_bytes(value)


def from_construct(protocol: str, parsed: Container) -> Plain:
    """Enum names as str; counts of PrefixedArray/PascalString put back; FFXI's header flat."""
    root = _construct_plain(parsed)
    body = root["body"]
    if protocol == "ffxi.world.server":
        word = root["header"]["word"]
        return with_derived(protocol, {
            "opcode": word["id"], "fields": body,
            "frame": {"header": {"id": word["id"], "size": word["size"],
                                 "sync": root["header"]["sync"]}}})
    opcode = int(parsed.get("packet_id", parsed.get("packet_type")))
    if protocol == "pangya.loginservice.server" and body["status"] == "success":
        response = body["response"]
        for name in ("username", "nickname"):
            response[name] = _text(response[name], "iso8859_11")
    elif protocol == "flyff.cluster.server":
        characters, messengers = body.pop("characters"), body.pop("messengers")
        for c in characters:
            c["name"] = _text(c["name"], "cp1252")
            items = c.pop("item_ids")
            c["num_items"], c["item_ids"] = len(items), items
        for m in messengers:
            friends = m.pop("friends")
            m["num_friends"], m["friends"] = len(friends), friends
        body.update(num_characters=len(characters), characters=characters,
                    num_messengers=len(messengers), messengers=messengers)
    return with_derived(protocol, {"opcode": opcode, "fields": body})


# -- Scapy -----------------------------------------------------------------------------------------
def _scapy_fields(pkt: Packet) -> Plain:
    """One layer's fields: enum numbers named (Scapy keeps the number), nested layers as dicts,
    `x_len` + `x` text pairs as the spec's {len_value, value}."""
    out: Plain = {}
    for field in pkt.fields_desc:
        value = pkt.getfieldval(field.name)
        kind = field.fld if isinstance(field, Emph) else field
        if isinstance(kind, (PacketField, PacketListField)):
            value = [_scapy_fields(v) for v in value] if isinstance(value, list) \
                else _scapy_fields(value)
        elif isinstance(kind, EnumField):
            value = kind.i2s.get(value, value)
        out[field.name] = _hex_bytes(value)
    for name in [n for n in out if n + "_len" in out]:
        out[name] = {"len_value": out.pop(name + "_len"), "value": out[name]}
    return out


def from_scapy(protocol: str, parsed: Packet) -> Plain:
    """The root layer gives the opcode (or FFXI's header), the next layers the body: a body
    switched on a field (PangYa's status) is that layer plus the case's layer as `response`."""
    layers = []
    layer = parsed
    while layer and type(layer).__name__ not in ("Raw", "Padding", "NoPayload"):
        layers.append(layer)
        layer = layer.payload
    root, body = _scapy_fields(layers[0]), _scapy_fields(layers[1])
    if len(layers) > 2:
        body["response"] = _scapy_fields(layers[2])
    if protocol == "ffxi.world.server":
        return with_derived(protocol, {"opcode": root["id"], "fields": body,
                                       "frame": {"header": root}})
    return with_derived(protocol, {"opcode": layers[0].fields[next(iter(root))],
                                   "fields": body})
