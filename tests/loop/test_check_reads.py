"""`luck check` reads only what its verdicts need: the windows that can be within their
prep lead, the counts that decide the promotion packet's gaps, the columns a rule looks
at. Each narrow read is compared here with the full path it replaces, on generated data.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

import pytest

from luckos import paths
from luckos.app import checks as app_checks
from luckos.domain import backing, invariants
from luckos.domain import windows as win
from luckos.domain.records import Artifact, BenchEntry, Decision, GlueEntry, Window
from luckos.store import packet as queries
from luckos.workspace import Workspace
from tests.conftest import Luck

RULES = ["", "", "", "monthly", "quarterly", "half-yearly", "yearly",
         "FREQ=MONTHLY;INTERVAL=4", "FREQ=YEARLY;BYMONTH=3,9", "FREQ=WEEKLY;INTERVAL=2",
         "FREQ=DAILY;INTERVAL=9", "FREQ=WEEKLY;BYDAY=WE,FR", "FREQ=MONTHLY;BYMONTHDAY=-1"]


def _generate(ws: Workspace, seed: int) -> None:
    """Windows of every kind of recurrence and lead, some with prep linked, and the
    decisions, bench entries and glue of a promotion packet's year."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)

    def day(span: int = 1200) -> dt.date:
        return start + dt.timedelta(days=rng.randrange(span))

    with ws.store.transaction():
        for n in range(60):
            ws.store.add(Window(
                name=f"window {n}", kind=rng.choice(["promotion", "planning", "budget"]),
                on=day(), recurrence=rng.choice(RULES), prep_lead_days=rng.choice([0, 7, 14, 30]),
                needs_brief=rng.random() < 0.7, needs_demo=rng.random() < 0.5,
                docs=("docs/plan.md",) if rng.random() < 0.1 else ()))
        for n in range(80):
            ws.store.add(Artifact(title=f"prep {n}", kind=rng.choice(["brief", "demo", "post"]),
                                  on=day(), window_id=rng.randrange(1, 61)))
        for n in range(40):
            ws.store.add(Decision(title=f"bet {n}", on=day(), outcome=rng.choice(["", "", "won"])))
            ws.store.add(BenchEntry(person=f"P{n}", action="unblocked", on=day(),
                                    artifact=rng.choice(["", "a1"])))
            ws.store.add(GlueEntry(what=f"glue {n}", hours=1, on=day(),
                                   unlocks=rng.choice(["", " ", "\t", "\u00a0", "the release"]),
                                   project_id=None))


def _seen(o: win.WindowOccurrence) -> tuple[object, ...]:
    return (o.window.id, o.on, o.prep_due, o.previous, o.packet_gap,
            o.brief if isinstance(o.brief, str) or o.brief is None else o.brief.id,
            o.demo.id if o.demo else None)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_check_alone_finds_the_windows_in_prep_the_full_expansion_finds(
        ws: Workspace, seed: int) -> None:
    # the check reads only the windows that can be within their prep lead; the review's
    # expansion to its horizon, filtered, finds the same dates with the same prep, and the
    # window-prep verdict is the one the whole list gives
    _generate(ws, seed)
    for today in (dt.date(2024, 1, 1) + dt.timedelta(days=d) for d in range(0, 1500, 37)):
        narrow = app_checks._Gatherer(ws, today, shown_days=0)
        full = app_checks._Gatherer(ws, today, shown_days=0)
        everything = full.occurrences()
        in_prep = [o for o in everything if o.prep_due <= today <= o.on]
        assert [_seen(o) for o in narrow.in_prep()] == [_seen(o) for o in in_prep], today
        assert (invariants.window_prep(narrow.prep_or_next(), today, any_windows=True)
                == invariants.window_prep(everything, today, any_windows=True)), today


