"""The operating loop's records (glue, explore entries, projects, the diagnosis, role
arcs and the 90-day reboot), offered under their former module's name: each now lives in
a module of its own in `luckos.domain.records`, so that a command builds only the classes
it reads (see `luckos.domain.records.KINDS`)."""

from __future__ import annotations

from typing import Any

from luckos.domain.records import (  # noqa: F401  (offered here too)
    ARC_TRACKS,
    BOTTLENECKS,
    EXPLORE_KINDS,
    HEURISTIC_SCORES,
    PROJECT_OUTCOMES,
    YES_NO,
)

_CLASSES = ("GlueEntry", "ExploreEntry", "Project", "Diagnosis", "Arc", "Reboot")


def __getattr__(name: str) -> Any:
    if name not in _CLASSES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from luckos.domain import records

    return getattr(records, name)
