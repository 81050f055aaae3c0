"""The Mana World login server, client to server (ksy/tmw/login/client/).

Built from the layouts in themanaworld/tmwa tools/protocol.py and from the client's writing
code, ManaPlus src/net/tmwa/loginhandler.cpp (sendLoginRegister: u32 version, two 24-byte
NUL-padded strings written by MessageOut::writeString, flags byte 0x03) and
LoginHandler::connect (0x7530, the id alone). Every integer is little-endian.
"""

from pkttools.publish.vectors import for_protocol

vector = for_protocol("tmw.login.client")

SERVER_VERSION_REQUEST = vector(
    "server_version_request", "server_version_request", bytes.fromhex("30 75"), {},
    title="Server version request: the packet id alone",
    doc="What ManaPlus sends first on the login connection (LoginHandler::connect).")

LOGIN_REQUEST = vector(
    "login_request", "login_request", bytes.fromhex(
        "64 00"                                                                      # packet id
        "08 00 00 00"                                                                # client_version
        "70 6c 61 79 65 72 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"    # "player"
        "73 65 63 72 65 74 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"    # "secret"
        "03"),                                                                       # flags
    {
        "client_version": 8,
        "username": "player",
        "password": "secret",
        "can_handle_update_host": True,
        "default_to_first_char_server": True,
        "unused_flags": 0,
    },
    title="Login request as ManaPlus sends it",
    doc="Version 8 (CLIENT_PROTOCOL_VERSION, what ManaPlus sends to a current tmwAthena), "
        "\"player\" / \"secret\" padded with NULs to 24 bytes, flags 0x03.")

LOGIN_REQUEST_FULL_STRINGS = vector(
    "login_request_full_strings", "login_request", bytes.fromhex(
        "64 00"
        "05 00 00 00"
        "61 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f 70 71 72 73 74 75 76 77 78"    # 24 chars
        "63 6f 72 72 65 63 74 2d 68 6f 72 73 65 2d 62 61 74 74 65 72 79 2d 73 74"    # 24 chars
        "01"),
    {
        "client_version": 5,
        "username": "abcdefghijklmnopqrstuvwx",
        "password": "correct-horse-battery-st",
        "can_handle_update_host": True,
        "default_to_first_char_server": False,
        "unused_flags": 0,
    },
    title="Login request whose name and password fill their 24 bytes",
    doc="The arrays are full and hold no NUL. Version 5 is what ManaPlus sends to tmwAthena "
        "servers older than 16.4.8; flags 0x01 only.")
