"""The captures the export tests write as datasets, and how the tests read a dataset back.

Four files, so that a run has several tasks: the loopback exchange of every game service
(exchange.py, written with dpkt) as pcapng, as pcap and gzip-compressed pcap, and a FlyFF
connection with trouble in it: bytes before a frame, a frame whose opcode has no spec, and a
client segment missing from the capture.
"""

from __future__ import annotations

import gzip
import shutil
import struct
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import exchange
from pcapgen import Conversation, write_pcap

PACKETS = exchange.tcp_packets()
UNKNOWN_OPCODE = 0x7777
# The exchange's FFXI datagrams are encrypted, as the game sends them: every export gets the key
KEYS = exchange.KEYS
KEY_ARGS = [arg for service, key in KEYS.items() for arg in ("--key", f"{service}={key.hex()}")]


def troubled(path: Path) -> Path:
    """A FlyFF connection: the server sends welcome, 3 bytes of garbage, a frame of opcode
    0x7777 (no spec), then pong; the client's four frames go one per segment, and the
    segment of its ping is not in the capture."""
    welcome, pong = PACKETS["flyff.cluster"]["server"][:2]
    unknown = b"\x5e" + struct.pack("<i", 8) + struct.pack("<II", UNKNOWN_OPCODE, 0)
    conv = Conversation(client=("10.0.0.9", 40100), server=("10.0.0.1", 28000)).handshake()
    conv.send("server", welcome + b"\x01\x02\x03" + unknown + pong)
    client = PACKETS["flyff.cluster"]["client"]
    lost = conv.send("client", b"".join(client), [len(p) for p in client])[1]
    conv.segments.remove(lost)
    conv.close()
    with open(path, "wb") as out:
        write_pcap(out, conv.frames(start=1_700_002_000.0))
    return path


def write_captures(folder: Path) -> list[Path]:
    recorded = exchange.record(folder, live=False)  # on the default ports
    gz = folder / "written.pcap.gz"
    with open(recorded.files["pcap"], "rb") as src, gzip.open(gz, "wb") as out:
        shutil.copyfileobj(src, out)
    return [recorded.files["pcapng"], recorded.files["pcap"], gz,
            troubled(folder / "troubled.pcap")]


def read_dataset(folder: Path) -> dict[str, pa.Table]:
    """Every Parquet file of a dataset by its path inside the folder."""
    return {str(p.relative_to(folder)): pq.read_table(p)
            for p in sorted(folder.rglob("*.parquet"))}


def assert_same_dataset(a: Path, b: Path) -> None:
    """The same files, each with the same schema (metadata too) and the same rows."""
    left, right = read_dataset(a), read_dataset(b)
    assert sorted(left) == sorted(right)
    for name, table in left.items():
        assert table.schema.equals(right[name].schema, check_metadata=True), name
        assert table.equals(right[name]), name


# -- a user's spec folder with a packet whose value instance can fail ----------------------------
TOY_PORT = 7000
def _toy_packet(opcode: int, name: str, field: str, instance: str, value: str) -> str:
    """A toy.login.server packet spec: one u1 field and one value instance over it."""
    return f"""\
meta:
  id: toy_login_server_{opcode:02x}_{name}
  title: Toy login, server 0x{opcode:02x} {name} (for the export tests)
  ks-version: '0.11'
  endian: le
doc: A byte, and a value instance computed from it.
seq:
  - id: {field}
    type: u1
    doc: The byte.
instances:
  {instance}:
    value: {value}
    doc: Computed from {field}.
"""


# ratio fails on its bytes when the divisor is 0; shift is beyond int64 from an amount of 2 on
RATIO = _toy_packet(3, "ratio", "divisor", "ratio", "100 / divisor")
SHIFT = _toy_packet(4, "shift", "amount", "shifted", "amount << 62")


def toy_specs(folder: Path) -> Path:
    """tests/data/user-specs (toy.login.server) with two more packets: 0x03 ratio and
    0x04 shift."""
    specs = folder / "specs"
    shutil.copytree(Path(__file__).parent / "data" / "user-specs", specs)
    (specs / "toy" / "login" / "server" / "03.ksy").write_text(RATIO)
    (specs / "toy" / "login" / "server" / "04.ksy").write_text(SHIFT)
    return specs


def toy_capture(path: Path, shift: int | None = None) -> Path:
    """A toy.login connection on TOY_PORT (the toy specs in force): welcome, ratio 4, ratio 0
    (its instance fails), motd; and a shift packet of that amount if one is given."""
    import pkttools

    def build(packet: str, fields: dict) -> bytes:
        return pkttools.build("toy.login.server", {"packet": packet, "fields": fields})

    conv = Conversation(server=("10.0.0.1", TOY_PORT)).handshake()
    conv.send("server", build("welcome", {"version": 3}) + build("ratio", {"divisor": 4})
              + bytes([0x03, 0x00]) + build("motd", {"text": "hi"})
              + (bytes([0x04, shift]) if shift is not None else b""))
    conv.close()
    with open(path, "wb") as out:
        write_pcap(out, conv.frames())
    return path
