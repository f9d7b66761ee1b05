"""The store's counted groups give the same ledger as the plain facts."""

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from luckos.domain import ledger
from luckos.domain.records import PROMISE_STATUSES, Promise
from luckos.store import Store

TODAY = dt.date(2026, 11, 25)

promise = st.builds(
    lambda made, due_in, status, landed_in: Promise(
        what="w", to_whom="x", made_on=made, due=made + dt.timedelta(days=due_in),
        status=status,
        landed_on=None if status == "open" else made + dt.timedelta(days=landed_in),
    ),
    made=st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
    due_in=st.integers(0, 60),
    status=st.sampled_from(PROMISE_STATUSES),
    landed_in=st.integers(0, 90),
)


def _assert_grouped_summaries_are_plain(store: Store) -> None:
    """The ledger summarised from grouped rows (by day throughout, and by day only where
    the rolling windows look, as `luck ledger` reads them, by quarter before) is the one
    summarised from every promise's facts."""
    start = ledger.history_start(TODAY, 90, 6)
    grouped = ledger.summarize_groups(*store.promise_groups(start, TODAY), [], TODAY)
    by_quarter = ledger.summarize_groups(*store.promise_groups(
        start, TODAY, by_day_since=TODAY - dt.timedelta(days=179)), [], TODAY)
    plain = ledger.summarize(store.promise_facts(), [], TODAY)
    for summary in (grouped, by_quarter):
        assert summary.overall == plain.overall
        assert summary.rolling == plain.rolling
        assert summary.previous_rolling == plain.previous_rolling
        assert summary.quarters == plain.quarters
        assert summary.average_slip_days == plain.average_slip_days


@settings(max_examples=25, deadline=None)
@given(st.lists(promise, max_size=40))
def test_grouped_rows_summarise_like_plain_facts(tmp_path_factory, promises):
    store = Store.open(tmp_path_factory.mktemp("ws") / "luck.db", create=True)
    with store.transaction():
        for p in promises:
            store.add(p)
    _assert_grouped_summaries_are_plain(store)
    store.close()


@settings(max_examples=25, deadline=None)
@given(st.lists(promise, min_size=1, max_size=30), st.data())
def test_totals_stay_in_step_through_edits_and_deletes(tmp_path_factory, promises, data):
    store = Store.open(tmp_path_factory.mktemp("ws") / "luck.db", create=True)
    with store.transaction():
        added = [store.add(p) for p in promises]
        for p in data.draw(st.lists(st.sampled_from(added), max_size=10, unique=True)):
            change = data.draw(st.sampled_from(["delete", "keep late", "reopen", "move due",
                                                "miss", "move landing"]))
            if change == "delete":
                store.delete("promise", p.id)
            elif change == "keep late":
                store.update(dataclasses.replace(p, status="kept",
                                                 landed_on=p.due + dt.timedelta(days=3)))
            elif change == "reopen":
                store.update(dataclasses.replace(p, status="open", landed_on=None))
            elif change == "miss":
                store.update(dataclasses.replace(p, status="missed", landed_on=p.due))
            elif change == "move landing" and p.landed_on is not None:
                store.update(dataclasses.replace(p, landed_on=p.landed_on
                                                 - dt.timedelta(days=2)))
            else:
                store.update(dataclasses.replace(p, due=p.due + dt.timedelta(days=5)))
    _assert_grouped_summaries_are_plain(store)
    # the day counts the triggers keep are the promises' own, with no day left at nothing
    kept = store.db.execute("SELECT * FROM ledger_days ORDER BY 1, 2").fetchall()
    counted = store.db.execute(
        "SELECT landed_on, status, count(*), count(*) FILTER (WHERE landed_on > due) "
        "FROM promise WHERE landed_on IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
    store.close()
    assert kept == counted
