"""What backs a packet's claims: the kinds of packet and their periods, the rule that
leaves each kind of claim without evidence, and the count of a long packet's claims and
gaps that a promotion window shows (`readiness`).

The claims themselves are made in `luckos.domain.packet`, with the same rules; this module
builds no class, so that the weekly review, which shows only the count, pays for none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from luckos.dates import add_months
from luckos.domain import windows as win
from luckos.domain.records import METRIC_SLOT_NAMES

if TYPE_CHECKING:
    from luckos.domain.records import Artifact, Window

# kind -> (title, default period in months or days, long form)
PACKET_KINDS: dict[str, tuple[str, str, bool]] = {
    "weekly": ("Weekly update", "7d", False),
    "skip-level": ("Skip-level update", "1m", False),
    "review": ("Review packet", "6m", True),
    "promotion": ("Promotion packet", "12m", True),
    "move": ("Move packet", "12m", True),
}

# accepted evidence as (id, source, note id, artifact id): what decides what it backs
EvidenceFact = tuple[int | None, str, int | None, int | None]


def default_since(kind: str, until: dt.date) -> dt.date:
    """The first day of a packet's default period, which ends on `until`."""
    span = PACKET_KINDS[kind][1]
    if span.endswith("d"):
        return until - dt.timedelta(days=int(span[:-1]) - 1)
    return add_months(until, -int(span[:-1])) + dt.timedelta(days=1)


# --- what leaves a claim without evidence ("" when evidence backs it) -------------------


def theme_gap(read: bool) -> str:
    return "" if read else "no reading in the period"


def decision_gap(has_outcome: bool) -> str:
    return "" if has_outcome else "no outcome recorded yet"


def bench_gap(names_artifact: bool) -> str:
    return "" if names_artifact else "no artifact named"


def unlocks_deliverable(unlocks: str, names_project: bool) -> bool:
    """Glue unlocks a deliverable when it names one or a project (`GlueEntry`'s rule)."""
    return bool(unlocks.strip()) or names_project


def win_gap(backed: bool) -> str:
    return "" if backed else "a win with no commit, document or artifact behind it"


def artifact_gap(has_link: bool, backed: bool, quoted: bool) -> str:
    return "" if has_link or backed or quoted else "no link, file or testimonial"


def window_gap(missing: Sequence[str]) -> str:
    return "met without its " + " and ".join(missing) if missing else ""


def backing(evidence: Iterable[EvidenceFact]) -> dict[str, list[str]]:
    """Short ids of the records that accepted evidence backs -> that evidence's ids."""
    found: dict[str, list[str]] = {}
    for eid, _, note_id, artifact_id in evidence:
        for ref in ((f"n{note_id}" if note_id else None),
                    (f"a{artifact_id}" if artifact_id else None)):
            if ref:
                found.setdefault(ref, []).append(f"e{eid}")
    return found


def on_its_own(source: str, note_id: int | None, artifact_id: int | None) -> bool:
    """Accepted git work that became no win or artifact (those are claimed as such, with
    the evidence behind them)."""
    return source == "git" and note_id is None and artifact_id is None


def windows_met(windows: Sequence[Window], window_artifacts: Sequence[Artifact],
                since: dt.date, until: dt.date) -> list[win.WindowOccurrence]:
    """The windows' dates within [since, until], each with the prep made for it."""
    linked: dict[int, list[Artifact]] = {}
    for artifact in window_artifacts:
        linked.setdefault(artifact.window_id or 0, []).append(artifact)
    return [_as_prepared(o, linked.get(o.window.id or 0, []))
            for o in win.upcoming(windows, window_artifacts, since, (until - since).days)]


def _as_prepared(o: win.WindowOccurrence, linked: Sequence[Artifact]) -> win.WindowOccurrence:
    """A past occurrence with only the prep (among the artifacts linked to its window)
    that existed on its day: made after the window's previous date and on or before
    this one."""
    if not linked:  # the brief is a linked document or nothing, as the date found it
        return o
    made = sorted(_made_for(linked, o.on, o.previous), key=lambda a: a.on or o.on,
                  reverse=True)
    brief: Artifact | str | None = next((a for a in made if a.kind in win.BRIEF_KINDS), None)
    if brief is None and o.window.docs:
        brief = o.window.docs[0]
    demo = next((a for a in made if a.kind in win.DEMO_KINDS), None)
    if brief is o.brief and demo is o.demo:  # the prep it found existed on its day
        return o
    return dataclasses.replace(o, brief=brief, demo=demo)


