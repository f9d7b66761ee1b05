"""Short ids as people type them."""

import pytest

from luckos.app.records import parse_id
from luckos.domain.records import KINDS
from luckos.errors import LuckError


@pytest.mark.parametrize("text", ["p12", "P12", " p12 ", "12"])
def test_promise_ids_in_any_case(text):
    assert parse_id(KINDS["promise"], text) == 12


def test_another_kinds_id_is_named():
    with pytest.raises(LuckError, match="w3 is a window id, not a promise id"):
        parse_id(KINDS["promise"], "W3")


def test_sponsor_prefix_is_two_letters():
    assert parse_id(KINDS["sponsor"], "SP4") == 4
    with pytest.raises(LuckError, match="invalid sponsor id"):
        parse_id(KINDS["sponsor"], "s4x")
