"""The loopback exchange the capture tests record: what each side of each game service sends
(packets written with pkttools.build), in which chunks, run over real sockets while dumpcap
records the loopback interface, or, where capturing is impossible, written to pcap/pcapng
with dpkt from the same plan.
"""

from __future__ import annotations

import random
import shutil
import signal
import socket
import struct
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pkttools
from pkttools.capture.capfile import open_capture

from pcapgen import Conversation, udp_packet, link_frame, write_pcap, write_pcapng

CHUNKINGS = ("whole", "bytes", "random")
# Keys the encrypted services use in the exchange, made up for the tests: PangYa's travels in
# the server's hello (0x0000); FFXI's session key must be given to read the capture.
PANGYA_KEY = 0x0b
FFXI_KEY = bytes.fromhex("00112233445566778899aabbccddeeff10203040")
KEYS = {"ffxi.world": FFXI_KEY}


def _flyff_client(packet: str, fields: dict) -> bytes:
    # The official client's checksums are not checked by pkttools; any values do.
    return pkttools.build_frame("flyff.cluster.client",
                                {"packet": packet, "frame": {"dpid": 0xFFFFFFFF},
                                 "fields": fields},
                                header={"header_checksum": 0x1BADB002, "data_checksum": 0xC0FFEE})


def _flyff_server(packet: str, fields: dict) -> bytes:
    return pkttools.build_frame("flyff.cluster.server", {"packet": packet, "fields": fields})


def _build(protocol: str, packet: str, fields: dict) -> bytes:
    return pkttools.build(protocol, {"packet": packet, "fields": fields})


CHARACTER = {"slot": 0, "block_state": "usable", "map_id": 1, "model_id": "female",
             "name": {"value": "Aria"}, "pos_x": 6968.0, "pos_y": 100.0, "pos_z": 3328.0,
             "character_id": 1, "party_id": 0, "guild_id": 0, "war_id": 0, "skin_set_id": 0,
             "hair_id": 0, "hair_color": 4287322667, "face_id": 0, "gender": "female",
             "job": "vagrant", "level": 1, "job_level": 0, "strength": 15, "stamina": 15,
             "dexterity": 15, "intelligence": 15, "mode": "none", "item_ids": [504, 508, 512, 21]}


def tcp_packets() -> dict[str, dict[str, list[bytes]]]:
    """Per TCP service, the packets each direction sends."""
    return {
        "flyff.cluster": {
            "server": [
                _flyff_server("welcome", {"session_id": 0x12345678}),
                _flyff_server("pong", {"time": 1000}),
                _flyff_server("character_list", {
                    "auth_key": 744364551, "messengers": [],
                    "characters": [CHARACTER, dict(CHARACTER, slot=2, character_id=7,
                                                   name={"value": "Boreas"})]}),
                _flyff_server("join_world", {}),
            ],
            "client": [
                _flyff_client("query_tick_count", {"time": 77}),
                _flyff_client("ping", {"time": 12648430}),
                _flyff_client("character_list_request", {
                    "build_date": {"value": "20100412"}, "auth_key": 744364551,
                    "username": {"value": "alice"},
                    "password": {"value": "5ebe2294ecd0e0f08eab7690d2a6ee69"}, "server_id": 1}),
                _flyff_client("pre_join", {"username": {"value": "alice"}, "character_id": 7,
                                           "character_name": {"value": "Boreas"},
                                           "bank_code": 1234}),
            ],
        },
        "tmw.login": {
            "client": [
                _build("tmw.login.client", "server_version_request", {}),
                _build("tmw.login.client", "login_request", {
                    "client_version": 8, "username": "player", "password": "secret",
                    "can_handle_update_host": True, "default_to_first_char_server": True,
                    "unused_flags": 0}),
            ],
            "server": [
                _build("tmw.login.server", "server_version", {
                    "major": 23, "minor": 10, "patch": 22, "devel": 0,
                    "registration_enabled": True, "unused_flags": 0, "is_login_server": True,
                    "is_char_server": False, "is_inter_server": False, "is_map_server": False,
                    "unused_which": 0, "vendor_point": 0}),
                _build("tmw.login.server", "update_host",
                       {"update_host": "http://updates.themanaworld.org"}),
                _build("tmw.login.server", "login_data", {
                    "login_id1": 1260203070, "account_id": 2000000, "login_id2": 168496141,
                    "unused": 0, "last_login": "", "unused2": 0, "sex": "unspecified",
                    "char_servers": [{"ip": "cb007107", "port": 6122, "name": "The Mana World",
                                      "users": 42, "maintenance": 0, "is_new": 0}]}),
            ],
        },
        "pangya.loginservice": {
            "server": [
                _build("pangya.loginservice.server", "login", {
                    "status": "error", "response": {"error_code": "invalid_credentials"}}),
                _build("pangya.loginservice.server", "login", {
                    "status": "need_select_character", "response": {}}),
                _build("pangya.loginservice.server", "login", {"response": {
                    "username": {"value": "pangbox"}, "user_id": 4834514,
                    "unknown": "0000000025000000000000000000", "nickname": {"value": ""}}}),
            ],
            # The login request (0x0001) is left out: it ends in padding that runs to the end
            # of the payload, so where it ends in a stream depends on the segments (its own
            # test is in test_capture.py).
            "client": [
                _build("pangya.loginservice.client", "select_server", {"server_id": 20202}),
                _build("pangya.loginservice.client", "check_nickname",
                       {"nickname": {"value": "pangbox"}}),
                _build("pangya.loginservice.client", "set_nickname",
                       {"nickname": {"value": "pangbox"}}),
                _build("pangya.loginservice.client", "select_character", {
                    "character_type_id": 67108873, "hair_color": 2, "shirt": 0}),
                _build("pangya.loginservice.client", "ghost", {}),
            ],
        },
    }


