"""How a heading names a section: its words, normalized, matched against the synonyms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

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


LEADING_WORDS = 4  # a phrase names a section within a heading's first words

# Words that open a heading without changing what it is about ("The problem", "Our bet").
_LEAD_FILLERS = frozenset(("the", "our", "my", "a", "an", "your", "their", "its", "this"))
# Words that may follow a one-word section name without making the heading about
# something else: "Alternatives considered", "Paths we weighed", "Rollback plan".
_TRAILERS = frozenset((
    "considered", "weighed", "received", "raised", "asked", "needed", "requested", "heard",
    "taken", "made", "proposed", "rejected", "explored", "evaluated", "collected", "we",
    "i", "s", "summary", "plan", "path", "paths", "steps", "list", "log", "notes", "items",
    "section", "so", "far", "to", "date", "utc", "overview", "details",
))
_PARENTHESES = re.compile(r"\([^)]*\)")


def heading_words(text: str) -> tuple[str, ...]:
    """A heading's words as `normalize` makes them, without a parenthesis or leading
    article: "The decision at stake (for FY27)" -> ("decision", "at", "stake")."""
    words = normalize(_PARENTHESES.sub(" ", text) if "(" in text else text).split()
    while len(words) > 1 and words[0] in _LEAD_FILLERS:
        words = words[1:]
    return tuple(words)


class Vocabulary:
    """The heading words of every section, and which sections a heading names.

    A phrase of two words or more names a section when it stands within the heading's
    first words ("Risks and trade-offs", "Who's already on board"). A single word names
    it only when the heading is about it: the whole heading ("Decision"), the heading's
    last word ("Customer impact", "The actual design"), or its first word followed only
    by words such as "considered" or "received" ("Alternatives considered"), or by "and"
    and another name of the same section ("Context and background"). So "Decision-making
    process" is not the decision asked, nor "Feedback and evaluation" the objections.
    """

    def __init__(self, phrases: dict[str, frozenset[tuple[str, ...]]]) -> None:
        self.phrases = phrases
        self._single: dict[str, set[str]] = {}
        self._multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for section_id, group in phrases.items():
            for phrase in group:
                if len(phrase) == 1:
                    self._single.setdefault(phrase[0], set()).add(section_id)
                else:
                    self._multi.setdefault(phrase[0], []).append((phrase, section_id))
        self._cache: dict[str, frozenset[str]] = {}

    def roles(self, key: str) -> frozenset[str]:
        """The sections a heading (its text, or its `normalize`d key) names."""
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = frozenset(self._roles(heading_words(key)))
        return found

    def names(self, section_id: str, key: str) -> bool:
        return section_id in self.roles(key)

    def _roles(self, words: tuple[str, ...]) -> set[str]:
        found: set[str] = set()
        if not words:
            return found
        single = self._single
        for index, word in enumerate(words[:LEADING_WORDS]):
            for phrase, section_id in self._multi.get(word, ()):
                if words[index:index + len(phrase)] == phrase:
                    found.add(section_id)
        if len(words) == 1:
            found.update(single.get(words[0], ()))
            return found
        if len(words) <= 3:
            found.update(single.get(words[-1], ()))  # the head noun: "Customer impact"
        first = single.get(words[0])
        if first:
            rest = words[1:]
            if all(w in _TRAILERS for w in rest):
                found.update(first)
            elif rest[0] in ("and", "or", "&"):
                tail = self._roles(rest[1:])
                found.update(first & tail)
        return found


def synonym_phrases(words: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(p for p in (heading_words(w) for w in words) if p)


_DEFAULT = Vocabulary({sid: synonym_phrases((spec.heading, *spec.synonyms))
                       for sid, spec in SECTIONS.items()})


@lru_cache(maxsize=8)
def section_patterns(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Vocabulary:
    """The heading vocabulary of every section, with `[lint.synonyms]` added (built once
    per set of settings)."""
    if not extra:
        return _DEFAULT
    more = dict(extra)
    return Vocabulary({sid: synonym_phrases((spec.heading, *spec.synonyms,
                                             *more.get(sid, ())))
                       for sid, spec in SECTIONS.items()})


_MARKUP = re.compile(r"[*_`~\[<\\]")


def plain(text: str) -> str:
    """Inline Markdown as plain words: emphasis, code ticks and link targets dropped."""
    if not _MARKUP.search(text):
        return " ".join(text.split())
    value = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    value = re.sub(r"<!--.*?-->", "", value)
    value = re.sub(r"[*_`~]+", "", value)
    return " ".join(value.replace("\\", "").split())
