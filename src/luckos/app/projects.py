"""Projects: scoring on the seven quiet heuristics, and the kill review."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from luckos.app.records import Confirm, as_json, fetch, kind_named
from luckos.domain import projects
from luckos.domain.records import Project
from luckos.domain.validate import refuse, refuse_future, validate
from luckos.errors import LuckError
from luckos.workspace import Workspace


def score(ws: Workspace, ref: str, values: Sequence[int]) -> tuple[Project, list[str]]:
    """Set all seven heuristic scores at once, in the essay's order."""
    project = fetch(ws, kind_named("project"), ref)
    if len(values) != len(projects.HEURISTICS):
        raise LuckError(f"give {len(projects.HEURISTICS)} scores (0 no, 1 partly, 2 yes), "
                        f"one per heuristic in order; got {len(values)}")
    changes = {h.field: v for h, v in zip(projects.HEURISTICS, values, strict=True)}
    updated = dataclasses.replace(project, **changes)
    warnings = refuse(validate(updated, ws.config), updated)
    with ws.store.transaction():
        return ws.store.update(updated), warnings


def review(ws: Workspace, ref: str, *, on: dt.date, enthusiasm: bool, signal: bool,
           landing: bool, outcome: str | None, why: str, next_review: dt.date | None,
           today: dt.date | None = None, confirm: Confirm = None
           ) -> tuple[Project, str, list[str]]:
    """Hold the kill review; returns the project, the essay's advice and warnings."""
    project = fetch(ws, kind_named("project"), ref)
    advised, _ = projects.recommendation(enthusiasm, signal, landing)
    reviewed, warnings = projects.review(
        project, on=on, enthusiasm=enthusiasm, signal=signal, landing=landing,
        outcome=outcome or advised, why=why, next_review=next_review)
    refuse_future(reviewed, today or on, names=("reviewed_on",), confirm=confirm,
                  labels={"reviewed_on": "--on"})
    with ws.store.transaction():
        return ws.store.update(reviewed), advised, warnings


def project_json(ws: Workspace, project: Project, today: dt.date) -> dict[str, Any]:
    """A project with its seven scores, the advice on each scored low, and its kill
    review: when it is due and where it stands (`luck project show`, its --json)."""
    weeks = ws.config.check.value("project-kill-review", "default_weeks")
    points, scored = projects.total(project)
    due = projects.kill_review_date(project, weeks)
    return {
        **as_json(project),
        "score": points, "scored": scored, "max_score": projects.MAX_SCORE,
        "heuristics": [{"number": h.number, "field": h.field, "rule": h.rule, "score": value,
                        "advice": projects.advice(h, value)}
                       for h, value in projects.scores(project)],
        "kill_review_due": due.isoformat() if due else None,
        "kill_review_state": projects.kill_review_state(project, today, weeks),
    }