def ffxi_datagrams() -> list[tuple[str, bytes, list[bytes], bytes]]:
    """(sender, datagram as sent (encrypted with FFXI_KEY), the packets in it, the plaintext
    datagram) of the FFXI UDP exchange."""
    from pkttools.layers import ffxi as layer
    import test_ffxi_world_server as ffxi

    login = pkttools.build("ffxi.world.server",
                           pkttools.parse("ffxi.world.server", ffxi.LOGIN_MYROOM).to_dict())
    group = pkttools.build("ffxi.world.server", {"packet": "group_list2", "frame": {
        "header": {"sync": 0x0124}}, "fields": {
        "unique_no": 68397, "hp": 1250, "mp": 480, "tp": 1000,
        "g_attr": {"party_no": 1, "party_leader_flg": True, "alliance_leader_flg": False,
                   "party_r_flg": False, "alliance_r_flg": False, "unknown06": False,
                   "unknown07": False, "level_sync_flg": False, "unused": 0},
        "act_index": 1025, "member_number": 2, "moghouse_flg": 1, "kind": "main_party",
        "hpp": 100, "mpp": 75, "padding1f": 0, "zone_no": 0, "mjob_no": 1, "mjob_lv": 99,
        "sjob_no": 3, "sjob_lv": 49, "masterjob_lv": 20,
        "masterjob_flags": {"mastery_unlocked": True, "exemplar_capped": False, "unused": 0},
        "name": "Ayame"}})

    def header(number: int) -> bytes:
        return struct.pack("<HH4sI16s", number, 0x45, b"\0" * 4, 1700000000, b"\0" * 16)

    end = bytes(4)
    plain = [
        ("client", bytes(range(0x1C)) + b"client datagram, not parsed", []),
        ("server", header(0x123) + login + end, [login]),
        ("server", header(0x124) + group + login, [group, login]),  # no end marker
    ]
    session = layer.Session(key=FFXI_KEY)
    return [(sender, session.encode(sender, data), packets, data)
            for sender, data, packets in plain]


@dataclass
class Session:
    """One TCP connection of the exchange: a service sending its packets in one chunking."""

    service: str
    chunking: str
    packets: dict[str, list[bytes]]  # the plaintext packets each direction sends
    frames: dict[str, list[bytes]]  # each packet as it goes on the wire (encrypted or not)
    data: dict[str, bytes]
    chunks: dict[str, list[int]] = field(default_factory=dict)


def sessions(seed: int = 7) -> list[Session]:
    rng = random.Random(seed)
    out = []
    for service, sent in tcp_packets().items():
        for chunking in CHUNKINGS:
            packets, frames = on_the_wire(service, sent, rng)
            data = {d: b"".join(f) for d, f in frames.items()}
            session = Session(service, chunking, packets, frames, data)
            for direction, stream in data.items():
                session.chunks[direction] = _chunks(len(stream), chunking, rng)
            out.append(session)
    return out


def on_the_wire(service: str, packets: dict[str, list[bytes]], rng: random.Random,
                hello: bool = True) -> tuple[dict[str, list[bytes]], dict[str, list[bytes]]]:
    """The packets of a TCP service as its game sends them: PangYa's LoginService opens with
    a hello carrying the key, then encrypts every frame (a salt per frame); the others go in
    the clear. Returns the plaintext packets (the hello included) and the wire frames."""
    if service != "pangya.loginservice":
        return packets, packets
    from pkttools.layers import pangya

    layer = pangya.Session(key=PANGYA_KEY)
    plain = {d: list(p) for d, p in packets.items()}
    if hello:
        plain["server"].insert(0, pkttools.build("pangya.loginservice.server", {
            "packet": "hello", "fields": {"key": PANGYA_KEY, "server_uid": 0x2775}}))
    frames = {d: [layer.encode(d, p, salt=rng.randrange(256)) for p in ps]
              for d, ps in plain.items()}
    return plain, frames


