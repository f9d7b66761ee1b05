"""`luck.toml`: read once with tomllib, validated into a dataclass.

Every default is written down here, in one place.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from luckos.ai.settings import AI_TOML, AISettings, ai_settings
from luckos.calendar.settings import CALENDAR_TOML, CalendarSettings, calendar_settings
from luckos.dates import WEEKDAYS, weekday_name
from luckos.domain.checks import INVARIANTS
from luckos.errors import LuckError
from luckos.evidence.settings import EVIDENCE_TOML, EvidenceSettings, evidence_settings
from luckos.guard.settings import REDACT_TOML, RedactSettings, redact_settings


@dataclasses.dataclass(frozen=True)
class Thresholds:
    due_soon_days: int = 7  # a promise due within this many days is "due soon"
    window_horizon_days: int = 90  # how far ahead `luck review` looks for decision windows
    prep_lead_days: int = 7  # default prep lead of a new window (the essay's "one week before")
    theme_label_max_words: int = 3  # the naming test
    trend_quarters: int = 6  # quarters shown in the credibility trend
    rolling_days: int = 90  # the rolling hit-rate window


# `luck check`: each invariant's rule and its thresholds, name -> (default, lowest,
# highest), read from the one list of invariants in the domain (luckos.domain.checks).
CHECK_INVARIANTS: dict[str, tuple[str, dict[str, tuple[Any, Any, Any]]]] = {
    i.id: (i.rule, {t.name: (t.default, t.low, t.high) for t in i.thresholds})
    for i in INVARIANTS.values()
}


def _check_defaults() -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    return tuple(
        (name, tuple((key, spec[0]) for key, spec in limits.items()))
        for name, (_, limits) in CHECK_INVARIANTS.items()
    )


@dataclasses.dataclass(frozen=True)
class CheckSettings:
    """Which invariants `luck check` runs, and their thresholds (plain tuples, so that the
    settings are hashable and can cross to a worker process)."""

    off: frozenset[str] = frozenset()
    values: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = dataclasses.field(
        default_factory=_check_defaults)

    def on(self, invariant: str) -> bool:
        return invariant not in self.off

    def value(self, invariant: str, name: str) -> Any:
        return dict(dict(self.values)[invariant])[name]


# `luck doc lint`: words per page budget (about 500 words a page; 0 means no budget) and
# the words that make a claim vague when no number comes with them.
LINT_WORD_BUDGET = (
    ("brief", 1000),  # "a two-page brief"
    ("one-pager", 500),
    ("scope-letter", 500),  # "a one-page note"
    ("pre-read", 1000),
    ("post-mortem", 0),  # no budget (500 for the reboot's "one-page post-mortem")
)
LINT_VAGUE_WORDS = (
    "improve", "improves", "improved", "improvement", "improvements", "better", "faster",
    "soon", "various", "several", "many", "significant", "significantly", "substantial",
    "substantially", "a lot", "lots of", "optimize", "optimise", "enhance", "enhanced",
    "streamline", "robust", "scalable", "seamless", "seamlessly", "asap", "in the future",
    "at some point", "going forward", "world-class", "best-in-class",
)


@dataclasses.dataclass(frozen=True)
class LintConfig:
    """`[lint]`: how `luck doc lint` applies the essay's rules (rules in writing.catalog)."""

    rules: tuple[tuple[str, str], ...] = ()  # rule id -> "error" | "warning" | "suggestion" | "off"
    word_budget: tuple[tuple[str, int], ...] = LINT_WORD_BUDGET  # kind -> words; 0: none
    min_options: int = 3  # "three options"
    vague_words: tuple[str, ...] = LINT_VAGUE_WORDS
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # section id -> extra heading words
    teams: tuple[str, ...] = ()  # team names that count as an owner ("payments", "Atlas")
    max_file_kb: int = 1024  # larger files are reported, not linted

    def severity(self, rule_id: str, default: str) -> str:
        return dict(self.rules).get(rule_id, default)

    def budget(self, kind: str) -> int:
        return dict(self.word_budget).get(kind, 0)


@dataclasses.dataclass(frozen=True)
class Config:
    week_start: str = "monday"
    maker_day: str = "wednesday"
    thresholds: Thresholds = dataclasses.field(default_factory=Thresholds)
    check: CheckSettings = dataclasses.field(default_factory=CheckSettings)
    calendar: CalendarSettings = dataclasses.field(default_factory=CalendarSettings)
    lint: LintConfig = dataclasses.field(default_factory=LintConfig)
    evidence: EvidenceSettings = dataclasses.field(default_factory=EvidenceSettings)
    redact: RedactSettings = dataclasses.field(default_factory=RedactSettings)
    ai: AISettings = dataclasses.field(default_factory=AISettings)

    @property
    def week_start_index(self) -> int:
        return WEEKDAYS.index(self.week_start)


