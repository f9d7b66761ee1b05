"""What the weekly review asks of you beyond `luck check`: records the essay wants filled
in (a sponsorship's first meetings, a miss's lesson), numbers to weigh against each other
(hours an artifact took against the hours it saved, glue this quarter against the last)
and things that were named and never done. Each function is pure: plain records and
`today` in, `Ask` rows out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from luckos.domain.fields import ValueBase

if TYPE_CHECKING:
    from luckos.domain.records import (
        Artifact,
        BenchEntry,
        ExploreEntry,
        GlueEntry,
        Metric,
        Promise,
        Reading,
    )

LESSON_DAYS = 92  # a miss's lesson is asked for during the quarter after it
SPONSORING_DAYS = 365  # a sponsorship is followed up for a year
FALLOW_DAYS = 365  # an earned secret nothing grew from is named after a year


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Ask(ValueBase):
    """One thing the weekly review asks of you, under the essay's mechanism it serves."""

    topic: str  # the essay's mechanism, e.g. "lesson", "sponsoring"
    ref: str  # a record's short id, or ""
    text: str


def misses_without_lesson(promises: Sequence[Promise]) -> list[Ask]:
    """"the misses as learning": each missed promise with no lesson written (the app
    passes those of the last LESSON_DAYS: a lesson is learnt while the miss is fresh,
    and ten years of old misses would bury this week's)."""
    from luckos.domain.ledger import misses_without_lesson as missing

    return [Ask("lesson", f"p{p.id}", f"missed {p.landed_on} ({p.to_whom}: {p.what}): "
                f"write the lesson (luck promise edit p{p.id} --lesson TEXT)")
            for p in missing(promises)]


def sponsoring(entries: Sequence[BenchEntry], today: dt.date, *,
               days: int = SPONSORING_DAYS) -> list[Ask]:
    """"Attend the first two tough meetings; take the heat when trade-offs bite; share the
    credit loudly": each sponsorship of the last `days` until all three are recorded."""
    found = []
    for b in entries:
        missing = b.sponsoring_missing()
        if not missing or (b.on and (today - b.on).days > days):
            continue
        found.append(Ask("sponsoring", f"b{b.id}", f"sponsored {b.person} on {b.on}: "
                         + "; ".join(missing) + f" (luck bench edit b{b.id} --first-meeting "
                         "DATE --second-meeting DATE --heat DATE --heat-where TEXT --credit "
                         "DATE --credit-where TEXT)"))
    return found


def undocumented_explore(entries: Sequence[ExploreEntry]) -> list[Ask]:
    """Explore entries that do not count toward the cadence: no link, nothing learned."""
    return [Ask("explore", f"x{x.id}", f"{x.kind} on {x.on}, {x.title}: not counted toward "
                f"the cadence until documented (luck explore edit x{x.id} --link URL "
                "--learned TEXT)")
            for x in entries if not x.link.strip() and not x.learned.strip()]


def fallow_secrets(secrets: Sequence[tuple[int, dt.date]], today: dt.date, *,
                   days: int = FALLOW_DAYS) -> list[Ask]:
    """"Those notes become the spine of talks, the seed of tools": earned secrets (id,
    date) that no artifact or explore entry grew from (the store finds those), older than
    a year. Only the id and the date are shown: the note stays private."""
    return [Ask("earned secret", f"n{nid}", f"written {on} ({(today - on).days} days "
                f"ago), nothing grew from it yet: a talk, a tool? (luck artifact add TITLE "
                f"--kind talk --from n{nid}, or luck explore add TITLE --from n{nid})")
            for nid, on in secrets if (today - on).days > days]


def hours_against_saved(artifacts: Sequence[tuple[int, str, float | None]],
                        testimonials: Sequence[tuple[int | None, float | None]]) -> list[Ask]:
    """"Make them the work... Count that time": each artifact (id, title, hours it took)
    with testimonials (artifact id, hours saved) of hours saved, the hours it took set
    against them (or asked for when not recorded)."""
    saved: dict[int, float] = {}
    for artifact_id, hours_saved in testimonials:
        if artifact_id is not None and hours_saved is not None:
            saved[artifact_id] = saved.get(artifact_id, 0.0) + hours_saved
    found = []
    for aid, title, hours in artifacts:
        if aid not in saved:
            continue
        if hours is None:
            found.append(Ask("hours", f"a{aid}", f"{title}: testimonials say it saved "
                             f"{saved[aid]:g} h; how many did it take? (luck artifact edit "
                             f"a{aid} --hours H)"))
        elif hours > 0:
            found.append(Ask("hours", f"a{aid}", f"{title}: took {hours:g} h, saved "
                             f"{saved[aid]:g} h ({saved[aid] / hours:.1f}x)"))
    return found


