"""The Mana World login server, server to client (ksy/tmw/login/server/).

Built from the layouts in themanaworld/tmwa tools/protocol.py and from tmwAthena's writing code
in src/login/login.cpp: send_packet_repeatonly<0x0063> (URL plus one NUL), the 0x2742 handler
that fills 0x0069 (unused 0, empty last-login, sex UNSPECIFIED, maintenance and is_new 0),
parse_login's 0x006A / 0x0081 answers, and the 0x7530 handler (CURRENT_LOGIN_SERVER_VERSION
with flags = new_account). Every integer is little-endian; IPv4 addresses are the four bytes in
network order.
"""

from pkttools.publish.vectors import for_protocol

vector = for_protocol("tmw.login.server")

# -- 0x0063 -----------------------------------------------------------------------------------
URL = ("68 74 74 70 3a 2f 2f 75 70 64 61 74 65 73 2e 74"      # http://updates.t
       "68 65 6d 61 6e 61 77 6f 72 6c 64 2e 6f 72 67")        # hemanaworld.org

UPDATE_HOST = vector(
    "update_host", "update_host", bytes.fromhex("63 00 24 00" + URL + "00"),
    {"len_packet": 36, "update_host": "http://updates.themanaworld.org"},
    title="Update host with the NUL tmwAthena appends",
    doc="Length 36 = 4 + the 31-byte URL + the NUL tmwAthena appends.")

UPDATE_HOST_WITHOUT_NUL = vector(
    "update_host_without_nul", "update_host", bytes.fromhex("63 00 23 00" + URL),
    {"len_packet": 35, "update_host": "http://updates.themanaworld.org"},
    title="Update host without a NUL",
    doc="ManaPlus reads length - 4 bytes and cuts at a NUL if there is one: both forms work.")

UPDATE_HOST_EMPTY = vector(
    "update_host_empty", "update_host", bytes.fromhex("63 00 04 00"),
    {"len_packet": 4, "update_host": ""},
    title="An empty update host")

# -- 0x0069 -----------------------------------------------------------------------------------
# 0x0069 head (47 bytes): length, login_id1, account_id 2000000 (tmwAthena's first account),
# login_id2, unused 0, last_login empty (24 NULs), unused2 0, sex 2 (unspecified).
LOGIN_DATA_HEAD = (
    "3e 2c 1d 4b"                                                                # login_id1
    "80 84 1e 00"                                                                # account_id
    "0d 0c 0b 0a"                                                                # login_id2
    "00 00 00 00"                                                                # unused
    "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"    # last_login
    "00 00"                                                                      # unused2
    "02")                                                                        # sex
HEAD_FIELDS = {
    "login_id1": 0x4B1D2C3E,
    "account_id": 2000000,
    "login_id2": 0x0A0B0C0D,
    "unused": 0,
    "last_login": "",
    "unused2": 0,
    "sex": "unspecified",
}

# One char-server entry: 203.0.113.7:6122 "The Mana World", 42 users.
ENTRY_TMW = (
    "cb 00 71 07"                                                    # ip 203.0.113.7
    "ea 17"                                                          # port 6122
    "54 68 65 20 4d 61 6e 61 20 57 6f 72 6c 64 00 00 00 00 00 00"    # "The Mana World"
    "2a 00"                                                          # users 42
    "00 00"                                                          # maintenance
    "00 00")                                                         # is_new
TMW_SERVER = {"ip": "cb007107", "port": 6122, "name": "The Mana World", "users": 42,
              "maintenance": 0, "is_new": 0, "ip_dotted": "203.0.113.7"}

LOGIN_DATA_NONE = vector(
    "login_data_none", "login_data", bytes.fromhex("69 00 2f 00" + LOGIN_DATA_HEAD),
    {"len_packet": 47, **HEAD_FIELDS, "char_servers": [], "num_char_servers": 0},
    title="Login data with no char-server",
    doc="Length 47. tmwAthena answers 0x0081 instead, but the layout allows it and ManaPlus "
        "reads it as an empty list.")

LOGIN_DATA_ONE = vector(
    "login_data_one", "login_data", bytes.fromhex("69 00 4f 00" + LOGIN_DATA_HEAD + ENTRY_TMW),
    {"len_packet": 79, **HEAD_FIELDS, "char_servers": [TMW_SERVER], "num_char_servers": 1},
    title="Login data with one char-server",
    doc="Length 79: 203.0.113.7:6122 \"The Mana World\", 42 users, for tmwAthena's first "
        "account (2000000).")

