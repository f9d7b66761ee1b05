"""The monthly consequence update: per theme, three numbers and two sentences each.

"Track three numbers per theme: one customer value metric, one reliability/safety
metric, and one speed/cost metric. Update them monthly in a living doc with two
sentences of narrative. The point is not precision; it is ownership."
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from luckos.domain.records import METRIC_SLOTS, Metric, Reading, Theme
from luckos.domain.themes import two_sentences

SPARKS = "▁▂▃▄▅▆▇█"


@dataclasses.dataclass(frozen=True)
class SlotUpdate:
    theme: Theme
    slot: str
    metric: Metric | None
    reading: Reading | None  # the reading for the month
    previous: Reading | None  # the latest reading before the month
    series: tuple[Reading, ...]  # the last readings up to the month, oldest first

    @property
    def change(self) -> float | None:
        if self.reading is None or self.previous is None:
            return None
        return self.reading.value - self.previous.value

    @property
    def improving(self) -> bool | None:
        return _better(self.change, self.metric)

    @property
    def narrative_ok(self) -> bool:
        return self.reading is not None and two_sentences(self.reading.narrative)

    def trend(self) -> tuple[int, int]:
        """(changes for the better, changes) across the series."""
        changes = [b.value - a.value for a, b in zip(self.series, self.series[1:],
                                                     strict=False)]
        better = sum(1 for c in changes if _better(c, self.metric))
        return better, sum(1 for c in changes if c != 0)

    def sparkline(self) -> str:
        values = [r.value for r in self.series]
        if len(values) < 2:
            return ""
        low, high = min(values), max(values)
        if high == low:
            return SPARKS[3] * len(values)
        return "".join(SPARKS[round((v - low) / (high - low) * (len(SPARKS) - 1))]
                       for v in values)


@dataclasses.dataclass(frozen=True)
class ThemeUpdate:
    theme: Theme
    slots: tuple[SlotUpdate, ...]

    @property
    def missing(self) -> list[SlotUpdate]:
        return [s for s in self.slots if s.metric is not None and s.reading is None]


def _better(change: float | None, metric: Metric | None) -> bool | None:
    if change is None or change == 0 or metric is None:
        return None
    return (change > 0) == (metric.good == "up")


def monthly(themes: Iterable[Theme], metrics: Sequence[Metric], readings: Sequence[Reading],
            month: str, history: int = 6) -> list[ThemeUpdate]:
    """Each theme's three slots for `month`, with the readings before it."""
    by_metric: dict[int, list[Reading]] = {}
    for reading in readings:
        if reading.month <= month:
            by_metric.setdefault(reading.metric_id or 0, []).append(reading)
    result = []
    for theme in themes:
        own = {m.slot: m for m in metrics if m.theme_id == theme.id}
        slots = []
        for slot in METRIC_SLOTS:
            metric = own.get(slot)
            series = sorted(by_metric.get(metric.id or 0, []) if metric else [],
                            key=lambda r: r.month)[-history:]
            current = series[-1] if series and series[-1].month == month else None
            before = [r for r in series if r.month < month]
            slots.append(SlotUpdate(theme, slot, metric, current,
                                    before[-1] if before else None, tuple(series)))
        result.append(ThemeUpdate(theme, tuple(slots)))
    return result
