"""The packet: the case made from the records, for a manager (weekly), a skip-level
(monthly), a review, a promotion committee or a move.

Every claim carries the ids of the records it rests on, and says whether evidence backs
it: a win with no commit, document or artifact behind it, a window met without its brief
and demo, a bench entry with no artifact named are claims a reader cannot check, and
`luck packet --check` lists them. Private notes never enter: only year-in-public notes
count as wins, and `is_private` is checked again here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from luckos.dates import add_months
from luckos.domain import windows as win
from luckos.domain.backing import (  # noqa: F401  (PACKET_KINDS, default_since: offered here)
    PACKET_KINDS,
    artifact_gap,
    backing,
    bench_gap,
    decision_gap,
    default_since,
    on_its_own,
    theme_gap,
    win_gap,
    window_gap,
    windows_met,
)
from luckos.domain.evidence import Evidence, summary_line
from luckos.domain.ledger import LedgerSummary, Tally, outcome_of
from luckos.domain.records import (
    METRIC_SLOT_NAMES,
    Artifact,
    BenchEntry,
    Decision,
    GlueEntry,
    Metric,
    Note,
    Promise,
    Reading,
    Testimonial,
    Theme,
    Window,
    is_private,
)

LEDGER_REF = "ledger"  # the credibility ledger as a whole (`luck ledger`)


@dataclasses.dataclass(frozen=True)
class Claim:
    text: str
    refs: tuple[str, ...]  # short ids of the records it rests on (or LEDGER_REF)
    gap: str = ""  # why no evidence backs it; "" when evidence does
    detail: str = ""  # a second line: a narrative, indicators, a quote

    @property
    def backed(self) -> bool:
        return not self.gap


@dataclasses.dataclass(frozen=True)
class Section:
    key: str
    title: str
    claims: list[Claim]


@dataclasses.dataclass(frozen=True)
class Series:
    """A metric's readings by month, for a chart."""

    ref: str
    label: str
    unit: str
    points: list[tuple[str, float]]


@dataclasses.dataclass(frozen=True)
class Packet:
    kind: str
    title: str
    since: dt.date
    until: dt.date
    sections: list[Section]
    quarters: list[tuple[str, float | None]]  # credibility trend: quarter, hit rate
    series: list[Series]

    @property
    def claims(self) -> list[Claim]:
        return [c for s in self.sections for c in s.claims]

    @property
    def gaps(self) -> list[tuple[Section, Claim]]:
        return [(s, c) for s in self.sections for c in s.claims if not c.backed]

    @property
    def refs(self) -> list[str]:
        seen: dict[str, None] = {}
        for claim in self.claims:
            for ref in claim.refs:
                seen.setdefault(ref, None)
        return list(seen)


@dataclasses.dataclass(frozen=True)
class Facts:
    """What the packet is made from, gathered by the application layer."""

    themes: Sequence[Theme] = ()
    metrics: Sequence[Metric] = ()
    readings: Sequence[Reading] = ()  # of those metrics, up to the period's end
    wins: Sequence[Note] = ()  # year-in-public notes in the period
    artifacts: Sequence[Artifact] = ()  # shipped in the period
    testimonials: Sequence[Testimonial] = ()  # about those artifacts
    landed: Sequence[Promise] = ()  # promises resolved in the period (short packets)
    outcomes: Sequence[tuple[str, bool, int]] = ()  # (status, late, count) of those (long)
    due: Sequence[Promise] = ()  # open promises due by the horizon (overdue ones too)
    windows: Sequence[Window] = ()  # windows that can occur in the period or ahead
    window_artifacts: Sequence[Artifact] = ()  # artifacts linked to those windows
    decisions: Sequence[Decision] = ()
    bench: Sequence[BenchEntry] = ()
    glue: Sequence[GlueEntry] = ()
    evidence: Sequence[Evidence] = ()  # accepted, in the period
    ledger: LedgerSummary | None = None


