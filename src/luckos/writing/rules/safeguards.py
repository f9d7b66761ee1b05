"""Rules for what a document owes its readers beyond its core sections: a summary a VP can
skim, the evidence legal, risk and auditors need, and the safeguards of an AI tool.

The essay: "design docs a VP can skim and a peer can implement"; "treat legal and risk as
users... ask what evidence they need"; "don't paste sensitive data into public models...;
pin versions, test, monitor".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from luckos.writing.headings import LABEL
from luckos.writing.rules import Context, Hit, check
from luckos.writing.structure import Document, Section

SUMMARY_MAX_WORDS = 150
_LEAD_MIN_WORDS = 20  # a lead paragraph this long reads as a summary; "Date: ..." does not

# Strong cues that a document is about an AI tool, read in its title and summary only:
# "model" alone is not one (a data model, a threat model).
_AI_CUE = re.compile(
    r"\bLLMs?\b|\bGPT[-\w.]*|\blarge language models?\b|\blanguage models?\b|\bgen(?:erative)?"
    r" ?AI\b|\bAI\b|\bA\.I\.|\bmachine[- ]learning\b|\bML (?:model|pipeline|service)s?\b"
    r"|\bprompts?\b|\bprompt (?:library|template)s?\b|\bembeddings?\b|\bRAG\b"
    r"|\bretrieval[- ]augmented\b|\bcopilot\b|\bchatbots?\b|\bfine[- ]tun(?:e|ed|ing)\b"
    r"|\b(?:claude|gemini|llama|mistral|openai|anthropic)\b",
    re.IGNORECASE)
_AI_TAGS = frozenset(("ai", "llm", "llms", "ml", "genai", "gen-ai", "machine-learning",
                      "ai-tool", "ai-tools", "ai-tooling", "prompt", "prompts", "rag",
                      "agents", "ai-agent"))
_COMPLIANCE_TAGS = frozenset(("compliance", "audit", "auditable", "sox", "soc2", "soc-2",
                              "pci", "pci-dss", "hipaa", "gdpr", "iso27001", "iso-27001",
                              "regulated", "fedramp"))
_TAG_KEYS = ("tags", "labels", "keywords", "categories")
_TRUE = frozenset(("true", "yes", "on", "1"))
# A pinned model version: a model named with a version or a date ("gpt-4o-2024-08-06",
# "claude-3-5-sonnet-20241022", "llama3:8b", "model v2.1", "pinned to v3"). The word
# "pinned" alone ("a pinned model", "not pinned yet") names no version, so it is no pin.
_PINNED = re.compile(
    r"\bpinned\s+(?:to|at)\s+`?[\w./:@-]*\d|\b[a-z][\w.]*-\d{8}\b|\b[a-z][\w.]*-\d{4}-\d{2}-\d{2}\b"
    r"|\bmodel(?: version)?\s*[:=]?\s*`?[\w./-]*\d[\w./:@-]*"
    r"|\b[a-z][\w.-]*[:@]v?\d[\w.]*\b",
    re.IGNORECASE)
_PROMPT = re.compile(r"\[(?:TODO|TBD|FIXME)\b[^\]]*\]", re.IGNORECASE)
# A draft's "Pinned to: [TODO: ...]": the placeholder rule already asks for the version.
_PIN_PROMPT = re.compile(r"\bpinned\s+to\b:?\s*\[(?:TODO|TBD|FIXME)\b", re.IGNORECASE)
# Where evidence is logged: a link, a path, a code span, or words naming a system of record.
_LOGGED = re.compile(
    r"https?://|\]\(|`[^`]+`|(?:^|\s)[\w.-]*/[\w./-]+|\b(?:logged|stored|kept|filed|recorded"
    r"|archived|attached|tracked)\b\s+(?:in|at|to|on|under)\b|\b(?:jira|confluence|servicenow"
    r"|drive|sharepoint|vanta|drata|grc|ticket|bucket|wiki)\b",
    re.IGNORECASE)


def _tags(front: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for key in _TAG_KEYS:
        value = front.get(key)
        items = value if isinstance(value, list) else str(value or "").replace(",", " ").split()
        found.update("-".join(str(item).strip().lower().split()) for item in items)
    return found


def _flag(front: dict[str, Any], key: str) -> bool | None:
    """A yes/no front-matter key: True, False, or None when absent."""
    if key not in front:
        return None
    value = front[key]
    return value if isinstance(value, bool) else str(value).strip().lower() in _TRUE


def _raw(doc: Document, section: Section) -> str:
    """A section's source lines, code spans and links kept (they say where things are)."""
    if section.how == "front matter":
        return section.value
    blocks = doc.section_blocks(section)
    last = max((b.end for b in blocks), default=section.line)
    return "\n".join(doc.lines[section.line - 1:last])


