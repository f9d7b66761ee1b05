"""Projects on the seven quiet heuristics, and their kill reviews ("Choose Better
Projects—and End Them Faster").

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f
from luckos.domain.records import PROJECT_OUTCOMES


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Project(RecordBase):
    """A project scored on the seven quiet heuristics, with its kill review."""

    id: int | None = None
    name: str = _f(help="the project", required=True)
    started_on: dt.date | None = _f("date", "when it started", default_today=True,
                                    flag="started")
    theme_id: int | None = _f("ref:theme", "the theme it serves", flag="theme")
    flagship: bool = _f("bool", "the year's flagship initiative, the one that compounds",
                        default=False)
    five_minute_demo: int | None = _f("int", "1. success can be demoed in five minutes "
                                      "(0 no, 1 partly, 2 yes)")
    deletes_meetings: int | None = _f("int", "2. it deletes future meetings (0-2)")
    mechanism: int | None = _f("int", "3. a mechanism, not heroics: runbooks, templates, "
                               "paved paths (0-2)")
    disagreement: int | None = _f("int", "4. someone disagrees: not too small or too vague "
                                  "(0-2)")
    owned_blast_radius: int | None = _f("int", "5. the blast radius is owned explicitly (0-2)")
    denominator: int | None = _f("int", "6. it changes a denominator: cost per query, "
                                 "incidents per week (0-2)")
    press_release: int | None = _f("int", "7. you can write the press release to internal "
                                   "users (0-2)")
    kill_review_on: dt.date | None = _f("date", "the kill review (default: a few weeks after "
                                        "the start, see luck.toml)", flag="kill-review")
    reviewed_on: dt.date | None = _f("date", "when the kill review was held", editable=False,
                                      past_only=True)
    enthusiasm: bool = _f("bool", "kill review: stakeholders are enthusiastic", default=False,
                          editable=False)
    signal: bool = _f("bool", "kill review: there is a measurable signal", default=False,
                      editable=False)
    landing: bool = _f("bool", "kill review: there is a safe landing path", default=False,
                       editable=False)
    outcome: str = _f("choice", "the kill review's outcome: continue or pause-publicly",
                      default="", choices=PROJECT_OUTCOMES, editable=False)
    why: str = _f(help="why it continues, or why it is paused (said publicly)", default="",
                  editable=False)
    landed_on: dt.date | None = _f("date", "when it ended: landed (shipped and handed over)",
                                   flag="ended", key="ended_on", past_only=True)
    note: str = _f(help="a free note", default="")
    # "visible to leadership, spans teams, and maps to a business metric"
    visible: bool = _f("bool", "visible to leadership", default=False)
    spans_teams: bool = _f("bool", "spans teams", default=False, flag="spans-teams")
    business_metric: str = _f(help="the business metric it maps to (empty: none)",
                              default="", flag="business-metric")
    # "scoped to show momentum within a quarter"
    milestone: str = _f(help="the first milestone", default="")
    milestone_on: dt.date | None = _f("date", "the first milestone's date (within 92 days of "
                                      "the start)", flag="milestone-on")
    milestone_landed_on: dt.date | None = _f("date", "when the first milestone landed",
                                             flag="milestone-landed")

    @property
    def consequential(self) -> bool:
        """Visible to leadership, spans teams and maps to a business metric: all three."""
        return self.visible and self.spans_teams and bool(self.business_metric.strip())
