"""One altitude only, and schedule norms: set in luck.toml, printed to share with `luck
calendar norms`, and held by `luck calendar audit` (a finding per broken norm, with its
hours). The week is the hand-computed one of test_calendar_cli."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.calendar_audit.test_calendar_cli import HAND_WEEK, WEEK

NORMS = ('[calendar.norms]\nno_meeting_hours = ["11:00-12:00", "monday 10:00-11:00"]\n'
         'office_hours = ["tuesday 10:00-11:00", "friday 10:00-11:00"]\n')


def test_the_hand_week_lives_at_three_altitudes_and_breaks_the_maker_day(luck,
                                                                         write) -> None:  # type: ignore[no-untyped-def]
    data = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK, "--json").json()
    balance = data["findings"]["altitudes"]
    assert balance["hours"] == {"code": 1.5, "system": 0.5, "business": 1.0}
    assert (balance["dominant"], balance["business_absent"], balance["finding"]) == (
        None, False, False)
    # the 1:1 with Alex, 13:00-13:30 on Wednesday, the maker day: half an hour a week
    assert data["findings"]["norm_breaks"] == [{
        "norm": "maker-day", "when": "Wednesday", "hours": 0.5, "hours_per_quarter": 6.5,
        "days": 1, "of_days": 1, "meetings": ["1:1 with Alex"]}]
    out = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK).stdout
    assert ("6. Altitude mix: 3.0 h of classified meetings: code 50%, system 17%, business "
            "33%; none holds over 70%.") in out
    assert "7. Hold your schedule norms: 1 of 1 broken, 6.5 h of meetings" in out


def test_each_broken_norm_is_a_finding_with_its_hours(luck, write, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "luck.toml").write_text(NORMS, encoding="utf-8")
    data = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK, "--json").json()
    found = {(b["norm"], b["when"]): (b["hours"], b["days"], b["of_days"], b["meetings"])
             for b in data["findings"]["norm_breaks"]}
    assert found == {
        ("maker-day", "Wednesday"): (0.5, 1, 1, ["1:1 with Alex"]),
        # Monday's pairing 11:00-11:30; Thursday's meetings were declined or cancelled
        ("no-meeting-hours", "11:00-12:00 every workday"): (0.5, 1, 4, ["Pairing on auth"]),
        ("no-meeting-hours", "Mondays 10:00-11:00"): (0.5, 1, 1, ["Incident review"]),
        ("office-hours", "Tuesdays 10:00-11:00"): (1.0, 1, 1, ["Weekly sync"]),
        # Friday's quick sync sits in the office hours, but Friday was a vacation day
    }
    out = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK).stdout
    assert "7. Hold your schedule norms: 4 of 5 broken, 32.5 h of meetings" in out
    assert "office hours  Tuesdays 10:00-11:00" in out


def test_an_office_hours_event_does_not_break_its_own_office_hours(luck, write,
                                                                   home: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.calendar_audit.conftest import NEW_YORK_VTIMEZONE, event, ics

    (home / "luck.toml").write_text('maker_day = "friday"\n[calendar.norms]\n'
                                    'office_hours = ["thursday 15:00-16:00"]\n',
                                    encoding="utf-8")
    week = ics(event("oh", "20250206T150000", "20250206T160000", "Office hours",
                     people=("alex@example.com",)),
               event("rv", "20250213T153000", "20250213T163000", "Roadmap review",
                     people=("alex@example.com",)),
               header="X-WR-TIMEZONE:America/New_York", zones=NEW_YORK_VTIMEZONE)
    data = luck("calendar", "audit", str(write(week)), "--from", "2025-02-03", "--to",
                "2025-02-16", "--json").json()
    assert [(b["norm"], b["hours"], b["days"], b["of_days"], b["meetings"])
            for b in data["findings"]["norm_breaks"]] == [
        ("office-hours", 0.5, 1, 2, ["Roadmap review"])]


def test_one_altitude_only_is_a_finding(luck, write, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "luck.toml").write_text(
        '[calendar.altitude]\ncode = ["code review", "pairing", "incident", "customer"]\n',
        encoding="utf-8")
    data = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK, "--json").json()
    balance = data["findings"]["altitudes"]
    assert (balance["dominant"], balance["business_absent"]) == ("code", True)
    out = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK).stdout
    assert ("6. Live at more than one altitude: code holds 100% of 3.0 h of classified "
            "meetings: code 100%, system 0%, business 0% (over 70%); no business altitude "
            "at all.") in out


def test_no_business_altitude_is_a_finding_even_when_none_dominates(luck, write,
                                                                    home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "luck.toml").write_text(
        '[calendar]\naltitude_max_share = 0.8\n[calendar.altitude]\nbusiness = ["qbr"]\n'
        'external = ""\n', encoding="utf-8")
    data = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK, "--json").json()
    balance = data["findings"]["altitudes"]
    assert balance["hours"] == {"code": 1.5, "system": 0.5, "business": 0.0}
    assert (balance["dominant"], balance["business_absent"]) == (None, True)
    out = luck("calendar", "audit", str(write(HAND_WEEK)), *WEEK).stdout
    assert "6. Go up to business altitude: none of 2.0 h of classified meetings" in out


def test_norms_print_as_a_text_to_share(luck, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "luck.toml").write_text(
        'maker_day = "thursday"\n[calendar]\ntimezone = "Europe/Paris"\n' + NORMS,
        encoding="utf-8")
    result = luck("calendar", "norms")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "## How I schedule\n\n"
        "- **Maker day: Thursday.** I keep Thursdays free of meetings for deep work; please "
        "book another day, or write to me.\n"
        "- **No meetings 11:00-12:00 every workday.**\n"
        "- **No meetings Mondays 10:00-11:00.**\n"
        "- **Office hours: Tuesdays 10:00-11:00.** Drop in with any question, no booking "
        "needed.\n"
        "- **Office hours: Fridays 10:00-11:00.** Drop in with any question, no booking "
        "needed.\n"
        "- **Working hours:** 09:00-17:00, Monday to Friday (Europe/Paris).\n")
    data = luck("calendar", "norms", "--json").json()
    assert data["maker_day"] == "thursday"
    assert data["no_meeting_hours"] == ["11:00-12:00", "monday 10:00-11:00"]


@pytest.mark.parametrize("toml, message", [
    ('[calendar.norms]\nno_meeting_hours = ["noon"]\n', "'noon' is not a time range"),
    ('[calendar.norms]\noffice_hours = ["funday 10:00-11:00"]\n',
     "'funday' in 'funday 10:00-11:00' is not a weekday name"),
    ('[calendar.norms]\nno_meeting_hours = ["13:00-12:00"]\n', "ends before it starts"),
    ('[calendar.norms]\nno_meeting_hours = "12:00-13:00"\n', "must be a list"),
    ('[calendar.norms]\nlunch = []\n',
     "[calendar.norms] lunch: unknown setting (known: no_meeting_hours, office_hours)"),
    ('[calendar]\naltitude_max_share = 0.2\n',
     "[calendar] altitude_max_share: must be a number between 0.34 and 1, got 0.2"),
])
def test_bad_norms_are_refused_by_every_command_that_reads_them(luck, write, home: Path,
                                                                toml, message) -> None:  # type: ignore[no-untyped-def]
    (home / "luck.toml").write_text(toml, encoding="utf-8")
    for args in (("calendar", "norms"), ("calendar", "audit", str(write(HAND_WEEK)), *WEEK)):
        result = luck(*args)
        assert result.exit_code == 2
        assert message in result.stderr
        assert len(result.stderr.splitlines()) == 1
