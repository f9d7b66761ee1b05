"""The checks behind the rules of `luckos.writing.catalog`, one function per rule id.

A check reads a `Document` and yields hits: (line, column, message). The linter gives
each hit its rule id and severity, drops those silenced by a comment, and sorts them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from luckos.config import LintConfig
from luckos.writing.structure import Document

Hit = tuple[int, int, str]
Check = Callable[[Document, "Context"], Iterable[Hit]]


@dataclasses.dataclass(frozen=True)
class Context:
    kind: str | None
    config: LintConfig
    label_max_words: int = 3


CHECKS: dict[str, Check] = {}


def check(rule_id: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[rule_id] = function
        return function

    return register


def _load() -> None:
    from luckos.writing.rules import decisions, plans, prose, safeguards, shape  # noqa: F401


_load()
