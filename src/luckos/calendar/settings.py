"""The `[calendar]` table of `luck.toml`: how `luck calendar audit` reads a calendar.

Every default is written down here, in one place; `luckos.config` reads the table
through `calendar_settings` and adds `CALENDAR_TOML` to the default `luck.toml`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from luckos.dates import WEEKDAYS, weekday_name
from luckos.errors import LuckError

ALTITUDES = ("code", "system", "business")


@dataclasses.dataclass(frozen=True)
class Slot:
    """A stretch of the week a norm covers: some weekdays (none: every workday), local
    times from `start` to `end` ("12:00", "13:00")."""

    days: tuple[str, ...]
    start: str
    end: str

    @property
    def minutes(self) -> tuple[int, int]:
        return _minutes(self.start), _minutes(self.end)

    @property
    def text(self) -> str:
        """As written in luck.toml: "friday 13:00-17:00", "12:00-13:00"."""
        days = ",".join(self.days)
        return f"{days} {self.start}-{self.end}" if days else f"{self.start}-{self.end}"

    def label(self) -> str:
        """For people: "12:00-13:00 every workday", "Fridays 13:00-17:00"."""
        if not self.days:
            return f"{self.start}-{self.end} every workday"
        names = [d.capitalize() + "s" for d in self.days]
        days = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"{days} {self.start}-{self.end}"


@dataclasses.dataclass(frozen=True)
class CalendarSettings:
    """How `luck calendar audit` reads a calendar. Every default is here."""

    timezone: str = ""  # IANA zone of days and working hours; "" = the file's own zone
    me: tuple[str, ...] = ()  # your addresses: declines are read from their PARTSTAT
    workdays: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday")
    work_start: str = "09:00"
    work_end: str = "17:00"
    maker_block_hours: float = 2.0  # free time this long inside working hours: a maker block
    maker_day_hours: float = 4.0  # the maker day is kept when it holds a free block this long
    fragment_minutes: int = 60  # free gaps shorter than this are too short to work in
    switch_cost_minutes: int = 15  # what one change of altitude between meetings costs
    cluster_min_saved: int = 2  # a mixed day is worth clustering if it saves this many switches
    status_min_people: int = 5  # recurring, this many people, no agenda/doc/decision: theater
    preread_min_people: int = 3  # meetings this large should carry a pre-read link
    focus_keywords: tuple[str, ...] = ("focus", "focus time", "maker", "deep work",
                                       "heads down", "no meetings")
    away_keywords: tuple[str, ...] = ("ooo", "out of office", "vacation", "holiday", "pto",
                                      "leave", "sick")
    agenda_words: tuple[str, ...] = ("agenda", "topics", "to discuss")
    decision_words: tuple[str, ...] = ("decide", "decision", "decisions", "approve",
                                       "approval", "sign-off", "go/no-go")
    link_ignore_domains: tuple[str, ...] = (
        "meet.google.com", "support.google.com", "zoom.us", "teams.microsoft.com",
        "teams.live.com", "aka.ms", "webex.com", "whereby.com", "chime.aws",
        "calendar.google.com", "outlook.office365.com", "outlook.office.com")
    # the essay's altitudes: code (the craft: design, reliability, performance, correctness),
    # system (APIs, roadmaps, dependencies, safety, observability, CI/CD, incident response),
    # business (customers, unit economics, risk, regulatory context, the quarterly plan)
    code_keywords: tuple[str, ...] = ("code review", "pairing", "pair programming", "debug",
                                      "debugging", "refactor", "bug bash", "pull request",
                                      "pr review", "code walkthrough", "performance",
                                      "correctness", "reliability", "tech design")
    system_keywords: tuple[str, ...] = ("api", "apis", "roadmap", "dependency", "dependencies",
                                        "safety", "observability", "ci/cd", "incident",
                                        "incidents", "post-mortem", "postmortem", "on-call",
                                        "oncall", "architecture", "platform", "migration",
                                        "sprint", "interface", "sre", "rfc", "infrastructure")
    business_keywords: tuple[str, ...] = ("customer", "customers", "unit economics", "revenue",
                                          "pricing", "sales", "risk", "regulatory",
                                          "compliance", "legal", "quarterly", "qbr", "okr",
                                          "okrs", "budget", "planning", "forecast",
                                          "headcount", "exec", "board", "strategy", "partner")
    large_meeting_people: int = 15  # a meeting this large is business altitude (0 = off)
    external_altitude: str = "business"  # organizer outside your domains ("" = off)
    domains: tuple[tuple[str, str], ...] = ()  # organizer domain -> altitude
    # "plateau when they only live at one altitude": more than this share of classified
    # meeting hours at one altitude is a finding
    altitude_max_share: float = 0.7
    # schedule norms ([calendar.norms]); the maker day is `maker_day` at the top of luck.toml
    no_meeting_hours: tuple[Slot, ...] = ()
    office_hours: tuple[Slot, ...] = ()

    def keywords(self, altitude: str) -> tuple[str, ...]:
        return getattr(self, f"{altitude}_keywords")  # type: ignore[no-any-return]

    @property
    def work_minutes(self) -> tuple[int, int]:
        return _minutes(self.work_start), _minutes(self.work_end)

    @property
    def workday_indexes(self) -> frozenset[int]:
        return frozenset(WEEKDAYS.index(day) for day in self.workdays)


_CALENDAR_NUMBERS: dict[str, tuple[type, float, float]] = {
    "maker_block_hours": (float, 0.5, 12),
    "maker_day_hours": (float, 0.5, 12),
    "fragment_minutes": (int, 5, 240),
    "switch_cost_minutes": (int, 0, 120),
    "cluster_min_saved": (int, 1, 20),
    "status_min_people": (int, 2, 1000),
    "preread_min_people": (int, 2, 1000),
    "large_meeting_people": (int, 0, 10000),
    "altitude_max_share": (float, 0.34, 1),
}
_CALENDAR_WORD_LISTS = ("focus_keywords", "away_keywords", "agenda_words", "decision_words",
                        "link_ignore_domains")


def calendar_settings(raw: Any, where: str = "luck.toml") -> CalendarSettings:
    """Validate the `[calendar]` table (and its `[calendar.altitude]` rules)."""
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [calendar] must be a table")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        label = f"{where}: calendar.{key}"
        if key == "altitude":
            values.update(_altitude_rules(value, where))
        elif key == "norms":
            values.update(_norms(value, where))
        elif key in _CALENDAR_NUMBERS:
            kind, low, high = _CALENDAR_NUMBERS[key]
            number_ok = isinstance(value, int | float) and not isinstance(value, bool)
            if kind is int and not isinstance(value, int):
                number_ok = False
            if not number_ok or not low <= value <= high:
                raise LuckError(f"{label} = {value!r} is out of range ({low:g} to {high:g})")
            values[key] = kind(value)
        elif key in _CALENDAR_WORD_LISTS:
            values[key] = _words(value, label)
        elif key == "me":
            values[key] = tuple(_address(a, label) for a in _words(value, label))
        elif key == "workdays":
            days = _words(value, label)
            if not days:
                raise LuckError(f"{label} must name at least one weekday")
            values[key] = tuple(weekday_name(d, f"calendar.{key}", where) for d in days)
        elif key in ("work_start", "work_end"):
            if not isinstance(value, str):
                raise LuckError(f"{label} = {value!r} is not a time such as \"09:00\"")
            _minutes(value, label)
            values[key] = value
        elif key == "timezone":
            values[key] = _zone_name(value, label)
        else:
            raise LuckError(f"{where}: unknown calendar setting {key!r}")
    settings = CalendarSettings(**values)
    start, end = settings.work_minutes
    if start >= end:
        raise LuckError(f"{where}: calendar.work_start must come before calendar.work_end")
    if settings.maker_day_hours < settings.maker_block_hours:
        raise LuckError(f"{where}: calendar.maker_day_hours must be at least "
                        "calendar.maker_block_hours")
    return settings


def _altitude_rules(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [calendar.altitude] must be a table")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        label = f"{where}: calendar.altitude.{key}"
        if key in ALTITUDES:
            values[f"{key}_keywords"] = _words(value, label)
        elif key == "large_meeting_people":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10000:
                raise LuckError(f"{label} = {value!r} is out of range (0 to 10000)")
            values[key] = value
        elif key == "external":
            if value not in ("", *ALTITUDES):
                raise LuckError(f"{label} = {value!r} is not one of code, system, business "
                                "or \"\"")
            values["external_altitude"] = value
        elif key == "domains":
            if not isinstance(value, dict):
                raise LuckError(f"{label} must be a table of domain = altitude")
            pairs = []
            for domain, altitude in value.items():
                if altitude not in ALTITUDES:
                    raise LuckError(f"{label}.{domain} = {altitude!r} is not one of code, "
                                    "system, business")
                pairs.append((domain.lower().lstrip("@"), altitude))
            values["domains"] = tuple(pairs)
        else:
            raise LuckError(f"{where}: unknown altitude setting {key!r}")
    return values


def _norms(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [calendar.norms] must be a table")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        label = f"{where}: calendar.norms.{key}"
        if key not in ("no_meeting_hours", "office_hours"):
            raise LuckError(f"{where}: unknown norm {key!r} (the norms are no_meeting_hours, "
                            "office_hours, and maker_day at the top of luck.toml)")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LuckError(f"{label} must be a list such as [\"12:00-13:00\", "
                            "\"friday 14:00-17:00\"]")
        values[key] = tuple(slot(v, label) for v in value)
    return values


def slot(text: str, label: str = "slot") -> Slot:
    """Read "12:00-13:00", "friday 13:00-17:00" or "tuesday,thursday 15:00-16:00"."""
    parts = text.strip().lower().split()
    if len(parts) not in (1, 2) or parts[-1].count("-") != 1:
        raise LuckError(f"{label}: {text!r} is not a time range such as \"12:00-13:00\" or "
                        "\"friday 13:00-17:00\"")
    days: list[str] = []
    if len(parts) == 2:
        for word in parts[0].replace(",", " ").split():
            day = next((d for d in WEEKDAYS if d == word or d[:3] == word), None)
            if day is None:
                raise LuckError(f"{label}: {word!r} in {text!r} is not a weekday name")
            if day not in days:
                days.append(day)
    start, end = parts[-1].split("-")
    low, high = _minutes(start, label), _minutes(end, label)
    if low >= high:
        raise LuckError(f"{label}: {text!r} ends before it starts")
    return Slot(tuple(days), start, end)


def _words(value: Any, label: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LuckError(f"{label} must be a list of non-empty strings")
    return tuple(v.strip().lower() for v in value)


def _address(value: str, label: str) -> str:
    address = value.removeprefix("mailto:")
    if "@" not in address or " " in address:
        raise LuckError(f"{label}: {value!r} is not an email address")
    return address


def _minutes(text: str, label: str = "time") -> int:
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise LuckError(f"{label} = {text!r} is not a time such as \"09:00\"")
    total = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or total > 24 * 60:
        raise LuckError(f"{label} = {text!r} is not a time of day")
    return total


def _zone_name(value: Any, label: str) -> str:
    if not isinstance(value, str):
        raise LuckError(f"{label} = {value!r} is not a time zone name")
    if value:
        from luckos.calendar.zones import iana, not_a_zone

        if iana(value) is None:
            raise LuckError(not_a_zone(value, f"{label} ="))
    return value


_CALENDAR_COMMENTS = {
    "timezone": "IANA zone for days and working hours (\"\" = the calendar's own zone)",
    "me": "your addresses, e.g. [\"you@example.com\"]; declines are read from these",
    "workdays": "the days working hours apply to",
    "work_start": "working hours (local time): maker blocks and gaps are found inside",
    "work_end": "",
    "maker_block_hours": "contiguous free time this long is a maker block",
    "maker_day_hours": "the maker day is kept when it holds a free block this long",
    "fragment_minutes": "free gaps shorter than this are fragments: too short to work in",
    "switch_cost_minutes": "what one change of altitude between meetings costs you",
    "cluster_min_saved": "a mixed day is worth clustering when it saves this many switches",
    "status_min_people": "recurring, this many people, no agenda, doc or decision: theater",
    "preread_min_people": "meetings this large should carry a pre-read link",
    "focus_keywords": "titles of protected focus (maker) blocks",
    "away_keywords": "titles of all-day events that take you out of the office",
    "agenda_words": "a description with one of these (or a list) has an agenda",
    "decision_words": "a description with one of these names a decision",
    "link_ignore_domains": "links to these are video calls or help pages, not documents",
    "altitude_max_share": "more than this share of classified meeting hours at one altitude "
                          "is a finding",
}
_ALTITUDE_COMMENTS = {
    "code": "keywords in the title (then the description) that place a meeting",
    "system": "",
    "business": "",
    "large_meeting_people": "meetings at least this large are business altitude (0 = off)",
    "external": "meetings organized outside your domains (\"\" = off)",
    "domains": "organizer domain = altitude, e.g. {\"sre.example.com\" = \"system\"}",
}


def _toml_value(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value)
    items = [_toml_value(v) for v in value]
    rows, row = [], ""
    for item in items:
        if row and len(row) + len(item) + 2 > 88:
            rows.append(row)
            row = ""
        row = f"{row}, {item}" if row else item
    rows.append(row)
    if len(rows) == 1:
        return f"[{rows[0]}]"
    return "[\n" + "".join(f"    {r},\n" for r in rows) + "]"


def _calendar_toml() -> str:
    """The `[calendar]` part of DEFAULT_TOML, written from the defaults above."""
    defaults = CalendarSettings()
    lines = ["", "[calendar]"]

    def add(key: str, value: Any, comment: str) -> None:
        text = f"{key} = {_toml_value(value)}"
        if not comment:
            lines.append(text)
        elif "\n" in text or len(text) + len(comment) > 96:
            lines.extend((f"# {comment}", text))
        else:
            lines.append(f"{text.ljust(25)} # {comment}")

    for key, comment in _CALENDAR_COMMENTS.items():
        add(key, getattr(defaults, key), comment)
    lines += ["", "# altitude rules; the first that matches decides: organizer domains, title "
              "keywords,", "# description keywords, external organizer, meeting size",
              "[calendar.altitude]"]
    for key, comment in _ALTITUDE_COMMENTS.items():
        if key in ALTITUDES:
            add(key, defaults.keywords(key), comment)
        elif key == "external":
            add(key, defaults.external_altitude, comment)
        elif key == "domains":
            add(key, (), comment)
            lines[-1] = lines[-1].replace("domains = []", "domains = {}")
        else:
            add(key, getattr(defaults, key), comment)
    lines += ["", "# schedule norms to share (luck calendar norms) and hold (luck calendar "
              "audit);", "# the maker day is maker_day above", "[calendar.norms]",
              "no_meeting_hours = []    # e.g. [\"12:00-13:00\", \"friday 14:00-17:00\"]",
              "office_hours = []        # e.g. [\"thursday 15:00-16:00\"]"]
    return "\n".join(lines) + "\n"


CALENDAR_TOML = _calendar_toml()
