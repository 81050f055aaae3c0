"""PangYa LoginService, server to client (ksy/pangya/loginservice/server/).

The five hex examples of the seed (packetdoc's 0x0001 page), which are also the five real
captures in examples/pangya/loginservice/server/TH.R6.829.01/, in page order.
"""

from pkttools.vectors import for_protocol

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
