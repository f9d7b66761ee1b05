"""Rules for documents that pre-wire a decision: briefs, one-pagers and pre-reads."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from luckos.writing import cues
from luckos.writing.headings import plain
from luckos.writing.rules import Context, Hit, check
from luckos.writing.structure import Block, Document, Section

_OPTION_HEAD = re.compile(r"^(?:option|alternative|approach|path|choice)\s+(?:[a-z]|\d+)\b")
_OPTION_KEY = re.compile(r"\b(?:option|alternative|approach|path|choice)\s+([a-z]|\d+)\b",
                         re.IGNORECASE)
_LEAD_KEY = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?\s*\(?([A-Ha-h]|\d)"
                       r"[.):]\s")
# how a recommendation points at an option: "(b)", "B, because", "B." at its start
_PAREN_KEY = re.compile(r"\(([a-h]|\d{1,2})\)", re.IGNORECASE)
_START_KEY = re.compile(r"^\W*([A-H]|\d{1,2})\b(?:[,.:)—–-]|\s+(?:because|as|since)\b)")
_STOP = frozenset((
    "option", "options", "alternative", "approach", "path", "choice", "the", "and", "for",
    "with", "from", "that", "this", "into", "our", "their", "then", "than", "them", "they",
    "what", "when", "which", "will", "would", "about", "over", "under", "more", "less",
    "each", "every", "just", "only", "also", "keep", "make", "have", "does", "doing", "done",
))
_COST_COLUMN = re.compile(r"cost|effort|price|spend|budget|investment", re.IGNORECASE)
_RISK_COLUMN = re.compile(r"risk|downside|cons\b|danger|concern", re.IGNORECASE)
_RESPONSE_COLUMN = re.compile(r"response|handled|how|outcome|resolution|answer|action",
                              re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class Option:
    line: int
    name: str
    text: str
    key: str | None  # "a", "2": how the document refers to it
    stems: frozenset[str]
    block: Block


def options(doc: Document) -> list[Option]:
    """The options a document weighs: under its options section, else 'Option A' headings."""
    if "options" in doc.memo:
        return doc.memo["options"]  # type: ignore[no-any-return]
    section = doc.section("options")
    parts = doc.parts(section) if section else []
    if not parts and section is not None:
        parts = _keyed_paragraphs(doc, section)
    if not parts:
        parts = [(s.line, doc.section_text(s), doc.blocks[s.start])
                 for s in doc.headed_sections if _OPTION_HEAD.match(s.key)]
    found = []
    for number, (line, text, block) in enumerate(parts, start=1):
        first = text.split("\n", 1)[0]
        name = plain(block.cells[0] if block.type == "row" and block.cells
                     else block.content or re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", first))
        name = " ".join(cues.strip_placeholders(name).split()).strip(" :—–-") or name
        key_match = _OPTION_KEY.search(name) or _LEAD_KEY.match(first)
        if key_match:
            key: str | None = key_match.group(1).lower()
        elif block.type == "item" and block.ordered:
            key = str(number)
        elif block.type == "row" and len(name) == 1:
            key = name.lower()
        else:
            key = None
        found.append(Option(line, name, text, key, _stems(name), block))
    doc.memo["options"] = found
    return found


def _keyed_paragraphs(doc: Document, section: Section) -> list[tuple[int, str, Block]]:
    """Options written as paragraphs led by their letter: "A. Add a cache ...", "(b) ..."."""
    blocks = [b for b in doc.section_blocks(section) if b.type == "paragraph"]
    starts = [i for i, b in enumerate(blocks) if _LEAD_KEY.match(doc.line(b.line))]
    result = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        chunk = blocks[start:stop]
        result.append((chunk[0].line, doc.text(chunk[0].line, chunk[-1].end), chunk[0]))
    return result


def _stems(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z]{4,}", cues.strip_placeholders(text).lower())
    return frozenset(w[:5] for w in words if w not in _STOP)


@check("brief-options")
def brief_options(doc: Document, ctx: Context) -> Iterator[Hit]:
    found = options(doc)
    wanted = ctx.config.min_options
    if len(found) >= wanted:
        return
    section = doc.section("options")
    if section is None and not found:
        return  # section-missing asks for the options section already
    line = section.line if section else doc.title_line
    counted = f"it weighs {len(found)}" if found else "none is listed"
    yield (line, 1, f"weigh at least {wanted} options, each with its costs and risks "
                    f"({counted}): add {wanted - len(found)} more, one per list item or "
                    "sub-heading (doing nothing is an option too)")


@check("option-costs-risks")
def option_costs_risks(doc: Document, ctx: Context) -> Iterator[Hit]:
    for option in options(doc):
        cost, risk = cues.has_cost(option.text), cues.has_risk(option.text)
        if option.block.type == "row":
            header = doc.header_of(option.block)
            cells = option.block.cells
            for index, title in enumerate(header):
                filled = index < len(cells) and cells[index].strip() not in ("", "-", "—")
                cost = cost or (bool(_COST_COLUMN.search(title)) and filled)
                risk = risk or (bool(_RISK_COLUMN.search(title)) and filled)
        missing = [word for word, ok in (("costs", cost), ("risks", risk)) if not ok]
        if missing:
            yield (option.line, 1, f"option '{_short(option.name)}' names no "
                                   f"{' and no '.join(missing)}: add its {_asks(missing)}")


def _asks(missing: list[str]) -> str:
    parts = {"costs": "costs (engineer-weeks, money, what waits)",
             "risks": "risks (what could go wrong, how likely, how bad)"}
    return " and its ".join(parts[m] for m in missing)


def _short(text: str, size: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


@check("recommendation-names-option")
def recommendation_names_option(doc: Document, ctx: Context) -> Iterator[Hit]:
    section = doc.section("recommendation")
    found = options(doc)
    if section is None or not found:
        return
    text = cues.strip_placeholders(doc.section_text(section))
    lowered = text.lower()
    keys = {m.group(1).lower() for m in _OPTION_KEY.finditer(text)}
    keys.update(m.group(1).lower() for m in _PAREN_KEY.finditer(text))
    start = _START_KEY.match(cues.strip_placeholders(doc.section_body(section)).strip())
    if start:
        keys.add(start.group(1).lower())
    stems = _stems(lowered)
    for option in found:
        if option.key and option.key in keys:
            return
        if option.stems and len(option.stems & stems) >= min(2, len(option.stems)):
            return
    names = ", ".join(f"'{_short(o.name, 30)}'" for o in found[:4])
    yield (section.line, 1, f"the recommendation names none of the options ({names}): say "
                            "which one you recommend, by its name or letter, and why")


@check("decision-owner-date")
def decision_owner_date(doc: Document, ctx: Context) -> Iterator[Hit]:
    section = doc.section("decision")
    if section is None:
        return
    text = doc.section_text(section)
    owner = cues.has_owner(text, ctx.config.teams) or bool(doc.front.text("decider"))
    date = cues.has_date(text)
    if not owner:
        yield (section.line, 1, "say who decides: add 'Who decides: NAME (role)' to the "
                                "decision asked")
    if not date:
        yield (section.line, 1, "say by when: add the date the decision is needed "
                                "('By: 2026-03-09')")


@check("objection-handled")
def objection_handled(doc: Document, ctx: Context) -> Iterator[Hit]:
    section = doc.section("objections")
    if section is None:
        return
    parts = doc.parts(section)
    if not parts:
        text = doc.section_text(section)
        if text.strip() and not cues.HANDLED.search(text):
            yield (section.line, 1, "say how each objection was handled (incorporated, "
                                    "answered or declined, and why)")
        return
    for line, text, block in parts:
        handled = bool(cues.HANDLED.search(text)) or (block.type == "item"
                                                      and block.end > block.own_end)
        if block.type == "row":
            header = doc.header_of(block)
            handled = handled or any(
                _RESPONSE_COLUMN.search(title) and i < len(block.cells) and block.cells[i]
                for i, title in enumerate(header) if i > 0)
        if not handled:
            first = plain(text.split("\n", 1)[0].lstrip(" -*+0123456789.)|"))
            yield (line, 1, f"objection '{_short(first)}' does not say how it was handled: "
                            "add '→ incorporated: …', '→ answered: …' or '→ declined: …'")


_KIND_WORDS = re.compile(
    r"^\s*(?:the\s+)?(?:one[- ]?pager|theme)\s*[:—–|-]\s*"
    r"|\s*(?:[:—–|(-]\s*(?:a\s+|the\s+)?(?:one[- ]?pager|theme)\)?)\s*$",
    re.IGNORECASE,
)


@check("theme-label")
def theme_label(doc: Document, ctx: Context) -> Iterator[Hit]:
    from luckos.domain.themes import naming_test

    label, line = None, doc.title_line
    for key in ("label", "theme"):
        value = doc.front.text(key)
        if value and not re.fullmatch(r"t\d+", value):
            label = value
            line = next((n for n in range(2, doc.front.body_start)
                         if doc.line(n).startswith(f"{key}:")), 1)
            break
    if label is None:
        label = _KIND_WORDS.sub("", doc.title or "").strip()
    if not label:
        return
    if naming_test(label, ctx.label_max_words):
        yield (line, 1, f"the label '{label}' has {len(label.split())} words: the naming test "
                        f"asks for {ctx.label_max_words} or fewer, a label that fits on a slide "
                        "(e.g. 'Faster cold-start', 'No Friday incidents')")


@check("three-metrics")
def three_metrics(doc: Document, ctx: Context) -> Iterator[Hit]:
    section = doc.section("metrics")
    if section is None:
        return
    count = len(doc.parts(section))
    if count < 3:
        yield (section.line, 1, f"name three metrics (found {count}): one customer value, "
                                "one reliability/safety and one speed/cost, one per list item")


@check("decision-first")
def decision_first(doc: Document, ctx: Context) -> Iterator[Hit]:
    sections = doc.headed_sections
    if not sections:
        return
    first = sections[0]
    if doc.patterns.names("stakes", first.key):
        return
    title = doc.title_index
    opening = [b for b in doc.blocks[(title + 1 if title is not None else 0):first.start]
               if b.type in ("paragraph", "item")]
    if opening and cues.DECISION_WORDS.search(doc.block_text(opening[0])):
        return
    yield (first.line, 1, f"open with the decision at stake: put it above '{first.title}' "
                          "(a first section such as 'The decision at stake')")
