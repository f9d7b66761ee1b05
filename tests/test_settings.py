"""Settings as one table: each setting of luck.toml declared once, in luckos.settings.

The file `luck init` writes, the validation (every bad key at once, each with its line),
`luck config show` and the settings dataclasses all come from that one list.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from luckos.config import (
    CheckSettings,
    Config,
    LintConfig,
    ReviewSettings,
    Thresholds,
    read_table,
)
from luckos.setting import key_lines
from luckos.settings import BY_NAME, SETTINGS, default_toml, section_of
from tests.conftest import Luck

SRC = Path(__file__).resolve().parents[1] / "src" / "luckos"

BAD = """\
week_start = "someday"
maker_day = "friday"

[thresholds]
due_soon = 3
rolling_days = 366

[check]
maker-day = { on = true, weeks = 0 }
diagnosis-age = false

[calendar]
workdays = [
    "monday",
    "funday",
]
snooze = 3

[calendar.altitude]
external = "galaxy"

[ai]
api_key = "sk-123"
"""


def test_every_bad_key_is_reported_at_once_each_with_its_line(luck: Luck) -> None:
    toml = luck.home / "luck.toml"
    toml.write_text(BAD, encoding="utf-8")
    result = luck("config", "show")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"luck: error: {toml}:{line}" for line in (
        '1: week_start: must be a weekday name (monday to sunday), got "someday"',
        "5: [thresholds] due_soon: unknown setting, did you mean due_soon_days?",
        "6: [thresholds] rolling_days: must be a whole number between 7 and 365, got 366",
        "9: [check] maker-day.weeks: must be a whole number between 1 and 52, got 0",
        '13: [calendar] workdays: must be a weekday name (monday to sunday), got "funday"',
        "17: [calendar] snooze: unknown setting (luck config show lists them)",
        '20: [calendar.altitude] external: must be one of "", "code", "system" or '
        '"business", got "galaxy"',
        "23: [ai] api_key: never put a key in luck.toml; name the environment variable that "
        "holds it in ai.api_key_env",
    )]
    # under --json, one error object, each bad key in it with its place
    error = json.loads(luck("config", "show", "--json").stdout)["error"]
    assert (error["kind"], error["where"]) == ("invalid", f"{toml}:1")
    assert [p["where"] for p in error["problems"]] == [f"{toml}:{n}" for n in (
        1, 5, 6, 9, 13, 17, 20, 23)]
    assert error["problems"][3]["message"] == (
        "[check] maker-day.weeks: must be a whole number between 1 and 52, got 0")
    # any command that reads the file says the same, every key at once
    assert luck("review").stderr == result.stderr
    assert luck("check").stderr == result.stderr
    # and the doctor lists each as a problem of its own, with its line
    found = json.loads(luck("doctor", "--json").stdout)["problems"]
    assert [p["where"] for p in found if p["check"] == "open"] == [
        f"{toml}:{n}" for n in (1, 5, 6, 9, 13, 17, 20, 23)]


def test_a_table_a_command_does_not_use_is_read_when_a_command_uses_it(luck: Luck) -> None:
    toml = luck.home / "luck.toml"
    toml.write_text('[calendar]\nwork_start = "9am"\n', encoding="utf-8")
    luck.ok("promise", "add", "Ship it", "--to", "Dana", "--due", "fri")  # no [calendar]
    message = luck.fails("calendar", "norms")
    assert message == (f"luck: error: {toml}:2: [calendar] work_start: must be a time of day "
                       'such as "09:00", got "9am"')
    assert luck.fails("check") == message
    assert luck.fails("config", "show") == message


def test_opening_a_workspace_reads_only_the_top_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "luck.toml"
    path.write_text(default_toml(), encoding="utf-8")
    code = ("import sys; from pathlib import Path; from luckos.config import load_config; "
            f"c = load_config(Path({str(path)!r})); c.thresholds.due_soon_days; c.week_start; "
            "print(sorted(m for m in sys.modules if m.startswith('luckos')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    loaded = eval(done.stdout)  # a list of module names
    for room in ("luckos.calendar.settings", "luckos.ai.settings", "luckos.guard.settings",
                 "luckos.evidence.settings", "luckos.writing.catalog"):
        assert room not in loaded


def test_config_show_names_each_setting_its_value_and_where_it_came_from(luck: Luck) -> None:
    toml = luck.home / "luck.toml"
    toml.write_text('maker_day = "Friday"\n\n[thresholds]\ndue_soon_days = 14\n\n'
                    "[check]\nmaker-day = false\nglue-ratio = { max_ratio = 0.3 }\n\n"
                    "[calendar]\nlarge_meeting_people = 12   # the older name, still read\n"
                    '[calendar.norms]\noffice_hours = ["thursday 15:00-16:00"]\n',
                    encoding="utf-8")
    data = luck.json("config", "show")
    assert data["file"] == str(toml) and data["exists"]
    rows = {row["name"]: row for row in data["settings"]}
    assert len(rows) == len(SETTINGS)
    assert rows["maker_day"] | {"help": "", "takes": ""} == {
        "name": "maker_day", "value": "friday", "default": "wednesday",
        "from": "luck.toml:1", "line": 1, "help": "", "takes": ""}
    assert (rows["thresholds.due_soon_days"]["value"], rows["thresholds.due_soon_days"]["from"]
            ) == (14, "luck.toml:4")
    assert rows["thresholds.rolling_days"]["from"] == "default"
    assert rows["thresholds.rolling_days"]["value"] == 90
    assert rows["thresholds.rolling_days"]["takes"] == "a whole number between 7 and 365"
    assert (rows["check.maker-day.on"]["value"], rows["check.maker-day.on"]["line"]) == (
        False, 7)
    assert (rows["check.glue-ratio.max_ratio"]["value"],
            rows["check.glue-ratio.max_ratio"]["line"]) == (0.3, 8)
    assert rows["check.glue-ratio.weeks"]["from"] == "default"
    meeting = rows["calendar.altitude.large_meeting_people"]
    assert (meeting["value"], meeting["line"]) == (12, 11)
    assert rows["calendar.norms.office_hours"]["value"] == ["thursday 15:00-16:00"]
    # the text says the same, a row per setting
    text = luck.ok("config", "show", "thresholds").stdout.splitlines()
    assert text[0] == f"{toml}: 1 of 6 set in the file"
    assert text[1].split() == ["thresholds.due_soon_days", "14", "luck.toml:4"]
    assert text[2].split() == ["thresholds.window_horizon_days", "90", "default"]
    assert len(text) == 7
    assert [r["name"] for r in luck.json("config", "show", "check.maker-day")["settings"]] == [
        "check.maker-day.on", "check.maker-day.weeks"]
    assert luck.fails("config", "show", "calender") == (
        "luck: error: no setting 'calender' in luck.toml, did you mean calendar?")


def test_config_show_without_a_file_is_every_default(bare_luck: Luck) -> None:
    data = bare_luck.json("config", "show", "ai")
    assert not data["exists"]
    assert {row["from"] for row in data["settings"]} == {"default"}
    assert "no such file: every setting is its default" in bare_luck.ok(
        "config", "show").stdout.splitlines()[0]


def test_the_file_init_writes_holds_the_tables_defaults(bare_luck: Luck) -> None:
    bare_luck.ok("init")
    text = (bare_luck.home / "luck.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    lines = key_lines(text)
    for section in dict.fromkeys(section_of(s.name) for s in SETTINGS):
        reading = read_table(data, section)
        assert reading.problems == []
        for setting in SETTINGS:
            if section_of(setting.name) != section:
                continue
            assert reading.values[setting.name] == setting.default, setting.name
            # each is written with its default, or shown as a commented example
            written = setting.name in reading.given
            assert written or setting.example, setting.name
            if written and setting.name not in ("lint.rules", "lint.synonyms"):
                line = text.splitlines()[lines[setting.name] - 1]
                assert setting.key in line, (setting.name, line)


def test_the_dataclasses_defaults_are_the_tables() -> None:
    config = Config()
    assert config.thresholds == Thresholds()
    assert config.review == ReviewSettings()
    assert config.review.ahead_days == BY_NAME["review.ahead_days"].default
    for name, setting in BY_NAME.items():
        if name.startswith("thresholds."):
            assert getattr(config.thresholds, setting.key) == setting.default
    assert config.calendar.work_start == BY_NAME["calendar.work_start"].default
    assert config.calendar.code_keywords == BY_NAME["calendar.altitude.code"].default
    assert config.ai.timeout == BY_NAME["ai.timeout"].default
    assert config.lint.budget("brief") == BY_NAME["lint.word_budget.brief"].default
    assert config.check.value("glue-ratio", "week_hours") == BY_NAME[
        "check.glue-ratio.week_hours"].default


# --- a setting read in code is a setting declared ------------------------------------------

def _fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_every_field_of_a_settings_dataclass_is_a_declared_setting() -> None:
    """Code reads settings through these dataclasses (mypy checks each attribute read), so a
    field with no declaration would be a setting read but never declared."""
    from luckos.ai.settings import AISettings
    from luckos.calendar.settings import CalendarSettings
    from luckos.evidence.settings import EvidenceSettings
    from luckos.guard.settings import RedactSettings

    def declared(table: str, rename: dict[str, str] | None = None) -> set[str]:
        names = {s.name for s in SETTINGS if section_of(s.name) == table}
        return {(rename or {}).get(n, n.split(".")[-1 if table != "lint" else 1])
                for n in names}

    assert _fields(Thresholds) == declared("thresholds")
    assert _fields(ReviewSettings) == declared("review")
    assert _fields(LintConfig) == declared("lint")
    assert _fields(AISettings) == declared("ai")
    assert _fields(EvidenceSettings) == declared("evidence")
    assert _fields(RedactSettings) == declared("redact")
    assert _fields(CalendarSettings) == declared("calendar", {
        "calendar.altitude.code": "code_keywords", "calendar.altitude.system":
        "system_keywords", "calendar.altitude.business": "business_keywords",
        "calendar.altitude.external": "external_altitude"})
    assert _fields(CheckSettings) == {"off", "values"}  # on and the thresholds, below


def test_every_check_threshold_read_in_code_is_declared() -> None:
    """`check.value("glue-ratio", "weeks")` anywhere in the package names a declared
    setting (a typo would raise KeyError only when that check runs)."""
    read = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "value" and len(node.args) == 2
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                            for a in node.args)):
                invariant, key = (a.value for a in node.args)  # type: ignore[attr-defined]
                read.add(f"check.{invariant}.{key}")
    assert len(read) > 10
    assert read - set(BY_NAME) == set()


# --- the line of each key --------------------------------------------------------------------

def test_key_lines_skip_values_spread_over_lines_and_find_inline_keys() -> None:
    text = ('top = 1  # [not.a.table]\n'
            '[calendar]\n'
            'workdays = [\n'
            '    "monday",  # a = 1\n'
            '    "x = [",\n'
            ']\n'
            'note = """\n'
            'fake = 2\n'
            '"""\n'
            '"quoted key" = 3\n'
            '[check]\n'
            'maker-day = { on = true, weeks = 3 }\n'
            '[ "lint" . rules ]\n'
            'vague-claim = "off"\n')
    assert key_lines(text) == {
        "top": 1, "calendar": 2, "calendar.workdays": 3, "calendar.note": 7,
        "calendar.quoted key": 10, "check": 11, "check.maker-day": 12,
        "check.maker-day.on": 12, "check.maker-day.weeks": 12, "lint.rules": 13,
        "lint.rules.vague-claim": 14}


