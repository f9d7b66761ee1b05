"""Deleting a record others depend on: the prompt says what else goes, --dry-run shows it,
and the file written first lets `luck import` add everything back, links included."""

from __future__ import annotations

import json
import sqlite3
import stat
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from luckos.app import deletes
from luckos.app.exchange import import_data, read_export
from luckos.domain.dependents import links_to
from luckos.domain.records import KINDS
from luckos.workspace import init_workspace
from tests.conftest import Luck, workspace_state
from tests.test_exchange import NOW, _fill


def _theme_with_dependents(luck: Luck) -> None:
    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("theme", "add", "Paved road")
    luck.ok("metric", "add", "p95 start", "--theme", "t1", "--slot", "speed", "--unit", "ms")
    luck.ok("metric", "add", "Tickets", "--theme", "t1", "--slot", "customer")
    luck.ok("metric", "add", "Audit hours", "--theme", "t2", "--slot", "speed")
    for month, value in (("2026-09", "800"), ("2026-10", "700"), ("2026-11", "650")):
        luck.ok("metric", "read", "t1", "speed", value, "--month", month,
                "--narrative", "Cache warmed. Fewer misses.")
    luck.ok("metric", "read", "t1", "customer", "12", "--month", "2026-11")
    luck.ok("metric", "read", "t2", "speed", "30", "--month", "2026-11")
    luck.ok("artifact", "add", "Cold-start design", "--kind", "design-doc", "--theme", "t1")
    luck.ok("artifact", "add", "Startup talk", "--kind", "talk", "--theme", "t1")
    luck.ok("artifact", "add", "Audit runbook", "--kind", "runbook", "--theme", "t2")
    luck.ok("artifact", "used", "a1", "--by", "Payments", "--hours", "8")
    luck.ok("promise", "add", "Cut start to 500 ms", "--to", "Dana", "--due", "fri",
            "--theme", "t1")


def _export(luck: Luck, path: Path) -> dict:
    luck.ok("export", str(path), "--include-private")
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("exported_at")
    return data


def _saved_file(stdout: str) -> Path:
    line = next(x for x in stdout.splitlines() if x.startswith("saved to "))
    return Path(line.removeprefix("saved to ").split(";")[0].split(" (")[0])


def test_delete_says_what_goes_and_import_puts_it_all_back(luck: Luck, tmp_path: Path) -> None:
    _theme_with_dependents(luck)
    before = _export(luck, tmp_path / "before.json")

    declined = luck("theme", "delete", "t1", input="n\n")
    assert declined.exit_code == 1
    assert ("delete t1: Faster cold-start, and 2 metrics, 4 readings; "
            "unlink 1 promise, 2 artifacts? [y/N]") in declined.stdout
    assert _export(luck, tmp_path / "declined.json") == before

    result = luck.ok("theme", "delete", "t1", input="y\n")
    assert ("deleted t1: Faster cold-start, and 2 metrics, 4 readings; "
            "unlinked 1 promise, 2 artifacts") in result.stdout
    saved = _saved_file(result.stdout)
    assert saved.parent == luck.home / "deleted"
    assert saved.name.endswith("-t1.json")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert f"`luck import {saved}` adds it back" in result.stdout

    # gone: the theme, its metrics and their readings; the artifacts stay, unlinked
    assert [t["id"] for t in luck.json("theme", "list")] == ["t2"]
    assert [m["id"] for m in luck.json("metric", "list")] == ["m3"]
    assert [r["id"] for r in luck.json("reading", "list")] == ["r5"]
    assert {a["id"]: a["theme_id"] for a in luck.json("artifact", "list")} == {
        "a1": None, "a2": None, "a3": "t2"}
    assert luck.json("promise", "list")[0]["theme_id"] is None
    assert [u["id"] for u in luck.json("testimonial", "list")] == ["u1"]

    restored = luck.ok("import", str(saved))
    assert restored.stdout.strip() == f"imported 7 records from {saved}"
    assert _export(luck, tmp_path / "after.json") == before

    # a second import of the same file adds nothing
    assert luck.fails("import", str(saved)) == (
        "luck: error: import: t1 is in the workspace already; nothing was imported")