def build(kind: str, since: dt.date, until: dt.date, today: dt.date, facts: Facts) -> Packet:
    """The packet of `kind` for [since, until]; `today` dates what is next and overdue."""
    title, _, long_form = PACKET_KINDS[kind]
    backed = backing((e.id, e.source, e.note_id, e.artifact_id) for e in facts.evidence)
    sections = (_long_sections if long_form else _short_sections)(
        since, until, today, facts, backed)
    quarters = [(q.quarter, q.tally.hit_rate) for q in facts.ledger.quarters] \
        if facts.ledger else []
    first_month = f"{min(since, add_months(until, -12)):%Y-%m}"
    return Packet(kind, title, since, until, [s for s in sections if s.claims], quarters,
                  _series(facts, first_month, until))


# --- the short packets: weekly and skip-level -------------------------------------------


def _short_sections(since: dt.date, until: dt.date, today: dt.date, facts: Facts,
                    backed: dict[str, list[str]]) -> list[Section]:
    landed = _wins(facts, backed) + _artifacts(facts, backed) + [
        _promise_claim(p) for p in facts.landed if p.status == "kept"] + [
        _evidence_claim(e) for e in facts.evidence if _alone(e)]
    nxt: list[Claim] = []
    for o in win.upcoming(facts.windows, facts.window_artifacts, today, 45):
        nxt.append(_occurrence_claim(o, today, ahead=True))
    for p in sorted(facts.due, key=lambda p: (p.due or today, p.id or 0)):
        if p.due and p.due >= today:
            nxt.append(Claim(f"Due {p.due}: {p.what} (to {p.to_whom})", (f"p{p.id}",)))
    risks = [Claim(f"Overdue since {p.due}: {p.what} (to {p.to_whom})", (f"p{p.id}",))
             for p in facts.due if p.due and p.due < today]
    month = f"{until:%Y-%m}"
    numbers = []
    for theme, slot, metric, series in _theme_series(facts, until):
        latest = series[-1] if series else None
        if metric is None:
            continue
        if latest is None or latest.month < month:
            risks.append(Claim(f"{theme.label}: {metric.name} not read for {month}",
                               (f"m{metric.id}",)))
        if latest is not None:
            numbers.append(Claim(
                f"{theme.label}, {METRIC_SLOT_NAMES[slot]}: {metric.name} "
                f"{_value(latest.value, metric.unit)} in {latest.month}",
                (f"t{theme.id}", f"r{latest.id}"), detail=latest.narrative))
    for decision in facts.decisions:
        if decision.review_on and decision.review_on <= today and not decision.outcome:
            risks.append(Claim(f"Decision to review since {decision.review_on}: "
                               f"{decision.title}", (f"d{decision.id}",)))
    return [Section("landed", "What landed", landed), Section("next", "What is next", nxt),
            Section("themes", "The themes' numbers", numbers),
            Section("risks", "Risks and asks", risks)]


# --- the long packets: review, promotion, move ------------------------------------------


