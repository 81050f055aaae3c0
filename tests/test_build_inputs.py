"""What `pkttools.build` takes besides every field: spec defaults, value instances in place of
the fields they come from, enum values in every JSON form, and all missing fields at once.

The serving tests build what a fake server knows and nothing else (ids, sex, its char-server
list), and compare with the bytes tmwAthena writes for the same values: its 0x2742 handler in
src/login/login.cpp sets unused 0, an empty last-login, unused2 0, and maintenance and is_new 0
per char-server; the 0x7530 handler answers CURRENT_LOGIN_SERVER_VERSION (src/mmo/version.cpp)
with flags = new_account.
"""

from __future__ import annotations

import pytest

import pkttools

TMW = "tmw.login.server"
FFXI = "ffxi.world.server"

# tmw.login.server 0x0069 with one char-server, as tmwAthena writes it.
LOGIN_DATA = bytes.fromhex(
    "69 00"                    # packet id 0x0069
    "4f 00"                    # len_packet 79 = 47 + 32
    "3e 2c 1d 4b"              # login_id1 0x4b1d2c3e
    "80 84 1e 00"              # account_id 2000000
    "0d f0 0a 0a"              # login_id2 0x0a0af00d
    "00 00 00 00"              # unused
    + "00" * 24 +              # last_login, empty
    "00 00"                    # unused2
    "01"                       # sex: male
    "7f 00 00 01"              # char_servers[0].ip 127.0.0.1
    "ea 17"                    # port 6122
    "4c 6f 63 61 6c" + "00" * 15 +  # name "Local", NUL-padded to 20
    "07 00"                    # users 7
    "00 00"                    # maintenance
    "00 00")                   # is_new


def login_data(**fields):
    return {"packet": "login_data", "fields": fields}


# -- defaults ---------------------------------------------------------------------------------

def test_serving_login_data_with_only_what_the_server_knows():
    out = pkttools.build(TMW, login_data(
        login_id1=0x4B1D2C3E, account_id=2000000, login_id2=0x0A0AF00D, sex="male",
        char_servers=[{"ip": "7f000001", "port": 6122, "name": "Local", "users": 7}]))
    assert out == LOGIN_DATA


def test_serving_login_data_with_the_dotted_address():
    out = pkttools.build(TMW, login_data(
        login_id1=0x4B1D2C3E, account_id=2000000, login_id2=0x0A0AF00D, sex="male",
        char_servers=[{"ip_dotted": "127.0.0.1", "port": 6122, "name": "Local", "users": 7}]))
    assert out == LOGIN_DATA


def test_serving_the_login_server_version():
    # 31 75 | 17 0a 16 | 00 devel | 01 flags: registration | 01 which: login | 00 00 vendor
    out = pkttools.build(TMW, {"packet": "server_version", "fields": {
        "major": 23, "minor": 10, "patch": 22, "registration_enabled": True}})
    assert out == bytes.fromhex("31 75 17 0a 16 00 01 01 00 00")


def test_a_client_login_request_with_the_flags_manaplus_sends():
    # ManaPlus writes flags 0x03 (src/net/tmwa/loginhandler.cpp): both bits given by defaults
    out = pkttools.build("tmw.login.client", {"packet": "login_request", "fields": {
        "client_version": 8, "username": "alice", "password": "secret"}})
    assert out == bytes.fromhex("64 00 08 00 00 00") + b"alice".ljust(24, b"\0") \
        + b"secret".ljust(24, b"\0") + bytes.fromhex("03")


def test_a_default_yields_to_a_given_value():
    out = pkttools.build(TMW, login_data(
        login_id1=1, account_id=2, login_id2=3, sex="male", unused=0xDEADBEEF,
        last_login="2026-01-01", char_servers=[]))
    fields = pkttools.parse(TMW, out).fields()
    assert (fields["unused"], fields["last_login"]) == (0xDEADBEEF, "2026-01-01")


