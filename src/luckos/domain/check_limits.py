"""`luck check`'s thresholds as the settings read them: each invariant's rule and the
limits it takes, name -> (rule, {threshold: (default, lowest, highest)}).

Derived from the one list of invariants, `luckos.domain.checks.INVARIANTS`, where each
threshold is declared with its default, range and help; `luckos.settings` declares a
`[check]` setting for each (`on`, and each threshold), so that luck.toml, `luck config
show` and the check itself read the same numbers. An int default takes whole numbers
only.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from luckos.domain.checks import INVARIANTS
from luckos.domain.fields import ValueBase

CHECK_INVARIANTS: dict[str, tuple[str, dict[str, tuple[Any, Any, Any]]]] = {
    i.id: (i.rule, {t.name: (t.default, t.low, t.high) for t in i.thresholds})
    for i in INVARIANTS.values()
}


def _check_defaults() -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    return tuple((name, tuple((key, limit[0]) for key, limit in limits.items()))
                 for name, (_, limits) in CHECK_INVARIANTS.items())


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class CheckSettings(ValueBase):
    """`[check]` in luck.toml: which invariants `luck check` runs, and their thresholds
    (plain tuples, so that the settings are hashable and can cross to a worker process)."""

    off: frozenset[str] = frozenset()
    values: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = dataclasses.field(
        default_factory=_check_defaults)

    def on(self, invariant: str) -> bool:
        return invariant not in self.off

    def value(self, invariant: str, name: str) -> Any:
        return dict(dict(self.values)[invariant])[name]
