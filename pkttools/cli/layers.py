"""`pkttools decrypt` and `pkttools encrypt`: one direction of an encrypted service, by hand.

decrypt reads the encrypted bytes of one direction (a TCP stream dump for PangYa, one datagram
per input for FFXI) and prints the plaintext, one hex line per packet (or datagram), ready for
`parse` or `split`; encrypt reads such lines back and prints the wire bytes, one hex line per
frame (or datagram). Both use the service's game layer (pkttools/layers/); every frame encrypt
writes is decrypted again and compared, so a line that would not survive the trip is refused.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import UsageError
from .output import write_bytes
from .status import EXIT_DATA, EXIT_OK


def register(sub: Any) -> None:
    """Add the commands to the command line's sub-parsers."""
    for name, text in (("decrypt", "encrypted bytes of one direction -> plaintext, one hex "
                        "line per packet (PangYa) or datagram (FFXI)"),
                       ("encrypt", "plaintext packets or datagrams, one per hex line -> the "
                        "wire bytes, one hex line per frame or datagram")):
        p = sub.add_parser(name, help=text)
        p.add_argument("service", metavar="SERVICE",
                       help="an encrypted service, e.g. pangya.loginservice or ffxi.world")
        p.add_argument("inputs", nargs="*", metavar="HEX|FILE|-",
                       help="hex text, files, or - for stdin (the default)")
        p.add_argument("--direction", required=True, choices=("client", "server"),
                       help="who sent the bytes")
        p.add_argument("--key", metavar="KEY",
                       help="the key: PangYa's 0-15 (else found from the hello or by trial), "
                            "FFXI's 20-byte session key as 40 hex digits")
        p.add_argument("--input", dest="input_mode", choices=("auto", "hex", "raw"),
                       default="auto", help="how to read files and stdin")
        if name == "encrypt":
            p.add_argument("--salt", type=lambda v: int(v, 0), metavar="N",
                           help="PangYa: the salt byte of every frame (default: random)")
            p.add_argument("--raw", action="store_true",
                           help="write the bytes themselves instead of hex lines")
        p.set_defaults(run=cmd_decrypt if name == "decrypt" else cmd_encrypt)


def _layer(args: argparse.Namespace):
    """(layer module, its key or None, the service's protocols) of the command's service."""
    from ..capture.decrypt import layer_of
    from ..capture.ports import PortMap

    ports = PortMap(defaults=False)
    service = ports.service_name(args.service)
    protocols = ports.protocols(service)
    layer = layer_of(protocols)
    if layer is None:
        raise UsageError(f"{service} has no game layer: its traffic is plaintext already")
    key = layer.parse_key(args.key) if args.key is not None else None
    return layer, key, protocols


def cmd_decrypt(args: argparse.Namespace) -> int:
    from ..capture.decrypt import LayerStream
    from .inputs import read_inputs

    layer, key, protocols = _layer(args)
    session = LayerStream(layer, protocols, key).session
    sources = read_inputs(args.inputs, args.input_mode)
    if layer.PLAIN == "packet":  # one stream, however many inputs it came in
        data = b"".join(data for _, data in sources)
        units = session.feed(args.direction, data) + session.close(args.direction)
    else:
        units = [unit for _, data in sources for unit in session.feed(args.direction, data)]
    status = EXIT_OK
    for unit in units:
        if unit.plain is not None:
            print(unit.plain.hex())
        else:
            print(f"pkttools: offset {unit.offset}: {len(unit.raw)} byte(s) do not decrypt: "
                  f"{unit.error}", file=sys.stderr)
            status = EXIT_DATA
    for note in session.notes:
        print(f"pkttools: note: {note}", file=sys.stderr)
    return status


def cmd_encrypt(args: argparse.Namespace) -> int:
    from ..capture.decrypt import LayerStream

    layer, key, protocols = _layer(args)
    writer = layer.Session(key=key)
    reader = LayerStream(layer, protocols, key).session  # decrypts every frame again
    options = {"salt": args.salt} if args.salt is not None else {}
    out = []
    for label, plain in _units(args):
        try:
            wire = writer.encode(args.direction, plain, **options)
        except TypeError:
            raise UsageError(f"{layer.LAYER_SERVICE} takes no --salt") from None
        back = reader.feed(args.direction, wire)
        if [u.plain for u in back] != [plain]:
            raise UsageError(f"{label}: the encrypted bytes do not decrypt back to the input "
                             f"({'; '.join(u.error or 'other bytes' for u in back)})")
        if getattr(writer, "key", None) is None and getattr(reader, "key", None) is not None:
            writer.key = reader.key  # a hello written in the clear carries the key
        out.append(wire)
    write_bytes(out, args.raw)
    return EXIT_OK


def _units(args: argparse.Namespace) -> list[tuple[str, bytes]]:
    """The plaintext units to encrypt: each hex line of stdin or of a text file, each binary
    file, or the hex arguments as one unit."""
    from pathlib import Path

    from .inputs import parse_hex, read_inputs

    units: list[tuple[str, bytes]] = []
    for arg in args.inputs or ["-"]:
        text = None
        if arg == "-":
            text = sys.stdin.read() if args.input_mode != "raw" else None
        elif Path(arg).suffix.lower() in (".hex", ".txt") and Path(arg).is_file():
            text = Path(arg).read_text()
        if text is None:
            units.extend(read_inputs([arg], args.input_mode))
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                units.append((f"{arg} line {number}", parse_hex(line)))
    return units