def test_dry_run_shows_and_changes_nothing(luck: Luck) -> None:
    _theme_with_dependents(luck)
    state = workspace_state(luck.home)
    result = luck.ok("theme", "delete", "t1", "--dry-run")
    assert result.stdout == ("would delete t1: Faster cold-start, and 2 metrics, 4 readings; "
                             "unlink 1 promise, 2 artifacts\n")
    assert workspace_state(luck.home) == state
    # a deleted artifact takes its testimonials with it
    assert luck.ok("artifact", "delete", "a1", "--dry-run").stdout == (
        "would delete a1: Cold-start design, and 1 testimonial\n")
    # nothing depends on it: the record alone
    assert luck.ok("metric", "delete", "m3", "--dry-run").stdout == (
        "would delete m3: Audit hours, and 1 reading\n")


def test_a_deleted_successor_is_linked_again_on_import(luck: Luck) -> None:
    luck.ok("promise", "add", "Ship the runbook", "--to", "Dana", "--due", "2026-12-04")
    luck.ok("promise", "renegotiate", "p1", "--due", "2026-12-18")
    result = luck.ok("promise", "delete", "p2", "--yes")
    assert result.stdout.startswith("deleted p2: Ship the runbook; unlinked 1 promise\n")
    assert luck.json("promise", "show", "p1")["renegotiated_to"] is None
    luck.ok("import", str(_saved_file(result.stdout)))
    assert luck.json("promise", "show", "p1")["renegotiated_to"] == "p2"


def test_a_deleted_private_note_is_kept_on_this_machine_and_said_so(luck: Luck) -> None:
    luck.ok("note", "add", "Regulators read the runbook index first", "--kind",
            "earned-secret")
    result = luck.ok("note", "delete", "n1", "--yes")
    assert "(with 1 private note: the file stays on this machine)" in result.stdout
    saved = _saved_file(result.stdout)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["private_included"] is True
    assert data["records"]["note"][0]["body"] == "Regulators read the runbook index first"
    luck.ok("import", str(saved))
    assert luck.json("note", "show", "n1")["private"] is True


def test_a_delete_file_is_not_a_replacement(luck: Luck) -> None:
    luck.ok("theme", "add", "Paved road")
    saved = _saved_file(luck.ok("theme", "delete", "t1", "--yes").stdout)
    assert luck.fails("import", str(saved), "--replace") == (
        "luck: error: import: this file holds what a delete removed; import it without "
        "--replace to add it back")


def test_what_goes_with_a_record_is_what_the_schema_deletes(luck: Luck) -> None:
    """The field descriptions (required reference: deleted with its target; optional:
    cleared) say what the schema's foreign keys do."""
    db = sqlite3.connect(luck.db)
    try:
        from_schema = {
            (table, row[3], row[2]): row[6] == "CASCADE"
            for table in KINDS
            for row in db.execute(f'PRAGMA foreign_key_list("{table}")')
            if row[6] in ("CASCADE", "SET NULL")
        }
    finally:
        db.close()
    from_fields = {(link.kind, link.field, link.target): link.cascade
                   for target in KINDS for link in links_to(target)}
    assert from_fields == from_schema
    assert from_fields[("reading", "metric_id", "metric")] is True
    assert from_fields[("artifact", "theme_id", "theme")] is False


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_any_delete_is_undone_by_importing_its_file(data: st.DataObject) -> None:
    """Whatever is deleted, with whatever depended on it, the file the delete wrote puts
    the workspace back record for record."""
    with tempfile.TemporaryDirectory() as folder:
        ws, _ = init_workspace(Path(folder) / "ws")
        try:
            _fill(ws, data)
            held = [(name, record.id) for name in KINDS for record in ws.store.all(name)]
            assume(held)
            name, rid = data.draw(st.sampled_from(held), label="deleted")
            before = {kind: ws.store.all(kind) for kind in KINDS}
            plan = deletes.plan(ws, KINDS[name], rid)
            path = deletes.delete(ws, plan, NOW)
            assert ws.store.get(name, rid) is None
            import_data(ws, read_export(path), replace=False)
            assert {kind: ws.store.all(kind) for kind in KINDS} == before
            assert ws.store.integrity_ok()
        finally:
            ws.close()


def test_a_deleted_record_comes_back_as_it_was_even_dated_ahead(luck: Luck) -> None:
    """A record stored with a date later than today (confirmed on a terminal, or written
    on a machine whose clock ran ahead) is put back by the delete's file as it was."""
    luck.ok("win", "Keynote at the platform guild", today="2026-12-01")
    saved = _saved_file(luck.ok("note", "delete", "n1", "--yes").stdout)
    luck.ok("import", str(saved))
    assert luck.json("note", "show", "n1")["on"] == "2026-12-01"
