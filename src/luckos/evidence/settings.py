"""`[evidence]` in luck.toml: whose commits are yours, and what a ticket looks like."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from luckos.errors import LuckError

# What a ticket reference looks like by default: JIRA-style keys and #123.
DEFAULT_TICKET_PATTERNS = (r"\b[A-Z][A-Z0-9]+-\d+\b", r"(?<![\w&])#\d+\b")


@dataclasses.dataclass(frozen=True)
class EvidenceSettings:
    # your author addresses (after the repository's mailmap); empty: `git config user.email`
    authors: tuple[str, ...] = ()
    # regular expressions for ticket references in commit messages
    tickets: tuple[str, ...] = DEFAULT_TICKET_PATTERNS


EVIDENCE_TOML = """
[evidence]                # luck import git: whose commits are yours, what a ticket looks like
# authors = ["me@work.example", "me@home.example"]   # default: git config user.email
# tickets = ['\\b[A-Z][A-Z0-9]+-\\d+\\b', '(?<![\\w&])#\\d+\\b']   # ABC-123 and #123
"""


def evidence_settings(raw: Any, where: str) -> EvidenceSettings:
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [evidence] must be a table")
    unknown = set(raw) - {"authors", "tickets"}
    if unknown:
        raise LuckError(f"{where}: unknown evidence setting {sorted(unknown)[0]!r} "
                        "(known: authors, tickets)")
    values: dict[str, Any] = {}
    for key in ("authors", "tickets"):
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            raise LuckError(f"{where}: evidence.{key} must be a list of non-empty strings")
        values[key] = tuple(v.strip() for v in value)
    for pattern in values.get("tickets", ()):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise LuckError(f"{where}: evidence.tickets {pattern!r} is not a regular "
                            f"expression ({exc})") from None
    values["authors"] = tuple(a.lower() for a in values.get("authors", ()))
    return EvidenceSettings(**values)
