"""The context a prompt is given: the records it names and the best full-text (and
vector) matches, as plain text, then the messages sent. Pure: the records come in as domain objects.

Everything here is built before redaction; `luckos.app.ai` passes every message through
one `Redactor` and hashes what is really sent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from typing import Any

from luckos.domain.records import KINDS, fields_of, kind_of, short_id

PER_GROUP = 40  # records of one input at most (the most recent first)


@dataclasses.dataclass(frozen=True)
class Group:
    """One part of the context: a heading and the records under it."""

    title: str
    records: tuple[Any, ...]
    extra: tuple[str, ...] = ()  # lines of text that are not records (a snippet, a note)
    found_by: tuple[str, ...] = ()  # per record: which search found it ("" for none)


def record_lines(record: Any) -> str:
    """`- p12 promise` and then a line per non-empty field (`  due: 2026-12-01`),
    references as short ids. A value keeps its own line breaks (indented), so that the
    redaction's line-based detectors see the text as it was written."""
    kind = kind_of(record)
    parts = []
    for field in fields_of(kind):
        value = getattr(record, field.name)
        if value is None or value == "" or value == ():
            continue
        name = field.name
        if name.endswith("_id") and isinstance(value, int) and name[:-3] in KINDS:
            value = short_id(KINDS[name[:-3]], value)
            name = name[:-3]
        elif isinstance(value, tuple):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, float):
            value = f"{value:g}"
        lines = [line.rstrip() for line in str(value).strip().splitlines() if line.strip()]
        parts.append(f"  {name}: " + "\n    ".join(lines))
    return "\n".join([f"- {short_id(kind, record.id)} {kind.name}", *parts])


def render(groups: list[Group]) -> str:
    """The context as Markdown: a heading per group, a line per record."""
    out: list[str] = []
    for group in groups:
        if not group.records and not group.extra:
            continue
        out.append(f"## {group.title}")
        out.append("")
        for index, record in enumerate(group.records[:PER_GROUP]):
            lines = record_lines(record)
            if index < len(group.found_by) and group.found_by[index]:
                lines += f"\n  found by: {group.found_by[index]}"
            out.append(lines)
        if len(group.records) > PER_GROUP:
            out.append(f"- (and {len(group.records) - PER_GROUP} older, left out)")
        out.extend(group.extra)
        out.append("")
    return "\n".join(out).strip() + "\n" if out else "(no records)\n"


def messages(instruction: str, context: str, today: dt.date, output_rules: str = ""
             ) -> list[dict[str, str]]:
    """The chat messages: the prompt as the system message, the records as the user's."""
    system = instruction.strip()
    if output_rules:
        system += "\n\n" + output_rules.strip()
    user = f"Today is {today.isoformat()}. The records:\n\n{context}"
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def context_hash(sent: list[dict[str, str]]) -> str:
    """A hash of exactly what is sent (the redacted messages), to match log and draft."""
    data = json.dumps(sent, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]


# Tokens put back into what is kept on this machine: names and sensitive terms, which a
# draft needs to be read; secrets, addresses, hosts and URLs stay tokens.
KEPT_AS_TOKENS = frozenset({"secret", "url", "email", "host", "ip", "phone"})


def originals(text: str, findings: list[Any]) -> dict[str, str]:
    """Token -> the original it replaced in `text` (the first one seen), for the kinds
    that are put back; read from the findings' line, column and length."""
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    found: dict[str, str] = {}
    for f in findings:
        if f.kind in KEPT_AS_TOKENS or f.replacement in found:
            continue
        at = starts[f.line - 1] + f.column - 1
        found[f.replacement] = text[at:at + f.original_length]
    return found


def restore(text: str, tokens: dict[str, str]) -> str:
    """The model's answer with the tokens of names and terms put back."""
    if not tokens:
        return text
    import re

    pattern = re.compile("|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True)))
    return pattern.sub(lambda m: tokens[m.group()], text)
