"""The game layer of a connection in a capture: encrypted bytes in, stream items out.

A service whose stream spec names a layer (`-pkttools-layer: pangya`) gets one layer Session
per connection. For a TCP stream the layer frames the encrypted bytes itself: each decrypted
frame is one packet, parsed and reported at the frame's offset in the wire stream; for a UDP
datagram the decrypted datagram is split by the service's splitter as a plaintext one would
be. What does not decrypt (a wrong key, a corrupt frame, a failed check) is reported as
unframed bytes of that direction at its wire offset, with the layer's reason, and the capture
goes on. What the layer learns (the key from a hello, a key found by trial or still ambiguous,
a key step) becomes the connection's notes, which the summary shows.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, Iterable, Mapping

from ..codec.packet import parse
from ..errors import PacketError, ParseError, UsageError
from ..layers.base import Decoded, load
from ..model.conventions import DIRECTIONS
from ..model.registry import Protocol
from ..stream.framing import Splitter
from ..stream.items import Frame, Incomplete, Item, Unframed
from .items import Content, Unparsed


def layer_of(protocols: Mapping[str, Protocol | None]) -> ModuleType | None:
    """The layer module a service's stream specs name, or None for plaintext services."""
    names = {p.layer for p in protocols.values() if p is not None and p.layer}
    if len(names) > 1:
        raise UsageError(f"the stream specs of one service name different layers: "
                         f"{', '.join(sorted(names))}")
    return load(names.pop()) if names else None


def unparsed_reason(service: str, direction: str, protocol: Protocol | None) -> str:
    """Why a direction's bytes are not split into packets, or "" when they are."""
    if protocol is None:
        return f"{service} has no {direction} protocol: its bytes are not parsed"
    if protocol.stream is None:
        return f"{protocol.name} has no stream spec: its bytes are not split"
    return ""


def datagram_items(layer: "LayerStream | None", protocol: Protocol | None, reason: str,
                   direction: str, payload: bytes, *, cut: bool = False) -> list[Content]:
    """One UDP datagram as a capture reads it: through the service's game layer, if any,
    then split by the direction's splitter; a direction that is not split (`reason`, from
    `unparsed_reason`) is one `Unparsed` item (decrypted, with a layer). `cut`: the capture's
    snap length cut the datagram, which an unfinished frame says."""
    if layer is not None:
        found, plain = layer.datagram(direction, payload)
        if plain is not None:  # decrypted, but no protocol reads this direction
            return [Unparsed(0, plain, f"{reason} (decrypted)")]
    elif reason:
        return [Unparsed(0, bytes(payload), reason)]
    else:
        assert protocol is not None
        splitter = Splitter(protocol)
        found = splitter.feed(payload) + splitter.close()
    return [Incomplete(i.offset, i.data, "a frame cut by the capture's snap length" if cut
                       else "the datagram ends inside a frame")
            if isinstance(i, Incomplete) else i for i in found]


def parse_keys(specs: Iterable[str] | Mapping[str, Any], service_name, layers) -> dict[str, Any]:
    """`--key SERVICE=KEY` texts (or a mapping) -> {service: key as its layer takes it}.

    `service_name` turns a name into a known service; `layers(service)` gives its layer."""
    items = specs.items() if isinstance(specs, Mapping) else (_split(s) for s in specs)
    keys: dict[str, Any] = {}
    for name, value in items:
        service = service_name(name)
        layer = layers(service)
        if layer is None:
            raise UsageError(f"--key {name}: {service} has no game layer, so it takes no key")
        keys[service] = layer.parse_key(value) if isinstance(value, str) else value
    return keys


def _split(spec: str) -> tuple[str, str]:
    service, sep, key = str(spec).partition("=")
    if not sep or not service.strip() or not key.strip():
        raise UsageError(f"--key {spec!r}: expected SERVICE=KEY, e.g. pangya.loginservice=5 or "
                         f"ffxi.world=<40 hex digits>")
    return service.strip(), key.strip()


class LayerStream:
    """One connection's game layer, both directions, as stream items with wire offsets."""

    def __init__(self, layer: ModuleType, protocols: Mapping[str, Protocol | None],
                 key: Any = None):
        self.layer = layer
        self.protocols = dict(protocols)
        self.session = layer.Session(key=key, check=self._parses)
        self.start: dict[str, int | None] = dict.fromkeys(DIRECTIONS)
        self.broken: dict[str, str | None] = dict.fromkeys(DIRECTIONS)

    @property
    def notes(self) -> list[str]:
        return self.session.notes

    def _parses(self, direction: str, plain: bytes) -> bool:
        proto = self.protocols.get(direction)
        if proto is None:
            return True
        try:
            parse(proto, plain, strict=True)
        except PacketError:
            return False
        return True

    # -- TCP: the layer frames the stream ---------------------------------------------------
    def feed(self, direction: str, offset: int, data: bytes) -> list[Item]:
        """Stream bytes of `direction` starting at stream `offset`: the frames they complete."""
        if self.broken[direction] is not None:
            return [Unframed(offset, bytes(data), self.broken[direction], None)]
        if self.start[direction] is None:
            self.start[direction] = offset
        return [self._item(direction, d) for d in self.session.feed(direction, bytes(data))]

    def gap(self, direction: str, offset: int) -> list[Item]:
        """Bytes are missing: the frame they cut is incomplete, and without a frame boundary
        the encrypted stream cannot be framed again."""
        items = self.close(direction)
        self.broken[direction] = (f"after the gap at offset {offset}, the encrypted stream "
                                  f"cannot be framed again")
        return items

    def close(self, direction: str) -> list[Item]:
        """The end of `direction`: frames held for the key, and an unfinished tail."""
        if self.start[direction] is None:
            return []
        out = []
        for decoded in self.session.close(direction):
            item = self._item(direction, decoded)
            if decoded.error and "incomplete" in decoded.error and decoded.plain is None:
                item = Incomplete(item.offset, decoded.raw, decoded.error)
            out.append(item)
        return out

    def _item(self, direction: str, decoded: Decoded) -> Item:
        offset = (self.start[direction] or 0) + decoded.offset
        proto = self.protocols.get(direction)
        if decoded.plain is None:
            return self._unframed(direction, offset, decoded)
        try:
            packet, error = parse(proto, decoded.plain), None
        except PacketError as exc:  # offsets in the error count in the decrypted packet
            packet, error = None, exc
        return Frame(offset, decoded.raw, packet, error, None, offset)

    def _unframed(self, direction: str, offset: int, decoded: Decoded) -> Unframed:
        proto = self.protocols.get(direction)
        name = proto.name if proto is not None else f"{self.layer.LAYER_SERVICE}.{direction}"
        error = ParseError(decoded.error or "does not decrypt", protocol=name, offset=offset)
        return Unframed(offset, decoded.raw, "does not decrypt", error)

    # -- UDP: one datagram at a time ----------------------------------------------------------
    def datagram(self, direction: str, payload: bytes) -> tuple[list[Item], bytes | None]:
        """One datagram: its decrypted form split by the protocol's splitter; or, for a
        direction without a protocol, no items and the plaintext (reported unparsed)."""
        decoded = self.session.feed(direction, payload)[0]
        if decoded.plain is None:
            return [self._unframed(direction, 0, decoded)], None
        proto = self.protocols.get(direction)
        if proto is None or proto.stream is None:
            return [], decoded.plain
        splitter = Splitter(proto)
        return splitter.feed(decoded.plain) + splitter.close(), None
