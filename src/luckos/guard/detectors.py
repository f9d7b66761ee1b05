"""What redaction finds, as spans of a text: secrets (`luckos.guard.secret_scan`), then
URLs and host names under internal domains, email addresses, private IP addresses, phone
numbers and sensitive terms.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from luckos.guard import secret_scan
from luckos.guard.folded import Folded
from luckos.guard.settings import INTERNAL_DOMAINS, PERSON, RedactSettings


@dataclasses.dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    key: str  # what makes two originals "the same" for the token (never shown)
    detail: str = ""


class Detectors:
    """The compiled detectors for one set of settings and terms."""

    def __init__(self, settings: RedactSettings, names: tuple[str, ...]) -> None:
        self.settings = settings
        self._allow = frozenset(a.lower() for a in settings.allow)
        self._internal = _internal_host_pattern(settings.internal_domains)
        self._internal_anchor = _internal_anchor_pattern(settings.internal_domains)
        self._terms: dict[str, str] = {}  # normalised term -> kind
        for kind, words in settings.terms:
            for word in words:
                self._terms.setdefault(_normal(word), kind)
        for name in names:
            if name.strip() and len(name.strip()) > 1:
                self._terms.setdefault(_normal(name), PERSON)
        self._parts = _name_parts(names)
        self._term_pattern = _trie_pattern(list(self._terms)) if self._terms else None
        self._part_pattern = (re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(p) for p in sorted(self._parts, key=len, reverse=True)) + r")(?!\w)")
            if self._parts else None)

    def spans(self, text: str) -> list[Span]:
        """Non-overlapping spans in order; where two overlap, the earlier kind wins."""
        chosen = _Chosen()
        off = self.settings.off
        folded = Folded(text)
        for start, end, detector in secret_scan.find(text, folded):
            chosen.add(Span(start, end, "secret", text[start:end], detector))
        if "url" not in off:
            for span in self._urls(folded):
                chosen.add(span)
        if "email" not in off:
            for match in _emails(text):
                chosen.add(Span(match.start(), match.end(), "email", match.group().lower()))
        if "host" not in off:
            for match in folded.anchored(self._internal, self._internal_anchor,
                                         _HOST_CHARS):
                chosen.add(Span(match.start(), match.end(), "host", match.group().lower()))
        if "ip" not in off:
            for match in folded.finditer(_PRIVATE_IP):
                if _octets_ok(match.group()):
                    chosen.add(Span(match.start(), match.end(), "ip", match.group().lower()))
        if "phone" not in off:
            for match in _PHONE.finditer(text):
                digits = re.sub(r"\D", "", match.group())
                if 8 <= len(digits) <= 15:
                    chosen.add(Span(match.start(), match.end(), "phone", digits))
        if self._term_pattern is not None:
            for match in folded.finditer(self._term_pattern):
                key = _normal(match.group())
                chosen.add(Span(match.start(), match.end(), self._terms[key], key))
        if self._part_pattern is not None:
            for match in self._part_pattern.finditer(text):
                chosen.add(Span(match.start(), match.end(), PERSON,
                                self._parts[match.group()]))
        return [s for s in chosen.spans if text[s.start:s.end].lower() not in self._allow]

    def _urls(self, folded: Folded) -> Iterator[Span]:
        internal = re.compile(self._internal, re.IGNORECASE)
        for match in folded.finditer(_URL):
            url = match.group().rstrip(".,;:!?")
            host = match.group("host").lower()
            if host == "localhost":
                continue
            if "." not in host or internal.fullmatch(host) or _is_private_ip(host):
                yield Span(match.start(), match.start() + len(url), "url", url.lower())


class _Chosen:
    """Spans accepted so far, sorted, none overlapping."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self._starts: list[int] = []

    def add(self, span: Span) -> None:
        at = bisect_left(self._starts, span.start)
        if at > 0 and self.spans[at - 1].end > span.start:
            return
        if at < len(self.spans) and self.spans[at].start < span.end:
            return
        self.spans.insert(at, span)
        self._starts.insert(at, span.start)


_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![\w-])")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")