_RANGES = {
    "due_soon_days": (1, 90),
    "window_horizon_days": (7, 730),
    "prep_lead_days": (0, 90),
    "theme_label_max_words": (1, 10),
    "trend_quarters": (1, 40),
    "rolling_days": (7, 365),
}

DEFAULT_TOML = """\
# luckos workspace settings. Delete a line to go back to its default.
week_start = "monday"     # the first day of your week
maker_day = "wednesday"   # the day you protect for deep work

[thresholds]
due_soon_days = 7         # promises due within this many days show as due soon
window_horizon_days = 90  # how far ahead the review looks for decision windows
prep_lead_days = 7        # default prep lead for a new window: brief and demo ready this early
theme_label_max_words = 3 # the naming test for a theme label
trend_quarters = 6        # quarters shown in the credibility trend
rolling_days = 90         # the rolling hit-rate window

[lint]                    # luck doc lint: the essay's rules for documents
min_options = 3           # a brief weighs at least this many options
max_file_kb = 1024        # larger files are reported, not linted
# teams = ["Atlas", "payments"]  # team names that count as an action's owner

[lint.word_budget]        # words per document kind, about 500 a page; 0 means no budget
brief = 1000              # "a two-page brief"
one-pager = 500
scope-letter = 500        # "a one-page note"
pre-read = 1000
post-mortem = 0

[lint.rules]              # a rule's severity: "error", "warning", "suggestion" or "off"
# vague-claim = "warning" # (`luck doc rules` lists every rule and its default)
# kind-unknown = "error"  # a document whose kind cannot be found fails the run

[lint.synonyms]           # more heading words for a section (`luck doc kinds` lists them)
# options = ["paths we weighed"]
"""


def _check_toml() -> str:
    lines = ["", "[check]",
             "# `luck check`: each invariant on or off, and its thresholds (`name = false` "
             "turns one off)."]
    for name, (rule, limits) in CHECK_INVARIANTS.items():
        values = ", ".join(["on = true", *(f"{k} = {v[0]}" for k, v in limits.items())])
        lines.append(f"# {name}: {rule}")
        lines += [f"#   {t.name}: {t.help}" for t in INVARIANTS[name].thresholds]
        lines.append(f"{name} = {{ {values} }}")
    return "\n".join(lines) + "\n"


DEFAULT_TOML += _check_toml()


def load_config(path: Path) -> Config:
    """Read and validate `luck.toml`; a missing file means every default."""
    if not path.exists():
        return Config()
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LuckError(f"{path}: not valid TOML: {exc}") from None
    return config_from_dict(data, where=str(path))


def config_from_dict(data: dict[str, Any], where: str = "luck.toml") -> Config:
    known = {"week_start", "maker_day", "thresholds", "check", "calendar", "lint", "evidence",
             "redact", "ai"}
    unknown = set(data) - known
    if unknown:
        raise LuckError(f"{where}: unknown setting {sorted(unknown)[0]!r}")
    week_start = weekday_name(data.get("week_start", "monday"), "week_start", where)
    maker_day = weekday_name(data.get("maker_day", "wednesday"), "maker_day", where)
    raw = data.get("thresholds", {})
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [thresholds] must be a table")
    values: dict[str, int] = {}
    for key, value in raw.items():
        if key not in _RANGES:
            raise LuckError(f"{where}: unknown threshold {key!r}")
        low, high = _RANGES[key]
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise LuckError(
                f"{where}: thresholds.{key} = {value!r} is out of range ({low} to {high})"
            )
        values[key] = value
    calendar = calendar_settings(data.get("calendar", {}), where)
    return Config(week_start=week_start, maker_day=maker_day, thresholds=Thresholds(**values),
                  check=_check_settings(data.get("check", {}), where), calendar=calendar,
                  lint=lint_config_from_dict(data.get("lint", {}), where),
                  evidence=evidence_settings(data.get("evidence", {}), where),
                  redact=redact_settings(data.get("redact", {}), where),
                  ai=ai_settings(data.get("ai", {}), where))


def _check_settings(raw: Any, where: str) -> CheckSettings:
    """Validate the [check] table: `name = false`, or `name = { on = ..., threshold = ... }`."""
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [check] must be a table")
    off: set[str] = set()
    values = {name: dict(limits) for name, limits in _check_defaults()}
    for name, setting in raw.items():
        if name not in CHECK_INVARIANTS:
            raise LuckError(f"{where}: unknown invariant {name!r} in [check] "
                            f"(known: {', '.join(CHECK_INVARIANTS)})")
        if isinstance(setting, bool):
            setting = {"on": setting}
        if not isinstance(setting, dict):
            raise LuckError(f"{where}: check.{name} must be true, false or a table")
        limits = CHECK_INVARIANTS[name][1]
        for key, value in setting.items():
            if key == "on":
                if not isinstance(value, bool):
                    raise LuckError(f"{where}: check.{name}.on = {value!r} must be true or false")
                if not value:
                    off.add(name)
                continue
            if key not in limits:
                known = ", ".join(["on", *limits])
                raise LuckError(f"{where}: check.{name} has no setting {key!r} (known: {known})")
            default, low, high = limits[key]
            whole = isinstance(default, int)
            kind_ok = isinstance(value, int) if whole else isinstance(value, int | float)
            if isinstance(value, bool) or not kind_ok or not low <= value <= high:
                what = "a whole number" if whole else "a number"
                raise LuckError(f"{where}: check.{name}.{key} = {value!r} is out of range "
                                f"({what} from {low} to {high})")
            values[name][key] = value
    return CheckSettings(
        off=frozenset(off),
        values=tuple((k, tuple(v.items())) for k, v in values.items()),
    )