def test_every_default_of_every_spec_builds():
    # each vector whose packet has defaulted fields, built again without them: the same bytes
    from pkttools.codec.offsets import packet_relative
    from pkttools.publish.vectors import load

    built = set()
    for vector in load():
        pkt = pkttools.parse(vector.protocol, vector.data)
        registry = pkt.protocol.registry
        plain = pkt.to_dict()
        defaulted = [packet_relative(pkt.protocol, span.path) for span in pkt.spans()
                     if span.index is None and span.path[:1] == (pkt.protocol.body_field,)
                     and "-pkttools-default" in _field(registry, span.owner, span.name)]
        if not defaulted:
            continue
        for path in defaulted:
            _drop(plain["fields"], path)
        out = pkttools.build(vector.protocol, plain)
        if out == vector.data:  # the vector holds the default values
            built.add((vector.protocol, vector.packet))
            continue
        back = pkttools.parse(vector.protocol, out).to_dict()
        for path in defaulted:
            _drop(back["fields"], path)
        assert back == plain, vector.name  # only the defaulted fields differ
    assert len(built) >= 6, built


def _field(registry, owner: str, name: str) -> dict:
    info = registry.types[owner]
    return next((f["attr"] for f in info["seq"] if f["id"] == name), {})


def _drop(plain: dict, path: tuple) -> None:
    for part in path[:-1]:
        plain = plain[part]
    plain.pop(path[-1], None)


# -- value instances as input -----------------------------------------------------------------

@pytest.mark.parametrize("dotted, message", [
    ("127.0.0", "'127.0.0' is not of the form <integer>.<integer>.<integer>.<integer>"),
    ("127.0.0.256", "gives ip[3] = 256, which is not a byte (0..255)"),
    ("localhost", "is not of the form"),
])
def test_a_dotted_address_that_is_no_address(dotted, message):
    with pytest.raises(pkttools.FieldValueError) as info:
        pkttools.build(TMW, login_data(login_id1=1, account_id=2, login_id2=3, sex="male",
                                       char_servers=[{"ip_dotted": dotted, "port": 1,
                                                      "name": "", "users": 0}]))
    assert info.value.path == "char_servers[0].ip_dotted"
    assert message in str(info.value)


def test_an_instance_must_agree_with_its_fields():
    with pytest.raises(pkttools.InconsistentError) as info:
        pkttools.build(TMW, login_data(login_id1=1, account_id=2, login_id2=3, sex="male",
                                       char_servers=[{"ip": "7f000001", "ip_dotted": "10.0.0.1",
                                                      "port": 1, "name": "", "users": 0}]))
    assert info.value.path == "char_servers[0].ip_dotted"
    assert "given as '10.0.0.1', but the fields it is computed from" in str(info.value)
    assert "give '127.0.0.1'" in str(info.value)


def test_a_count_instance_gives_the_length_it_is_computed_from():
    # num_char_servers = (len_packet - 47) / 32: 2 -> len_packet 111
    out = pkttools.build(TMW, login_data(
        login_id1=1, account_id=2, login_id2=3, sex="male", num_char_servers=2,
        char_servers=[{"ip_dotted": "10.0.0.1", "port": 1, "name": "a", "users": 0},
                      {"ip_dotted": "10.0.0.2", "port": 2, "name": "b", "users": 0}]))
    assert out[2:4] == bytes.fromhex("6f 00")
    with pytest.raises(pkttools.InconsistentError) as info:
        pkttools.build(TMW, login_data(login_id1=1, account_id=2, login_id2=3, sex="male",
                                       num_char_servers=3, char_servers=[]))
    assert info.value.path == "num_char_servers"
    assert "num_char_servers = 3, but char_servers has 0 items" in str(info.value)


@pytest.fixture(scope="module")
def ffxi_login():
    from vectors.ffxi_world_server import LOGIN_MYROOM

    return LOGIN_MYROOM.data, pkttools.parse(FFXI, LOGIN_MYROOM.data).to_dict()


def _edit(plain: dict, path: str, drop: tuple = (), **values) -> dict:
    import copy

    plain = copy.deepcopy(plain)
    node = plain["fields"]
    for part in filter(None, path.split(".")):
        node = node[part]
    for name in drop:
        node.pop(name)
    node.update(values)
    return plain


def test_two_instances_each_give_part_of_a_field(ffxi_login):
    # grap_id_tbl.race_face = face | race << 8: face 5 and race 2 give 0x0205
    data, plain = ffxi_login
    assert data[0x44:0x46] == bytes.fromhex("05 02")  # packet offset 0x44
    edited = _edit(plain, "grap_id_tbl", drop=("race_face",))
    assert edited["fields"]["grap_id_tbl"]["face"] == 5
    assert pkttools.build(FFXI, edited) == data