@pytest.mark.parametrize("seed", [1, 2])
def test_the_reviews_first_window_dates_are_the_first_of_the_full_expansion(
        ws: Workspace, seed: int) -> None:
    # the review on a terminal makes only the dates it shows and counts the others; they
    # are the first dates of the expansion to its horizon, with the same prep, estimates
    # and packet, and the count is the number of dates to the horizon
    from luckos.domain.records import Estimate

    _generate(ws, seed)
    rng = random.Random(seed)
    with ws.store.transaction():  # the rough math saved for some windows, shown with them
        for n in range(60):
            ws.store.add(Estimate(name=f"estimate {n}", window_id=rng.randrange(1, 61),
                                  on=dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(1500))))
    horizon = ws.config.thresholds.window_horizon_days
    for today in (dt.date(2024, 1, 1) + dt.timedelta(days=d) for d in range(0, 1500, 37)):
        everything = [o for o in app_checks.gatherer(ws, today).occurrences()
                      if o.on <= today + dt.timedelta(days=horizon)]
        for limit in (1, 3, 8, 500):
            shown, count = app_checks.gatherer(ws, today).soonest(limit)
            assert count == len(everything), (today, limit)
            assert ([(*_seen(o), o.estimates) for o in shown]
                    == [(*_seen(o), o.estimates) for o in everything[:limit]]), (today, limit)
        full = app_checks.gatherer(ws, today)
        full.occurrences()  # made already: the first dates are taken from them
        assert full.soonest(8) == (everything[:8], len(everything))


@pytest.mark.parametrize("seed", [1, 2])
def test_the_windows_ahead_are_found_through_the_indexes_as_by_reading_every_window(
        ws: Workspace, seed: int) -> None:
    # the recurring windows come through their own index, the others through the date's:
    # the same windows, in the same order, as a filter over every window gives (those
    # ahead, those that can be within their prep lead, those within the review's horizon)
    from luckos.store import loop as q

    _generate(ws, seed)
    every = ws.store.all("window")
    for today in (dt.date(2024, 1, 1) + dt.timedelta(days=d) for d in range(0, 1500, 37)):
        assert ws.store.windows_active(today) == [
            w for w in every if w.recurrence != "" or (w.on and w.on >= today)], today
        end = today + dt.timedelta(days=90)
        within = [w for w in every if w.recurrence != "" or (w.on and today <= w.on <= end)]
        assert q.windows_within(ws.store, today, end) == (within, 0), today
        one_offs = sorted((w for w in within if w.recurrence == ""), key=lambda w: (w.on, w.id))
        for first in (0, 1, 3, len(one_offs), len(one_offs) + 1):
            kept = {w.id for w in one_offs[:first]}
            assert q.windows_within(ws.store, today, end, first=first) == (
                [w for w in within if w.recurrence != "" or w.id in kept],
                max(0, len(one_offs) - first)), (today, first)
        assert q.windows_in_prep_reach(ws.store, today) == [
            w for w in every if w.recurrence != "" or (
                w.on and w.on >= today and (w.on - today).days <= w.prep_lead_days)], today


def test_sponsor_contact_judges_the_sponsors_starts_as_it_judges_the_sponsors(
        ws: Workspace) -> None:
    # with no person recorded, only a sponsor's start counts, and it is read alone
    from luckos.domain.influence import sponsor_contact
    from luckos.domain.records import Sponsor
    from luckos.store import loop as q

    rng = random.Random(3)
    with ws.store.transaction():
        for n in range(30):
            ws.store.add(Sponsor(person=f"Sponsor {n}", since=None if n % 7 == 0 else
                                 dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(500))))
    starts, whole = q.sponsor_starts(ws.store), ws.store.all("sponsor")
    assert [(s.id, s.person, s.since) for s in starts] == [
        (s.id, s.person, s.since) for s in whole]
    for today in (dt.date(2025, 1, 1) + dt.timedelta(days=d) for d in range(0, 600, 29)):
        for max_days in (0, 60, 400):
            assert (sponsor_contact(starts, [], [], {}, today, max_days=max_days)
                    == sponsor_contact(whole, [], [], {}, today, max_days=max_days)), today


