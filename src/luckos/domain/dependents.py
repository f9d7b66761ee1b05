"""What else goes when a record is deleted, read from the records' field descriptions.

A required reference (a metric's theme, a reading's metric, a testimonial's artifact),
or one marked `cascade` (a stakeholder's window or decision), cannot outlive what it
points at: the record is deleted with it. An optional reference
(an artifact's theme, a promise's successor) is cleared: the record stays, unlinked.
The schema says the same with ON DELETE CASCADE and ON DELETE SET NULL; a test keeps the
two in step.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import cache

from luckos.domain.records import KINDS, fields_of


@dataclasses.dataclass(frozen=True)
class Link:
    """`kind.field` refers to a record of `target`."""

    kind: str
    field: str
    target: str
    cascade: bool  # True: deleted with its target; False: the reference is cleared


@cache
def links_to(target: str) -> tuple[Link, ...]:
    """Every field of every kind that refers to records of `target`."""
    found = []
    for name, kind in KINDS.items():
        for field in fields_of(kind):
            if field.metadata["type"] == f"ref:{target}":
                found.append(Link(name, field.name, target, bool(field.metadata["cascade"])))
    return tuple(found)


def _counted(counts: Mapping[str, int]) -> str:
    parts = []
    for name, number in counts.items():
        if number:
            kind = KINDS[name]
            parts.append(f"{number} {kind.name if number == 1 else kind.plural}")
    return ", ".join(parts)


def consequences(deleted: Mapping[str, int], unlinked: Mapping[str, int], *,
                 past: bool = False) -> str:
    """`and 3 metrics, 14 readings; unlink 2 artifacts` (empty when nothing else goes)."""
    text = ""
    also = _counted(deleted)
    if also:
        text = f"and {also}"
    cleared = _counted(unlinked)
    if cleared:
        verb = "unlinked" if past else "unlink"
        text += ("; " if text else "") + f"{verb} {cleared}"
    return text
