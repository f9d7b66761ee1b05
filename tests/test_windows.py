"""The timing calendar: recurrences, prep deadlines and readiness, hand-computed."""

from __future__ import annotations

import datetime as dt

import pytest

from luckos.domain import windows
from luckos.domain.records import Artifact, Window
from luckos.errors import LuckError

D = dt.date.fromisoformat
TODAY = D("2026-11-25")


def window(wid: int, on: str, recurrence: str = "", **kw) -> Window:
    return Window(id=wid, name=f"window {wid}", on=D(on), recurrence=recurrence, **kw)


def artifact(aid: int, kind: str, on: str, window_id: int) -> Artifact:
    return Artifact(id=aid, title=f"{kind} {aid}", kind=kind, on=D(on), window_id=window_id)


# --- recurrence -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("", ""),
        ("yearly", "yearly"),
        ("Quarterly", "quarterly"),
        ("half-yearly", "half-yearly"),
        ("FREQ=MONTHLY;INTERVAL=4", "FREQ=MONTHLY;INTERVAL=4"),
        ("RRULE:freq=monthly;interval=4", "FREQ=MONTHLY;INTERVAL=4"),
    ],
)
def test_recurrence_is_normalised(typed: str, stored: str) -> None:
    assert windows.check_recurrence(typed) == stored


@pytest.mark.parametrize("typed", ["sometimes", "FREQ=SOMETIMES", "FREQ=MONTHLY;COUNT=x"])
def test_invalid_recurrence_names_the_text(typed: str) -> None:
    with pytest.raises(LuckError, match=f"invalid recurrence '{typed}'"):
        windows.check_recurrence(typed)


def test_quarterly_occurrences() -> None:
    w = window(1, "2026-01-15", "quarterly")
    assert windows.occurrences(w, D("2026-01-01"), D("2026-12-31")) == [
        D("2026-01-15"), D("2026-04-15"), D("2026-07-15"), D("2026-10-15")]
    # none before the window's first date
    assert windows.occurrences(w, D("2025-01-01"), D("2026-01-14")) == []


def test_yearly_and_half_yearly_occurrences() -> None:
    assert windows.occurrences(window(1, "2026-03-01", "yearly"), D("2026-06-01"),
                               D("2028-12-31")) == [D("2027-03-01"), D("2028-03-01")]
    assert windows.occurrences(window(1, "2026-03-01", "half-yearly"), D("2026-01-01"),
                               D("2027-03-01")) == [D("2026-03-01"), D("2026-09-01"),
                                                    D("2027-03-01")]


def test_rrule_occurrences() -> None:
    w = window(1, "2026-01-05", "FREQ=MONTHLY;INTERVAL=4")
    assert windows.occurrences(w, D("2026-01-01"), D("2026-12-31")) == [
        D("2026-01-05"), D("2026-05-05"), D("2026-09-05")]


def test_one_off_window_occurs_once_inside_the_range() -> None:
    w = window(1, "2026-12-07")
    assert windows.occurrences(w, TODAY, D("2026-12-31")) == [D("2026-12-07")]
    assert windows.occurrences(w, D("2026-12-08"), D("2026-12-31")) == []


@pytest.mark.parametrize("typed", ["Yearly", "RRULE:FREQ=YEARLY"])
def test_a_recurrence_accepted_as_typed_also_expands(typed: str) -> None:
    # validation accepts these spellings and the record keeps them as typed
    windows.check_recurrence(typed)
    w = window(1, "2026-03-01", typed)
    assert windows.occurrences(w, D("2026-06-01"), D("2027-12-31")) == [D("2027-03-01")]


def test_previous_occurrence() -> None:
    w = window(1, "2026-01-15", "quarterly")
    assert windows.previous_occurrence(w, D("2027-01-15")) == D("2026-10-15")
    assert windows.previous_occurrence(w, D("2026-01-15")) is None  # the first one
    assert windows.previous_occurrence(window(2, "2026-01-15"), D("2027-01-01")) is None


# --- readiness --------------------------------------------------------------------------