_LINT_RANGES = {"min_options": (1, 10), "max_file_kb": (1, 102_400)}
_WORD_BUDGET_RANGE = (50, 100_000)


def lint_config_from_dict(raw: Any, where: str = "luck.toml") -> LintConfig:
    """Validate a `[lint]` table; every mistake names the setting and what it accepts.

    The rule and section names are checked against `luckos.writing.catalog`, imported
    only when the table names some (it costs a few milliseconds every command would pay).
    """
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [lint] must be a table")
    known = {"rules", "word_budget", "min_options", "vague_words", "synonyms", "max_file_kb",
             "teams"}
    unknown = set(raw) - known
    if unknown:
        raise LuckError(f"{where}: unknown lint setting {sorted(unknown)[0]!r} "
                        f"(known: {', '.join(sorted(known))})")
    values: dict[str, Any] = {}
    for key, (low, high) in _LINT_RANGES.items():
        if key in raw:
            value = raw[key]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise LuckError(f"{where}: lint.{key} = {value!r} is out of range "
                                f"({low} to {high})")
            values[key] = value
    rules = _table(raw, "rules", where)
    synonyms_table = _table(raw, "synonyms", where)
    if rules or synonyms_table:
        from luckos.writing.catalog import INPUT_RULES, RULES, SECTIONS
    for rule_id, severity in rules.items():
        if rule_id in INPUT_RULES:
            raise LuckError(f"{where}: [lint.rules] {rule_id} cannot be configured: a file "
                            "that cannot be read is always an error")
        if rule_id not in RULES:
            raise LuckError(f"{where}: [lint.rules] unknown rule {rule_id!r} "
                            "(luck doc rules lists them)")
        if severity not in ("error", "warning", "suggestion", "off"):
            raise LuckError(f"{where}: lint.rules.{rule_id} = {severity!r}: use \"error\", "
                            "\"warning\", \"suggestion\" or \"off\"")
    values["rules"] = tuple(sorted(rules.items()))
    budget = dict(LINT_WORD_BUDGET)
    for kind, words in _table(raw, "word_budget", where).items():
        if kind not in budget:
            raise LuckError(f"{where}: [lint.word_budget] {kind!r} has no page budget: set one "
                            f"for {', '.join(budget)}")
        low, high = _WORD_BUDGET_RANGE
        if (not isinstance(words, int) or isinstance(words, bool)
                or not (words == 0 or low <= words <= high)):
            raise LuckError(f"{where}: lint.word_budget.{kind} = {words!r}: use 0 (no budget) "
                            f"or {low} to {high} words")
        budget[kind] = words
    values["word_budget"] = tuple(budget.items())
    if "vague_words" in raw:
        values["vague_words"] = _words(raw["vague_words"], "lint.vague_words", where)
    if "teams" in raw:
        values["teams"] = _words(raw["teams"], "lint.teams", where)
    synonyms = []
    for section, words in synonyms_table.items():
        if section not in SECTIONS:
            raise LuckError(f"{where}: [lint.synonyms] unknown section {section!r} "
                            "(luck doc kinds lists them)")
        synonyms.append((section, _words(words, f"lint.synonyms.{section}", where)))
    values["synonyms"] = tuple(sorted(synonyms))
    return LintConfig(**values)


def _table(raw: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise LuckError(f"{where}: [lint.{key}] must be a table")
    return value


def _words(value: Any, key: str, where: str) -> tuple[str, ...]:
    if (not isinstance(value, list)
            or not all(isinstance(w, str) and w.strip() for w in value)):
        raise LuckError(f"{where}: {key} must be a list of non-empty strings")
    return tuple(w.strip().lower() for w in value)


DEFAULT_TOML = DEFAULT_TOML + CALENDAR_TOML  # the [calendar] table (luckos.calendar.settings)
DEFAULT_TOML += EVIDENCE_TOML  # the [evidence] table (luckos.evidence.settings)
DEFAULT_TOML = DEFAULT_TOML + REDACT_TOML  # the [redact] table (luckos.guard.redact)
DEFAULT_TOML = DEFAULT_TOML + AI_TOML  # the [ai] table (luckos.ai.settings)