def glue_quarters(entries: Sequence[GlueEntry], today: dt.date) -> list[Ask]:
    """"A mechanism that means you're needed less next quarter": glue hours this quarter
    (to date) against the same days of the last quarter, and the last two whole quarters."""
    from luckos.dates import quarter_span as quarter_of

    name, start, _ = quarter_of(today)
    last_name, last_start, last_end = quarter_of(start - dt.timedelta(days=1))
    before_name, before_start, _ = quarter_of(last_start - dt.timedelta(days=1))
    offset = today - start
    same_day = min(last_start + offset, last_end)

    def hours(since: dt.date, until: dt.date) -> float:
        return sum(g.hours for g in entries if g.on and since <= g.on <= until)

    now, then = hours(start, today), hours(last_start, same_day)
    whole_last, whole_before = hours(last_start, last_end), hours(before_start,
                                                                  last_start - dt.timedelta(1))
    if not (now or then or whole_last or whole_before):
        return []
    trend = ("less than" if now < then else "more than" if now > then else "as much as")
    return [Ask("glue", "", f"{name} so far {now:g} h of glue, {trend} {last_name} by "
                f"the same day ({then:g} h); {last_name} {whole_last:g} h against "
                f"{before_name} {whole_before:g} h")]


def unshipped_mechanisms(entries: Sequence[GlueEntry], today: dt.date, *,
                         days: int = 30) -> list[Ask]:
    """Mechanisms named on glue entries more than `days` ago that no entry links to the
    artifact that shipped them."""
    named: dict[str, list[GlueEntry]] = {}
    for g in entries:
        if g.mechanism.strip():
            named.setdefault(g.mechanism.strip().lower(), []).append(g)
    found = []
    for group in named.values():
        if any(g.mechanism_artifact_id is not None for g in group):
            continue
        first = min((g for g in group if g.on), key=lambda g: g.on or today, default=None)
        if first is None or first.on is None or (today - first.on).days <= days:
            continue
        found.append(Ask("mechanism", f"g{first.id}", f"{first.mechanism!r}, named {first.on} "
                         f"for {first.what}, never shipped ({sum(g.hours for g in group):g} h "
                         f"of glue it would replace): ship it, then luck glue edit g{first.id} "
                         "--shipped-in ARTIFACT"))
    return found


def load_against_bets(themes: Sequence[object], projects: Sequence[object],
                      open_promises: Sequence[int | None], glue: Sequence[GlueEntry]
                      ) -> list[Ask]:
    """"Fewer, more consequential bets": the open promises (the theme of each) and the
    glue hours of the last four weeks set against the active themes and running projects
    they serve."""
    if not themes and not projects and not open_promises and not glue:
        return []
    theme_ids = {getattr(t, "id", None) for t in themes}
    on_bets = sum(1 for theme_id in open_promises if theme_id in theme_ids)
    hours = sum(g.hours for g in glue)
    unlocking = sum(g.hours for g in glue if g.project_id is not None)
    from luckos.domain.checks import plural

    return [Ask("bets", "", f"{plural(len(themes), 'active theme')}, "
                f"{plural(len(projects), 'running project')}: "
                f"{plural(len(open_promises), 'open promise')} ({on_bets} on a theme); "
                f"{hours:g} h of "
                f"glue in four weeks ({unlocking:g} h for a project)")]


def metric_delta(metric: Metric, readings: Sequence[Reading], on: dt.date, *,
                 months: int = 3) -> str:
    """"Track the delta in cycle times and incident rates, not just novelty": the metric's
    readings in the `months` before the artifact's month and the `months` after it."""
    month = on.isoformat()[:7]
    mine = sorted((r for r in readings if r.metric_id == metric.id), key=lambda r: r.month)
    before = [r for r in mine if r.month < month][-months:]
    after = [r for r in mine if r.month > month][:months]
    unit = f" {metric.unit}" if metric.unit else ""

    def run(found: list[Reading]) -> str:
        mean = sum(r.value for r in found) / len(found)
        return ", ".join(f"{r.value:g}" for r in found) + f" (mean {mean:.3g}{unit})"

    if not before or not after:
        return (f"m{metric.id} {metric.name}: {len(before)} readings before, {len(after)} "
                "after: not enough to see a delta yet")
    b = sum(r.value for r in before) / len(before)
    a = sum(r.value for r in after) / len(after)
    verdict = "flat" if a == b else ("better" if (a > b) == (metric.good == "up") else "worse")
    return f"m{metric.id} {metric.name}: before {run(before)} -> after {run(after)}: {verdict}"


def ai_tooling(artifacts: Sequence[Artifact], metrics: Sequence[Metric],
               readings: Sequence[Reading]) -> list[Ask]:
    by_id = {m.id: m for m in metrics}
    found = []
    for x in artifacts:
        if not x.ai_tool or x.on is None:
            continue
        metric = by_id.get(x.metric_id)
        if metric is None:
            found.append(Ask("ai tooling", f"a{x.id}", f"{x.title}: no metric linked (luck "
                             f"artifact edit a{x.id} --metric M)"))
            continue
        found.append(Ask("ai tooling", f"a{x.id}", f"{x.title} ({x.on}): "
                         + metric_delta(metric, readings, x.on)))
    return found