def _chunks(total: int, chunking: str, rng: random.Random) -> list[int]:
    if chunking == "whole":
        return [total]
    if chunking == "bytes":
        return [1] * total
    sizes = []
    while sum(sizes) < total:
        sizes.append(min(rng.randint(1, 40), total - sum(sizes)))
    return sizes


# -- running it over loopback --------------------------------------------------------------------
def _pieces(data: bytes, sizes: list[int]):
    pos = 0
    for size in sizes:
        yield data[pos:pos + size]
        pos += size


def _send_all(sock: socket.socket, data: bytes, sizes: list[int]) -> None:
    for piece in _pieces(data, sizes):
        sock.sendall(piece)
        if len(sizes) > 1:
            time.sleep(0.0002)  # let each piece leave as its own segment


def _drain(sock: socket.socket) -> bytes:
    got = bytearray()
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return bytes(got)
        got += chunk


def run_tcp(session: Session, listener: socket.socket) -> dict[str, bytes]:
    """Run one session over loopback; returns what each side received."""
    received: dict[str, bytes] = {}

    def server() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            _send_all(conn, session.data["server"], session.chunks["server"])
            received["server"] = _drain(conn)

    thread = threading.Thread(target=server)
    thread.start()
    with socket.create_connection(listener.getsockname()[:2], timeout=10) as client:
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        _send_all(client, session.data["client"], session.chunks["client"])
        client.shutdown(socket.SHUT_WR)
        received["client"] = _drain(client)
    thread.join(10)
    return received


def run_udp(server: socket.socket, datagrams) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        client.bind(("127.0.0.1", 0))
        for sender, payload, *_ in datagrams:
            if sender == "client":
                client.sendto(payload, server.getsockname())
                server.recvfrom(65536)
            else:
                server.sendto(payload, client.getsockname())
                client.recvfrom(65536)


@dataclass
class Recorded:
    """The capture files of the exchange and how they were made."""

    mode: str  # "dumpcap" (live loopback capture) or "dpkt" (written from the plan)
    note: str
    files: dict[str, Path]  # "pcapng" / "pcap" -> path
    ports: dict[str, str]  # "PORT[/udp]" -> service: the mapping to read the files with
    sessions: list[Session]
    datagrams: list


def record(tmp: Path, live: bool = True) -> Recorded:
    """Capture the exchange live with dumpcap, or write it with dpkt when that fails (or
    when `live` is false)."""
    plan, datagrams = sessions(), ffxi_datagrams()
    if not live:
        defaults = {"28000": "flyff.cluster", "6901": "tmw.login",
                    "10101": "pangya.loginservice", "54230/udp": "ffxi.world"}
        # On the default ports: no port needs to be given to read them.
        return Recorded("dpkt", "pcap/pcapng written with dpkt", _written(
            tmp, defaults, plan, datagrams), {}, plan, datagrams)
    listeners = {}
    for service in tcp_packets():
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        listeners[service] = sock
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    ports = {str(s.getsockname()[1]): svc for svc, s in listeners.items()}
    ports[f"{udp.getsockname()[1]}/udp"] = "ffxi.world"
    try:
        files, why = _live(tmp, ports, lambda: _run_all(plan, listeners, udp, datagrams))
    finally:
        for sock in list(listeners.values()) + [udp]:
            sock.close()
    if files is not None:
        version = subprocess.run(["dumpcap", "--version"], capture_output=True,
                                 text=True).stdout.splitlines()[0]
        return Recorded("dumpcap", f"live loopback capture ({version})", files, ports, plan,
                        datagrams)
    return Recorded("dpkt", f"dumpcap could not capture ({why}); pcap/pcapng written with "
                    f"dpkt from the same exchange", _written(tmp, ports, plan, datagrams),
                    ports, plan, datagrams)


def _run_all(plan, listeners, udp, datagrams) -> None:
    for session in plan:
        received = run_tcp(session, listeners[session.service])
        assert received == {"server": session.data["client"],
                            "client": session.data["server"]}, "the exchange itself failed"
    run_udp(udp, datagrams)


