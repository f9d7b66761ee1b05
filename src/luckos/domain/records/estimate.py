"""A saved Monte Carlo estimate.

Built when a command first uses it (see `luckos.domain.records`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from luckos.domain.fields import RecordBase
from luckos.domain.fields import describe as _f


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Estimate(RecordBase):
    """A saved Monte Carlo estimate: the rough math behind a pitch, and its result."""

    id: int | None = None
    name: str = _f(help="what it estimates", required=True)
    on: dt.date | None = _f("date", "when it was run", default_today=True,
                               past_only=True)
    theme_id: int | None = _f("ref:theme", "the theme it argues for", flag="theme")
    window_id: int | None = _f("ref:window", "the decision window it is for", flag="window")
    doc: str = _f(help="the brief it belongs in (a path or link)", default="")
    output: str = _f(help="the name of the headline result", default="")
    model: str = _f(help="the model, as TOML", default="")
    pitch: str = _f(help="the pitch sentence", default="")
    mean: float | None = _f("float", "the headline result's mean")
    p5: float | None = _f("float", "its 5th percentile")
    p50: float | None = _f("float", "its median")
    p95: float | None = _f("float", "its 95th percentile")
    unit: str = _f(help="the unit of mean, p5, p50 and p95", default="")
    samples: int | None = _f("int", "how many samples were drawn", low=1)
    seed: int | None = _f("int", "the random seed", low=0)
