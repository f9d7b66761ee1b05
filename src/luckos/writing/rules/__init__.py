"""The checks behind the rules of `luckos.writing.catalog`, one function per rule id.

A check reads a `Document` and yields hits: (line, column, message), or (line, column,
message, "warning") when the finding is at most a warning in this document (the essay's
extra sections in a widely used format that lacks them). The linter gives each hit its
rule id and severity, drops those silenced by a comment, and sorts them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from luckos.config import LintConfig
from luckos.writing.structure import Document

Hit = tuple[int, int, str] | tuple[int, int, str, str]
Check = Callable[[Document, "Context"], Iterable[Hit]]


@dataclasses.dataclass(frozen=True)
class Context:
    kind: str | None
    config: LintConfig
    label_max_words: int = 3
    # The sections of the widely used format the document follows (a Nygard ADR, MADR,
    # an RFC), when its kind was inferred rather than declared: the essay's sections
    # beyond them are asked for as warnings, so a team's ADR folder is not all errors.
    native: frozenset[str] | None = None


CHECKS: dict[str, Check] = {}


def check(rule_id: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[rule_id] = function
        return function

    return register


def _load() -> None:
    from luckos.writing.rules import decisions, plans, prose, safeguards, shape  # noqa: F401


_load()
