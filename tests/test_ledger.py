"""The credibility ledger: promise transitions and hit-rate analytics, hand-computed."""

from __future__ import annotations

import datetime as dt

import pytest

from luckos.domain import ledger
from luckos.domain.records import Promise
from luckos.errors import LuckError

D = dt.date.fromisoformat
TODAY = D("2026-11-25")


def promise(pid: int = 1, *, made: str = "2026-11-01", due: str = "2026-11-20",
            status: str = "open", landed: str | None = None) -> Promise:
    return Promise(id=pid, what="ship the runbook", to_whom="Dana", made_on=D(made),
                   due=D(due), status=status, landed_on=D(landed) if landed else None)


# --- outcome --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "status", "landed", "expected"),
    [
        ("2026-11-20", "kept", "2026-11-20", "kept_on_time"),  # on the due date is on time
        ("2026-11-20", "kept", "2026-11-19", "kept_on_time"),
        ("2026-11-20", "kept", "2026-11-21", "kept_late"),  # one day late is late
        ("2026-11-20", "missed", "2026-11-21", "missed"),
        ("2026-11-20", "dropped", "2026-11-10", "dropped"),
        ("2026-11-20", "renegotiated", "2026-11-15", "renegotiated_early"),
        ("2026-11-20", "open", None, "open"),
    ],
)
def test_outcome_of_each_status(due: str, status: str, landed: str | None,
                                expected: str) -> None:
    assert ledger.outcome(due, status, landed) == expected


# --- transitions ----------------------------------------------------------------------


def test_keep_records_the_day_it_landed() -> None:
    kept = ledger.keep(promise(), D("2026-11-18"))
    assert (kept.status, kept.landed_on) == ("kept", D("2026-11-18"))


def test_a_missed_promise_can_still_be_kept_late() -> None:
    missed = ledger.miss(promise(), D("2026-11-21"))
    kept = ledger.keep(missed, D("2026-11-24"))
    assert (kept.status, kept.landed_on) == ("kept", D("2026-11-24"))
    assert ledger.outcome(kept.due.isoformat(), kept.status,
                          kept.landed_on.isoformat()) == "kept_late"


def test_keeping_a_dropped_promise_makes_no_sense() -> None:
    dropped = ledger.drop(promise(7), D("2026-11-10"))
    with pytest.raises(LuckError) as caught:
        ledger.keep(dropped, D("2026-11-12"))
    assert str(caught.value) == "cannot keep p7: it was dropped on 2026-11-10; reopen it first"


@pytest.mark.parametrize(
    ("status", "verb", "message"),
    [
        ("kept", ledger.miss, "cannot mark as missed p1: it was kept on 2026-11-15"),
        ("kept", ledger.drop, "cannot drop p1: it was kept on 2026-11-15"),
        ("kept", ledger.keep, "cannot keep p1: it was kept on 2026-11-15"),
        ("missed", ledger.miss, "cannot mark as missed p1: it was missed on 2026-11-15"),
        ("renegotiated", ledger.keep,
         "cannot keep p1: it was renegotiated on 2026-11-15; reopen it first"),
    ],
)
def test_transitions_that_make_no_sense_are_refused(status: str, verb, message: str) -> None:
    closed = promise(status=status, landed="2026-11-15")
    with pytest.raises(LuckError) as caught:
        verb(closed, D("2026-11-16"))
    assert str(caught.value) == message


def test_a_promise_cannot_land_before_it_was_made() -> None:
    with pytest.raises(LuckError, match=r"2026-10-31 is before p1 was made \(2026-11-01\)"):
        ledger.keep(promise(), D("2026-10-31"))


def test_reopen_clears_the_landing_and_refuses_an_open_promise() -> None:
    reopened = ledger.reopen(promise(status="dropped", landed="2026-11-10"))
    assert (reopened.status, reopened.landed_on) == ("open", None)
    with pytest.raises(LuckError, match="p1 is already open"):
        ledger.reopen(promise())


def test_a_replaced_promise_is_not_reopened() -> None:
    replaced = Promise(id=3, what="x", to_whom="y", made_on=D("2026-11-01"),
                       due=D("2026-11-20"), status="renegotiated",
                       landed_on=D("2026-11-10"), renegotiated_to=4)
    with pytest.raises(LuckError, match="p3 was replaced by p4; edit that one instead"):
        ledger.reopen(replaced)


def test_renegotiating_on_or_before_the_due_date_is_early_and_not_a_miss() -> None:
    closed, successor, early = ledger.renegotiate(promise(), D("2026-12-04"), D("2026-11-20"))
    assert early is True
    assert (closed.status, closed.landed_on) == ("renegotiated", D("2026-11-20"))
    # the successor carries the promise on: new id, made on the day it was agreed
    assert successor.id is None
    assert (successor.what, successor.to_whom) == ("ship the runbook", "Dana")
    assert (successor.made_on, successor.due, successor.status) == (
        D("2026-11-20"), D("2026-12-04"), "open")


def test_renegotiating_after_the_due_date_records_a_miss() -> None:
    closed, successor, early = ledger.renegotiate(promise(), D("2026-12-04"), D("2026-11-21"))
    assert early is False
    assert (closed.status, closed.landed_on) == ("missed", D("2026-11-21"))
    assert successor.due == D("2026-12-04")


def test_renegotiation_needs_a_later_due_date_and_an_open_promise() -> None:
    with pytest.raises(LuckError, match="new due date 2026-11-18 must be after"):
        ledger.renegotiate(promise(), D("2026-11-18"), D("2026-11-18"))
    with pytest.raises(LuckError, match="cannot renegotiate p1: it was kept"):
        ledger.renegotiate(promise(status="kept", landed="2026-11-10"), D("2026-12-01"),
                           D("2026-11-12"))


