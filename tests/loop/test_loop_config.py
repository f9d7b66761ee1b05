"""The [check] table of luck.toml: defaults in one place, strict validation."""

from __future__ import annotations

import tomllib

import pytest

from luckos.config import CHECK_INVARIANTS, DEFAULT_TOML, Config, config_from_dict
from luckos.domain.checks import INVARIANTS
from luckos.errors import LuckError
from tests.conftest import Luck, workspace_state


def test_default_toml_holds_every_invariant_with_its_defaults() -> None:
    parsed = config_from_dict(tomllib.loads(DEFAULT_TOML))
    assert parsed.check == Config().check
    assert set(CHECK_INVARIANTS) == set(INVARIANTS)
    assert Config().check.value("glue-ratio", "max_ratio") == 0.2
    assert Config().check.value("explore-loop", "talk_days") == 92


def test_an_invariant_turned_off_and_a_threshold_changed() -> None:
    config = config_from_dict({"check": {"maker-day": False,
                                         "glue-ratio": {"max_ratio": 0.35, "weeks": 4}}})
    assert not config.check.on("maker-day")
    assert config.check.on("glue-ratio")
    assert config.check.value("glue-ratio", "max_ratio") == 0.35
    assert config.check.value("glue-ratio", "week_hours") == 40  # untouched default
    # a float threshold takes a whole number too
    assert config_from_dict({"check": {"glue-ratio": {"max_ratio": 1}}}).check.value(
        "glue-ratio", "max_ratio") == 1


@pytest.mark.parametrize(("table", "message"), [
    ({"glue-ratio": {"max_ratio": 1.5}},
     "[check] glue-ratio.max_ratio: must be a number between 0 and 1, got 1.5"),
    ({"bench-action": {"days": 3}},
     "[check] bench-action.days: must be a whole number between 7 and 366, got 3"),
    ({"maker-day": {"weeks": 2.5}},
     "[check] maker-day.weeks: must be a whole number between 1 and 52, got 2.5"),
    ({"maker-day": {"weeks": True}},
     "[check] maker-day.weeks: must be a whole number between 1 and 52, got true"),
    ({"maker-day": {"on": "yes"}}, '[check] maker-day.on: must be true or false, got "yes"'),
    ({"maker-day": {"days": 3}}, "[check] maker-day.days: unknown setting (known: on, weeks)"),
    ({"maker-day": 3}, "[check] maker-day: must be true, false or a table, got 3"),
    ({"makerday": True}, "[check] makerday: unknown setting, did you mean maker-day?"),
])
def test_bad_check_settings_are_refused(table: dict, message: str) -> None:
    with pytest.raises(LuckError) as caught:
        config_from_dict({"check": table}, where="luck.toml")
    assert str(caught.value).startswith(f"luck.toml: {message}")


def test_threshold_out_of_range_in_the_file_is_one_line_exit_2_nothing_changed(
        luck: Luck) -> None:
    luck.ok("promise", "add", "Cost report", "--to", "Priya", "--due", "2026-11-20",
            "--made-on", "2026-11-01")
    toml = luck.home / "luck.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "diagnosis-age = { on = true, max_days = 92 }",
        "diagnosis-age = { on = true, max_days = 1000 }"), encoding="utf-8")
    line = toml.read_text(encoding="utf-8").splitlines().index(
        "diagnosis-age = { on = true, max_days = 1000 }") + 1
    before = workspace_state(luck.home)
    error = luck.fails("check")
    assert error == (f"luck: error: {toml}:{line}: [check] diagnosis-age.max_days: must be a "
                     "whole number between 7 and 366, got 1000")
    assert workspace_state(luck.home) == before
    assert luck.fails("config", "show") == error
    # a capture reads no [check] table: it does not pay for reading it, nor stop on it
    luck.ok("promise", "add", "Another", "--to", "Dana", "--due", "+3d")
