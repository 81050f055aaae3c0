"""Expressions run backwards (pkttools/model/invert.py), on the forms the specs' instances use."""

from __future__ import annotations

import pytest

from pkttools.model.expr import ExprError, Scope, parse_expr
from pkttools.model.invert import NoSolution, invert, solve


class Fields(Scope):
    """Named values; every other name is unknown."""

    def __init__(self, **values):
        self.values = values

    def lookup(self, parts):
        if parts[0] not in self.values:
            raise ExprError(f"no {parts[0]}")
        return self.values[parts[0]]


def found(expr: str, target, **given):
    result = invert(parse_expr(expr), target, Fields(**given))
    return None if result is None else [(a.path, a.value, a.index, a.mask) for a in result]


def test_dotted_address_gives_each_byte():
    # tmw 0x0069 char_server.ip_dotted
    expr = 'ip[0].to_s + "." + ip[1].to_s + "." + ip[2].to_s + "." + ip[3].to_s'
    assert found(expr, "127.0.0.1") == [(("ip",), 127, 0, None), (("ip",), 0, 1, None),
                                        (("ip",), 0, 2, None), (("ip",), 1, 3, None)]


@pytest.mark.parametrize("text, message", [
    ("127.0.0", "is not of the form <integer>.<integer>.<integer>.<integer>"),
    ("1.2.3.x", "is not of the form"),
])
def test_text_that_does_not_fit_the_form(text, message):
    with pytest.raises(NoSolution, match=message):
        found('ip[0].to_s + "." + ip[1].to_s + "." + ip[2].to_s + "." + ip[3].to_s', text)


def test_text_that_splits_more_than_one_way():
    with pytest.raises(NoSolution, match="splits more than one way"):
        found('a + "-" + b', "x-y-z")
    assert found('a + "-" + b.to_s', "x-y-3") == [(("a",), "x-y", None, None),
                                                  (("b",), 3, None, None)]


def test_two_unknowns_with_nothing_between_them_are_not_inverted():
    assert found("a.to_s + b.to_s", "12") is None


def test_arithmetic_with_one_unknown():
    assert found("(len_packet - 47) / 32", 2) == [(("len_packet",), 111, None, None)]
    assert found("size * 4", 260) == [(("size",), 65, None, None)]
    assert found("size * 4", 261) is None  # not a multiple: no exact value
    assert found("10 - x", 3) == [(("x",), 7, None, None)]


def test_ternary_takes_the_branch_whose_condition_holds():
    # ffxi header len_body: size > 0 ? size * 4 - 4 : 0
    assert found("size > 0 ? size * 4 - 4 : 0", 256) == [(("size",), 65, None, None)]
    assert found("size > 0 ? size * 4 - 4 : 0", 0) == [(("size",), 1, None, None)]


def test_bit_extraction_sets_some_bits():
    # ffxi grap_id_tbl: face = race_face & 0xff, race = race_face >> 8
    assert found("race_face & 0xff", 5) == [(("race_face",), 5, None, 0xFF)]
    assert found("race_face >> 8", 2) == [(("race_face",), 0x200, None, ~0xFF)]
    # ffxi myroom_sub_map = (myroom_sub_map_number >> 1) & 3
    assert found("(myroom_sub_map_number >> 1) & 3", 2) == \
        [(("myroom_sub_map_number",), 4, None, 0b110)]
    with pytest.raises(NoSolution, match="bits outside the mask 0x3"):
        found("(n >> 1) & 3", 4)


def test_equality_given_true():
    # ffxi 0x00E2 same_zone = zone_no == 0
    assert found("zone_no == 0", True) == [(("zone_no",), 0, None, None)]
    assert found("zone_no == 0", False) is None  # any other zone: not one value


def test_constants_and_unsupported_forms_are_not_inverted():
    assert found("16", 16) is None
    assert found("a * b", 6) is None


def test_solve_is_one_whole_field():
    path, _, value = solve(parse_expr("len_name + 1"), 8, Fields())
    assert (path, value) == (("len_name",), 7)
    assert solve(parse_expr("race_face & 0xff"), 5, Fields()) is None  # only some bits