def _emails(text: str) -> Iterator[re.Match[str]]:
    """`_EMAIL.finditer(text)`, tried only where an `@` is: an address starts where the
    run of name characters before its `@` starts."""
    resume = 0
    at = text.find("@")
    while at >= 0:
        start = at
        while start > resume and (text[start - 1].isalnum() or text[start - 1] in "_.%+-"):
            start -= 1
        match = _EMAIL.match(text, start)
        if match:
            yield match
            resume = match.end()
        at = text.find("@", max(at + 1, resume))
_URL = (  # patterns in lower case run through Folded
    r"(?<![\w+.-])[a-z][a-z0-9+.-]*://(?:[^\s/@<>\"']*@)?(?P<host>\[[^\]\s]*\]|[^\s/:?#<>\"'\]\)]+)"
    r"[^\s<>\"'`]*")
_PRIVATE_IP = (
    r"(?<![\w.])(?:10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])"
    r"(?:\.\d{1,3}){2}|169\.254(?:\.\d{1,3}){2}|fd[0-9a-f]{2}(?::[0-9a-f]{0,4}){2,7})"
    r"(?![\w]|\.\d)")
_PRIVATE_IP_ANY_CASE = re.compile(_PRIVATE_IP, re.IGNORECASE)
_PHONE = re.compile(r"""
    (?<![\w+/.:-])
    (?: \+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{1,4}){2,5}  # +44 20 7946 0958
      | \(\d{2,4}\)[ .-]?\d{3,4}[ .-]\d{3,4}                   # (415) 555-0100
      | \d{3}([.-])\d{3}\1\d{4}                                # 415-555-0100
      | \d{3}\ \d{3}\ \d{4}                                    # 415 555 0100
    )
    (?![\w/-]|[.:]\d)""", re.VERBOSE)


def _octets_ok(address: str) -> bool:
    return ":" in address or all(int(part) <= 255 for part in address.split("."))


def _is_private_ip(host: str) -> bool:
    match = _PRIVATE_IP_ANY_CASE.fullmatch(host.strip("[]"))
    return bool(match) and _octets_ok(host.strip("[]"))


def _internal_host_pattern(domains: tuple[str, ...]) -> str:
    """`name.internal` (at least one label before a default suffix), `acme.net` and
    `x.acme.net` for the workspace's own domains; never a longer public name."""

    label = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    suffixes = "|".join(re.escape(d) for d in INTERNAL_DOMAINS)
    own = "|".join(re.escape(d) for d in domains if d not in INTERNAL_DOMAINS)
    alternatives = [rf"(?:{label}\.)+(?:{suffixes})"]
    if own:
        alternatives.append(rf"(?:{label}\.)*(?:{own})")
    return rf"(?<![\w.@-])(?:{'|'.join(alternatives)})(?![\w-]|\.[a-z0-9])"


def _internal_anchor_pattern(domains: tuple[str, ...]) -> str:
    """What every internal host name ends with (for `Folded.anchored`)."""
    suffixes = "|".join(re.escape(d) for d in INTERNAL_DOMAINS)
    own = "|".join(re.escape(d) for d in domains if d not in INTERNAL_DOMAINS)
    ends = rf"\.(?:{suffixes})" + (f"|{own}" if own else "")
    return rf"(?:{ends})(?![\w-]|\.[a-z0-9])"


def _name_parts(names: tuple[str, ...]) -> dict[str, str]:
    """A person's first and last names alone ("Dana" of "Dana Whitfield"), matched as
    written with a capital, so "Dana said" is redacted as the same person as the full
    name. A part two people share keeps a token of its own: it names neither of them."""
    owners: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) < 2:
            continue
        for word in words:
            word = word.strip(".,()\"'")
            if len(word) >= 3 and word[0].isupper() and word[1:].isalpha():
                owners.setdefault(word, set()).add(_normal(name))
    return {part: (next(iter(full)) if len(full) == 1 else _normal(part))
            for part, full in owners.items()}


def _normal(term: str) -> str:
    return " ".join(term.lower().split())


def _trie_pattern(terms: list[str]) -> str:
    """One pattern for many terms, as a trie (Python's `re` tries the alternatives of
    `a|b|c` one by one at every position; a trie shares their prefixes), whole words only,
    in lower case (for Folded), any white space between the words of a term."""
    trie: dict[str, Any] = {}
    for term in terms:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [(r"\s+" if char == " " else re.escape(char)) + pattern(child)
                     for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if ends else body

    return rf"(?<!\w){pattern(trie)}(?!\w)"