# --- analytics ------------------------------------------------------------------------


def test_tally_rates() -> None:
    tally = ledger.Tally(kept_on_time=3, kept_late=1, missed=1, dropped=1,
                         renegotiated_early=2, open=5)
    # resolved = 3 + 1 + 1 + 1 = 6 (renegotiated early and open are not resolved)
    assert tally.resolved == 6
    assert tally.hit_rate == pytest.approx(3 / 6)
    assert tally.as_dict()["hit_rate"] == 0.5
    assert ledger.Tally(renegotiated_early=2, open=1).hit_rate is None


FACTS = [
    # (due, status, landed_on)                          outcome        landed in
    ("2026-11-01", "kept", "2026-10-30"),           # on time        rolling, 2026-Q4
    ("2026-10-15", "kept", "2026-10-20"),           # late by 5      rolling, 2026-Q4
    ("2026-09-30", "missed", "2026-10-01"),         # missed         rolling, 2026-Q4
    ("2026-08-28", "kept", "2026-08-28"),           # on time        rolling (first day), Q3
    ("2026-08-27", "kept", "2026-08-27"),           # on time        previous (boundary), Q3
    ("2026-06-30", "dropped", "2026-06-15"),        # dropped        previous, 2026-Q2
    ("2026-06-10", "kept", "2026-06-25"),           # late by 15     previous, 2026-Q2
    ("2026-12-01", "renegotiated", "2026-11-20"),   # reneg. early   rolling, 2026-Q4
    ("2025-03-01", "kept", "2025-02-20"),           # on time        before both; 2025-Q1
    ("2026-12-10", "open", None),                   # open
    ("2026-11-20", "kept", "2026-11-30"),           # lands after today: counted overall only
]


def test_summary_hand_computed() -> None:
    s = ledger.summarize(FACTS, [], TODAY, rolling_days=90, quarters=6)
    # rolling window: landed in (2026-08-27, 2026-11-25]; previous: (2026-05-29, 2026-08-27]
    # overall: on time 4 (10-30, 08-28, 08-27, 2025-02-20); late 3 (10-20, 06-25, 11-30);
    # missed 1; dropped 1; renegotiated early 1; open 1 -> resolved 9, hit rate 4/9
    assert s.overall == ledger.Tally(kept_on_time=4, kept_late=3, missed=1, dropped=1,
                                     renegotiated_early=1, open=1)
    assert s.overall.hit_rate == pytest.approx(4 / 9)
    # rolling: on time 2 (10-30, 08-28), late 1, missed 1, reneg 1 -> 2/4 = 50%
    assert s.rolling == ledger.Tally(kept_on_time=2, kept_late=1, missed=1,
                                     renegotiated_early=1)
    assert s.rolling.hit_rate == 0.5
    # previous: on time 1 (08-27), dropped 1, late 1 -> 1/3
    assert s.previous_rolling == ledger.Tally(kept_on_time=1, kept_late=1, dropped=1)
    assert s.trend == pytest.approx(0.5 - 1 / 3)
    # average slip: (5 + 15 + 10) / 3 = 10 days, over every promise kept late
    assert s.average_slip_days == pytest.approx(10.0)


def test_summary_by_quarter_of_landing() -> None:
    s = ledger.summarize(FACTS, [], TODAY, quarters=6)
    quarters = {q.quarter: q.tally for q in s.quarters}
    # six quarters ending with today's: 2025-Q3 .. 2026-Q4, oldest first
    assert list(quarters) == ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert quarters["2025-Q3"] == quarters["2025-Q4"] == quarters["2026-Q1"] == ledger.Tally()
    # Q2: dropped 06-15 and late 06-25 -> 0 of 2
    assert quarters["2026-Q2"] == ledger.Tally(kept_late=1, dropped=1)
    assert quarters["2026-Q2"].hit_rate == 0.0
    # Q3: on time 08-27 and 08-28 -> 2 of 2
    assert quarters["2026-Q3"] == ledger.Tally(kept_on_time=2)
    # Q4 (up to today): on time 10-30, late 10-20, missed 10-01, reneg 11-20 -> 1 of 3
    assert quarters["2026-Q4"] == ledger.Tally(kept_on_time=1, kept_late=1, missed=1,
                                               renegotiated_early=1)
    assert quarters["2026-Q4"].hit_rate == pytest.approx(1 / 3)


def test_quarters_cross_a_year_boundary() -> None:
    s = ledger.summarize([], [], D("2027-02-01"), quarters=3)
    assert [q.quarter for q in s.quarters] == ["2026-Q3", "2026-Q4", "2027-Q1"]


def test_no_trend_without_two_periods() -> None:
    s = ledger.summarize([("2026-11-01", "kept", "2026-11-01")], [], TODAY)
    assert s.rolling.hit_rate == 1.0
    assert s.previous_rolling.hit_rate is None
    assert s.trend is None
    assert s.average_slip_days is None


def test_overdue_and_due_soon() -> None:
    open_promises = [
        promise(1, due="2026-11-20"),   # 5 days overdue
        promise(2, due="2026-11-10"),   # 15 days overdue: listed first
        promise(3, due="2026-11-25"),   # due today: due soon, not overdue
        promise(4, due="2026-12-02"),   # today + 7: the last day of "due soon"
        promise(5, due="2026-12-03"),   # today + 8: neither
        promise(6, due="2026-11-01", status="kept", landed="2026-11-01"),  # closed: neither
    ]
    s = ledger.summarize([], open_promises, TODAY, due_soon_days=7)
    assert [p.id for p in s.overdue] == [2, 1]
    assert [p.id for p in s.due_soon] == [3, 4]
