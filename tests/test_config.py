"""`luck.toml`: defaults in one place, validated ranges, one clear line when wrong."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from luckos.config import (
    DEFAULT_TOML,
    Config,
    ReviewSettings,
    Thresholds,
    config_from_dict,
    load_config,
)
from luckos.errors import LuckError
from tests.conftest import Luck, workspace_state


def test_missing_file_means_every_default(tmp_path: Path) -> None:
    assert load_config(tmp_path / "luck.toml") == Config()


def test_the_written_default_file_says_the_same_as_the_defaults(tmp_path: Path) -> None:
    # DEFAULT_TOML is what `luck init` writes; it must not drift from the dataclass
    path = tmp_path / "luck.toml"
    path.write_text(DEFAULT_TOML, encoding="utf-8")
    assert load_config(path) == Config()
    # and it names every threshold there is, so the user can find each one
    for field in (*dataclasses.fields(Thresholds), *dataclasses.fields(ReviewSettings)):
        assert f"\n{field.name} = " in DEFAULT_TOML


def test_values_are_read(tmp_path: Path) -> None:
    path = tmp_path / "luck.toml"
    path.write_text('week_start = "Sunday"\nmaker_day = "friday"\n'
                    "[thresholds]\ndue_soon_days = 14\nrolling_days = 30\n", encoding="utf-8")
    config = load_config(path)
    assert config.week_start == "sunday"
    assert config.week_start_index == 6
    assert config.maker_day == "friday"
    assert config.thresholds.due_soon_days == 14
    assert config.thresholds.rolling_days == 30
    assert config.thresholds.trend_quarters == 6  # untouched: the default


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"thresholds": {"due_soon_days": 0}},
         "[thresholds] due_soon_days: must be a whole number between 1 and 90, got 0"),
        ({"thresholds": {"rolling_days": 366}},
         "[thresholds] rolling_days: must be a whole number between 7 and 365, got 366"),
        ({"thresholds": {"trend_quarters": True}},
         "[thresholds] trend_quarters: must be a whole number between 1 and 40, got true"),
        ({"thresholds": {"trend_quarters": "6"}},
         '[thresholds] trend_quarters: must be a whole number between 1 and 40, got "6"'),
        ({"thresholds": {"due_soon": 3}},
         "[thresholds] due_soon: unknown setting, did you mean due_soon_days?"),
        ({"thresholds": 3}, "thresholds: must be a table, got 3"),
        ({"week_start": "someday"},
         'week_start: must be a weekday name (monday to sunday), got "someday"'),
        ({"maker_day": 3}, "maker_day: must be a weekday name (monday to sunday), got 3"),
        ({"colour": "blue"}, "colour: unknown setting (luck config show lists them)"),
        ({"review": {"ahead_days": 0}},
         "[review] ahead_days: must be a whole number between 1 and 92, got 0"),
        ({"review": {"back_days": 93}},
         "[review] back_days: must be a whole number between 1 and 92, got 93"),
        ({"review": {"ahead": 7}}, "[review] ahead: unknown setting, did you mean ahead_days?"),
        ({"review": 7}, "review: must be a table, got 7"),
    ],
)
def test_bad_settings_are_named(data: dict, message: str) -> None:
    with pytest.raises(LuckError) as caught:
        config_from_dict(data, where="luck.toml")
    assert str(caught.value).startswith("luck.toml: ")
    assert message in str(caught.value)


def test_range_edges_are_accepted() -> None:
    config = config_from_dict({"thresholds": {"due_soon_days": 1, "prep_lead_days": 0,
                                              "rolling_days": 365},
                               "review": {"ahead_days": 1, "back_days": 92}})
    assert config.thresholds.prep_lead_days == 0
    assert config.review == ReviewSettings(ahead_days=1, back_days=92)


def test_invalid_toml_is_refused_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "luck.toml"
    path.write_text("week_start = \n", encoding="utf-8")
    with pytest.raises(LuckError, match=r"luck\.toml: not valid TOML"):
        load_config(path)


def test_a_bad_config_stops_a_command_with_one_line(luck: Luck) -> None:
    (luck.home / "luck.toml").write_text("[thresholds]\ndue_soon_days = 900\n",
                                         encoding="utf-8")
    before = workspace_state(luck.home)
    message = luck.fails("promise", "add", "Ship it", "--to", "Dana", "--due", "fri")
    assert message == (f"luck: error: {luck.home / 'luck.toml'}:2: [thresholds] "
                       "due_soon_days: must be a whole number between 1 and 90, got 900")
    assert workspace_state(luck.home) == before


def test_init_writes_the_default_file_and_keeps_an_edited_one(bare_luck: Luck) -> None:
    bare_luck.ok("init")
    path = bare_luck.home / "luck.toml"
    assert path.read_text(encoding="utf-8") == DEFAULT_TOML
    path.write_text('week_start = "sunday"\n', encoding="utf-8")
    result = bare_luck.ok("init")
    assert "nothing changed" in result.stdout
    assert path.read_text(encoding="utf-8") == 'week_start = "sunday"\n'


def test_every_table_built_from_its_defaults_holds_together() -> None:
    # `Config.validate` (which `luck check` runs) does not build a table whose values are
    # all defaults: this is what lets it skip them
    from luckos.config import _BUILD, read_table

    for section, build in _BUILD.items():
        reading = read_table({}, section)
        assert reading.problems == [], section
        assert build(reading.values)[1] == [], section


def test_a_check_refuses_settings_that_do_not_hold_together(luck: Luck) -> None:
    # each value is good alone; together they are not: the table is built to find that
    toml = luck.home / "luck.toml"
    text = re.sub(r'(?m)^work_start = "[0-9:]+"', 'work_start = "18:00"',
                  toml.read_text(encoding="utf-8"))
    toml.write_text(re.sub(r'(?m)^work_end = "[0-9:]+"', 'work_end = "09:00"', text),
                    encoding="utf-8")
    error = luck.fails("check")
    assert error.endswith("[calendar] work_start: must come before calendar.work_end")
