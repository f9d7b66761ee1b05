"""Rules for documents that carry motion: post-mortems, runbooks, change and reboot plans."""

from __future__ import annotations

import re
from collections.abc import Iterator

from luckos.writing import cues
from luckos.writing.headings import plain
from luckos.writing.rules import Context, Hit, check
from luckos.writing.structure import Document

_OWNER_COLUMN = re.compile(r"owner|who|assignee|dri|lead|responsible|accountable",
                           re.IGNORECASE)
_DATE_COLUMN = re.compile(r"due|date|by|when|deadline|target|eta", re.IGNORECASE)
_STEP_HEAD = re.compile(r"^\s*step\s+\d+", re.IGNORECASE)
_ACTION_SECTION = {"post-mortem": "actions", "pre-read": "owners-dates"}


@check("impact-quantified")
def impact_quantified(doc: Document, ctx: Context) -> Iterator[Hit]:
    section = doc.section("impact")
    if section is None or cues.has_quantity(doc.section_text(section)):
        return
    yield (section.line, 1, "quantify the impact: who was hit, for how long, what it cost, "
                            "with numbers and units (e.g. '2,300 checkouts failed over 47 "
                            "minutes')")


@check("action-owner-date")
def action_owner_date(doc: Document, ctx: Context) -> Iterator[Hit]:
    section = doc.section(_ACTION_SECTION.get(ctx.kind or "", "actions"))
    if section is None:
        return
    parts = doc.parts(section)
    if not parts:
        text = doc.section_text(section)
        if text.strip() and not (cues.has_owner(text) and cues.has_date(text)):
            yield (section.line, 1, "give every action an owner and a date (one per list "
                                    "item: 'Add a canary stage — owner: Maya, due 2026-03-31')")
        return
    for line, text, block in parts:
        owner = cues.has_owner(text, ctx.config.teams) or cues.owner_subject(text)
        date = cues.has_date(text)
        if block.type == "row":
            header = doc.header_of(block)
            for index, title in enumerate(header):
                cell = block.cells[index] if index < len(block.cells) else ""
                if _OWNER_COLUMN.search(title) and cell.strip(" -—"):
                    owner = True
                if _DATE_COLUMN.search(title) and cues.has_date(cell):
                    date = True
        missing = [w for w, ok in (("an owner", owner), ("a date", date)) if not ok]
        if missing:
            name = plain(block.cells[0]) if block.type == "row" and block.cells else plain(
                re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?", "", text.split("\n")[0]))
            yield (line, 1, f"action '{_short(name)}' needs {' and '.join(missing)} "
                            "(e.g. 'owner: Maya, due 2026-03-31')")


def _short(text: str, size: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


_ITEM_LEAD = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?(?:\*\*|__)?"
                        r"(?P<code>`)?(?P<word>[A-Za-z][a-z'-]*)?")


def starts_with_imperative(line: str) -> bool:
    """A list item that reads as a step: led by a verb ("Check ...") or a command."""
    match = _ITEM_LEAD.match(line)
    if not match:
        return False
    if match.group("code"):
        return True
    word = (match.group("word") or "").lower()
    return word in cues.IMPERATIVES


@check("numbered-steps")
def numbered_steps(doc: Document, ctx: Context) -> Iterator[Hit]:
    sections = [s for s in doc.headed_sections if doc.patterns.names("steps", s.key)]
    if not sections:
        section = doc.section("steps")
        if section is None or section.how == "front matter":
            return
        sections = [section]
    blocks = [b for s in sections for b in doc.section_blocks(s)]
    if any(b.type == "item" and b.ordered for b in blocks):
        return
    if any(b.type == "heading" and _STEP_HEAD.match(b.content) for b in blocks):
        return
    for section in sections:
        items = [b for b in doc.section_blocks(section) if b.type == "item" and not b.ordered]
        steps = sum(1 for b in items if starts_with_imperative(doc.line(b.line)))
        if steps >= 2:
            yield (section.line, 1, "number the steps: an ordered list (1. 2. 3.), so that "
                                    "people can say 'I am at step 4'")
            return


def _anchor(doc: Document, section_id: str) -> int:
    section = doc.section(section_id)
    return section.line if section is not None and section.how != "front matter" else (
        doc.title_line)


@check("kill-switch")
def kill_switch(doc: Document, ctx: Context) -> Iterator[Hit]:
    if not cues.KILL_SWITCH.search(doc.masked_text):
        yield (_anchor(doc, "mitigations"), 1,
               "add a kill switch: how to stop the change in one step, and who can pull it")


@check("mitigations")
def mitigations(doc: Document, ctx: Context) -> Iterator[Hit]:
    text = doc.masked_text
    for name, pattern in cues.MITIGATIONS.items():
        if not pattern.search(text):
            yield (_anchor(doc, "mitigations"), 1,
                   f"add {name} to the mitigations in your pocket (feature flag, staged "
                   "rollout, kill switch, audit trail)")


@check("rollback-rehearsed")
def rollback_rehearsed(doc: Document, ctx: Context) -> Iterator[Hit]:
    section = doc.section("rollback")
    if section is None:
        return
    if cues.REHEARSED.search(doc.section_body(section)):  # a heading alone proves nothing
        return
    yield (section.line, 1, "rehearse the rollback before rollout: say when it was "
                            "rehearsed and what happened")


def _weeks(text: str) -> set[int]:
    covered: set[int] = set()
    for match in cues.WEEKS.finditer(text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        if 1 <= first <= last <= 52:
            covered.update(range(first, last + 1))
    return covered


def _ranges(numbers: list[int]) -> str:
    spans: list[list[int]] = []
    for n in numbers:
        if spans and spans[-1][1] == n - 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in spans)


@check("reboot-weeks")
def reboot_weeks(doc: Document, ctx: Context) -> Iterator[Hit]:
    missing = sorted(set(range(1, 13)) - _weeks(doc.masked_text))
    if missing:
        label = "week" if len(missing) == 1 else "weeks"
        yield (doc.title_line, 1,
               f"cover {label} {_ranges(missing)}: the 90-day sketch runs weeks 1-2, 3-4, "
               "5-6, 7-8 and 9-12, each with what to do")


_WEEKS_LEAD = re.compile(r"^\W*(?:weeks?|wks?)\s*\d", re.IGNORECASE)


@check("reboot-dates")
def reboot_dates(doc: Document, ctx: Context) -> Iterator[Hit]:
    for section in doc.headed_sections:
        if _WEEKS_LEAD.match(section.title) and not cues.has_date(doc.section_text(section)):
            yield (section.line, 1, f"give '{section.title}' real dates (e.g. '2026-03-02 to "
                                    "2026-03-15')")
    for section in doc.labelled_sections:
        if _WEEKS_LEAD.match(section.title) and not cues.has_date(doc.section_text(section)):
            yield (section.line, 1, f"give '{section.title}' real dates (e.g. '2026-03-02 to "
                                    "2026-03-15')")
