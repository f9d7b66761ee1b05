"""How a heading names a section: its words, normalized, matched against the synonyms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from luckos.writing.sections import SECTIONS

LABEL = re.compile(
    r"^\s*(?:>\s*)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\[[ xX]\]\s+)?"
    r"(?:(?:\*\*|__)(?P<bold>[^*_\n]{1,60}?)(?:\*\*|__)"
    r"|(?P<plain>[A-Z][\w'’ /&-]{0,40}?)\s*:(?=\s))"
)
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.):]?|[ivx]+[.)]|[a-h][.)]|step\s+\d+[:.]?)\s+")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """Heading text reduced to lower-case words: numbering, markup and punctuation go."""
    value = text.lower().replace("’", "'")
    value = _NUMBERING.sub("", value)
    return " ".join(_NON_WORD.sub(" ", value).split())


LEADING_WORDS = 4  # a heading names a section in its first words: "Risks and trade-offs"


def names(pattern: re.Pattern[str], key: str) -> bool:
    """Whether a heading (normalized) names the section: a synonym within its first few
    words, so that 'Option A: consolidate the per-request calls' is not about requests."""
    text = key
    return any(text.count(" ", 0, m.start()) < LEADING_WORDS for m in pattern.finditer(text))


def synonym_pattern(words: Iterable[str]) -> re.Pattern[str]:
    phrases = sorted({normalize(w) for w in words if normalize(w)}, key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in phrases) or "(?!)"
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


_DEFAULT_PATTERNS = {sid: synonym_pattern(spec.synonyms) for sid, spec in SECTIONS.items()}


@lru_cache(maxsize=8)
def section_patterns(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> dict[str, Any]:
    """The heading patterns of every section, with `[lint.synonyms]` added (compiled once
    per set of settings)."""
    if not extra:
        return _DEFAULT_PATTERNS
    more = dict(extra)
    return {sid: synonym_pattern((*spec.synonyms, *more.get(sid, ())))
            for sid, spec in SECTIONS.items()}


_MARKUP = re.compile(r"[*_`~\[<\\]")


def plain(text: str) -> str:
    """Inline Markdown as plain words: emphasis, code ticks and link targets dropped."""
    if not _MARKUP.search(text):
        return " ".join(text.split())
    value = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    value = re.sub(r"<!--.*?-->", "", value)
    value = re.sub(r"[*_`~]+", "", value)
    return " ".join(value.replace("\\", "").split())