def _long_sections(since: dt.date, until: dt.date, today: dt.date, facts: Facts,
                   backed: dict[str, list[str]]) -> list[Section]:
    themes = []
    for theme, slot, metric, series in _theme_series(facts, until):
        if metric is None:
            continue
        inside = [r for r in series if r.month >= f"{since:%Y-%m}"]
        if not inside:
            themes.append(Claim(f"{theme.label}, {METRIC_SLOT_NAMES[slot]}: {metric.name}",
                                (f"t{theme.id}", f"m{metric.id}"), gap=theme_gap(False)))
            continue
        first, last = inside[0], inside[-1]
        themes.append(Claim(
            f"{theme.label}, {METRIC_SLOT_NAMES[slot]}: {metric.name} "
            f"{_value(first.value, metric.unit)} ({first.month}) → "
            f"{_value(last.value, metric.unit)} ({last.month})",
            (f"t{theme.id}", f"r{first.id}", f"r{last.id}"), detail=last.narrative))
    ledger = []
    tally = _tally(facts.outcomes)
    if tally.resolved:
        trend = ""
        if facts.ledger and facts.ledger.trend is not None:
            trend = f"; rolling trend {facts.ledger.trend * 100:+.0f} points"
        ledger.append(Claim(
            f"Hit rate {(tally.hit_rate or 0) * 100:.0f}% over {tally.resolved} promises resolved "
            f"({tally.kept_on_time} kept on time, {tally.kept_late} late, {tally.missed} "
            f"missed, {tally.dropped} dropped; {tally.renegotiated_early} renegotiated "
            f"early){trend}", (LEDGER_REF,)))
    met = [_occurrence_claim(o, today, ahead=False)
           for o in windows_met(facts.windows, facts.window_artifacts, since, until)]
    decisions = []
    for d in facts.decisions:
        indicators = "; ".join(d.indicators)
        detail = " ".join(_sentence(label, text) for label, text in (
            ("Expected", d.expected), ("Indicators", indicators), ("Outcome", d.outcome),
            ("When the world disagreed", d.response)) if text)
        decisions.append(Claim(f"{d.on}: {d.title}" + (f" (chose {d.choice})" if d.choice
                                                         else ""),
                               (f"d{d.id}",), detail=detail, gap=decision_gap(bool(d.outcome))))
    bench = [Claim(f"{b.on}: {b.action} {b.person}" + (f", through {b.artifact}"
                                                       if b.artifact else ""),
                   (f"b{b.id}",), detail=b.bet, gap=bench_gap(bool(b.artifact)))
             for b in facts.bench]
    glue = [Claim(f"{g.on}: {g.what} ({g.hours:g} h) unlocked "
                  f"{g.unlocks or ('project pj' + str(g.project_id))}",
                  (f"g{g.id}",) + ((f"pj{g.project_id}",) if g.project_id else ()),
                  detail=f"Mechanism: {g.mechanism}" if g.mechanism else "")
            for g in facts.glue if g.unlocks_deliverable]
    work = _wins(facts, backed) + [_evidence_claim(e) for e in facts.evidence
                                    if _alone(e)]
    return [Section("themes", "Themes and their three numbers", themes),
            Section("ledger", "The credibility ledger", ledger),
            Section("windows", "Decision windows met", met),
            Section("decisions", "Decisions and how they turned out", decisions),
            Section("bench", "The bench", bench),
            Section("artifacts", "Artifacts, public and internal", _artifacts(facts, backed)),
            Section("glue", "Glue that unlocked deliverables", glue),
            Section("work", "Wins and shipped work", work)]


# --- claims -----------------------------------------------------------------------------


def _wins(facts: Facts, backed: dict[str, list[str]]) -> list[Claim]:
    claims = []
    for note in facts.wins:
        if is_private(note) or note.kind != "year-in-public":
            continue  # never: only the year in public is shareable
        ref = f"n{note.id}"
        behind = backed.get(ref, [])
        text = note.title if note.title and note.title != note.body else ""
        claims.append(Claim(f"{note.on}: {text or note.body}", (ref, *behind),
                            detail=note.body if text else "", gap=win_gap(bool(behind))))
    return claims


def _artifacts(facts: Facts, backed: dict[str, list[str]]) -> list[Claim]:
    said: dict[int, list[Testimonial]] = {}
    for t in facts.testimonials:
        said.setdefault(t.artifact_id or 0, []).append(t)
    claims = []
    for a in facts.artifacts:
        ref = f"a{a.id}"
        quotes = said.get(a.id or 0, [])
        detail = " ".join(
            f"“{t.quote}” ({t.who}" + (f", {t.hours_saved:g} h saved" if t.hours_saved else "")
            + ")" if t.quote else f"Used by {t.who}" for t in quotes)
        if a.ai_tool and a.metric_id is not None and a.on is not None:
            from luckos.domain.mechanisms import metric_delta

            metric = next((m for m in facts.metrics if m.id == a.metric_id), None)
            if metric is not None:
                delta = "AI tooling, " + metric_delta(metric, facts.readings, a.on)
                detail = f"{detail} {delta}".strip()
        behind = backed.get(ref, [])
        claims.append(Claim(f"{a.on}: {a.title} ({a.kind}, {a.surface})",
                            (ref, *behind, *(f"u{t.id}" for t in quotes)), detail=detail,
                            gap=artifact_gap(bool(a.link), bool(behind), bool(quotes))))
    return claims