def test_one_instance_that_gives_only_some_bits_is_not_enough(ffxi_login):
    _, plain = ffxi_login
    with pytest.raises(pkttools.MissingFieldError) as info:
        pkttools.build(FFXI, _edit(plain, "grap_id_tbl", drop=("race_face", "face")))
    assert info.value.path == "grap_id_tbl.race"
    assert "gives only some bits of race_face (mask 0xff00 of 0xffff)" in str(info.value)


def test_instances_through_division_and_float_factors(ffxi_login):
    data, plain = ffxi_login
    # dead_counter_seconds = dead_counter / 60: 360 s -> 21600
    assert pkttools.build(FFXI, _edit(plain, "", drop=("dead_counter",))) == data
    # dir_radians = dir * 6.283185 * 0.00390625: the value parsed back gives dir 192 exactly
    assert pkttools.build(FFXI, _edit(plain, "pos_head", drop=("dir",))) == data
    with pytest.raises(pkttools.FieldValueError) as info:
        pkttools.build(FFXI, _edit(plain, "pos_head", drop=("dir",), dir_radians=1.5))
    assert info.value.path == "pos_head.dir_radians"
    assert "1.5 cannot be written exactly: the nearest field values give 1.497" in \
        str(info.value)


def test_a_header_length_from_its_instance(ffxi_login):
    # len_body = size > 0 ? size * 4 - 4 : 0: 256 -> size 65
    data, plain = ffxi_login
    edited = _edit(plain, "")
    edited["frame"]["header"] = {"id": 10, "sync": 291, "len_body": 256}
    assert pkttools.build(FFXI, edited) == data


# -- enum values in every JSON form -------------------------------------------------------------

@pytest.mark.parametrize("code", ["banned_until", 6, {"name": "banned_until", "value": 6},
                                  {"name": None, "value": 6}])
def test_enum_values_by_name_number_or_both(code):
    out = pkttools.build(TMW, {"packet": "login_error", "fields": {"code": code}})
    assert out == bytes.fromhex("6a 00 06") + bytes(20)


def test_an_enum_pair_must_agree_with_itself():
    with pytest.raises(pkttools.InconsistentError) as info:
        pkttools.build(TMW, {"packet": "login_error", "fields": {
            "code": {"name": "wrong_password", "value": 6}}})
    assert info.value.path == "code"
    assert "'wrong_password' is not the name of 6 in enum login_error_code (that is " \
        "'banned_until')" in str(info.value)


def test_with_enums_gives_the_three_forms():
    from pkttools.codec.plain import with_enums

    plain = pkttools.parse(TMW, bytes.fromhex("6a 00 06") + bytes(20)).to_dict()
    assert with_enums(plain, "name")["fields"]["code"] == "banned_until"
    assert with_enums(plain, "number")["fields"]["code"] == 6
    assert with_enums(plain, "both")["fields"]["code"] == {"name": "banned_until", "value": 6}
    for form in ("name", "number", "both"):
        assert pkttools.build(TMW, with_enums(plain, form)) == bytes.fromhex("6a 00 06") + \
            bytes(20)


# -- every missing field at once ----------------------------------------------------------------

def test_missing_fields_are_all_named():
    with pytest.raises(pkttools.MissingFieldError) as info:
        pkttools.build(TMW, login_data(char_servers=[{"ip_dotted": "127.0.0.1"}]))
    error = info.value
    assert error.paths == ["login_id1", "account_id", "login_id2", "char_servers[0].port",
                           "char_servers[0].name", "char_servers[0].users"]
    assert error.path == "login_id1"
    assert str(error).startswith("tmw.login.server login_data: 6 fields: login_id1, account_id, "
                                 "login_id2, char_servers[0].port, char_servers[0].name, "
                                 "char_servers[0].users: missing field: required")


def test_one_missing_field_reads_as_before():
    with pytest.raises(pkttools.MissingFieldError) as info:
        pkttools.build(TMW, {"packet": "connection_problem", "fields": {}})
    assert info.value.paths == ["code"]
    assert "field code: missing field" in str(info.value)
