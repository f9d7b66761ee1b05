"""Gather what the weekly review asks of you (`luckos.domain.mechanisms`) from the store."""

from __future__ import annotations

import datetime as dt

from luckos.domain import mechanisms as m
from luckos.domain.mechanisms import Ask
from luckos.domain.themes import active
from luckos.store import loop as q
from luckos.workspace import Workspace


def asks(ws: Workspace, today: dt.date) -> list[Ask]:
    """Each mechanism's records, narrowed in SQL to those it can ask about (ten years of
    sponsorships, secrets and testimonials would otherwise be read every week)."""
    store = ws.store
    found: list[Ask] = []
    found += m.misses_without_lesson(
        q.misses_without_lesson(store, today - dt.timedelta(days=m.LESSON_DAYS)))
    found += m.sponsoring(
        q.sponsorships_since(store, today - dt.timedelta(days=m.SPONSORING_DAYS)), today)
    found += m.undocumented_explore(
        store.find("explore", since=today - dt.timedelta(days=92), until=today))
    found += m.fallow_secrets(
        q.secrets_before(store, today - dt.timedelta(days=m.FALLOW_DAYS)),
        q.cited_notes(store), today)
    year_ago = today - dt.timedelta(days=365)
    found += m.hours_against_saved(q.artifact_hours(store, year_ago, today),
                                   q.hours_saved_about(store, year_ago, today))
    glue = store.find("glue", since=today - dt.timedelta(days=300), until=today,
                      descending=False)
    found += m.glue_quarters(glue, today)
    found += m.unshipped_mechanisms(glue, today)
    four_weeks = [g for g in glue if g.on and g.on > today - dt.timedelta(days=28)]
    bets = m.load_against_bets(active(store.all("theme"), today), q.open_projects(store),
                               q.open_promise_themes(store), four_weeks)
    tools = store.find("artifact", where={"ai_tool": True}, since=year_ago, until=today,
                       descending=False)
    if tools:
        metrics = store.all("metric")
        ids = sorted({x.metric_id for x in tools if x.metric_id is not None})
        found += m.ai_tooling(tools, metrics, q.readings_of_metrics(store, ids))
    return bets + found
