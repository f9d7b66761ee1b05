"""Schedule norms as a short text to share: the maker day, no-meeting hours, office hours.

"Share your schedule norms and hold them": `luck calendar norms` prints this text, and
`luck calendar audit` reports each norm the calendar broke (`findings.norm_breaks`).
Pure: it reads the settings and writes Markdown.
"""

from __future__ import annotations

from typing import Any

from luckos.calendar.settings import CalendarSettings
from luckos.dates import WEEKDAYS


def _days(workdays: tuple[str, ...]) -> str:
    indexes = sorted(WEEKDAYS.index(d) for d in workdays)
    names = [WEEKDAYS[i].capitalize() for i in indexes]
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{names[0]} to {names[-1]}"
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def norms(maker_day: str, settings: CalendarSettings) -> dict[str, Any]:
    """The norms as data (what `--json` prints)."""
    return {
        "maker_day": maker_day,
        "no_meeting_hours": [s.text for s in settings.no_meeting_hours],
        "office_hours": [s.text for s in settings.office_hours],
        "working_hours": {"days": list(settings.workdays), "start": settings.work_start,
                          "end": settings.work_end, "timezone": settings.timezone or None},
    }


def norms_text(maker_day: str, settings: CalendarSettings) -> str:
    """The norms as Markdown to paste into a team page, a chat or an email signature."""
    maker = maker_day.capitalize()
    lines = ["## How I schedule", "",
             f"- **Maker day: {maker}.** I keep {maker}s free of meetings for deep work; "
             f"please book another day, or write to me."]
    for slot in settings.no_meeting_hours:
        lines.append(f"- **No meetings {slot.label()}.**")
    for slot in settings.office_hours:
        lines.append(f"- **Office hours: {slot.label()}.** Drop in with any question, no "
                     "booking needed.")
    zone = f" ({settings.timezone})" if settings.timezone else ""
    lines.append(f"- **Working hours:** {settings.work_start}-{settings.work_end}, "
                 f"{_days(settings.workdays)}{zone}.")
    return "\n".join(lines) + "\n"
