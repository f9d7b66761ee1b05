"""Rules on the words themselves: placeholders left, vague claims, unquantified pitches."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from luckos.writing import cues
from luckos.writing.rules import Context, Hit, check
from luckos.writing.structure import Block, Document

_TIME_WORDS = {"soon", "asap", "in the future", "at some point", "going forward"}
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n(?=\s*(?:[-*+]|\d+[.)])\s)")


_STATUS_LABEL = re.compile(r"\b(?:status|state|progress)\**\s*[:=|]\s*\**\s*$", re.IGNORECASE)
_STATUS_COLUMN = re.compile(r"^\W*(?:status|state|progress|done)\W*$", re.IGNORECASE)
_STATUS_WORDS = frozenset(("TODO", "TBD", "TBA", "TBC"))


@check("placeholder")
def placeholder(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Unfilled text, one finding per line; a placeholder word standing as a status value
    ('Status: TODO', a Status column) is a status, not a gap."""
    for number in range(2, doc.front.body_start):  # front matter values
        value = doc.line(number)
        for match in cues.PLACEHOLDER.finditer(value):
            if not _is_status(value, match):
                yield (number, match.start() + 1, _fill(match.group(0)))
                break
    if not cues.may_hold_placeholder(doc.masked_text):
        return
    reported: set[int] = set()
    for match in cues.PLACEHOLDER.finditer(doc.masked_text):
        line, column = doc.locate(match.start())
        if line in reported:
            continue
        source = doc.line(line)[column - 1:column - 1 + len(match.group(0))]  # code unmasked
        if _is_status(doc.prose(line), match, column - 1) or _status_cell(doc, line, source):
            continue
        reported.add(line)
        yield (line, column, _fill(source))


def _is_status(line: str, match: re.Match[str], start: int | None = None) -> bool:
    if match.group(0) not in _STATUS_WORDS:
        return False
    before = line[:match.start() if start is None else start]
    return bool(_STATUS_LABEL.search(before))


def _status_cell(doc: Document, line: int, word: str) -> bool:
    """A table cell holding only 'TODO' (or TBD...) under a Status column."""
    if word not in _STATUS_WORDS:
        return False
    block = doc.prose_blocks.get(line)
    if block is None or block.type != "row":
        return False
    header = doc.header_of(block)
    return any(cell.strip(" *_`") == word and index < len(header)
               and _STATUS_COLUMN.match(header[index])
               for index, cell in enumerate(block.cells))


def _fill(text: str) -> str:
    prompt = text.strip("[]<>{} ")
    if len(prompt) > 70:
        prompt = prompt[:69] + "…"
    return f"fill in the placeholder: {prompt}"


