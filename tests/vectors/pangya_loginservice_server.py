"""PangYa LoginService, server to client (ksy/pangya/loginservice/server/).

The five hex examples of the seed (packetdoc's 0x0001 page), which are also the five real
captures in examples/pangya/loginservice/server/TH.R6.829.01/, in page order; the TH captures
of 0x0002 and 0x0009; and packets as server implementations write them: hsreina/pangya-server
(src/Server/Sync/SyncServer.pas GameServerList and LoginGamePlayer, src/Server/Login/
LoginServer.pas HandlePlayerServerSelect, src/Packets/Server/PlayerMacrosPacket.pas).
"""

from pkttools.publish.vectors import for_protocol

vector = for_protocol("pangya.loginservice.server")
CAPTURES = "examples/pangya/loginservice/server/TH.R6.829.01"
AGENT = "Captured from the Thai client TH.R6.829.01 (packetdoc's examples)."

INVALID_CREDENTIALS = vector(
    "invalid_credentials", "login", bytes.fromhex("01 00 e3 6f d2 4d 00"),
    {"status": "error", "response": {"error_code": "invalid_credentials"}},
    title="Login refused: invalid credentials", doc=AGENT,
    source=f"{CAPTURES}/0001-190812.0136-0000-379a.bin")

ALREADY_LOGGED_IN = vector(
    "already_logged_in", "login", bytes.fromhex("01 00 e3 f3 d1 4d 00"),
    {"status": "error", "response": {"error_code": "already_logged_in"}},
    title="Login refused: already logged in", doc=AGENT + " The client answers with 0x0004 Ghost.",
    source=f"{CAPTURES}/0001-190812.0136-0000-9b10.bin")

NEED_SET_NICKNAME = vector(
    "need_set_nickname", "login", bytes.fromhex("01 00 d9 ff ff ff ff"),
    {"status": "need_set_nickname", "response": {"unused": "ffffffff"}},
    title="First login: the user must choose a nickname", doc=AGENT,
    source=f"{CAPTURES}/0001-190812.0136-0002-6b25.bin")

NEED_SELECT_CHARACTER = vector(
    "need_select_character", "login", bytes.fromhex("01 00 da"),
    {"status": "need_select_character", "response": {}},
    title="The user must select a character", doc=AGENT,
    source=f"{CAPTURES}/0001-190812.0138-0006-ceeb.bin")

SUCCESS = vector(
    "success", "login", bytes.fromhex(
        "01 00"  # packet_id: login
        "00"  # status: success
        "07 00 70 61 6e 67 62 6f 78"  # username: "pangbox"
        "d2 c4 49 00"  # user_id: 4834514
        "00 00 00 00 25 00 00 00 00 00 00 00 00 00"  # unknown
        "00 00"),  # nickname: ""
    {
        "status": "success",
        "response": {
            "username": {"len_value": 7, "value": "pangbox"},
            "user_id": 4834514,
            "unknown": "0000000025000000000000000000",
            "nickname": {"len_value": 0, "value": ""},
        },
    },
    title="Successful login", doc=AGENT + " Official servers send an empty nickname after "
    "the first login.",
    source=f"{CAPTURES}/0001-190812.0139-000a-48a8.bin")

UNKNOWN_ERROR_CODE = vector(
    "unknown_error_code", "login", bytes.fromhex("01 00 e3 01 00 00 00"),
    {"status": "error", "response": {"error_code": 1}},
    title="An error code outside the enum keeps its number",
    doc="Made up: error code 1 is not one of the known codes.")

# -- 0x0002 game server list, 0x0009 message server list ----------------------------------------

def fixed(text: str, after: str, width: int) -> dict:
    """A fixed-width text field (pangya_fixed_text) as plain data: the text, and the bytes
    the sender left after its NUL (hex)."""
    after_nul = bytes.fromhex(after)
    assert len(text.encode("iso8859_11")) + 1 + len(after_nul) == width
    return {"value": text, "after_nul": after_nul.hex()}