class _Dumpcap:
    """One dumpcap process and the lines it writes to stderr (collected by a thread)."""

    def __init__(self, cmd: list[str]):
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True)
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._collect, daemon=True)
        self.thread.start()

    def _collect(self) -> None:
        for line in self.proc.stderr:
            self.lines.append(line.strip())

    def why(self) -> str:
        """What dumpcap said, without its greeting and the root warning."""
        text = " ".join(s for s in self.lines if s and "dangerous" not in s
                        and not s.startswith("Capturing on"))
        text = text or f"dumpcap exited with status {self.proc.poll()}"
        return text[:200] + "..." if len(text) > 200 else text

    def wait_ready(self, timeout: float = 20) -> bool:
        """'Capturing on ...' once it captures (also printed just before a permission
        error, so the caller still checks that packets arrive)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(s.startswith("Capturing on") for s in self.lines):
                return True
            if self.proc.poll() is not None:
                self.thread.join(1)
                return False
            time.sleep(0.05)
        return False

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.thread.join(1)


def _live(tmp: Path, ports: dict[str, str], run) -> tuple[dict[str, Path] | None, str]:
    dumpcap = shutil.which("dumpcap")
    if dumpcap is None:
        return None, "dumpcap is not installed (Debian package tshark)"
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.bind(("127.0.0.1", 0))
    bpf = " or ".join([f"udp port {p.split('/')[0]}" if p.endswith("/udp") else f"tcp port {p}"
                       for p in ports] + [f"udp port {probe.getsockname()[1]}"])
    files = {"pcapng": tmp / "live.pcapng", "pcap": tmp / "live.pcap"}
    procs: list[_Dumpcap] = []
    try:
        for kind, path in files.items():
            cmd = [dumpcap, "-q", "-i", "lo", "-f", bpf, "-w", str(path)]
            if kind == "pcap":
                cmd[1:1] = ["-P"]  # libpcap format instead of pcapng
            procs.append(_Dumpcap(cmd))
            if not procs[-1].wait_ready():
                return None, procs[-1].why()
        failed = _wait_recording(probe, files.values(), procs)
        if failed is not None:
            return None, failed
        run()
        time.sleep(0.5)  # let the last packets reach dumpcap before it stops
    finally:
        for proc in procs:
            proc.stop()
        probe.close()
    for path in files.values():
        if not path.exists() or path.stat().st_size == 0:
            return None, f"dumpcap wrote no {path.name}"
    return files, ""


def _wait_recording(probe: socket.socket, paths, procs: list[_Dumpcap]) -> str | None:
    """'Capturing on' comes a moment before packets are recorded: send datagrams to a port of
    the filter (no game port: the capture lists it as unmapped) until every file has one.
    Returns why not, if dumpcap stopped or recorded nothing."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for proc in procs:
            if proc.proc.poll() is not None:
                proc.thread.join(1)
                return proc.why()
        probe.sendto(b"probe", probe.getsockname())
        time.sleep(0.1)
        if all(_has_record(path) for path in paths):
            return None
    return "dumpcap started but recorded nothing on the loopback interface"


def _has_record(path: Path) -> bool:
    try:
        with open_capture(path) as cap:
            return next(iter(cap), None) is not None
    except (OSError, pkttools.PkttoolsError):
        return False


def _written(tmp: Path, ports: dict[str, str], plan: list[Session], datagrams
             ) -> dict[str, Path]:
    by_service = {svc: int(p.split("/")[0]) for p, svc in ports.items()}
    frames = []
    for number, session in enumerate(plan):
        conv = Conversation(client=("127.0.0.1", 41000 + number),
                            server=("127.0.0.1", by_service[session.service]),
                            isn={"client": 1000 * number + 7, "server": 4_294_000_000 + number})
        conv.handshake()
        # Interleave the two directions piece by piece, as the sockets do.
        pieces = {d: list(_pieces(session.data[d], session.chunks[d])) for d in session.data}
        while pieces["client"] or pieces["server"]:
            for direction in ("server", "client"):
                if pieces[direction]:
                    piece = pieces[direction].pop(0)
                    conv.send(direction, piece)
        conv.close()
        frames += conv.frames(start=1_700_000_000 + number)
    client = ("127.0.0.1", 42000)
    server = ("127.0.0.1", by_service["ffxi.world"])
    for i, (sender, payload, *_) in enumerate(datagrams):
        src, dst = (client, server) if sender == "client" else (server, client)
        frame = link_frame(udp_packet(src, dst, payload), 1)
        frames.append((1_700_001_000 + i * 0.01, frame, len(frame)))
    files = {"pcapng": tmp / "written.pcapng", "pcap": tmp / "written.pcap"}
    with open(files["pcapng"], "wb") as out:
        write_pcapng(out, frames)
    with open(files["pcap"], "wb") as out:
        write_pcap(out, frames)
    return files


__all__ = ["record", "Recorded", "Session", "sessions", "tcp_packets", "ffxi_datagrams",
           "on_the_wire", "KEYS", "PANGYA_KEY", "FFXI_KEY"]
