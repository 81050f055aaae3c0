"""PangYa LoginService, client to server (ksy/pangya/loginservice/client/).

The seven client captures in examples/pangya/loginservice/client/ (packetdoc's examples); the
folder below client/ names the client build that sent them.
"""

from pkttools.publish.vectors import for_protocol

vector = for_protocol("pangya.loginservice.client")
CAPTURES = "examples/pangya/loginservice/client"

LOGIN_GB = vector(
    "login_gb", "login", bytes.fromhex(
        "01 00"  # packet_id: login
        "04 00 6a 6f 68 6e"  # username: "john"
        "20 00 30 39 38 46 36 42 43 44 34 36 32 31 44 33 37 33 43 41 44 45 34 45 38 33 32 36"
        "32 37 42 34 46 36"  # password: the MD5 of "test", 32 upper-case hex digits
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),  # padding: 17 zero bytes
    {
        "username": {"len_value": 4, "value": "john"},
        "password": {"len_value": 32, "value": "098F6BCD4621D373CADE4E832627B4F6"},
        "padding": "00" * 17,
    },
    title="Login as john", doc="Captured from the GB.R7.852.00 client.",
    source=f"{CAPTURES}/GB.R7.852.00/0001-181018.1255-0000-7af0.bin")

SELECT_SERVER_GB = vector(
    "select_server_gb", "select_server", bytes.fromhex("03 00 ea 4e 00 00"),
    {"server_id": 20202},
    title="Select game server 20202", doc="Captured from the GB.R7.852.00 client.",
    source=f"{CAPTURES}/GB.R7.852.00/0003-181018.1255-0006-036b.bin")

GHOST_TH = vector(
    "ghost_th", "ghost", bytes.fromhex("04 00"), {},
    title="End the old session (after already_logged_in)",
    doc="Captured from the TH.R6.829.01 client: the packet id alone.",
    source=f"{CAPTURES}/TH.R6.829.01/0004-190812.1704-0000-6516.bin")

SET_NICKNAME_TH = vector(
    "set_nickname_th", "set_nickname", bytes.fromhex("06 00 07 00 70 61 6e 67 62 6f 78"),
    {"nickname": {"len_value": 7, "value": "pangbox"}},
    title="Set the nickname pangbox", doc="Captured from the TH.R6.829.01 client.",
    source=f"{CAPTURES}/TH.R6.829.01/0006-190812.0138-0005-27ef.bin")

CHECK_NICKNAME_TH = vector(
    "check_nickname_th", "check_nickname", bytes.fromhex("07 00 07 00 70 61 6e 67 62 6f 78"),
    {"nickname": {"len_value": 7, "value": "pangbox"}},
    title="Check whether the nickname pangbox is free",
    doc="Captured from the TH.R6.829.01 client.",
    source=f"{CAPTURES}/TH.R6.829.01/0007-190812.0138-0003-6a0f.bin")

SELECT_CHARACTER_TH = vector(
    "select_character_th", "select_character", bytes.fromhex("08 00 09 00 00 04 02 00"),
    {"character_type_id": 0x04000009, "hair_color": 2, "shirt": 0},
    title="Select character 0x04000009 with hair colour 2",
    doc="Captured from the TH.R6.829.01 client.",
    source=f"{CAPTURES}/TH.R6.829.01/0008-190812.0139-0007-9e06.bin")

RECONNECT_PANGBOX = vector(
    "reconnect_pangbox", "reconnect", bytes.fromhex(
        "0b 00"  # packet_id: reconnect
        "07 00 70 61 6e 67 62 6f 78"  # username: "pangbox"
        "d2 c4 49 00"  # user_id: 4834514
        "07 00 34 30 64 32 33 32 66"),  # session_token: "40d232f"
    {
        "username": {"len_value": 7, "value": "pangbox"},
        "user_id": 4834514,
        "session_token": {"len_value": 7, "value": "40d232f"},
    },
    title="Reconnect with the key of server 0x0010", doc="Captured from the Pangbox client.",
    source=f"{CAPTURES}/Pangbox/000b-190817-1320-0000-101b.bin")
