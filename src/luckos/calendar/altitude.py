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
from luckos.config import ALTITUDES, CalendarSettings

UNCLASSIFIED = "unclassified"
ORDER = (*ALTITUDES, UNCLASSIFIED)


@dataclasses.dataclass(frozen=True, slots=True)
class Placement:
    altitude: str
    rule: str  # e.g. 'title keyword "incident"'


def keyword_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of `words` as whole words."""
    parts = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    if not parts:
        return None
    alternatives = "|".join(re.escape(p) for p in parts)
    return re.compile(rf"(?<![\w/-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


class Classifier:
    """Places events by the settings' rules; each event is placed once."""

    def __init__(self, settings: CalendarSettings, me: frozenset[str]) -> None:
        self._patterns = [(a, keyword_pattern(settings.keywords(a))) for a in ALTITUDES]
        self._domains = dict(settings.domains)
        self._external = settings.external_altitude
        self._large = settings.large_meeting_people
        self._me = me
        self._own_domains = {address.rpartition("@")[2] for address in me}
        self._cache: dict[int, Placement] = {}

    def place(self, event: Event) -> Placement:
        found = self._cache.get(id(event))
        if found is None:
            found = self._place(event)
            self._cache[id(event)] = found
        return found

    def _place(self, event: Event) -> Placement:
        organizer_domain = event.organizer.rpartition("@")[2]
        if organizer_domain and self._domains:
            for domain, altitude in self._domains.items():
                if organizer_domain == domain or organizer_domain.endswith("." + domain):
                    return Placement(altitude, f"organizer domain {domain}")
        for field, text in (("title", event.title), ("description", event.description)):
            if not text:
                continue
            for altitude, pattern in self._patterns:
                match = pattern.search(text) if pattern is not None else None
                if match:
                    return Placement(altitude, f'{field} keyword "{match.group().lower()}"')
        if (self._external and self._own_domains and organizer_domain
                and organizer_domain not in self._own_domains):
            return Placement(self._external, f"external organizer ({organizer_domain})")
        if self._large and event.people(self._me) >= self._large:
            return Placement("business", f"{self._large}+ people")
        return Placement(UNCLASSIFIED, "no rule matched")
