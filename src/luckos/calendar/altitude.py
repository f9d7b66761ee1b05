"""Which altitude a meeting lives at (code, system, business), and which rule said so.

The rules come from `[calendar.altitude]` in luck.toml and are tried in order; the first
that matches decides: the organizer's domain, keywords in the title, keywords in the
description, an organizer outside your own domains, the size of the meeting. A meeting
no rule places is `unclassified`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from luckos.calendar.events import Event
from luckos.calendar.settings import ALTITUDES, CalendarSettings
from luckos.domain.fields import ValueBase

UNCLASSIFIED = "unclassified"
ORDER = (*ALTITUDES, UNCLASSIFIED)


@dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)
class Placement(ValueBase):
    """The altitude a meeting was placed at, and the rule that placed it."""

    altitude: str
    rule: str  # e.g. 'title keyword "incident"'


def _alternatives(words: Iterable[str]) -> str:
    parts = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    if not parts:
        return ""
    return rf"(?<![\w/-])(?:{'|'.join(re.escape(p) for p in parts)})(?![\w-])"


class Keywords:
    """Any of some words or phrases, found as whole words whatever their case."""

    def __init__(self, words: Iterable[str]) -> None:
        alternatives = _alternatives(words)
        # lower-casing the text beats an IGNORECASE pattern several times over
        self._pattern = re.compile(alternatives) if alternatives else None
        self._seen: dict[str, str | None] = {}  # titles and descriptions repeat a lot

    def search(self, text: str) -> str | None:
        """The first of the words in `text` (lower case), or None."""
        if self._pattern is None or not text:
            return None
        if text in self._seen:
            return self._seen[text]
        match = self._pattern.search(text.lower())
        found = self._seen[text] = match.group() if match else None
        return found


def keyword_pattern(words: Iterable[str]) -> Keywords:
    return Keywords(words)


def _altitude_pattern(settings: CalendarSettings) -> re.Pattern[str] | None:
    """One pattern for every altitude's keywords, a named group per altitude, so that a
    (lower-cased) text is scanned once."""
    groups = []
    for altitude in ALTITUDES:
        alternatives = _alternatives(settings.keywords(altitude))
        if alternatives:
            groups.append(f"(?P<{altitude}>{alternatives})")
    return re.compile("|".join(groups)) if groups else None


class Classifier:
    """Places events by the settings' rules; each event is placed once."""

    def __init__(self, settings: CalendarSettings, me: frozenset[str]) -> None:
        self._pattern = _altitude_pattern(settings)
        self._domains = dict(settings.domains)
        self._external = settings.external_altitude
        self._large = settings.large_meeting_people
        self._me = me
        self._own_domains = {address.rpartition("@")[2] for address in me}
        self._cache: dict[int, Placement] = {}
        self._texts: dict[str, tuple[str, str] | None] = {}

    def place(self, event: Event) -> Placement:
        found = self._cache.get(id(event))
        if found is None:
            found = self._place(event)
            self._cache[id(event)] = found
        return found

    def _keyword(self, text: str) -> tuple[str, str] | None:
        """(altitude, keyword) of the first altitude, in order, with a keyword in `text`."""
        if not text or self._pattern is None:
            return None
        if text in self._texts:
            return self._texts[text]
        found: dict[str, str] = {}
        for match in self._pattern.finditer(text.lower()):
            found.setdefault(match.lastgroup or "", match.group())
            if ALTITUDES[0] in found:
                break
        result = next(((a, found[a]) for a in ALTITUDES if a in found), None)
        self._texts[text] = result
        return result

    def _place(self, event: Event) -> Placement:
        organizer_domain = event.organizer.rpartition("@")[2]
        if organizer_domain and self._domains:
            for domain, altitude in self._domains.items():
                if organizer_domain == domain or organizer_domain.endswith("." + domain):
                    return Placement(altitude, f"organizer domain {domain}")
        for field, text in (("title", event.title), ("description", event.description)):
            found = self._keyword(text)
            if found is not None:
                return Placement(found[0], f'{field} keyword "{found[1]}"')
        if (self._external and self._own_domains and organizer_domain
                and organizer_domain not in self._own_domains):
            return Placement(self._external, f"external organizer ({organizer_domain})")
        if self._large and event.people(self._me) >= self._large:
            return Placement("business", f"{self._large}+ people")
        return Placement(UNCLASSIFIED, "no rule matched")