# 0002-190812.0431-0003-0803.bin: eleven game servers of the Thai service, 92 bytes each.
GAME_SERVER_LIST = bytes.fromhex(
    "02 00 0b"
    # servers[0]
    "ca d8 a2 d8 c1 c7 d4 b7 00 51 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "e9 4e 00 00 b0 04 00 00 16 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 36 00 00 39 0a"
    "e9 4e 00 00 00 08 00 00 03 00 00 00 04 00 00 00 00 00 00 00 09 00"
    # servers[1]
    "ca c2 d2 c1 00 c7 d4 b7 00 51 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "ea 4e 00 00 b0 04 00 00 02 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 37 00 00 39 0a"
    "e9 4e 00 00 00 08 00 00 00 00 00 00 04 00 00 00 00 00 00 00 03 00"
    # servers[2]
    "e0 b4 e7 a1 cd cd bf bf d4 c8 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "ed 4e 00 00 b0 04 00 00 03 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 38 00 00 39 0a"
    "e9 4e 00 00 00 08 00 00 00 00 00 00 04 00 00 00 00 00 00 00 01 00"
    # servers[3]
    "e0 b4 e7 a1 cd d5 ca d2 b9 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "ee 4e 00 00 b0 04 00 00 00 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 37 00 00 39 0a"
    "ea 4e 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 06 00"
    # servers[4]
    "e0 b4 e7 a1 b9 cd a1 00 b9 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "ef 4e 00 00 b0 04 00 00 01 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 38 00 00 39 0a"
    "ea 4e 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 07 00"
    # servers[5]
    "e0 b4 e7 a1 e2 ca b4 00 b9 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "f1 4e 00 00 b0 04 00 00 00 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 37 00 00 39 0a"
    "eb 4e 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 09 00"
    # servers[6]
    "e0 b4 e7 a1 e3 b5 e9 00 b9 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "f3 4e 00 00 b0 04 00 00 01 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 39 00 00 39 0a"
    "e9 4e 00 00 00 08 00 00 00 00 00 00 02 00 00 00 00 00 00 00 03 00"
    # servers[7]
    "c1 d7 cd e3 cb c1 e8 00 b9 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "f4 4e 00 00 b0 04 00 00 00 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 36 00 00 39 0a"
    "ea 4e 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 07 00"
    # servers[8]
    "c5 d2 b4 be c3 e9 d2 c7 00 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "f8 4e 00 00 b0 04 00 00 06 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 38 00 00 39 0a"
    "eb 4e 00 00 00 08 00 00 03 00 00 00 02 00 00 00 00 00 00 00 09 00"
    # servers[9]
    "a8 b5 d8 a8 d1 a1 c3 00 00 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "f9 4e 00 00 b0 04 00 00 12 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 39 00 00 39 0a"
    "ea 4e 00 00 80 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00 03 00"
    # servers[10]
    "45 76 65 6e 74 00 c3 00 00 00 00 00 00 00 00 00 48 31 da 14"
    "03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"
    "fc 4e 00 00 b0 04 00 00 00 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 39 00 00 39 0a"
    "eb 4e 00 00 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 02 00")

# The 24 bytes every name of that list ends in (name offsets 16-39), after its NUL.
STALE = "48 31 da 14 03 00 00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00"

# Per server: name, the bytes between its NUL and STALE, server_id, num_users, address, port,
# flags, num_angelic_wings, boosts, icon. max_users is 1200 and event_map, app_rate and
# scratchy_rate are 0 everywhere; every address ends in the stale bytes 00 00 39 0a.
GAME_SERVERS = [
    ("สุขุมวิท", "51 00 00 00 00 00 00", 20201, 22, "203.107.140.36", 20201, 0x800, 3, 4, "azer"),
    ("สยาม", "c7 d4 b7 00 51 00 00 00 00 00 00", 20202, 2, "203.107.140.37", 20201, 0x800, 0, 4,
     "dolfini"),
    ("เด็กออฟฟิศ", "00 00 00 00 00", 20205, 3, "203.107.140.38", 20201, 0x800, 0, 4, "pippin"),
    ("เด็กอีสาน", "00 00 00 00 00 00", 20206, 0, "203.107.140.37", 20202, 0x800, 0, 0, "tiki"),
    ("เด็กนอก", "b9 00 00 00 00 00 00 00", 20207, 1, "203.107.140.38", 20202, 0x800, 0, 0, "cadie"),
    ("เด็กโสด", "b9 00 00 00 00 00 00 00", 20209, 0, "203.107.140.37", 20203, 0x800, 0, 0, "azer"),
    ("เด็กใต้", "b9 00 00 00 00 00 00 00", 20211, 1, "203.107.140.39", 20201, 0x800, 0, 2,
     "dolfini"),
    ("มือใหม่", "b9 00 00 00 00 00 00 00", 20212, 0, "203.107.140.36", 20202, 0x800, 0, 0, "cadie"),
    ("ลาดพร้าว", "00 00 00 00 00 00 00", 20216, 6, "203.107.140.38", 20203, 0x800, 3, 2, "azer"),
    ("จตุจักร", "00 00 00 00 00 00 00 00", 20217, 18, "203.107.140.39", 20202, 0x80, 0, 2,
     "dolfini"),
    ("Event", "c3 00 00 00 00 00 00 00 00 00", 20220, 0, "203.107.140.39", 20203, 0x800, 0, 0,
     "titan_boo"),
]

