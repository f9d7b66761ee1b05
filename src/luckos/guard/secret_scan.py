"""Secrets in a text, found by detect-secrets' plugins run in-process.

detect-secrets costs about 0.13 s to import (most of it `requests`), so it is imported
the first time a text is scanned, never when luckos starts. Its plugins run on the lines
that could hold a secret, joined into one text (one pass per pattern, not one per
line), and their own patterns give the positions.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from luckos.guard.folded import Folded

# Not secrets: a public IP address says nothing private.
_SKIPPED_PLUGINS = frozenset({"Public IP (ipv4)"})
_MIN_ENTROPY_LENGTH = 16  # quoted random-looking strings shorter than this are not keys


@functools.cache
def _plugins() -> tuple[Any, ...]:
    from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class

    mapping: dict[str, Any] = get_mapping_from_secret_type_to_class()
    return tuple(plugin() for secret_type, plugin in sorted(mapping.items())
                 if secret_type not in _SKIPPED_PLUGINS)


def find(text: str, folded: Folded) -> list[tuple[int, int, str]]:
    """Where the secrets are: (start, end, the detector's name), the longest first (a
    whole PEM block or connection string before the pieces inside it)."""
    from detect_secrets.plugins.base import RegexBasedDetector
    from detect_secrets.plugins.high_entropy_strings import HighEntropyStringsPlugin
    from detect_secrets.plugins.keyword import KeywordDetector

    view = _CandidateLines(text, folded)
    if not view.text:
        return []
    found: list[tuple[int, int, str]] = []
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
                found.append((start, end, kind))
    return sorted(found, key=lambda s: (s[0] - s[1], s[0]))


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

    def __init__(self, text: str, folded: Folded) -> None:
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
    for hint in Folded(text).finditer(_keyword_hint()):
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
