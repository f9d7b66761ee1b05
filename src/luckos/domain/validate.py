"""Rules every record must keep, and the warnings the essay asks us to give.

`validate` runs every check of a record and returns every problem it finds, as values
(`Problem`: the field, the message, and whether it is only a warning), in the manner of
Beancount's validation: add, edit and import all call it, so that no door lets in what
another refuses, and each reports all that is wrong at once. `refuse` turns the
problems that are not warnings into one error, a line each.

Each kind's own rules are registered with its kind (`@rules_for("promise")` on the rule
function; by the kind's name, so that registering builds no record class); a kind whose
rules live in its own module (glue, projects...) imports it when first validated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from luckos.config import Config
from luckos.domain import records as r
from luckos.domain.fields import Problem, value_problem
from luckos.domain.records import fields_of, kind_of, short_id
from luckos.errors import Invalid, LuckError, Problems

Rules = Callable[[Any, Config], Iterable[Problem]]
_RULES: dict[str, Rules] = {}
_R = TypeVar("_R", bound=Rules)

if TYPE_CHECKING:
    from luckos.domain.checks import Result


def rules_for(kind: str) -> Callable[[_R], _R]:
    """Register the rules of one record kind (a function of the record and the settings
    yielding its problems), by the kind's name, so that registering builds no record
    class (they are built on first use)."""
    def register(rules: _R) -> _R:
        _RULES[kind] = rules
        return rules

    return register


def rules_of(kind: str) -> Rules | None:
    return _RULES.get(kind)


def validate(record: Any, config: Config, today: dt.date | None = None) -> list[Problem]:
    """Every problem of a record: each field's value against its description, then the
    rules of its kind. Refusals and warnings both; see `refuse` and `warnings`. (Dates
    after `today` are asked about apart, by `refuse_future`.)"""
    found = field_problems(record)
    rules = rules_of(kind_of(record).name)
    if rules is not None:
        found += [p for p in rules(record, config) if p not in found]
    return found


def refusals(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


def warnings(problems: Iterable[Problem]) -> list[str]:
    return [p.message for p in problems if p.warning]


def refuse(problems: Iterable[Problem], record: Any = None) -> list[str]:
    """Raise one error naming every refusal among `problems` (a line each, its place the
    field's option when `record` is given); otherwise return the warnings."""
    problems = list(problems)
    refused = refusals(problems)
    if refused:
        labels = {} if record is None else {
            f.name: f.metadata.get("flag") or f.name.replace("_", "-")
            for f in fields_of(kind_of(record))}
        raise Problems([(labels.get(p.field, p.field), p.message) for p in refused])
    return warnings(problems)


def field_problems(record: Any) -> list[Problem]:
    """Every field's value against its description (range, text, dates): one rule for
    every door, so that nothing the CLI refuses comes in through an import."""
    found = []
    for field in fields_of(kind_of(record)):
        problem = value_problem(field, getattr(record, field.name))
        if problem:
            label = field.metadata.get("flag") or field.name.replace("_", "-")
            found.append(Problem(field.name, f"{label} {problem}"))
    return found


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


def _refused(field: str, message: str) -> Problem:
    return Problem(field, message)


def _warning(message: str, field: str = "") -> Problem:
    return Problem(field, message, warning=True)


@rules_for("promise")
def _promise(p: r.Promise, config: Config) -> Iterator[Problem]:
    if p.due and p.made_on and p.due < p.made_on:
        yield _refused("due", f"due date {p.due} is before the promise was made ({p.made_on})")
    if p.status != "open" and p.landed_on is None:
        yield _refused("landed_on", f"a {p.status} promise needs the date it ended (--ended)")
    if p.landed_on and p.made_on and p.landed_on < p.made_on:
        yield _refused("landed_on", f"landed date {p.landed_on} is before the promise was made")
    if p.status == "renegotiated" and p.landed_on and p.due and p.landed_on > p.due:
        yield _refused("status", "a promise renegotiated after its due date is a miss, not a "
                       "renegotiation")


@rules_for("window")
def _window(w: r.Window, config: Config) -> Iterator[Problem]:
    from luckos.domain.windows import check_recurrence

    try:
        check_recurrence(w.recurrence, w.on)
    except LuckError as exc:
        yield _refused("recurrence", exc.message)
    yield from _outcome(w.outcome, w.outcome_on)


def _outcome(outcome: str, on: dt.date | None) -> Iterator[Problem]:
    if on and not outcome:
        yield _refused("outcome", "an outcome date needs the outcome (--outcome "
                       "funded|declined|deferred)")
    if outcome and not on:
        yield _warning("no date for the outcome: add --outcome-on DATE so it is counted in its "
                       "year", "outcome_on")


@rules_for("theme")
def _theme(t: r.Theme, config: Config) -> Iterator[Problem]:
    from luckos.domain.themes import naming_test

    warning = naming_test(t.label, config.thresholds.theme_label_max_words)
    if warning:
        yield _warning(warning, "label")
    yield from (_warning(gap) for gap in theme_gaps(t))


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


@rules_for("reading")
def _reading(x: r.Reading, config: Config) -> Iterator[Problem]:
    from luckos.domain.themes import two_sentences

    if x.narrative and not two_sentences(x.narrative):
        yield _warning("the narrative has one sentence; the essay asks for two: what moved "
                       "and why", "narrative")
    if not x.narrative:
        yield _warning("no narrative: add two sentences on what moved and why (--narrative)",
                       "narrative")


@rules_for("decision")
def _decision(d: r.Decision, config: Config) -> Iterator[Problem]:
    # the confidence's range is in the field's description
    if d.choice and d.options and d.choice not in d.options:
        yield _refused("choice", f"choice {d.choice!r} is not one of the options")
    if d.review_on and d.on and d.review_on < d.on:
        yield _refused("review_on", f"review date {d.review_on} is before the decision "
                       f"({d.on})")
    if not d.review_on:
        yield _warning("no review date: set one (--review) so the bet gets checked",
                       "review_on")


@rules_for("bench")
def _bench(b: r.BenchEntry, config: Config) -> Iterator[Problem]:
    if b.action == "sponsored" and not b.bet.strip():
        yield _refused("bet", "a sponsorship names the person and the bet in writing: give "
                       "the bet (--bet TEXT)")
    if b.action != "sponsored" and any(
            (b.first_meeting_on, b.second_meeting_on, b.heat_on, b.credit_on)):
        yield _refused("action", "meetings attended, heat taken and credit shared belong to a "
                       "sponsorship (--action sponsored)")
    if b.first_meeting_on and b.second_meeting_on and b.second_meeting_on < b.first_meeting_on:
        yield _refused("second_meeting_on", f"the second meeting ({b.second_meeting_on}) is "
                       f"before the first ({b.first_meeting_on})")
    if b.second_meeting_on and not b.first_meeting_on:
        yield _refused("first_meeting_on", "give the first meeting (--first-meeting) before "
                       "the second")
    yield from (_warning(f"sponsoring well: {m}") for m in b.sponsoring_missing())
    if b.heat_where.strip() and not b.heat_on:
        yield _warning("where you took the heat has no date: add --heat DATE", "heat_on")
    if b.credit_where.strip() and not b.credit_on:
        yield _warning("where you shared the credit has no date: add --credit DATE",
                       "credit_on")


@rules_for("artifact")
def _artifact(a: r.Artifact, config: Config) -> Iterator[Problem]:
    if a.hours is not None and not 0 <= a.hours <= 10000:
        yield _refused("hours", f"hours {a.hours:g} is out of range (0 to 10000)")
    yield from _outcome(a.outcome, a.outcome_on)
    if a.ai_tool and a.metric_id is None:
        yield _warning("AI tooling without a metric: link the theme metric it should move "
                       "(--metric M), so its delta shows, not just its novelty", "metric_id")


@rules_for("explore")
def _explore(x: r.ExploreEntry, config: Config) -> Iterator[Problem]:
    if not x.link.strip() and not x.learned.strip():
        yield _warning("not documented: without a link (--link) or what you learned "
                       "(--learned) it does not count toward the explore loop's cadence")


@rules_for("estimate")
def _estimate(e: r.Estimate, config: Config) -> Iterator[Problem]:
    if e.model.strip():
        import tomllib

        try:
            tomllib.loads(e.model)
        except tomllib.TOMLDecodeError as exc:
            yield _refused("model", f"model is not TOML ({exc})")


# The kinds whose rules live in their own module, imported when first needed (it keeps
# them out of every command's start-up).


@rules_for("glue")
def _glue(g: r.GlueEntry, config: Config) -> Iterable[Problem]:
    from luckos.domain.glue import glue_problems

    return glue_problems(g)


@rules_for("project")
def _project(p: r.Project, config: Config) -> Iterable[Problem]:
    from luckos.domain.projects import project_problems

    return project_problems(p)


@rules_for("diagnosis")
def _diagnosis(d: r.Diagnosis, config: Config) -> Iterable[Problem]:
    from luckos.domain.diagnosis import diagnosis_problems

    return diagnosis_problems(d)


@rules_for("arc")
def _arc(a: r.Arc, config: Config) -> Iterable[Problem]:
    from luckos.domain.arc import arc_problems

    return arc_problems(a)


@rules_for("stakeholder")
def _stakeholder(s: r.Stakeholder, config: Config) -> Iterable[Problem]:
    from luckos.domain.people import stakeholder_problems

    return stakeholder_problems(s)


__all__ = ["UNIQUE_FIELDS", "Problem", "field_problems", "future_dates", "refuse",
           "refuse_future", "refusals", "rules_for", "rules_of", "stored_values", "unique_key",
           "validate", "warnings"]