def _made_for(linked: Sequence[Artifact], on: dt.date, before: dt.date | None
              ) -> list[Artifact]:
    """The prep among `linked` that existed on a window's date `on`: made after its
    previous date `before` and on or before `on`."""
    return [a for a in linked
            if a.on is not None and a.on <= on and (before is None or a.on > before)]


def windows_short(windows: Sequence[Window], window_artifacts: Sequence[Artifact],
                  since: dt.date, until: dt.date) -> list[bool]:
    """For each of the windows' dates within [since, until], whether it was met without
    something it asks for (`windows_met`'s occurrences with a gap), without building
    the occurrences: a promotion window counts them on every review."""
    linked: dict[int, list[Artifact]] = {}
    for artifact in window_artifacts:
        linked.setdefault(artifact.window_id or 0, []).append(artifact)
    short: list[bool] = []
    for window in windows:
        mine = linked.get(window.id or 0, [])
        if not mine:  # nothing linked to it: every date is met as the window alone says
            met = (not window.needs_brief or bool(window.docs)) and not window.needs_demo
            short += [not met] * len(win.dates_within(window, since, until))
            continue
        for day, before in win.dates_between(window, since, until):
            made = _made_for(mine, day, before)
            brief = (not window.needs_brief or bool(window.docs)
                     or any(a.kind in win.BRIEF_KINDS for a in made))
            demo = not window.needs_demo or any(a.kind in win.DEMO_KINDS for a in made)
            short.append(not (brief and demo))
    return short


def readiness(since: dt.date, until: dt.date, *,
              metrics: Sequence[tuple[int | None, str, bool]], resolved: bool,
              windows: Sequence[Window], window_artifacts: Sequence[Artifact],
              one_offs: tuple[int, int] = (0, 0), decisions: tuple[int, int],
              bench: tuple[int, int], artifacts: tuple[int, Sequence[int]],
              glue: Sequence[tuple[str, bool]], wins: Sequence[int],
              evidence: Sequence[EvidenceFact]) -> tuple[int, int]:
    """(claims, claims without evidence) of a long packet for [since, until], as
    `luckos.domain.packet.build` makes them, from what decides each claim's gap rather
    than the records whole: `metrics` (theme id, slot, read within the period) of the
    themes' metrics by id; whether any promise was resolved; the windows that can occur
    in the period and the artifacts linked to them (or the recurring ones only, and
    (how many, how many met short) of the one-off windows dated in the period, counted
    by the store); (how many, how many with an outcome) of the decisions; (how many,
    how many naming an artifact) of the bench entries; (how many, the ids of those with
    neither a link nor a testimonial) of the artifacts; (what it unlocks, names a
    project) of the glue that may unlock a deliverable; the ids of the year-in-public
    notes; the accepted evidence. Counted, not listed: the review asks on every run."""
    backed = backing(evidence)
    slots: dict[tuple[int | None, str], bool] = {}
    for theme_id, slot, read in metrics:  # a later metric of a slot replaces the earlier
        if slot in METRIC_SLOT_NAMES:
            slots[(theme_id, slot)] = read
    claims = gaps = 0

    def count(found: Sequence[str]) -> None:
        nonlocal claims, gaps
        claims += len(found)
        gaps += sum(1 for gap in found if gap)

    def count_alike(how_many: int, gap: str) -> None:  # claims whose gap is the same
        nonlocal claims, gaps
        claims += how_many
        gaps += how_many if gap else 0

    count([theme_gap(read) for read in slots.values()])
    count_alike(1 if resolved else 0, "")
    short = windows_short(windows, window_artifacts, since, until)
    count_alike(len(short) - sum(short), window_gap([]))
    count_alike(sum(short) + one_offs[1], window_gap(["something it asks for"]))
    count_alike(one_offs[0] - one_offs[1], window_gap([]))
    for (records, done), rule in ((decisions, decision_gap), (bench, bench_gap)):
        count_alike(done, rule(True))  # counted by the store
        count_alike(records - done, rule(False))
    unlinked = artifacts[1]  # the others have a link or a testimonial
    count_alike(artifacts[0] - len(unlinked), artifact_gap(True, False, True))
    count([artifact_gap(False, f"a{aid}" in backed, False) for aid in unlinked])
    count_alike(sum(1 for unlocks, project in glue if unlocks_deliverable(unlocks, project)), "")
    count([win_gap(f"n{nid}" in backed) for nid in wins])
    count_alike(sum(1 for _, source, note_id, artifact_id in evidence
                    if on_its_own(source, note_id, artifact_id)), "")
    return claims, gaps
