"""The diagnosis: the three questions answered in writing, dated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from luckos.app import records
from luckos.domain.records import Diagnosis
from luckos.errors import LuckError
from luckos.store import loop as q
from luckos.workspace import Workspace


def record(ws: Workspace, answers: Mapping[str, str | None], on: dt.date | None,
           today: dt.date) -> tuple[Diagnosis, list[str]]:
    if not (answers.get("problem") or "").strip():
        raise LuckError("a diagnosis starts with --problem: what problem do you solve that "
                        "the business would miss if you left for a month?")
    raw = {k: v for k, v in answers.items() if v is not None}
    if on is not None:
        raw["on"] = on.isoformat()
    return records.add(ws, records.kind_named("diagnosis"), raw, today)


def latest(ws: Workspace, today: dt.date) -> Diagnosis | None:
    found = q.latest(ws.store, "diagnosis", until=today)
    return found if isinstance(found, Diagnosis) else None


def diagnosis_json(record: Diagnosis, today: dt.date) -> dict[str, Any]:
    """A diagnosis with its age in days and each answer with its flag (an answer that is
    not a paragraph): `luck diagnose --json`, and what its text shows."""
    from luckos.domain.diagnosis import QUESTIONS, paragraph_flag

    assert record.on is not None
    return {**records.as_json(record), "age_days": (today - record.on).days,
            "questions": [{"number": n, "field": f, "question": q,
                           "answer": getattr(record, f), "flag": paragraph_flag(getattr(record, f))}
                          for n, (f, q) in enumerate(QUESTIONS, start=1)]}