def th_game_server(name, between, server_id, num_users, address, port, flags, wings, boosts,
                   icon) -> dict:
    return {
        "name": fixed(name, between + STALE, 40),
        "server_id": server_id,
        "max_users": 1200,
        "num_users": num_users,
        "ip_address": fixed(address, "00 39 0a", 18),
        "port": port,
        "flags": flags,
        "num_angelic_wings": wings,
        "boosts": boosts,
        "event_map": 0,
        "app_rate": 0,
        "scratchy_rate": 0,
        "icon": icon,
    }

# 0009-181031.0013-9dcc.0000.dafc.0004-61a3.bin and 0009-190812.0316-fe16.0000.eede.0004-3be3.bin:
# the Thai messenger server, ten months apart.
MESSAGE_SERVER_LIST_2018 = bytes.fromhex(
    "09 00 01"
    "4d 65 73 73 65 6e 67 65 72 53 65 72 76 65 72 23 31 00 00 00"
    "00 38 f2 00 78 e0 95 09 00 00 00 00 c8 51 00 00 00 00 00 00"
    "5d 76 00 00 40 1f 00 00 58 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 34 00 00 00 00"
    "76 27 00 00 00 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00")
MESSAGE_SERVER_LIST_2019 = bytes.fromhex(
    "09 00 01"
    "4d 65 73 73 65 6e 67 65 72 53 65 72 76 65 72 23 31 00 00 00"
    "10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00 00 00 00 00"
    "5d 76 00 00 40 1f 00 00 7e 00 00 00"
    "32 30 33 2e 31 30 37 2e 31 34 30 2e 33 34 00 00 00 00"
    "76 27 00 00 00 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00")


def th_messenger(after_name: str, num_users: int) -> dict:
    return {
        "name": fixed("MessengerServer#1", after_name, 40),
        "server_id": 30301,
        "max_users": 8000,
        "num_users": num_users,
        "ip_address": fixed("203.107.140.34", "00 00 00", 18),
        "port": 10102,
        "flags": 0x1000,
        "num_angelic_wings": 0,
        "boosts": 0,
        "event_map": 0,
        "app_rate": 0,
        "scratchy_rate": 0,
        "icon": 0,
    }

# hsreina's TSyncServer.GameServerList for one registered game server named "Free" on
# 127.0.0.1:20201: the name padded to 16 bytes, then 24 zero bytes; a constant id 7f 00 00 01,
# 1600 max users, 69 users; the host padded to 15 bytes and 3 zero bytes; the u2 port and
# 00 00; 00 00 08 00 ("kind of server status"), 8 ("Wings"), 0, 100, icon 3, 0.
HSREINA_GAME_SERVER_LIST = bytes.fromhex(
    "02 00 01"
    "46 72 65 65 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
    "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
    "7f 00 00 01 40 06 00 00 45 00 00 00"
    "31 32 37 2e 30 2e 30 2e 31 00 00 00 00 00 00 00 00 00"
    "e9 4e 00 00 00 00 08 00 08 00 00 00 00 00 00 00 64 00 00 00 03 00")

# hsreina TLoginServer.HandlePlayerServerSelect: 03 00, four zero bytes, WritePStr('1f766c8').
SESSION_KEY = bytes.fromhex("03 00 00 00 00 00 07 00 31 66 37 36 36 63 38")
# hsreina TSyncServer.LoginGamePlayer: 10 00, WritePStr('178d22e').
LOGIN_KEY = bytes.fromhex("10 00 07 00 31 37 38 64 32 32 65")
# The key the Pangbox client capture of client 0x000B sends back, as 0x0010 carries it.
LOGIN_KEY_PANGBOX = bytes.fromhex("10 00 07 00 34 30 64 32 33 32 66")

# hsreina TPlayerMacrosPacket: WriteStr('test 1', 64) ... WriteStr('test 9', 64), NUL-padded.
CHAT_MACROS = bytes.fromhex("06 00") + b"".join(
    f"test {i}".encode().ljust(64, b"\x00") for i in range(1, 10))


GAME_SERVER_LIST = vector(
    "game_server_list_th", "game_server_list", GAME_SERVER_LIST,
    {"num_servers": 11, "servers": [th_game_server(*row) for row in GAME_SERVERS]},
    title="The Thai service's eleven game servers",
    doc=AGENT + " The server reuses one buffer for the names: stale bytes follow each NUL.",
    source=f"{CAPTURES}/0002-190812.0431-0003-0803.bin")