LOGIN_DATA_THREE = vector(
    "login_data_three", "login_data", bytes.fromhex(
        "69 00 8f 00" + LOGIN_DATA_HEAD + ENTRY_TMW +
        "c6 33 64 14"                                                    # ip 198.51.100.20
        "eb 17"                                                          # port 6123
        "54 65 73 74 69 6e 67 00 00 00 00 00 00 00 00 00 00 00 00 00"    # "Testing"
        "03 00"                                                          # users 3
        "00 00"
        "00 00"
        "0a 00 00 ff"                                                    # ip 10.0.0.255
        "34 12"                                                          # port 0x1234
        "54 4d 57 20 44 65 76 65 6c 6f 70 6d 65 6e 74 20 53 72 76 31"    # "TMW Development Srv1"
        "00 00"                                                          # users 0
        "01 00"                                                          # maintenance 1
        "01 00"),                                                        # is_new 1
    {
        "len_packet": 143,
        **HEAD_FIELDS,
        "char_servers": [
            TMW_SERVER,
            {"ip": "c6336414", "port": 6123, "name": "Testing", "users": 3,
             "maintenance": 0, "is_new": 0, "ip_dotted": "198.51.100.20"},
            {"ip": "0a0000ff", "port": 0x1234, "name": "TMW Development Srv1", "users": 0,
             "maintenance": 1, "is_new": 1, "ip_dotted": "10.0.0.255"},
        ],
        "num_char_servers": 3,
    },
    title="Login data with three char-servers",
    doc="Length 143. The third name fills its 20 bytes (no NUL), and its maintenance / is_new "
        "are set, which tmwAthena never does but other servers may.")

# -- 0x006A -----------------------------------------------------------------------------------
LOGIN_ERROR_BANNED = vector(
    "login_error_banned", "login_error", bytes.fromhex(
        "6a 00"
        "06"
        "32 30 32 36 2d 31 32 2d 33 31 20 32 33 3a 35 39 3a 35 39 00"),  # "2026-12-31 23:59:59"
    {"code": "banned_until", "message": "2026-12-31 23:59:59"},
    title="Login error: banned until a date",
    doc="Code 6 with the ban end as stamp_time writes it: 19 characters and a NUL.")

LOGIN_ERROR_WRONG_PASSWORD = vector(
    "login_error_wrong_password", "login_error", bytes.fromhex("6a 00 01" + "00" * 20),
    {"code": "wrong_password", "message": ""},
    title="Login error: wrong password", doc="Code 1; the message is 20 NULs.")

LOGIN_ERROR_UNKNOWN_CODE = vector(
    "login_error_unknown_code", "login_error", bytes.fromhex("6a 00 2a" + "00" * 20),
    {"code": 42, "message": ""},
    title="Login error with a code outside the enum", doc="Code 42 keeps its number.")

LOGIN_ERROR_FULL_MESSAGE = vector(
    "login_error_full_message", "login_error",
    bytes.fromhex("6a 00 06") + b"Contact the GM team!",  # 20 characters, no NUL
    {"code": "banned_until", "message": "Contact the GM team!"},
    title="Login error whose message fills the 20 bytes")

# -- 0x0081 -----------------------------------------------------------------------------------
CONNECTION_PROBLEM_NO_SERVER = vector(
    "connection_problem_no_server", "connection_problem", bytes.fromhex("81 00 01"),
    {"code": "no_server"},
    title="Connection problem: no char-server",
    doc="Code 1: no char-server connected, or GM level below the minimum.")

CONNECTION_PROBLEM_UNKNOWN_CODE = vector(
    "connection_problem_unknown_code", "connection_problem", bytes.fromhex("81 00 4d"),
    {"code": 77},
    title="Connection problem with a code outside the enum", doc="Code 77 keeps its number.")

# -- 0x7531 -----------------------------------------------------------------------------------
SERVER_VERSION = vector(
    "server_version", "server_version", bytes.fromhex("31 75 17 0a 16 00 01 01 00 00"),
    {
        "major": 23, "minor": 10, "patch": 22, "devel": 0,
        "registration_enabled": True, "unused_flags": 0,
        "is_login_server": True, "is_char_server": False, "is_inter_server": False,
        "is_map_server": False, "unused_which": 0,
        "vendor_point": 0,
    },
    title="Server version of a tmwAthena login server",
    doc="tmwAthena v23.10.22 with account creation on: major 23, minor 10, patch 22, devel 0, "
        "flags 0x01 (registration), which 0x01 (login server), vend 0.")

SERVER_VERSION_CHAR_SERVER = vector(
    "server_version_char_server", "server_version",
    bytes.fromhex("31 75 17 0a 16 02 00 06 03 00"),
    {
        "major": 23, "minor": 10, "patch": 22, "devel": 2,
        "registration_enabled": False, "unused_flags": 0,
        "is_login_server": False, "is_char_server": True, "is_inter_server": True,
        "is_map_server": False, "unused_which": 0,
        "vendor_point": 3,
    },
    title="Server version of a char-server without registration",
    doc="A char-server answers with which = CHAR | INTER (0x06); a vendor build with point 3.")
