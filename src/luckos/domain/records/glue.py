"""Glue work, and what it unlocks ("The Glue Work Trap—and Its Exit").

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class GlueEntry(RecordBase):
    """Glue work: coordination, reviews, onboarding, ceremony, and what it unlocks."""

    id: int | None = None
    what: str = _f(help="the glue work", required=True)
    hours: float = _f("float", "hours it took (2, 2h or 90m)", required=True, unit="h")
    on: dt.date | None = _f("date", "when", default_today=True, past_only=True)
    unlocks: str = _f(help="the consequential deliverable it unlocks (empty: none)", default="")
    project_id: int | None = _f("ref:project", "the project it unlocks", flag="project")
    mechanism: str = _f(help="the mechanism that could replace you: an FAQ, a short video, a "
                        "runbook", default="")
    note: str = _f(help="a free note", default="")
    mechanism_artifact_id: int | None = _f("ref:artifact", "the artifact that shipped the "
                                           "mechanism", flag="shipped-in", key="shipped_in")

    @property
    def unlocks_deliverable(self) -> bool:
        return bool(self.unlocks.strip()) or self.project_id is not None
