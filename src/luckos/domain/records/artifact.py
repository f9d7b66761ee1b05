"""Artifacts on both surfaces (the testimonials they earn are in `.testimonial`).

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f
from luckos.domain.records import ARTIFACT_KINDS, OUTCOMES, SURFACES


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Artifact(RecordBase):
    """Something you made on the public or internal surface."""

    id: int | None = None
    title: str = _f(help="the title", required=True)
    kind: str = _f("choice", "what it is", required=True, choices=ARTIFACT_KINDS)
    surface: str = _f("choice", "public or internal", default="internal", choices=SURFACES)
    on: dt.date | None = _f("date", "when it shipped", default_today=True,
                               past_only=True)
    link: str = _f(help="a link or path", default="")
    theme_id: int | None = _f("ref:theme", "the theme it serves", flag="theme")
    window_id: int | None = _f("ref:window", "the decision window it prepares", flag="window")
    note: str = _f(help="a free note", default="")
    outcome: str = _f("choice", "a brief's outcome: funded, declined or deferred",
                      default="", choices=OUTCOMES)
    outcome_on: dt.date | None = _f("date", "when the outcome was known", flag="outcome-on")
    from_note_id: int | None = _f("ref:note", "the earned secret it grew from (the note "
                                  "stays private; only its id is shown)", flag="from",
                                  key="from")
    hours: float | None = _f("float", "the hours it took to make (count that time)")
    # AI as infrastructure: tooling you built (code search, a prompt library, structured
    # generation, retrieval, a lightweight agent), judged by the delta of a theme metric
    ai_tool: bool = _f("bool", "AI tooling you built, as infrastructure", default=False,
                       flag="ai-tool")
    metric_id: int | None = _f("ref:metric", "the theme metric it should move (cycle time, "
                               "incident rate)", flag="metric")
