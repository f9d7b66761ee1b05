"""Redaction: the one step every text that leaves the machine goes through.

Pure: no terminal, no store. `Redactor(settings, terms).redact(text)` replaces secrets
(found by detect-secrets' plugins), email addresses, phone numbers, internal host names,
URLs and private IP addresses, and the workspace's sensitive terms with tokens such as
`[EMAIL-1]` or `[CUSTOMER-2]`. One `Redactor` serves one output: the same original gets
the same token in every text it redacts. The findings say what kind was replaced where,
never the original.

The `[redact]` table of `luck.toml` is validated once, in `luckos.guard.settings`, into
`RedactSettings`.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import Any

from luckos.guard.settings import (
    BUILT_IN_KINDS,
    INTERNAL_DOMAINS,
    PERSON,
    RedactSettings,
)

__all__ = ["BUILT_IN_KINDS", "INTERNAL_DOMAINS", "PERSON", "Finding", "Redacted", "Redactor",
           "RedactSettings", "redact"]


@dataclasses.dataclass(frozen=True)
class Finding:
    """One replacement: where it was (1-based line and column of the original), how long
    the original was, what replaced it. Never the original itself."""

    kind: str
    line: int
    column: int
    original_length: int
    replacement: str
    detail: str = ""  # for a secret, the detector's name ("AWS Access Key")

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Redacted:
    text: str
    findings: list[Finding]

    @property
    def counts(self) -> dict[str, int]:
        """Findings by kind, kinds in order of first appearance."""
        return dict(Counter(f.kind for f in self.findings))

    def to_json(self) -> dict[str, Any]:
        return {"redacted": len(self.findings), "counts": self.counts,
                "findings": [f.to_json() for f in self.findings]}


class Redactor:
    """Redacts the texts of one output with stable tokens: the same original (an email
    in any case, a phone number in any format, a term in any case) gets one token."""

    def __init__(self, settings: RedactSettings, terms: Sequence[str] = ()) -> None:
        from luckos.guard.detectors import Detectors

        self.settings = settings
        self._detectors = Detectors(settings, tuple(terms))
        self._tokens: dict[tuple[str, str], str] = {}
        self._numbers: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()  # over every text redacted so far

    def redact(self, text: str) -> Redacted:
        spans = self._detectors.spans(text)
        if not spans:
            return Redacted(text, [])
        line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        parts: list[str] = []
        findings: list[Finding] = []
        at = 0
        for span in spans:
            token = self._token(span.kind, span.key)
            parts.append(text[at:span.start])
            parts.append(token)
            at = span.end
            line = bisect_right(line_starts, span.start)
            column = span.start - line_starts[line - 1] + 1
            findings.append(Finding(span.kind, line, column, span.end - span.start, token,
                                    span.detail))
        parts.append(text[at:])
        self.counts.update(f.kind for f in findings)
        return Redacted("".join(parts), findings)

    def redact_value(self, value: Any) -> Any:
        """Redact every string inside a JSON-like value (dicts, lists); keys stay."""
        if isinstance(value, str):
            return self.redact(value).text
        if isinstance(value, dict):
            return {key: self.redact_value(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.redact_value(item) for item in value]
        return value

    def _token(self, kind: str, key: str) -> str:
        token = self._tokens.get((kind, key))
        if token is None:
            self._numbers[kind] += 1
            token = f"[{kind.upper()}-{self._numbers[kind]}]"
            self._tokens[(kind, key)] = token
        return token


def redact(text: str, settings: RedactSettings, *, terms: Sequence[str] = ()) -> Redacted:
    """Redact one text on its own (a `Redactor` keeps tokens stable across several)."""
    return Redactor(settings, terms).redact(text)
