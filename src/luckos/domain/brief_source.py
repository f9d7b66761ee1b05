"""A document offered as a decision window's two-pager, and what the linter said of it
(the `brief-lints` invariant of `luckos.domain.invariants` judges them). A module of its
own: only a check that lints a brief builds the class."""

from __future__ import annotations

import dataclasses
import datetime as dt


@dataclasses.dataclass(frozen=True)
class BriefSource:
    """One document offered as a window's two-pager, and what the linter said of it."""

    window_ref: str  # "w3"
    window_name: str
    on: dt.date  # the window's date
    source: str  # "a12 briefs/fy27.md" or "briefs/fy27.md"
    errors: tuple[str, ...] = ()  # the linter's error findings, described
    problem: str | None = None  # why it could not be linted (missing file, not local...)
    local: bool = True  # False for a link that is not a file on this machine

    @property
    def clean(self) -> bool:
        return self.problem is None and not self.errors
