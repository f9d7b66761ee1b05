"""`luck check`'s registry: each invariant's id, rule and essay section, and the shape of
its result (a state, a one-line finding, the records concerned, the next step).

The rules themselves are in `luckos.domain.invariants`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from luckos.domain.fields import ValueBase

STATES = ("broken", "not_checked", "ok", "off")


class Threshold:
    """A setting of an invariant in luck.toml's [check] table: its default and range (a
    whole number when the default is one). A plain class, as `Invariant` is."""

    __slots__ = ("default", "help", "high", "low", "name")

    def __init__(self, name: str, default: int | float, low: int | float, high: int | float,
                 help: str) -> None:
        self.name, self.default, self.low, self.high, self.help = name, default, low, high, help

    def __repr__(self) -> str:
        return f"Threshold({self.name!r}, {self.default!r}, {self.low!r}, {self.high!r})"


class Invariant:
    """One invariant of the registry below: a plain class with slots rather than a
    dataclass (every command that reads the settings builds the registry, and a frozen
    dataclass costs its generated methods at start-up); one instance per id."""

    __slots__ = ("id", "rule", "section", "thresholds")

    def __init__(self, id: str, rule: str, section: str,
                 thresholds: tuple[Threshold, ...] = ()) -> None:
        self.id, self.rule, self.section, self.thresholds = id, rule, section, thresholds

    def __repr__(self) -> str:
        return f"Invariant({self.id!r})"


def _t(name: str, default: int | float, low: int | float, high: int | float,
       help: str) -> Threshold:
    return Threshold(name, default, low, high, help)


_GRACE = "days past the date before it counts"

# The one list of `luck check`'s invariants: the config's [check] table, luck.toml's
# defaults and `luck check` all read it.
INVARIANTS: dict[str, Invariant] = {i.id: i for i in (
    Invariant("window-prep", "a decision window within its prep lead has its two-pager and "
              "its 30-minute demo", "Luck Surface Area, Version 2.0 (timing calendar)"),
    Invariant("brief-lints", "the two-pager of a window within its prep lead lints clean",
              "Influence Without Drama"),
    Invariant("promise-overdue", "no promise is overdue without being kept, renegotiated or "
              "closed", "Luck Surface Area, Version 2.0 (credibility ledger)",
              (_t("grace_days", 0, 0, 90, "days past the due date before it counts"),)),
    Invariant("metric-readings", "each theme metric has this month's reading, with its "
              "narrative", "Measuring Consequence (Lightweight)",
              (_t("grace_days", 7, 0, 27, "the first days of a month in which last month's "
                  "reading counts"),)),
    Invariant("explore-loop", "an explore entry each month, a talk each quarter, a paper "
              "reproduction or teardown each season", "Run Two Loops: Exploit and Explore",
              (_t("entry_days", 31, 7, 366, "days allowed between explore entries"),
               _t("talk_days", 92, 7, 366, "days allowed between talks"),
               _t("paper_days", 92, 7, 366, "days allowed between paper reproductions or "
                  "teardowns"))),
    Invariant("maker-day", "the maker day is not broken several weeks running",
              "Calendar as Strategy",
              (_t("weeks", 3, 1, 52, "how many weeks running (in the calendar audit)"),)),
    Invariant("glue-ratio", "glue that unlocks no deliverable does not fill the week, week "
              "after week", "The Glue Work Trap—and Its Exit",
              (_t("max_ratio", 0.2, 0.0, 1.0, "the share of week_hours it may fill"),
               _t("weeks", 3, 1, 52, "how many weeks running"),
               _t("week_hours", 40, 1, 100, "the hours of a working week"))),
    Invariant("decision-review", "no decision is past its review date without an outcome",
              "Influence Without Drama (decision hygiene)",
              (_t("grace_days", 0, 0, 90, _GRACE),)),
    Invariant("project-kill-review", "no project is past its kill review without a continue "
              "or a public pause", "Choose Better Projects—and End Them Faster",
              (_t("grace_days", 0, 0, 90, _GRACE),
               _t("default_weeks", 4, 1, 26, "the kill review's weeks from the start when "
                  "the project sets none"))),
    Invariant("project-milestone", "no running project is past its first milestone (within "
              "a quarter of its start) without it landing",
              "Choose Better Projects—and End Them Faster (scoped to show momentum)",
              (_t("grace_days", 0, 0, 90, _GRACE),)),
    Invariant("reboot", "a running 90-day reboot keeps its checkpoints and ends in a one-page "
              "post-mortem", "A 90-Day Reboot, Any Time"),
    Invariant("bench-action", "a bench action (unblocked, promoted, placed, sponsored) each "
              "quarter", "Mentorship, Sponsorship, and Your Bench",
              (_t("days", 92, 7, 366, "the days a bench action counts for"),)),
    Invariant("two-surfaces", "each quarter has at least one public and one internal "
              "artifact", "Build Two Surfaces: Public and Internal"),
    Invariant("writing-habit", "a year-in-public entry and an artifact each month",
              "Build Two Surfaces (a year in public log; narrate the wins)",
              (_t("year_in_public_days", 31, 7, 366, "days allowed between year-in-public "
                  "entries"),
               _t("artifact_days", 31, 7, 366, "days allowed between artifacts"))),
    Invariant("fewer-bets", "no more active themes and running projects than you can carry",
              "Choose Better Projects (fewer, more consequential bets)",
              (_t("max_themes", 3, 1, 20, "active themes at most"),
               _t("max_projects", 3, 1, 50, "running projects at most"))),
    Invariant("diagnosis-age", "the three questions answered in writing within the last "
              "quarter", "Before You Optimize: Diagnose Your Career System",
              (_t("max_days", 92, 7, 366, "the days a diagnosis counts for"),)),
    Invariant("prewire-brief", "everyone who decides or vetoes a window within its prep lead "
              "has been sent the brief", "Influence Without Drama"),
    Invariant("objection-open", "an objection raised in a pre-wire is handled "
              "(incorporated, answered or declined) within a week", "Influence Without Drama",
              (_t("max_days", 7, 1, 90, "the days to handle an objection"),)),
    Invariant("sponsor-contact", "each sponsor has heard from you within two months",
              "Mentorship, Sponsorship, and Your Bench",
              (_t("max_days", 60, 7, 366, "the days between contacts"),)),
    Invariant("stored-values", "every stored date lies in the supported range and every "
              "window's recurrence can be expanded", "(the workspace itself)"),
)}


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Item(ValueBase):
    """One thing a verdict names: the record it is about, and what is said of it."""

    ref: str  # a record's short id, or "" when the item is not one record
    text: str


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Result(ValueBase):
    """An invariant's verdict: its state (ok, broken, not_checked, off), what was found,
    the next step and the items it names."""

    id: str
    state: str
    finding: str
    next_step: str = ""
    items: tuple[Item, ...] = ()

    @property
    def invariant(self) -> Invariant:
        return INVARIANTS[self.id]

    @property
    def broken(self) -> bool:
        return self.state == "broken"


def ok(id_: str, finding: str, items: Sequence[Item] = ()) -> Result:
    return Result(id_, "ok", finding, items=tuple(items))


def broken(id_: str, finding: str, next_step: str, items: Sequence[Item] = ()) -> Result:
    return Result(id_, "broken", finding, next_step, tuple(items))


def not_checked(id_: str, reason: str, next_step: str = "") -> Result:
    return Result(id_, "not_checked", reason, next_step)


def off(id_: str) -> Result:
    return Result(id_, "off", "off in luck.toml ([check])")


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def refs(items: Sequence[Item], limit: int = 4) -> str:
    refs = [i.ref for i in items if i.ref]
    text = ", ".join(refs[:limit])
    return text + (f" and {len(refs) - limit} more" if len(refs) > limit else "")
