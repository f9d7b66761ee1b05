"""Themes and their three numbers: the naming test and stale readings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence

from luckos.domain.fields import ValueBase
from luckos.domain.records import METRIC_SLOTS, Metric, Reading, Theme


def naming_test(label: str, max_words: int = 3) -> str | None:
    """None when the label passes; otherwise a warning naming the failure."""
    words = label.split()
    if len(words) > max_words:
        return (
            f"theme label {label!r} has {len(words)} words: the naming test asks for "
            f"{max_words} or fewer, a label that fits on a slide"
        )
    return None


def active(themes: Iterable[Theme], today: dt.date) -> list[Theme]:
    """The themes not retired by `today`."""
    return [t for t in themes if t.retired_on is None or t.retired_on > today]


def two_sentences(narrative: str) -> bool:
    """Whether a narrative has roughly the two sentences the essay asks for."""
    import re

    sentences = [s for s in re.split(r"(?<=[.!?])\s+", narrative.strip()) if s]
    return len(sentences) >= 2


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class MetricStatus(ValueBase):
    """One of a theme's three numbers: its metric (if named) and its latest two readings."""

    theme: Theme
    slot: str
    metric: Metric | None
    latest: Reading | None
    previous: Reading | None

    def stale(self, month: str) -> bool:
        return self.latest is None or self.latest.month < month

    @property
    def change(self) -> float | None:
        if self.latest is None or self.previous is None:
            return None
        return self.latest.value - self.previous.value

    @property
    def improving(self) -> bool | None:
        change = self.change
        if change is None or change == 0 or self.metric is None:
            return None
        return (change > 0) == (self.metric.good == "up")


def metric_statuses(
    themes: Iterable[Theme], metrics: Sequence[Metric], readings: Sequence[Reading]
) -> list[MetricStatus]:
    """Each theme's three slots with their latest and previous readings."""
    by_metric: dict[int, list[Reading]] = {}
    for reading in readings:
        by_metric.setdefault(reading.metric_id or 0, []).append(reading)
    result = []
    for theme in themes:
        own = {m.slot: m for m in metrics if m.theme_id == theme.id}
        for slot in METRIC_SLOTS:
            metric = own.get(slot)
            series = sorted(by_metric.get(metric.id or 0, []) if metric else [],
                            key=lambda r: r.month)
            result.append(
                MetricStatus(
                    theme=theme,
                    slot=slot,
                    metric=metric,
                    latest=series[-1] if series else None,
                    previous=series[-2] if len(series) > 1 else None,
                )
            )
    return result