def _promise_claim(p: Promise) -> Claim:
    return Claim(f"Kept {p.landed_on}: {p.what} (to {p.to_whom}, due {p.due})", (f"p{p.id}",))


def _alone(e: Evidence) -> bool:
    return on_its_own(e.source, e.note_id, e.artifact_id)


def _evidence_claim(e: Evidence) -> Claim:
    refs: tuple[str, ...] = (f"e{e.id}",)
    if e.artifact_id:
        refs += (f"a{e.artifact_id}",)
    return Claim(f"{e.until}: {e.title}", refs, detail=summary_line(e))


def _occurrence_claim(o: win.WindowOccurrence, today: dt.date, *, ahead: bool) -> Claim:
    refs = [f"w{o.window.id}"]
    parts = []
    for label, item in (("brief", o.brief), ("demo", o.demo)):
        if isinstance(item, Artifact):
            refs.append(f"a{item.id}")
            parts.append(f"{label} a{item.id}")
        elif isinstance(item, str):
            parts.append(f"{label} {item}")
    missing = o.missing()
    state = f" — {o.state(today)}" if ahead else ""
    text = f"{o.on}: {o.window.name} ({o.window.kind}){state}"
    detail = "; ".join(part for part in (", ".join(parts), "missing " + " and ".join(missing)
                                         if missing else "") if part)
    return Claim(text, tuple(refs), detail=detail, gap="" if ahead else window_gap(missing))


def _sentence(label: str, text: str) -> str:
    return f"{label}: {text.strip().rstrip('.')}."


def _tally(outcomes: Sequence[tuple[str, bool, int]]) -> Tally:
    counts = dict.fromkeys(("kept_on_time", "kept_late", "missed", "dropped",
                            "renegotiated_early"), 0)
    for status, late, number in outcomes:
        name = outcome_of(status, late)
        if name in counts:
            counts[name] += number
    return Tally(**counts)


def _theme_series(facts: Facts, until: dt.date
                  ) -> list[tuple[Theme, str, Metric | None, list[Reading]]]:
    by_metric: dict[int, list[Reading]] = {}
    for reading in facts.readings:
        if reading.month <= f"{until:%Y-%m}":
            by_metric.setdefault(reading.metric_id or 0, []).append(reading)
    result = []
    for theme in facts.themes:
        own = {m.slot: m for m in facts.metrics if m.theme_id == theme.id}
        for slot in METRIC_SLOT_NAMES:
            metric = own.get(slot)
            series = sorted(by_metric.get(metric.id or 0, []) if metric else [],
                            key=lambda r: r.month)
            result.append((theme, slot, metric, series))
    return result


def _series(facts: Facts, first_month: str, until: dt.date) -> list[Series]:
    """Each metric's readings from `first_month` (charts need two points at least)."""
    found = []
    for theme, _, metric, series in _theme_series(facts, until):
        points = [(r.month, r.value) for r in series if r.month >= first_month]
        if metric is not None and len(points) > 1:
            found.append(Series(f"m{metric.id}", f"{theme.label}: {metric.name}", metric.unit,
                                points))
    return found


def _value(value: float, unit: str) -> str:
    text = f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"
    if not unit:
        return text
    return f"{text}{unit}" if unit in ("%", "ms", "s", "h") else f"{text} {unit}"