def test_readiness_states_hand_computed() -> None:
    ws = [
        # prep due 2026-11-30, 5 days away; brief linked, no demo -> "due", missing demo
        window(1, "2026-12-07"),
        # prep due 2026-11-23, two days ago; nothing linked -> "late"
        window(2, "2026-11-30"),
        # prep due 2026-12-20 (lead 7), 25 days away; only the demo missing -> "prep"
        window(3, "2026-12-27"),
        # both linked -> "ready" even though prep was due 2026-11-17
        window(4, "2026-12-01", prep_lead_days=14),
        # asks for no demo; the brief is a linked document -> "ready"
        window(5, "2026-12-03", needs_demo=False, docs=("docs/headcount.md",)),
        # beyond the 60-day horizon (2027-01-24) -> not listed
        window(6, "2027-02-01"),
        # already past -> not listed
        window(7, "2026-11-24"),
    ]
    arts = [
        artifact(1, "brief", "2026-11-20", 1),
        artifact(2, "one-pager", "2026-11-01", 3),
        artifact(3, "design-doc", "2026-11-01", 4),
        artifact(4, "demo", "2026-11-02", 4),
        artifact(5, "talk", "2026-11-03", 2),  # a talk is neither brief nor demo
    ]
    found = windows.upcoming(ws, arts, TODAY, 60)
    rows = [(o.window.id, o.on.isoformat(), o.prep_due.isoformat(), o.state(TODAY),
             o.missing()) for o in found]
    assert rows == [
        (2, "2026-11-30", "2026-11-23", "late", ["two-pager", "demo"]),
        (4, "2026-12-01", "2026-11-17", "ready", []),
        (5, "2026-12-03", "2026-11-26", "ready", []),
        (1, "2026-12-07", "2026-11-30", "due", ["demo"]),
        (3, "2026-12-27", "2026-12-20", "prep", ["demo"]),
    ]
    by_id = {o.window.id: o for o in found}
    assert by_id[5].brief == "docs/headcount.md"
    assert by_id[1].brief.id == 1


def test_state_boundaries() -> None:
    o = windows.upcoming([window(1, "2026-12-09")], [], TODAY, 60)[0]
    # prep due 2026-12-02
    assert o.state(D("2026-11-24")) == "prep"  # 8 days before the prep deadline
    assert o.state(D("2026-11-25")) == "due"  # 7 days before
    assert o.state(D("2026-12-02")) == "due"  # on the day
    assert o.state(D("2026-12-03")) == "late"


def test_recurring_window_counts_only_prep_made_since_its_previous_date() -> None:
    retro = window(1, "2026-01-15", "quarterly")
    arts = [
        artifact(1, "brief", "2026-10-01", 1),  # before the 2026-10-15 retro: stale
        artifact(2, "demo", "2026-11-01", 1),  # after it: counts for 2027-01-15
    ]
    (o,) = windows.upcoming([retro], arts, TODAY, 90)
    assert o.on == D("2027-01-15")
    assert o.prep_due == D("2027-01-08")
    assert o.brief is None
    assert o.demo is not None and o.demo.id == 2
    assert o.missing() == ["two-pager"]
    assert o.state(TODAY) == "prep"


def test_latest_brief_is_preferred() -> None:
    arts = [artifact(1, "brief", "2026-11-01", 1), artifact(2, "one-pager", "2026-11-20", 1)]
    (o,) = windows.upcoming([window(1, "2026-12-07")], arts, TODAY, 30)
    assert o.brief.id == 2


# --- values ----------------------------------------------------------------------------


@pytest.mark.parametrize("cls_name", ["WindowOccurrence", "GlueWeek"])
def test_shared_value_methods_match_generated_ones(cls_name: str) -> None:
    """The window dates and glue weeks take equality, hash and repr from the shared base
    (cheaper to build on every run): they behave as the generated ones did."""
    import dataclasses

    from luckos.domain import glue

    cls = windows.WindowOccurrence if cls_name == "WindowOccurrence" else glue.GlueWeek
    generated = dataclasses.make_dataclass(
        cls_name, [(f.name, f.type, f) for f in dataclasses.fields(cls)], frozen=True)
    w = window(1, "2026-12-01", needs_brief=True)
    if cls is windows.WindowOccurrence:
        values = [(w, D("2026-12-01"), D("2026-11-24"), "https://x/brief", None),
                  (w, D("2026-12-01"), D("2026-11-24"), None, None, D("2026-11-01"))]
    else:
        values = [(D("2026-11-23"), ()), (D("2026-11-30"), ())]
    ours = [cls(*v) for v in values]
    theirs = [generated(*v) for v in values]
    assert [repr(o) for o in ours] == [repr(t) for t in theirs]
    assert ours[0] == cls(*values[0]) and ours[0] != ours[1]
    assert hash(ours[0]) == hash(cls(*values[0]))
    assert ours[0] != theirs[0]  # another class is never equal, as before
    assert len({*ours, cls(*values[0])}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        ours[0].on = TODAY  # type: ignore[misc]
