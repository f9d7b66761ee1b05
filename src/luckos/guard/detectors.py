"""What redaction finds, as spans of a text: secrets through detect-secrets' plugins, then
URLs and host names under internal domains, email addresses, private IP addresses, phone
numbers and sensitive terms.

detect-secrets costs about 160 ms to import, so it is imported the first time a text is
scanned, never when luckos starts. Its plugins run in-process on the whole text (one pass
per pattern, not one per line), and their own patterns give the positions.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Any

from luckos.guard.settings import INTERNAL_DOMAINS, PERSON, RedactSettings

# Not secrets: a public IP address says nothing private.
_SKIPPED_PLUGINS = frozenset({"Public IP (ipv4)"})
_MIN_ENTROPY_LENGTH = 16  # quoted random-looking strings shorter than this are not keys


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
        self._terms: dict[str, str] = {}  # normalised term -> kind
        for kind, words in settings.terms:
            for word in words:
                self._terms.setdefault(_normal(word), kind)
        for name in names:
            if name.strip() and len(name.strip()) > 1:
                self._terms.setdefault(_normal(name), PERSON)
        self._term_pattern = _trie_pattern(list(self._terms)) if self._terms else None

    def spans(self, text: str) -> list[Span]:
        """Non-overlapping spans in order; where two overlap, the earlier kind wins."""
        chosen = _Chosen()
        off = self.settings.off
        folded = _Folded(text)
        for span in _secrets(text, folded):
            chosen.add(span)
        if "url" not in off:
            for span in self._urls(folded):
                chosen.add(span)
        if "email" not in off:
            for match in _EMAIL.finditer(text):
                chosen.add(Span(match.start(), match.end(), "email", match.group().lower()))
        if "host" not in off:
            for match in folded.finditer(self._internal):
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
        return [s for s in chosen.spans if text[s.start:s.end].lower() not in self._allow]

    def _urls(self, folded: _Folded) -> Iterator[Span]:
        internal = re.compile(self._internal, re.IGNORECASE)
        for match in folded.finditer(_URL):
            url = match.group().rstrip(".,;:!?")
            host = match.group("host").lower()
            if host == "localhost":
                continue
            if "." not in host or internal.fullmatch(host) or _is_private_ip(host):
                yield Span(match.start(), match.start() + len(url), "url", url.lower())


class _Folded:
    """A text and its lower-case twin: patterns written in lower case run on the twin,
    several times faster than with IGNORECASE, and find the same positions (unless lower
    case changes the text's length, as for "İ": then IGNORECASE on the text itself)."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else None

    def finditer(self, pattern: str) -> Iterator[re.Match[str]]:
        if self.low is not None:
            return re.compile(pattern).finditer(self.low)
        return re.compile(pattern, re.IGNORECASE).finditer(self.text)


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


# --- secrets -------------------------------------------------------------------------


@functools.cache
def _plugins() -> tuple[Any, ...]:
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    mapping: dict[str, Any] = get_mapping_from_secret_type_to_class()
    return tuple(plugin() for secret_type, plugin in sorted(mapping.items())
                 if secret_type not in _SKIPPED_PLUGINS)


def _secrets(text: str, folded: _Folded) -> Iterator[Span]:
    from detect_secrets.plugins.base import RegexBasedDetector
    from detect_secrets.plugins.high_entropy_strings import HighEntropyStringsPlugin
    from detect_secrets.plugins.keyword import KeywordDetector

    view = _CandidateLines(text, folded)
    if not view.text:
        return
    found: list[Span] = []
    for plugin in _plugins():
        kind = plugin.secret_type
        if isinstance(plugin, RegexBasedDetector):
            spans = _regex_secrets(plugin, view.text)
        elif isinstance(plugin, HighEntropyStringsPlugin):
            spans = _entropy_secrets(plugin, view.text)
        elif isinstance(plugin, KeywordDetector):
            spans = _keyword_secrets(plugin, view.text)
        else:  # a plugin kind this version does not know how to place: scan it whole
            spans = _located(view.text, set(plugin.analyze_string(view.text)))
        for view_start, view_end in spans:
            start, end = view.original(view_start, view_end)
            if kind == "Private Key":
                start, end = _pem_block(text, start, end)
            elif kind == "Basic Auth Credentials":
                start, end = _enclosing_word(text, start, end)
            if end > start:
                found.append(Span(start, end, "secret", text[start:end], kind))
    # a whole PEM block or connection string before the pieces inside it
    yield from sorted(found, key=lambda s: (-(s.end - s.start), s.start))


# What a line needs to hold for any detect-secrets plugin to find a secret in it: a run of
# 20 token characters; a run of 10 with a letter and a digit, or with a capital after its
# first character (every token and key format the plugins know is one of these, and a
# quoted string random enough for the entropy plugins is at least 23 characters long); a
# URL with a user and password (basic auth); a private key's header; or a keyword of the
# keyword plugin. Reading only these lines makes the plugins' 40-odd patterns cheap on prose.
_SECRET_HINT = re.compile(
    r"(?<![A-Za-z0-9_+/=-])(?:[A-Za-z0-9_+/=-]{20,}|(?=[A-Za-z0-9_+=-]{10})"
    r"(?:[0-9_+=-]*[A-Za-z][A-Za-z_+=-]*[0-9]|[A-Za-z0-9][a-z0-9_+=-]*[A-Z]))"
    r"|://[^\s/@]*:[^\s/@]*@|PRIVATE KEY|PuTTY-User-Key|SSH2 ENC")


class _CandidateLines:
    """The lines of a text that could hold a secret, joined into one text, and the way
    back from a position in it to the original."""

    def __init__(self, text: str, folded: _Folded) -> None:
        lines: set[tuple[int, int]] = set()
        for hints in (_SECRET_HINT.finditer(text), folded.finditer(_keyword_hint())):
            taken_to = -1
            for hint in hints:
                if hint.start() <= taken_to:
                    continue
                start = text.rfind("\n", 0, hint.start()) + 1
                end = text.find("\n", hint.end())
                taken_to = len(text) if end < 0 else end
                lines.add((start, taken_to))
        self._view_starts: list[int] = []
        self._starts: list[int] = []
        parts: list[str] = []
        at = 0
        for start, end in sorted(lines):
            if self._starts and start < self._starts[-1] + len(parts[-1]):
                continue  # the same line, found by both patterns
            self._view_starts.append(at)
            self._starts.append(start)
            parts.append(text[start:end])
            at += end - start + 1
        self.text = "\n".join(parts)
        self._lengths = [len(p) for p in parts]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original positions of a view span (cut at the end of its line)."""
        index = bisect_right(self._view_starts, start) - 1
        offset = self._starts[index] - self._view_starts[index]
        line_end = self._view_starts[index] + self._lengths[index]
        return start + offset, min(end, line_end) + offset


def _regex_secrets(plugin: Any, text: str) -> Iterator[tuple[int, int]]:
    values = set(plugin.analyze_string(text))  # the plugin's own verdict (JWTs are checked)
    if not values:
        return
    for regex in plugin.denylist:
        for match in regex.finditer(text):
            groups = [i for i, g in enumerate(match.groups(), 1) if g] or [0]
            for group in groups:
                if match.group(group) in values:
                    start, end = match.span(group)
                    if start == match.start():  # a captured prefix (`ghp`): the whole token
                        end = match.end()
                    yield _whole_token(text, start, end)


_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=")


def _whole_token(text: str, start: int, end: int) -> tuple[int, int]:
    """Out to the ends of the token a pattern matched part of (a JWT's signature, which
    the plugin's lazy pattern leaves out)."""
    while start > 0 and text[start - 1] in _TOKEN_CHARS:
        start -= 1
    while end < len(text) and (text[end] in _TOKEN_CHARS or (
            text[end] == "." and end + 1 < len(text) and text[end + 1] in _TOKEN_CHARS)):
        end += 1
    return start, end


def _entropy_secrets(plugin: Any, text: str) -> Iterator[tuple[int, int]]:
    from detect_secrets.filters.heuristic import is_potential_uuid, is_sequential_string

    for match in plugin.regex.finditer(text):
        value = match.group(2)
        if (len(value) >= _MIN_ENTROPY_LENGTH
                and plugin.calculate_shannon_entropy(value) > plugin.entropy_limit
                and not is_sequential_string(value) and not is_potential_uuid(value)):
            yield match.span(2)


@functools.cache
def _keyword_hint() -> str:
    from detect_secrets.plugins.keyword import DENYLIST

    return "|".join(DENYLIST)


def _keyword_secrets(plugin: Any, text: str) -> Iterator[tuple[int, int]]:
    """`password = "..."` (the plugin's patterns for code: quoted, any value) and
    `api_key: ...` (its patterns for configuration files: unquoted, one token that looks
    like a secret). The plugin reads one line at a time, so only the lines where one of
    its keywords appears are read."""
    from detect_secrets.plugins.keyword import (
        CONFIG_DENYLIST_REGEX_TO_GROUP,
        QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP,
    )

    attempts = [(QUOTES_REQUIRED_DENYLIST_REGEX_TO_GROUP, False),
                (CONFIG_DENYLIST_REGEX_TO_GROUP, True)]

    done = -1
    for hint in _Folded(text).finditer(_keyword_hint()):
        start = text.rfind("\n", 0, hint.start()) + 1
        if start <= done:
            continue
        end = text.find("\n", hint.end())
        end = len(text) if end < 0 else end
        done = end
        line = text[start:end]
        for patterns, unquoted in attempts:
            found = next(((m, group) for regex, group in patterns.items()
                          if (m := regex.search(line)) and m.group(group)), None)
            if found is None:
                continue
            match, group = found
            begin, end = match.span(group)
            if unquoted:  # its first word, without the sentence's punctuation
                word = match.group(group).split()[0].rstrip(".,;:!?)")
                if not _looks_secret(word):
                    break
                end = begin + len(word)
            yield start + begin, start + end
            break


def _looks_secret(word: str) -> bool:
    """An unquoted value after `password:` is a secret when it is a word with a digit or
    a symbol in it, or a long one: in prose ("Password: rotate it monthly", "Earned
    secret: the reorg") it is not."""
    return len(word) >= 6 and bool(re.search(r"\d|[^\w\s]", word) or len(word) >= 12)


def _located(text: str, values: set[str]) -> Iterator[tuple[int, int]]:
    for value in values:
        at = text.find(value)
        while value and at >= 0:
            yield at, at + len(value)
            at = text.find(value, at + len(value))


_PEM_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----|---- END SSH2[^\n]*----")


def _pem_block(text: str, start: int, end: int) -> tuple[int, int]:
    """From the BEGIN line to its END line (or, cut short, to the last base64 line)."""
    line_start = text.rfind("\n", 0, start) + 1
    dashes = text.rfind("-----", line_start, start + 5)
    start = dashes if dashes >= 0 else line_start
    closing = _PEM_END.search(text, end)
    if closing:
        return start, closing.end()
    at = text.find("\n", end)
    while at >= 0:
        following = text.find("\n", at + 1)
        line = text[at + 1:following if following >= 0 else len(text)]
        if not re.fullmatch(r"[A-Za-z0-9+/=:\- ]+", line.strip() or "!"):
            break
        at = following
    return start, (len(text) if at < 0 else at)


def _enclosing_word(text: str, start: int, end: int) -> tuple[int, int]:
    """A connection string (`postgres://user:password@host/db`) whole, not just its
    password: out to the white space, quotes or brackets around it (and back to the `=`
    of `DATABASE_URL=...`)."""
    stops = " \t\r\n\"'<>()[]{}`"
    while start > 0 and text[start - 1] not in stops and text[start - 1] != "=":
        start -= 1
    while end < len(text) and text[end] not in stops:
        end += 1
    while end > start and text[end - 1] in ".,;:!?":
        end -= 1
    return start, end


# --- the rest ------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![\w-])")
_URL = (  # patterns in lower case run through _Folded
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


def _normal(term: str) -> str:
    return " ".join(term.lower().split())


def _trie_pattern(terms: list[str]) -> str:
    """One pattern for many terms, as a trie (Python's `re` tries the alternatives of
    `a|b|c` one by one at every position; a trie shares their prefixes), whole words only,
    in lower case (for _Folded), any white space between the words of a term."""
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
