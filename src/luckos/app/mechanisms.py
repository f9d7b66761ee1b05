"""Gather what the weekly review asks of you (`luckos.domain.mechanisms`) from the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from luckos.domain import mechanisms as m
from luckos.domain.mechanisms import Ask
from luckos.domain.themes import active
from luckos.store import loop as q
from luckos.workspace import Workspace

if TYPE_CHECKING:
    from luckos.domain.records import Theme


def asks(ws: Workspace, today: dt.date, *, per_topic: int | None = None,
         themes: Sequence[Theme] | None = None) -> tuple[list[Ask], dict[str, int]]:
    """Each mechanism's records, narrowed in SQL to those it can ask about (ten years of
    sponsorships, secrets and testimonials would otherwise be read every week), and how
    many of each topic are left out: with `per_topic` (the terminal shows the first few
    of each), the rest are counted, not built; without it, all are listed. `themes`: the
    themes active today, when the caller read them already."""
    store = ws.store
    found: list[Ask] = []
    more: dict[str, int] = {}

    def add(topic: str, asked: list[Ask], left_out: int = 0) -> None:
        if per_topic is not None and len(asked) > per_topic:
            left_out += len(asked) - per_topic
            asked = asked[:per_topic]
        found.extend(asked)
        if left_out:
            more[topic] = more.get(topic, 0) + left_out

    def rest(read: Sequence[object], count: Callable[[], int]) -> int:
        """How many more than the `per_topic` read there are: counted only when the read
        was cut at `per_topic`."""
        return 0 if per_topic is None or len(read) < per_topic else count() - len(read)

    # those that grow with the years are read only as far as they are shown
    since = today - dt.timedelta(days=m.LESSON_DAYS)
    misses = q.misses_without_lesson(store, since, limit=per_topic)
    add("lesson", m.misses_without_lesson(misses),
        rest(misses, lambda: q.count_misses_without_lesson(store, since)))
    add("sponsoring", m.sponsoring(
        q.sponsorships_since(store, today - dt.timedelta(days=m.SPONSORING_DAYS)), today))
    add("explore", m.undocumented_explore(
        store.find("explore", since=today - dt.timedelta(days=92), until=today)))
    before = today - dt.timedelta(days=m.FALLOW_DAYS)
    secrets = q.fallow_secrets(store, before, limit=per_topic)
    add("earned secret", m.fallow_secrets(secrets, today),
        rest(secrets, lambda: q.count_fallow_secrets(store, before)))
    year_ago = today - dt.timedelta(days=365)
    if per_topic is None:
        add("hours", m.hours_against_saved(q.artifact_hours(store, year_ago, today),
                                           q.hours_saved_about(store, year_ago, today)))
    else:  # the first few artifacts that saved hours, and a count of the others
        made = q.saving_artifact_hours(store, year_ago, today, limit=per_topic)
        add("hours", m.hours_against_saved(made, q.hours_saved_by(
            store, [a[0] for a in made], today)),
            rest(made, lambda: q.count_saving_artifacts(store, year_ago, today)))
    glue = store.find("glue", since=today - dt.timedelta(days=300), until=today,
                      descending=False)
    add("glue", m.glue_quarters(glue, today))
    add("mechanism", m.unshipped_mechanisms(glue, today))
    four_weeks = [g for g in glue if g.on and g.on > today - dt.timedelta(days=28)]
    if themes is None:
        themes = active(store.all("theme"), today)
    bets = m.load_against_bets(themes, q.open_projects(store),
                               q.open_promise_themes(store), four_weeks)
    tools = store.find("artifact", where={"ai_tool": True}, since=year_ago, until=today,
                       descending=False)
    if tools:
        metrics = store.all("metric")
        ids = sorted({x.metric_id for x in tools if x.metric_id is not None})
        add("ai tooling", m.ai_tooling(tools, metrics, q.readings_of_metrics(store, ids)))
    return bets + found, more
