"""`luck check`'s thresholds as the settings read them: each invariant's rule and the
limits it takes, name -> (rule, {threshold: (default, lowest, highest)}).

Derived from the one list of invariants, `luckos.domain.checks.INVARIANTS`, where each
threshold is declared with its default, range and help; `luckos.settings` declares a
`[check]` setting for each (`on`, and each threshold), so that luck.toml, `luck config
show` and the check itself read the same numbers. An int default takes whole numbers
only.
"""

from __future__ import annotations

from typing import Any

from luckos.domain.checks import INVARIANTS

CHECK_INVARIANTS: dict[str, tuple[str, dict[str, tuple[Any, Any, Any]]]] = {
    i.id: (i.rule, {t.name: (t.default, t.low, t.high) for t in i.thresholds})
    for i in INVARIANTS.values()
}
