"""The diagnosis: three questions about the career system, answered in writing.

"If you can't answer in one paragraph each, don't search for tactics. Build the
paragraphs first." An answer is flagged when it is missing, too short to be a paragraph
(fewer than PARAGRAPH_MIN_WORDS words or PARAGRAPH_MIN_SENTENCES sentences), longer than
one paragraph (a blank line inside, or more than PARAGRAPH_MAX_WORDS words).
"""

from __future__ import annotations

import re

from luckos.domain.fields import Problem
from luckos.domain.records import Diagnosis

QUESTIONS: tuple[tuple[str, str], ...] = (
    ("problem", "What problem do I solve that the business would miss if I left for a month?"),
    ("funders", "Who decides work like that gets funded, and when do they decide?"),
    ("proof", "What artifact proves I routinely turn ambiguity into something that ships?"),
)
PARAGRAPH_MIN_WORDS = 30
PARAGRAPH_MIN_SENTENCES = 2
PARAGRAPH_MAX_WORDS = 250

_SENTENCE_END = re.compile(r"[.!?](?:[\"')\]]*)(?=\s|$)")


def sentences(text: str) -> int:
    found = len(_SENTENCE_END.findall(text.strip()))
    return found if found else (1 if text.strip() else 0)


def paragraph_flag(text: str) -> str | None:
    """None for an answer that reads as one paragraph; else what is wrong with it."""
    value = text.strip()
    if not value:
        return "missing"
    if re.search(r"\n\s*\n", value):
        return "more than one paragraph: the essay asks for one"
    words = len(value.split())
    if words < PARAGRAPH_MIN_WORDS:
        return (f"{words} words: not yet a paragraph (at least {PARAGRAPH_MIN_WORDS} words, "
                f"{PARAGRAPH_MIN_SENTENCES} sentences)")
    if sentences(value) < PARAGRAPH_MIN_SENTENCES:
        return f"one sentence: a paragraph has at least {PARAGRAPH_MIN_SENTENCES}"
    if words > PARAGRAPH_MAX_WORDS:
        return f"{words} words: longer than a paragraph (at most {PARAGRAPH_MAX_WORDS})"
    return None


def flags(diagnosis: Diagnosis) -> list[tuple[int, str, str]]:
    """(question number, field, flag) for each answer that is not a paragraph."""
    result = []
    for number, (field, _) in enumerate(QUESTIONS, start=1):
        flag = paragraph_flag(getattr(diagnosis, field))
        if flag:
            result.append((number, field, flag))
    return result


def diagnosis_problems(d: Diagnosis) -> list[Problem]:
    """Answers that are not a paragraph: warnings (see `luckos.domain.validate`)."""
    return [Problem(field, f"answer {n} ({field}) is {flag}" if flag == "missing" else
                    f"answer {n} ({field}): {flag}", warning=True)
            for n, field, flag in flags(d)]
