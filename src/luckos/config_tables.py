"""The settings dataclasses of `[thresholds]` and `[review]`, which `luckos.config` reads
itself (the engines keep theirs in their own `settings.py`, `[lint]` is in
`luckos.config_lint`).

They are built when a command first reads one of those tables (a frozen dataclass costs
start-up time; a capture reads neither): `luckos.config` offers them by name. Each
setting is declared in `luckos.settings`; the fields take their defaults from there.
"""

from __future__ import annotations

import dataclasses

from luckos.domain.fields import ValueBase
from luckos.settings import default


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class Thresholds(ValueBase):
    """`[thresholds]`: how far ahead the review and the ledger look, and the naming test."""

    due_soon_days: int = default("thresholds.due_soon_days")
    window_horizon_days: int = default("thresholds.window_horizon_days")
    prep_lead_days: int = default("thresholds.prep_lead_days")
    theme_label_max_words: int = default("thresholds.theme_label_max_words")
    trend_quarters: int = default("thresholds.trend_quarters")
    rolling_days: int = default("thresholds.rolling_days")


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class ReviewSettings(ValueBase):
    """`[review]`: the days `luck review` covers."""

    ahead_days: int = default("review.ahead_days")  # what falls due (today's too)
    back_days: int = default("review.back_days")  # what was shipped, routed; today included