def summary(doc: Document) -> tuple[int, str] | None:
    """The opening summary: (line, text), from the front matter, a lead paragraph before
    the first section, or a first section that is a summary; None when there is none."""
    value = doc.front.text("summary") or doc.front.text("abstract") or doc.front.text("tldr")
    if value:
        return 2, value
    headings = [b for b in doc.blocks if b.type == "heading"]
    title = doc.title_index
    first_head = next((b for i, b in enumerate(doc.blocks)
                       if b.type == "heading" and i != title), None)
    lead = [b for i, b in enumerate(doc.blocks)
            if b.type == "paragraph" and (title is None or i > title)
            and (first_head is None or b.line < first_head.line)
            and not LABEL.match(doc.line(b.line))]
    text = "\n".join(doc.text(b.line, b.end) for b in lead)
    if len(text.split()) >= _LEAD_MIN_WORDS:
        return lead[0].line, text
    sections = doc.headed_sections
    if headings and sections and doc.patterns.names("summary", sections[0].key):
        return sections[0].line, doc.section_body(sections[0])
    return None


@check("summary-first")
def summary_first(doc: Document, ctx: Context) -> Iterator[Hit]:
    found = summary(doc)
    if found is None:
        message = ("open with a summary of at most 150 words, before the first section, so "
                   "that a VP can skim it and a peer can go on to implement it")
        if ctx.native is not None:  # a Nygard ADR or MADR record opens with its context
            yield (doc.title_line, 1, message, "warning")
        else:
            yield (doc.title_line, 1, message)
        return
    line, text = found
    words = len(text.split())
    if words > SUMMARY_MAX_WORDS:
        yield (line, 1, f"the summary is {words} words: cut it to {SUMMARY_MAX_WORDS} or "
                        "fewer, the decision and its consequence first")


@check("evidence-logged")
def evidence_logged(doc: Document, ctx: Context) -> Iterator[Hit]:
    section = doc.section("legal-evidence")
    if section is None or not doc.section_body(section).strip() and section.how != (
            "front matter"):
        return  # section-missing and section-empty say it
    body = _raw(doc, section)
    if section.how == "heading":
        body = body.split("\n", 1)[1] if "\n" in body else ""
    if not _LOGGED.search(body):
        yield (section.line, 1, "say where the evidence for legal and risk is logged: a link, "
                                "a path or the system of record (e.g. 'logged in GRC-142')")


def tagged_for_compliance(doc: Document) -> bool:
    front = doc.front.data
    return bool(_flag(front, "compliance")) or bool(_tags(front) & _COMPLIANCE_TAGS)


@check("auditor-evidence")
def auditor_evidence(doc: Document, ctx: Context) -> Iterator[Hit]:
    if tagged_for_compliance(doc) and doc.section("auditor-evidence") is None:
        yield (doc.title_line, 1, "add an 'Evidence for auditors' section: this runbook is "
                                  "tagged for compliance, so say what evidence each run "
                                  "leaves and where an auditor finds it")


def about_ai(doc: Document) -> bool:
    """Whether the document is about an AI tool: `ai: true` in the front matter, an AI tag,
    or a strong cue (LLM, prompt, language model...) in its title or opening summary.
    `ai: false` says it is not, whatever the words."""
    front = doc.front.data
    flag = _flag(front, "ai")
    if flag is not None:
        return flag
    if _tags(front) & _AI_TAGS:
        return True
    opening = summary(doc)
    text = " ".join(filter(None, (doc.title, doc.front.text("description"),
                                  opening[1] if opening else None)))
    return bool(_AI_CUE.search(text))


@check("ai-safeguards")
def ai_safeguards(doc: Document, ctx: Context) -> Iterator[Hit]:
    if not about_ai(doc):
        return
    where = doc.title_line
    if doc.section("data-redaction") is None:
        yield (where, 1, "add a 'Data and redaction' section: this document is about an AI "
                         "tool, so say what data it sees, what is redacted, and that nothing "
                         "sensitive goes to a public model")
    raw = "\n".join(doc.lines[doc.front.body_start:])
    body = _PROMPT.sub("", raw)  # an example inside a [TODO: ...] prompt is no pin
    if not _PINNED.search(body) and not _PIN_PROMPT.search(raw):
        yield (where, 1, "pin the model version (e.g. 'model: gpt-4o-2024-08-06'): an "
                         "unpinned model changes under you")
    if doc.section("evaluation") is None:
        yield (where, 1, "add an 'Evaluation' section: the eval set, the bar it must pass, "
                         "and the last result")
    if doc.section("monitoring") is None:
        yield (where, 1, "add a 'Monitoring' section: what is watched in production "
                         "(quality, drift, cost) and who is paged")
