"""A fake TMW login + char + map server written with pkttools, far enough for a real client to
enter a map: it answers each request with the packet tmwAthena would send (built with
pkttools.build from plain field values) and records every packet the client sends (split with
pkttools.Splitter). Used by tests/test_tmw_e2e.py to drive ManaPlus; runnable alone
(`python tests/tmwfake.py`) to point a client at it by hand.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field

import pkttools
from pkttools.stream.items import Frame

ACCOUNT = 2000000
CHAR_ID = 150000
KEYS = (0x1A2B3C4D, 0x0D0C0B0A)
NAME = "Pkt Tester"

RECORD = {  # one character of 0x006b, as tmwAthena fills it (mmo_char_send006b)
    "char_id": CHAR_ID, "base_exp": 0, "zeny": 0, "job_exp": 0, "job_level": 1, "shoes": 0,
    "gloves": 0, "cape": 0, "misc1": 0, "option": 0, "unused": 0, "karma": 0, "manner": 0,
    "status_point": 48, "hp": 42, "max_hp": 42, "sp": 11, "max_sp": 11, "speed": 150,
    "species": 0, "hair_style": 5, "weapon": 0, "base_level": 1, "skill_point": 0,
    "head_bottom": 0, "shield": 0, "head_top": 0, "head_mid": 0, "hair_color": 3, "misc2": 0,
    "name": NAME, "stats": {"str": 5, "agi": 5, "vit": 5, "int": 5, "dex": 5, "luk": 5},
    "slot": 0, "sex": "male"}


def packet(protocol: str, name: str, **fields) -> bytes:
    return pkttools.build_frame(protocol, {"packet": name, "fields": fields})


@dataclass
class FakeServer:
    """Three listening sockets on 127.0.0.1 (ports chosen by the system) and one thread each."""

    map_name: str = "029-2"
    position: tuple[int, int] = (22, 24)
    received: list[tuple[str, str, dict]] = field(default_factory=list)  # (protocol, name, fields)
    errors: list[str] = field(default_factory=list)
    map_loaded: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self):
        self.sockets = {}
        for service in ("login", "char", "map"):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", 0))
            sock.listen(4)
            sock.settimeout(0.5)
            self.sockets[service] = sock
        self.ports = {s: sock.getsockname()[1] for s, sock in self.sockets.items()}
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._serve, args=(s,), daemon=True)
                        for s in self.sockets]

    def __enter__(self) -> "FakeServer":
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(5)
        for sock in self.sockets.values():
            sock.close()

    # -- answers ---------------------------------------------------------------------------

    def answer(self, service: str, name: str, fields: dict) -> list[bytes]:
        """What tmwAthena sends back to one client packet."""
        login, char, map_ = "tmw.login.server", "tmw.char.server", "tmw.map.server"
        if (service, name) == ("login", "server_version_request"):
            return [packet(login, "server_version", major=23, minor=10, patch=22, devel=0,
                           registration_enabled=True, unused_flags=0, is_login_server=True,
                           is_char_server=False, is_inter_server=False, is_map_server=False,
                           unused_which=0, vendor_point=0)]
        if (service, name) == ("login", "login_request"):
            entry = {"ip": bytes([127, 0, 0, 1]), "port": self.ports["char"],
                     "name": "Fake World", "users": 1, "maintenance": 0, "is_new": 0}
            return [packet(login, "login_data", login_id1=KEYS[0], account_id=ACCOUNT,
                           login_id2=KEYS[1], unused=0, last_login="", unused2=0,
                           sex="unspecified", char_servers=[entry])]
        if (service, name) == ("char", "char_server_connect"):
            return [packet(char, "hold", len_packet=4),
                    packet(char, "char_login", unused=bytes(20), characters=[RECORD])]
        if (service, name) == ("char", "char_select"):
            return [packet(char, "char_map_info", char_id=CHAR_ID, map_name=self.map_name,
                           map_ip=bytes([127, 0, 0, 1]), map_port=self.ports["map"])]
        if (service, name) == ("map", "map_server_connect"):
            x, y = self.position
            tick = int(time.monotonic() * 1000) & 0xFFFFFFFF
            return [packet(map_, "hold", len_packet=4),
                    packet(map_, "map_login_success", tick=tick,
                           position={"x": x, "y": y, "direction": "south"}, five1=5, five2=5)]
        if (service, name) == ("map", "map_loaded"):
            self.map_loaded.set()
        if (service, name) == ("map", "map_ping"):
            return [packet(map_, "server_ping", tick=fields["client_tick"])]
        return []

    # -- plumbing --------------------------------------------------------------------------

    def _serve(self, service: str) -> None:
        listener = self.sockets[service]
        while not self.stop.is_set():
            try:
                conn, _ = listener.accept()
            except (socket.timeout, OSError):
                continue
            threading.Thread(target=self._client, args=(service, conn), daemon=True).start()

    def _client(self, service: str, conn: socket.socket) -> None:
        protocol = f"tmw.{service}.client"
        splitter = pkttools.Splitter(protocol)
        conn.settimeout(0.5)
        with conn:
            while not self.stop.is_set():
                try:
                    data = conn.recv(65536)
                except socket.timeout:
                    continue
                except OSError:
                    return
                if not data:
                    return
                for item in splitter.feed(data):
                    if not isinstance(item, Frame):
                        self.errors.append(f"{protocol}: {item!r}")
                        return
                    fields = item.packet.fields()
                    self.received.append((protocol, item.packet.name, fields))
                    for reply in self.answer(service, item.packet.name, fields):
                        conn.sendall(reply)


if __name__ == "__main__":
    with FakeServer() as server:
        print(f"login on 127.0.0.1:{server.ports['login']} (char {server.ports['char']}, "
              f"map {server.ports['map']}); Ctrl-C to stop")
        try:
            while True:
                time.sleep(1)
                while server.received:
                    print(*server.received.pop(0))
        except KeyboardInterrupt:
            pass
