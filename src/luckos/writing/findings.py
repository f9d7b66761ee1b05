"""A finding: what a lint rule (or reading the file) found in a document, as a value.

Its own module, below both the linter (`lint`) and the reader of files (`sources`), so
that each can make findings without importing the other.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # "error" | "warning" | "suggestion"
    line: int
    column: int
    message: str


def input_finding(rule: str, message: str, line: int = 1, column: int = 1) -> Finding:
    """A file that could not be linted at all (unreadable, binary, too large...)."""
    return Finding(rule, "error", line, column, message)