@pytest.mark.parametrize(("text", "expected"), [
    ('[thresholds]\ndue_soon_days = 0\n', "luck.toml:2: [thresholds] due_soon_days"),
    ('[redact.terms]\ncustomer = ["x"]\n', 'luck.toml:2: [redact.terms] customer: "x" is too'),
    ("[lint.rules]\nvague = 'off'\n", "luck.toml:2: [lint.rules] vague: unknown rule"),
])
def test_a_problem_is_placed_on_its_line(text: str, expected: str) -> None:
    from luckos.config import config_from_dict
    from luckos.errors import LuckError

    with pytest.raises(LuckError) as caught:
        config_from_dict(tomllib.loads(text), "luck.toml", text)
    assert str(caught.value).startswith(expected)


def test_the_settings_page_lists_every_setting_from_the_table() -> None:
    from luckos.settings import reference_markdown

    page = Path(__file__).resolve().parents[1] / "docs" / "settings.md"
    text = page.read_text(encoding="utf-8")
    marker = "<!-- generated from luckos.settings"
    head, _, rest = text.partition(marker)
    generated = rest.partition("\n")[2]
    if os.environ.get("LUCK_UPDATE_GOLDEN"):
        page.write_text(head + marker + rest.partition("\n")[0] + "\n" + reference_markdown(),
                        encoding="utf-8")
        return
    assert generated == reference_markdown()
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in generated
