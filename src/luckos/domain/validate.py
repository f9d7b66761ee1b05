"""Rules every record must keep, and the warnings the essay asks us to give.

`validate` raises LuckError for a record that makes no sense and returns warnings
(advice, not refusals) for one that is usable but weak.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from luckos.config import Config
from luckos.domain import records as r
from luckos.domain.fields import value_problem
from luckos.domain.records import fields_of, kind_of, short_id
from luckos.errors import Invalid, LuckError

if TYPE_CHECKING:
    from luckos.domain.checks import Result


def validate(record: Any, config: Config, today: dt.date) -> list[str]:
    check_fields(record)
    check: Callable[[Any, Config], list[str]] | None = _CHECKS.get(kind_of(record).name)
    return check(record, config) if check else []


def check_fields(record: Any) -> None:
    """Every field's value against its description (range, text, dates): one rule for
    every door, so that nothing the CLI refuses comes in through an import."""
    for field in fields_of(kind_of(record)):
        problem = value_problem(field, getattr(record, field.name))
        if problem:
            label = field.metadata.get("flag") or field.name.replace("_", "-")
            raise Invalid(f"{label} {problem}", where=label)


def stored_values(out_of_range: Sequence[tuple[str, int, str, str]],
                  rules: Sequence[tuple[int, dt.date | None, str]]) -> Result:
    """`luck check`'s view of values stored before they were checked (or by another
    program): dates out of range, and window recurrences the readers skip."""
    from luckos.dates import DATE_RANGE, in_range
    from luckos.domain.checks import Item, broken, ok
    from luckos.domain.windows import NAMED_RECURRENCES, rule_problem

    id_ = "stored-values"
    items = [Item(short_id(r.KINDS[kind], rid), f"{field.replace('_', '-')} {value} is out of "
                  f"range ({DATE_RANGE})") for kind, rid, field, value in out_of_range]
    for rid, on, rule in rules:
        if rule.strip().lower() in NAMED_RECURRENCES or on is None or not in_range(on):
            continue
        problem = rule_problem(rule, on)
        if problem:
            items.append(Item(f"w{rid}", f"recurrence {rule!r} is skipped: {problem}"))
    if not items:
        return ok(id_, "every stored date is in range and every recurrence expands")
    return broken(id_, f"{len(items)} stored value{'s' if len(items) > 1 else ''} luckos "
                  "cannot use", "correct each with its kind's edit command (e.g. luck window "
                  "edit ID --recurrence quarterly)", items)


# What no two records of a kind may share: one metric per theme and slot, one reading per
# metric and month. The CLI looks these up in the store; the importer within the file.
UNIQUE_FIELDS: dict[str, tuple[str, ...]] = {
    "metric": ("theme_id", "slot"),
    "reading": ("metric_id", "month"),
    "stakeholder": ("window_id", "decision_id", "person_id", "occurrence"),
}


def unique_key(record: Any) -> tuple[Any, ...] | None:
    name = kind_of(record).name
    fields = UNIQUE_FIELDS.get(name)
    if not fields:
        return None
    return (name, *(getattr(record, field) for field in fields))


def future_dates(record: Any, today: dt.date,
                 names: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """The past-only fields of `record` (see `fields.describe`) dated after today, as
    (field name, value as text); only those in `names` when given."""
    kind = r.kind_of(record)
    wanted = None if names is None else set(names)
    found = []
    for field in r.fields_of(kind):
        if not field.metadata.get("past_only") or (wanted is not None
                                                   and field.name not in wanted):
            continue
        value = getattr(record, field.name)
        if value is None:
            continue
        if field.metadata["type"] == "month" and str(value) > today.isoformat()[:7]:
            found.append((field.name, str(value)))
        elif isinstance(value, dt.date) and value > today:
            found.append((field.name, value.isoformat()))
    return found


def refuse_future(record: Any, today: dt.date, *, names: Iterable[str] | None = None,
                  confirm: Callable[[str], bool] | None = None,
                  labels: Mapping[str, str] | None = None) -> None:
    """Raise LuckError for a past-only date after today, unless `confirm(problem)` (asked
    on a terminal) says to keep it. `labels` names a field as the user typed it."""
    kind = r.kind_of(record)
    for name, value in future_dates(record, today, names):
        field = next(f for f in r.fields_of(kind) if f.name == name)
        label = (labels or {}).get(name) or "--" + (field.metadata.get("flag")
                                                   or name.replace("_", "-"))
        if field.metadata["type"] == "month":
            problem = f"{label} {value} is in the future (this month is {today:%Y-%m})"
            fix = "use this month or an earlier one"
        else:
            problem = f"{label} {value} is in the future (today is {today})"
            fix = "use today or an earlier date"
        if confirm is None or not confirm(problem):
            raise Invalid(f"{problem}; {fix}", where=label)


def _promise(p: r.Promise, config: Config) -> list[str]:
    if p.due and p.made_on and p.due < p.made_on:
        raise LuckError(f"due date {p.due} is before the promise was made ({p.made_on})")
    if p.status != "open" and p.landed_on is None:
        raise LuckError(f"a {p.status} promise needs the date it ended (--ended)")
    if p.landed_on and p.made_on and p.landed_on < p.made_on:
        raise LuckError(f"landed date {p.landed_on} is before the promise was made")
    if p.status == "renegotiated" and p.landed_on and p.due and p.landed_on > p.due:
        raise LuckError("a promise renegotiated after its due date is a miss, not a renegotiation")
    return []


def _window(w: r.Window, config: Config) -> list[str]:
    from luckos.domain.windows import check_recurrence

    check_recurrence(w.recurrence, w.on)
    return _outcome(w.outcome, w.outcome_on)


def _outcome(outcome: str, on: dt.date | None) -> list[str]:
    if on and not outcome:
        raise LuckError("an outcome date needs the outcome (--outcome funded|declined|deferred)")
    if outcome and not on:
        return ["no date for the outcome: add --outcome-on DATE so it is counted in its year"]
    return []


def _theme(t: r.Theme, config: Config) -> list[str]:
    from luckos.domain.themes import naming_test

    warning = naming_test(t.label, config.thresholds.theme_label_max_words)
    return ([warning] if warning else []) + theme_gaps(t)


def theme_gaps(t: r.Theme) -> list[str]:
    """A theme without its sentence, or with a triangulation answer empty."""
    gaps = []
    if not t.sentence.strip():
        gaps.append("no sentence: the one anyone can repeat when your name comes up "
                    "(--sentence)")
    empty = [flag for flag, value in (("--pain", t.pain), ("--advantage", t.advantage),
                                      ("--progress", t.progress)) if not value.strip()]
    if empty:
        gaps.append("triangulation unanswered: " + ", ".join(empty) + " (real pain, unfair "
                    "advantage, progress in a quarter that compounds for a year)")
    return gaps


def _reading(x: r.Reading, config: Config) -> list[str]:
    from luckos.domain.themes import two_sentences

    if x.narrative and not two_sentences(x.narrative):
        return ["the narrative has one sentence; the essay asks for two: what moved and why"]
    if not x.narrative:
        return ["no narrative: add two sentences on what moved and why (--narrative)"]
    return []


def _decision(d: r.Decision, config: Config) -> list[str]:
    if d.confidence is not None and not 0 <= d.confidence <= 1:
        raise LuckError(f"confidence {d.confidence} is out of range (0 to 1)")
    if d.choice and d.options and d.choice not in d.options:
        raise LuckError(f"choice {d.choice!r} is not one of the options")
    if d.review_on and d.on and d.review_on < d.on:
        raise LuckError(f"review date {d.review_on} is before the decision ({d.on})")
    warnings = []
    if not d.review_on:
        warnings.append("no review date: set one (--review) so the bet gets checked")
    return warnings


def _bench(b: r.BenchEntry, config: Config) -> list[str]:
    if b.action == "sponsored" and not b.bet.strip():
        raise LuckError("a sponsorship names the person and the bet in writing: give the bet "
                        "(--bet TEXT)")
    if b.action != "sponsored" and any(
            (b.first_meeting_on, b.second_meeting_on, b.heat_on, b.credit_on)):
        raise LuckError("meetings attended, heat taken and credit shared belong to a "
                        "sponsorship (--action sponsored)")
    if b.first_meeting_on and b.second_meeting_on and b.second_meeting_on < b.first_meeting_on:
        raise LuckError(f"the second meeting ({b.second_meeting_on}) is before the first "
                        f"({b.first_meeting_on})")
    if b.second_meeting_on and not b.first_meeting_on:
        raise LuckError("give the first meeting (--first-meeting) before the second")
    warnings = [f"sponsoring well: {m}" for m in b.sponsoring_missing()]
    if b.heat_where.strip() and not b.heat_on:
        warnings.append("where you took the heat has no date: add --heat DATE")
    if b.credit_where.strip() and not b.credit_on:
        warnings.append("where you shared the credit has no date: add --credit DATE")
    return warnings


def _artifact(a: r.Artifact, config: Config) -> list[str]:
    if a.hours is not None and not 0 <= a.hours <= 10000:
        raise LuckError(f"hours {a.hours:g} is out of range (0 to 10000)")
    warnings = _outcome(a.outcome, a.outcome_on)
    if a.ai_tool and a.metric_id is None:
        warnings.append("AI tooling without a metric: link the theme metric it should move "
                        "(--metric M), so its delta shows, not just its novelty")
    return warnings


def _explore(x: r.ExploreEntry, config: Config) -> list[str]:
    if not x.link.strip() and not x.learned.strip():
        return ["not documented: without a link (--link) or what you learned (--learned) it "
                "does not count toward the explore loop's cadence"]
    return []


def _testimonial(t: r.Testimonial, config: Config) -> list[str]:
    return []  # hours saved: its range is in the field's description


def _estimate(e: r.Estimate, config: Config) -> list[str]:
    if e.model.strip():
        import tomllib

        try:
            tomllib.loads(e.model)
        except tomllib.TOMLDecodeError as exc:
            raise LuckError(f"model is not TOML ({exc})") from None
    return []


_CHECKS: dict[str, Callable[[Any, Config], list[str]]] = {
    "promise": _promise,
    "window": _window,
    "theme": _theme,
    "reading": _reading,
    "bench": _bench,
    "artifact": _artifact,
    "explore": _explore,
    "decision": _decision,
    "testimonial": _testimonial,
    "estimate": _estimate,
}

__all__ = ["UNIQUE_FIELDS", "check_fields", "future_dates", "refuse_future", "stored_values",
           "unique_key", "validate"]


def _lazy(module: str, function: str) -> Any:
    """A check that lives in the kind's own module, imported when first needed."""
    def check(record: Any, config: Config) -> list[str]:
        import importlib

        return list(getattr(importlib.import_module(module), function)(record))

    return check


_CHECKS.update({
    "glue": _lazy("luckos.domain.glue", "validate_glue"),
    "project": _lazy("luckos.domain.projects", "validate_project"),
    "diagnosis": _lazy("luckos.domain.diagnosis", "validate_diagnosis"),
    "arc": _lazy("luckos.domain.arc", "validate_arc"),
    "stakeholder": _lazy("luckos.domain.people", "validate_stakeholder"),
})