@lru_cache(maxsize=8)
def _vague_patterns(words: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each vague word with its pattern over lower-case text, led by the word itself so
    that the regex engine can jump to it; a substring test picks the few to run."""
    result = []
    for phrase in sorted({w.lower() for w in words}):
        body = r"\s+".join(map(re.escape, phrase.split()))
        result.append((phrase.split()[0], re.compile(rf"{body}(?![\w-])")))
    return tuple(result)


def _vague_matches(text: str, words: tuple[str, ...]) -> list[tuple[int, str]]:
    """(offset, word) of every vague word in `text`, in order."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lowered
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found = []
    for first, pattern in _vague_patterns(words):
        if first not in lowered:
            continue
        for match in pattern.finditer(lowered):
            start = match.start()
            if start and (lowered[start - 1].isalnum() or lowered[start - 1] in "_-"):
                continue
            found.append((start, " ".join(text[start:match.end()].split())))
    found.sort()
    return found


_QUOTED = re.compile(r'"[^"\n]{1,300}"|“[^”\n]{1,300}”|(?<!\w)\'[^\'\n]{1,200}\'(?!\w)')


@check("vague-claim")
def vague_claim(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A vague word in a sentence with no number in it (a date counts as a number), once
    per sentence; quotations, code and questions are not claims. In a post-mortem, only
    the impact is read, and only once it has a number (impact-quantified asks for one)."""
    text = _names_blanked(doc, cues.blank_placeholders(doc.masked_text))
    if '"' in text or "“" in text or "'" in text:
        text = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    lines: tuple[int, int] | None = None
    if ctx.kind == "post-mortem":
        section = doc.section("impact")
        if section is None or section.how == "front matter" or not cues.has_quantity(
                doc.section_text(section)):
            return
        blocks = doc.blocks[section.start:section.stop]
        lines = (section.line, max(b.end for b in blocks) if blocks else section.line)
    owners = doc.prose_blocks
    sentences: dict[int, list[tuple[int, int, bool]]] = {}  # block line -> sentence spans
    claimed: set[int] = set()
    for offset, word in _vague_matches(text, ctx.config.vague_words):
        line, column = doc.locate(offset)
        if lines is not None and not lines[0] <= line <= lines[1]:
            continue
        block = owners.get(line)
        if block is None or block.type == "heading":  # headings are labels, not claims
            continue
        spans = sentences.get(block.line)
        if spans is None:
            spans = sentences[block.line] = _sentences(doc, block.line, line_end(block), text)
        index = bisect.bisect_right(spans, (offset, len(text) + 1, True)) - 1
        if index < 0 or not spans[index][0] <= offset < spans[index][1] or spans[index][2]:
            continue
        start, end, _ = spans[index]
        if start in claimed or text[start:end].rstrip().endswith("?"):
            continue
        claimed.add(start)
        yield (line, column, _vague(word))


def _names_blanked(doc: Document, text: str) -> str:
    """The document's own names (its title, its theme label) are not claims: blank them."""
    names: set[str] = set()
    for value in (doc.front.text("title"), doc.front.text("label"), doc.heading_title):
        if value:
            names.update(p.strip() for p in (value, *re.split(r"[:—–|]", value)))
    lowered = text.lower()
    if len(lowered) != len(text):
        return text  # a letter changed length when lowered: leave the text as it is
    for name in sorted((n.lower() for n in names if len(n) > 3), key=len, reverse=True):
        start = lowered.find(name)
        while start != -1:
            end = start + len(name)
            if not (start and lowered[start - 1].isalnum()) and not (
                    end < len(lowered) and lowered[end].isalnum()):
                text = text[:start] + " " * len(name) + text[end:]
            start = lowered.find(name, end)
    return text


def line_end(block: Block) -> int:
    return block.own_end if block.type == "item" else block.end


def _sentences(doc: Document, first: int, last: int, text: str) -> list[tuple[int, int, bool]]:
    """The sentences of lines first..last as (start, end, has a number) offsets."""
    begin = doc.locate_line(first)
    end = doc.locate_line(last) + len(doc.prose(last))
    spans = []
    position = begin
    for match in _SENTENCE_END.finditer(text, begin, end):
        spans.append((position, match.start(), bool(cues.ANY_NUMBER.search(
            text, position, match.start()))))
        position = match.end()
    spans.append((position, end, bool(cues.ANY_NUMBER.search(text, position, end))))
    return spans


def _vague(word: str) -> str:
    if word.lower() in _TIME_WORDS:
        return f"'{word}' without a date: say when (e.g. 'by 2026-03-31')"
    return (f"'{word}' without a number: say how much (e.g. 'cuts p95 from 1.8 s to "
            "650 ms')")


@check("quantified-consequence")
def quantified_consequence(doc: Document, ctx: Context) -> Iterator[Hit]:
    if cues.has_quantity(_consequence_text(doc)):
        return
    section = doc.section("problem")
    yield (section.line if section else doc.title_line, 1,
           "quantify at least one consequence with a number and a unit (%, $, ms, hours, "
           "incidents): the failure avoided, the revenue unlocked or the risk reduced, even "
           "with rough math")


def _consequence_text(doc: Document) -> str:
    """The document's prose, less the parts that state no consequence: the options (their
    costs are not consequences), the decision asked and the owners and dates."""
    text = doc.masked_text
    cuts = []
    for section_id in ("options", "decision", "owners-dates"):
        section = doc.section(section_id)
        if section is not None and section.how == "heading":
            blocks = doc.blocks[section.start:section.stop]
            cuts.append((doc.locate_line(section.line),
                         doc.locate_line(max(b.end for b in blocks)) + 1))
    for start, end in sorted(cuts, reverse=True):
        text = text[:start] + text[end:]
    return text
