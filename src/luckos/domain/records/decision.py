"""A bet in the decision log.

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Decision(RecordBase):
    """A bet in the decision log."""

    id: int | None = None
    title: str = _f(help="the decision", required=True)
    on: dt.date | None = _f("date", "when it was made", default_today=True, past_only=True)
    options: tuple[str, ...] = _f("list", "an option considered (repeat)", flag="option")
    choice: str = _f(help="the option chosen", default="")
    expected: str = _f(help="the expected outcome", default="")
    indicators: tuple[str, ...] = _f("list", "a leading indicator to watch (repeat)",
                                     flag="indicator")
    confidence: float | None = _f("float", "confidence, 0 to 1 (or 0% to 100%)", unit="share",
                                  low=0, high=1)
    review_on: dt.date | None = _f("date", "when to review it", flag="review")
    outcome: str = _f(help="what actually happened", default="")
    response: str = _f(help="what you did when the world disagreed", default="")
    theme_id: int | None = _f("ref:theme", "the theme", flag="theme")
