"""The shape of a document: a title, the sections its kind needs, and its page budget."""

from __future__ import annotations

from collections.abc import Iterator

from luckos.writing.catalog import DOC_KINDS, SECTIONS
from luckos.writing.headings import heading_words
from luckos.writing.rules import Context, Hit, check
from luckos.writing.structure import Document

_PAGES = {500: "one page", 1000: "two pages", 1500: "three pages"}
_ALERT_HEADINGS = frozenset(("meaning", "diagnosis", "mitigation"))
# An alert runbook (Meaning / Impact / Diagnosis / Mitigation) answers a page: it needs
# what the alert means, the steps, its owner and who to escalate to, but there is no
# change of its own to verify or roll back.
_ALERT_RUNBOOK = ("purpose", "owner", "steps", "escalation")


def required_sections(doc: Document, kind: str) -> tuple[str, ...]:
    """The sections the kind needs in this document's format."""
    if kind == "runbook" and any(heading_words(s.title)[:1] and heading_words(s.title)[0]
                                 in _ALERT_HEADINGS for s in doc.headed_sections):
        return _ALERT_RUNBOOK
    return DOC_KINDS[kind].sections


@check("title-missing")
def title_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    if not doc.title:
        yield (doc.title_line, 1, "add a title: a '# ' heading at the top, or `title:` in the "
                                  "front matter")


@check("section-missing")
def section_missing(doc: Document, ctx: Context) -> Iterator[Hit]:
    assert ctx.kind is not None
    kind = DOC_KINDS[ctx.kind]
    for section_id in required_sections(doc, ctx.kind):
        if doc.section(section_id) is None:
            spec = SECTIONS[section_id]
            stem = spec.heading.lower().removeprefix("the ").split()[0][:5]
            others = [s for s in spec.synonyms if stem not in s][:2]
            also = f"; '{others[0].capitalize()}' or '{others[1].capitalize()}' count too" if (
                len(others) == 2) else ""
            article = "an" if spec.heading[0].lower() in "aeiou" else "a"
            message = (f"add {article} '{spec.heading}' section: {spec.hint} (the "
                       f"{kind.title} needs it{also})")
            if ctx.native is not None and section_id not in ctx.native:
                yield (doc.title_line, 1, f"{message}; the essay asks for it beyond the "
                                          "document's own format", "warning")
            else:
                yield (doc.title_line, 1, message)


@check("section-empty")
def section_empty(doc: Document, ctx: Context) -> Iterator[Hit]:
    assert ctx.kind is not None
    for section_id in required_sections(doc, ctx.kind):
        section = doc.section(section_id)
        if section is None or section.how == "front matter":
            continue
        if section.how == "heading":
            blocks = doc.section_blocks(section)
            empty = not any(b.type != "hr" for b in blocks)
        else:
            empty = not doc.section_body(section).strip(" \t\n*_:.")
        if empty:
            yield (section.line, 1, f"the '{section.title}' section is empty: write "
                                    f"{SECTIONS[section_id].hint}")


@check("word-budget")
def word_budget(doc: Document, ctx: Context) -> Iterator[Hit]:
    assert ctx.kind is not None
    budget = ctx.config.budget(ctx.kind)
    total = doc.word_count
    if not budget or total <= budget:
        return
    running = 0
    where = doc.title_line
    for line, count in doc.words():
        running += count
        if running > budget:
            where = line
            break
    pages = f" ({_PAGES[budget]})" if budget in _PAGES else ""
    yield (where, 1, f"{total:,} words is over the {DOC_KINDS[ctx.kind].title}'s budget of "
                     f"{budget:,}{pages}: cut {total - budget:,} words (the budget runs out on "
                     "this line)")