MESSAGE_SERVER_LIST_2018 = vector(
    "message_server_list_2018", "message_server_list", MESSAGE_SERVER_LIST_2018,
    {"num_servers": 1, "servers": [th_messenger(
        "00 00 00 38 f2 00 78 e0 95 09 00 00 00 00 c8 51 00 00 00 00 00 00", 88)]},
    title="The Thai messenger server (2018)", doc=AGENT,
    source=f"{CAPTURES}/0009-181031.0013-9dcc.0000.dafc.0004-61a3.bin")

MESSAGE_SERVER_LIST_2019 = vector(
    "message_server_list_2019", "message_server_list", MESSAGE_SERVER_LIST_2019,
    {"num_servers": 1, "servers": [th_messenger(
        "00 00 10 38 f3 00 00 00 00 00 00 00 00 00 c8 51 00 00 00 00 00 00", 126)]},
    title="The Thai messenger server (2019)", doc=AGENT + " Icon 0 is no icon of the enum.",
    source=f"{CAPTURES}/0009-190812.0316-fe16.0000.eede.0004-3be3.bin")

HSREINA_GAME_SERVER_LIST = vector(
    "game_server_list_hsreina", "game_server_list", HSREINA_GAME_SERVER_LIST,
    {"num_servers": 1, "servers": [{
        "name": fixed("Free", "00" * 35, 40),
        "server_id": 0x0100007F,
        "max_users": 1600,
        "num_users": 69,
        "ip_address": fixed("127.0.0.1", "00" * 8, 18),
        "port": 20201,
        "flags": 0x80000,
        "num_angelic_wings": 8,
        "boosts": 0,
        "event_map": 0,
        "app_rate": 100,
        "scratchy_rate": 0,
        "icon": "dolfini",
    }]},
    title="One game server as hsreina/pangya-server lists it",
    doc="hsreina/pangya-server TSyncServer.GameServerList: buffers cleared, so zeros after "
    "each NUL.")

# -- 0x0003 session key, 0x0010 login key, 0x0006 chat macros --------------------------------

SESSION_KEY = vector(
    "session_key", "session_key", SESSION_KEY,
    {"option": 0, "session_key": {"len_value": 7, "value": "1f766c8"}},
    title="Session key for the selected game server",
    doc="hsreina/pangya-server TLoginServer.HandlePlayerServerSelect.")

LOGIN_KEY = vector(
    "login_key", "login_key", LOGIN_KEY,
    {"login_key": {"len_value": 7, "value": "178d22e"}},
    title="Login key", doc="hsreina/pangya-server TSyncServer.LoginGamePlayer.")

LOGIN_KEY_PANGBOX = vector(
    "login_key_pangbox", "login_key", LOGIN_KEY_PANGBOX,
    {"login_key": {"len_value": 7, "value": "40d232f"}},
    title="Login key the Pangbox client sends back",
    doc="The key of the Pangbox client capture of client 0x000B, as 0x0010 carries it.")

CHAT_MACROS = vector(
    "chat_macros", "chat_macro_list", CHAT_MACROS,
    {"macros": [f"test {i}" for i in range(1, 10)]},
    title="Nine chat macros",
    doc="hsreina/pangya-server TPlayerMacrosPacket: WriteStr('test 1', 64) ... NUL-padded.")

# -- 0x0000 hello --------------------------------------------------------------------------------
# The payload of the hello frame, which travels in the clear: the frame adds `00`, the u16 body
# length and a `00` before it (pkttools/layers/pangya.py reads the key from it).

HELLO_PANGCRYPT = vector(
    "hello_pangcrypt", "hello", bytes.fromhex(
        "00 00"  # packet_id: hello
        "0c 00 00 00"  # key: 12
        "75 27 00 00"),  # server_uid: 10101
    {"key": 12, "server_uid": 10101},
    title="Hello: the connection's key",
    doc="The LoginService hello frame of pangbox/pangcrypt's README, `00 0b 00 00` and this "
    "payload; pangbox/server's login server sends the same (its ConnectMessage, server id "
    "10101).")

HELLO_HSREINA = vector(
    "hello_hsreina", "hello", bytes.fromhex(
        "00 00"  # packet_id: hello
        "05 00 00 00"  # key: 5 (the client's key byte, then three zero bytes)
        "0f 27 00 00"),  # server_uid: 9999
    {"key": 5, "server_uid": 9999},
    title="Hello as hsreina/pangya-server sends it",
    doc="hsreina/pangya-server TLoginServer.OnClientConnect, for a client whose key is 5.")