def test_the_newest_records_id_and_date_are_those_of_the_newest_record(ws: Workspace
                                                                         ) -> None:
    # the writing habit reads the newest note's and artifact's id and date alone; they are
    # those of the record `latest` builds, ties on a day to the highest id, undated ones
    # never chosen
    from luckos.domain.records import Note
    from luckos.store import loop as q

    rng = random.Random(7)
    assert q.latest_dated(ws.store, "note", until=dt.date(2026, 1, 1)) is None
    with ws.store.transaction():
        for n in range(40):
            on = None if n % 9 == 0 else dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(60))
            ws.store.add(Note(body=f"note {n}", kind=rng.choice(["year-in-public", "journal"]),
                              on=on))
            ws.store.add(Artifact(title=f"a {n}", kind="post", on=on or dt.date(2024, 1, 1)))
    for until in (None, *(dt.date(2023, 12, 31) + dt.timedelta(days=d) for d in range(0, 65, 4))):
        for kind, column, values in (("note", "kind", ("year-in-public",)),
                                     ("note", None, ()), ("artifact", None, ())):
            whole = q.latest(ws.store, kind, column=column, values=values, until=until)
            dated = q.latest_dated(ws.store, kind, column=column, values=values, until=until)
            assert ((whole.id, whole.on) if whole else None) == (
                (dated.id, dated.on) if dated else None), (kind, column, until)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_packet_counts_each_windows_dates_met_short_as_its_occurrences_say(
        ws: Workspace, seed: int) -> None:
    # a window with no prep linked is counted by its dates alone; the gaps are those of
    # the occurrences the packet itself builds (each with the prep made for it)
    _generate(ws, seed)
    windows = ws.store.all("window")
    artifacts = ws.store.all("artifact")
    for until in (dt.date(2024, 6, 30), dt.date(2025, 3, 1), dt.date(2026, 11, 25)):
        since = until - dt.timedelta(days=364)
        met = backing.windows_met(windows, artifacts, since, until)
        short = backing.windows_short(windows, artifacts, since, until)
        assert sorted(short) == sorted(not (o.brief_ready and o.demo_ready) for o in met)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_packets_decisions_bench_and_glue_are_counted_as_the_records_whole_say(
        ws: Workspace, seed: int) -> None:
    _generate(ws, seed)
    since, until = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    for kind, column in (("decision", "outcome"), ("bench", "artifact")):
        records = ws.store.find(kind, since=since, until=until)
        assert queries.filled(ws.store, kind, column, since, until) == (
            len(records), sum(1 for r in records if getattr(r, column)))
    glue = ws.store.find("glue", since=since, until=until)
    # a blank that is not a space (a tab, a no-break space) unlocks nothing either
    assert sum(backing.unlocks_deliverable(unlocks, project)
               for unlocks, project in queries.glue_unlocking(ws.store, since, until)) \
        == sum(1 for g in glue if g.unlocks_deliverable)


def test_dates_from_a_fast_forwarded_first_date_are_the_dates_from_the_first(
        ws: Workspace) -> None:
    rng = random.Random(7)
    for n in range(300):
        first = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(5000))
        window = Window(id=n, name="w", on=first, recurrence=rng.choice(RULES[3:]))
        start = first + dt.timedelta(days=rng.randrange(-100, 6000))
        end = start + dt.timedelta(days=rng.randrange(0, 400))
        expected = win.occurrences(window, start, end)  # expanded from its first date
        found = win.dates_between(window, start, end)
        assert [d for d, _ in found] == expected == win.dates_within(window, start, end)
        if found:
            assert found[0][1] == win.previous_occurrence(window, found[0][0])
        moved = win.fast_forward(window, start)
        assert win.occurrences(moved, start, end) == expected


@pytest.mark.parametrize("link", ["docs/brief.md", "./docs//brief.md", "brief.md", "/tmp",
                                  "~/x.md", "~", ".", "docs/", "//srv/x"])
