"""Enum tables of the benchmark packets, written once from the specs (`ksy/...`) and shared by
the struct, Construct and Scapy contenders.

Why shared: the tables are data, not parsing; keeping one copy means the contenders differ only
in how they read and write bytes. Each dict maps the wire number to the spec's enum id.
"""

from __future__ import annotations

# ksy/pangya/loginservice/server/index.ksy and 0001.ksy
PANGYA_PACKET_ID = {0x0000: "hello", 0x0001: "login", 0x0002: "game_server_list",
                    0x0003: "session_key", 0x0006: "chat_macro_list",
                    0x0009: "message_server_list", 0x0010: "login_key"}
PANGYA_STATUS = {0: "success", 217: "need_set_nickname", 218: "need_select_character",
                 227: "error"}
PANGYA_ERROR_CODE = {5100019: "already_logged_in", 5100107: "duplicate_connection",
                     5100143: "invalid_credentials", 5157002: "bad_reconnect_token"}

# ksy/ffxi/world/server/index.ksy, 000a.ksy, 00e2.ksy
FFXI_PACKET_ID = {0x0a: "login", 0xe2: "group_list2"}
FFXI_SAVE_LOGIN_STATE = {0: "none", 1: "myroom", 2: "game", 3: "polexit", 4: "jobexit",
                         5: "polexit_myroom", 6: "end"}
FFXI_MYROOM_MAP_NUMBER = {
    0x00bd: "ronfaure_front", 0x00c7: "gustaberg_front", 0x00d6: "aht_urhgan_whitegate",
    0x00db: "sarutabaruta_front", 0x0100: "jeuno", 0x0101: "sandoria_guest",
    0x0102: "bastok_guest", 0x01ff: "not_in_myroom", 0x0120: "windurst_guest",
    0x0121: "sandoria_home", 0x0122: "bastok_home", 0x0123: "windurst_home",
    0x0124: "adoulin", 0x0267: "second_floor_sandoria", 0x0268: "second_floor_bastok",
    0x0269: "second_floor_windurst", 0x026a: "second_floor_patio", 0x02d4: "mog_garden",
    0x02d9: "feretory", 0x02e9: "ronfaure_front_alt",
}
FFXI_MY_ROOM_EXIT_BIT = {0: "normal", 1: "sandoria", 2: "bastok", 3: "windurst", 4: "jeuno",
                         5: "aht_urhgan_whitegate", 6: "ronfaure_front", 7: "gustaberg_front",
                         8: "sarutabaruta_front", 9: "adoulin"}
FFXI_KIND = {0: "main_party", 1: "unknown1", 2: "unknown2", 3: "unknown3", 4: "unknown4",
             5: "main_party_reset", 6: "unknown6"}

# ksy/flyff/cluster/server/index.ksy, 00f3.ksy, ksy/flyff/common/enums.ksy
FLYFF_PACKET_TYPE = {0x00: "welcome", 0x14: "pong", 0xf3: "character_list",
                     0xff05: "join_world"}
FLYFF_BLOCK_STATE = {0: "blocked", 1: "usable"}
FLYFF_CHARACTER_MODE = {0: "none", 0x10000: "event_oldboy"}
FLYFF_MESSENGER_STATE = {0: "online", 1: "offline", 2: "block", 3: "absent", 4: "hard_play",
                         5: "eat", 6: "rest", 7: "move", 8: "die", 9: "danger",
                         10: "offline_block", 11: "auto_absent"}
FLYFF_GENDER = {0: "male", 1: "female"}
FLYFF_MODEL_ID = {11: "male", 12: "female"}
FLYFF_JOB = dict(enumerate([
    "vagrant", "mercenary", "acrobat", "assist", "magician", "puppeteer", "knight", "blade",
    "jester", "ranger", "ringmaster", "billposter", "psychikeeper", "elementor", "gatekeeper",
    "doppler", "knight_master", "blade_master", "jester_master", "ranger_master",
    "ringmaster_master", "billposter_master", "psychikeeper_master", "elementor_master",
    "knight_hero", "blade_hero", "jester_hero", "ranger_hero", "ringmaster_hero",
    "billposter_hero", "psychikeeper_hero", "elementor_hero",
]))

# ksy/tmw/login/server/index.ksy and 0069.ksy
TMW_PACKET_ID = {0x0063: "update_host", 0x0069: "login_data", 0x006a: "login_error",
                 0x0081: "connection_problem", 0x7531: "server_version"}
TMW_SEX = {0: "female", 1: "male", 2: "unspecified", 3: "neutral"}


def inverse(table: dict[int, str]) -> dict[str, int]:
    """name -> number, for writing an enum name back."""
    return {name: number for number, name in table.items()}
