"""Restoring an export never deletes what the file left out, and keeps the feed's UIDs."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar

from tests.conftest import Luck, workspace_state


def _workspace(luck: Luck) -> None:
    luck.ok("theme", "add", "Boring deploys")
    luck.ok("window", "add", "FY27 planning", "--on", "2026-12-10", "--recurrence", "yearly")
    luck.ok("promise", "add", "Ship the canary", "--to", "Dana", "--due", "fri")
    luck.ok("note", "add", "Auditors ask for the runbook index first", "--kind",
            "earned-secret")
    luck.ok("note", "add", "Spoke at the guild", "--kind", "year-in-public")
    luck.ok("note", "add", "Never promise a date before the spike", "--kind", "earned-secret")


def _notes(luck: Luck) -> list[tuple[str, str, str]]:
    return sorted((n["id"], n["kind"], n["body"]) for n in luck.json("note", "list"))


def test_replace_from_an_export_without_private_notes_keeps_them(luck: Luck,
                                                                  tmp_path: Path) -> None:
    _workspace(luck)
    shared = tmp_path / "shared.json"
    luck.ok("export", str(shared))  # earned secrets left out
    assert json.loads(shared.read_text())["private_included"] is False
    luck.ok("promise", "add", "Added after the export", "--to", "x", "--due", "+1w")
    luck.ok("note", "add", "Year note after the export", "--kind", "year-in-public")
    result = luck.ok("import", str(shared), "--replace")
    assert result.stdout.strip() == (
        f"imported 4 records from {shared}; kept 2 private notes the file left out (it was "
        "exported without --include-private)")
    assert _notes(luck) == [
        ("n1", "earned-secret", "Auditors ask for the runbook index first"),
        ("n2", "year-in-public", "Spoke at the guild"),
        ("n3", "earned-secret", "Never promise a date before the spike"),
    ]
    assert [p["what"] for p in luck.json("promise", "list")] == ["Ship the canary"]
    # the kept secrets are still found by search, privately
    hits = luck.json("search", "auditors")
    assert [h["id"] for h in hits] == ["n1"]
    # numbering carries on after every note ever numbered here (n4, the year note the
    # replace removed, is not given to another note)
    assert luck.ok("note", "add", "Next").stdout.startswith("added n5")


def test_replace_from_a_full_export_replaces_private_notes_too(luck: Luck,
                                                                tmp_path: Path) -> None:
    _workspace(luck)
    full = tmp_path / "full.json"
    luck.ok("export", str(full), "--include-private")
    luck.ok("note", "add", "A secret written after the backup", "--kind", "earned-secret")
    result = luck.ok("import", str(full), "--replace")
    assert result.stdout.strip() == f"imported 6 records from {full}"
    assert [b for _, _, b in _notes(luck)] == [
        "Auditors ask for the runbook index first", "Spoke at the guild",
        "Never promise a date before the spike"]


def test_a_file_whose_note_ids_clash_with_kept_secrets_is_refused(luck: Luck,
                                                                   tmp_path: Path) -> None:
    _workspace(luck)
    other = Luck(tmp_path / "other")
    other.ok("init")
    other.ok("note", "add", "A journal entry", "--kind", "journal")  # n1 there
    path = tmp_path / "other.json"
    other.ok("export", str(path))
    before = workspace_state(luck.home)
    assert luck.fails("import", str(path), "--replace") == (
        "luck: error: import: the file's note n1 has the id of a private note this "
        "workspace keeps (the file left private notes out); import an export made with "
        "--include-private, or import into a new workspace")
    assert workspace_state(luck.home) == before


def _uids(path: Path) -> list[str]:
    return sorted(str(e["UID"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_a_restored_workspace_publishes_the_same_event_uids(luck: Luck,
                                                            tmp_path: Path) -> None:
    _workspace(luck)
    before = tmp_path / "before.ics"
    luck.ok("feed", str(before))
    export = tmp_path / "backup.json"
    luck.ok("export", str(export), "--include-private")
    fresh = Luck(tmp_path / "fresh")
    fresh.ok("init")
    fresh.ok("import", str(export))
    after = tmp_path / "after.ics"
    fresh.ok("feed", str(after))
    assert _uids(after) == _uids(before) and _uids(before) != []
    # restored from standard input, and over a workspace that had published its own feed
    third = Luck(tmp_path / "third")
    third.ok("init")
    third.ok("feed", str(tmp_path / "own.ics"))
    third.ok("import", "-", "--replace", input=export.read_text())
    again = tmp_path / "again.ics"
    third.ok("feed", str(again))
    assert _uids(again) == _uids(before)


def test_an_unusable_workspace_id_is_refused(luck: Luck, tmp_path: Path) -> None:
    _workspace(luck)
    path = tmp_path / "x.json"
    luck.ok("export", str(path))
    data = json.loads(path.read_text())
    data["workspace_id"] = "../../etc; DROP"
    path.write_text(json.dumps(data))
    fresh = Luck(tmp_path / "fresh")
    fresh.ok("init")
    assert fresh.fails("import", str(path)) == (
        f"luck: error: {path}: \"workspace_id\" must be up to 64 letters, digits, - or _")