def test_a_briefs_path_reads_as_pathlib_would_write_it(tmp_path: Path, link: str) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "brief.md").write_text("# Brief\n")
    text = paths.expanduser(paths.normal(link))
    if not text.startswith("/"):
        text = paths.child(str(tmp_path), text) if text != "." else str(tmp_path)
    path = Path(link).expanduser()
    path = path if path.is_absolute() else tmp_path / path
    assert text == str(path)
    assert paths.is_file(text) == path.is_file()
    assert os.fspath(text) == os.fspath(path)


def test_the_check_loads_no_pathlib_and_no_glue_report_it_does_not_need(luck: Luck) -> None:
    from tests.conftest import TODAY_TEXT, loaded_after, subprocess_env

    # a window within its prep lead whose two-pager is a file not there, and no glue in
    # the check's weeks: its path is read as text, the glue classes are not built; with
    # no project, reboot, diagnosis or explore entry, their classes are not built to
    # read none
    luck.ok("window", "add", "FY27 planning", "--on", "2026-11-30", "--doc", "docs/fy27.md")
    luck.ok("glue", "add", "Onboarded Ana", "--hours", "2", "--on", "2026-09-01")
    loaded = loaded_after(["--today", TODAY_TEXT, "check", "--json"],
                          ["pathlib", "luckos.app.glue", "luckos.domain.glue",
                           "luckos.domain.records.estimate", "luckos.domain.loop_records"],
                          env=subprocess_env(luck.home))
    assert loaded.found == []
    results = luck.check(today=TODAY_TEXT)[1]
    assert results["glue-ratio"]["finding"] == "no glue logged in the last 3 weeks"
    assert "docs/fy27.md does not exist" in results["brief-lints"]["items"][0]["text"]


@pytest.mark.parametrize("seed", [1, 2])
def test_the_packet_counts_the_same_from_the_windows_a_caller_read(ws: Workspace,
                                                                  seed: int) -> None:
    # the check and the review hand the packet the windows they read (every recurring one
    # among them) and their linked artifacts; the counts are those it reads for itself
    from luckos.app.packet import claim_counts
    from luckos.store import loop

    _generate(ws, seed)
    with ws.store.transaction():  # a rule of blanks is a one-off to the packet's store
        ws.store.add(Window(name="blank rule", kind="promotion", on=dt.date(2025, 5, 1),
                            recurrence="  "))
    for today in (dt.date(2024, 8, 1), dt.date(2025, 6, 30), dt.date(2026, 11, 25)):
        active = ws.store.windows_active(today)
        reach = loop.windows_in_prep_reach(ws.store, today)
        for windows in (active, reach):
            linked = loop.artifacts_for(ws.store, [w.id for w in windows])
            assert claim_counts(ws, "promotion", today, (windows, linked)) \
                == claim_counts(ws, "promotion", today), today


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_counted_packet_has_the_claims_and_gaps_of_the_packet_built_whole(
        ws: Workspace, seed: int) -> None:
    # the readiness a promotion window shows is counted from what decides each gap; on
    # generated windows, prep, decisions, bench, glue and artifacts with and without a
    # link or a testimonial, it is what `luck packet --for promotion --check` finds
    from luckos.app.packet import claim_counts, make
    from luckos.domain.records import Testimonial
    from luckos.errors import LuckError

    _generate(ws, seed)
    rng = random.Random(seed)
    with ws.store.transaction():
        for n in range(30):
            ws.store.add(Artifact(title=f"talk {n}", kind="talk", on=dt.date(2025, 1, 1)
                                  + dt.timedelta(days=rng.randrange(700)),
                                  link=rng.choice(["", "", "https://talk"])))
        for aid in rng.sample(range(81, 111), 8):
            ws.store.add(Testimonial(artifact_id=aid, who="Ana", quote="it helped",
                                     on=dt.date(2025, 6, 1)))
    for today in (dt.date(2024, 8, 1), dt.date(2025, 6, 30), dt.date(2026, 3, 2)):
        try:
            packet = make(ws, "promotion", None, None, today)
            expected = (len(packet.claims), len(packet.gaps))
        except LuckError:
            expected = (0, 0)
        assert expected[1] > 0 or expected == (0, 0)
        assert claim_counts(ws, "promotion", today) == expected, today
