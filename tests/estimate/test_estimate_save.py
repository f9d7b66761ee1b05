"""Saving a result and linking it to a theme, a decision window or a brief."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from luckos.app import estimate
from luckos.store import SCHEMA_VERSION
from luckos.workspace import open_workspace
from tests.conftest import Luck

TODAY = "2025-09-01"


def test_save_and_link_to_a_theme(luck, home: Path) -> None:
    assert luck("theme", "add", "Fast checkout").exit_code == 0
    assert luck("window", "add", "FY26 planning", "--on", "2025-10-01").exit_code == 0
    ran = luck("estimate", "cold-start", "--samples", "20000", "--save", "--theme", "t1",
               "--window", "w1", "--doc", "docs/brief-checkout.md", today=TODAY)
    assert ran.exit_code == 0, ran.stderr
    assert ran.stdout.endswith("\nsaved est1: Cold start to checkout revenue (linked to theme "
                               "t1, window w1, doc docs/brief-checkout.md)\n")

    ws = open_workspace(home)
    try:
        saved = estimate.for_theme(ws, 1)
        assert [x.id for x in saved] == [1]
        record = saved[0]
        assert record.name == "Cold start to checkout revenue"
        assert record.on == dt.date(2025, 9, 1)
        assert (record.theme_id, record.window_id) == (1, 1)
        assert record.doc == "docs/brief-checkout.md"
        assert record.output == "revenue" and record.unit == "$/qtr"
        assert record.samples == 20_000 and record.seed == 1
        assert record.p5 < record.p50 < record.p95
        assert 350_000 < record.mean < 450_000
        assert record.pitch.startswith("We can cut p95 cold-start from 1.8 s to 650 ms")
        assert record.model.startswith("# Priya's pitch")
        assert estimate.rough_math(record).endswith(
            "(est1: 20,000 samples, seed 1, 2025-09-01)")
        assert ws.store.schema_version() == SCHEMA_VERSION
    finally:
        ws.close()

    listed = luck("estimate", "list", "--theme", "t1", "--json")
    rows = json.loads(listed.stdout)
    assert [r["id"] for r in rows] == ["est1"]
    assert rows[0]["theme_id"] == "t1" and rows[0]["window_id"] == "w1"
    assert "model" not in rows[0]
    assert luck("theme", "add", "Quiet pager").exit_code == 0
    assert json.loads(luck("estimate", "list", "--theme", "t2", "--json").stdout) == []


def test_a_saved_estimate_runs_again_with_the_same_numbers(luck, home: Path) -> None:
    first = json.loads(luck("estimate", "cold-start", "--samples", "5000", "--seed", "42",
                            "--save", "--json").stdout)
    assert first["saved"] == "est1"
    again = json.loads(luck("estimate", "est1", "--json").stdout)
    assert again["samples"] == 5000 and again["seed"] == 42
    assert again["headline"] == first["headline"]
    assert again["pitch"] == first["pitch"]
    model = luck("estimate", "show", "est1", "--model").stdout
    assert model.startswith("# Priya's pitch") and "[formulas]" in model


def test_set_values_are_saved_in_the_model(luck, home: Path) -> None:
    ran = luck("estimate", "cold-start", "--samples", "5000", "--set", "p95_after=800 ms",
               "--save", "--name", "Cold start, cautious")
    assert ran.exit_code == 0, ran.stderr
    shown = luck("estimate", "show", "est1", "--json")
    data = json.loads(shown.stdout)
    assert data["name"] == "Cold start, cautious"
    assert 'p95_after = "800 ms"' in data["model"]
    assert "from 1.8 s to 800 ms" in data["pitch"]
    rerun = json.loads(luck("estimate", "est1", "--json").stdout)
    assert rerun["inputs"]["p95_after"]["mean"] == 800


def test_link_unlink_show_search_and_delete(luck, home: Path) -> None:
    luck("theme", "add", "Fast checkout")
    luck("theme", "add", "Quiet pager")
    assert luck("estimate", "outage-avoided", "--samples", "2000", "--save").exit_code == 0
    assert luck("estimate", "link", "est1", "--theme", "t2").stdout == "est1 is linked to t2\n"
    assert luck("estimate", "link", "est1", "--doc", "docs/brief.md").stdout == \
        "est1 is linked to t2, docs/brief.md\n"
    assert luck("estimate", "link", "est1", "--unlink", "--theme", "t1").stdout == \
        "est1 is linked to t1\n"
    nothing = luck("estimate", "link", "est1")
    assert nothing.exit_code == 2 and "nothing to change" in nothing.stderr
    assert (luck("estimate", "link", "est1", "--window", "w4").stderr
            == "luck: error: no window w4\n")

    shown = luck("estimate", "show", "est1")
    assert "  theme         t1\n" in shown.stdout
    assert "\nPitch\nA deploy window with automated canaries" in shown.stdout

    found = luck("search", "canaries", "--json")
    assert found.exit_code == 0
    assert "est1" in found.stdout

    listed = luck("estimate", "list")
    assert listed.stdout.splitlines()[1].split()[0] == "est1"
    deleted = luck("estimate", "delete", "est1", "--yes").stdout.splitlines()
    assert deleted[0] == "deleted est1: Outages avoided to dollars and on-call hours"
    assert deleted[1].startswith(f"saved to {home / 'deleted'}")
    assert luck("estimate", "show", "est1").stderr == "luck: error: no estimate est1\n"
    assert luck("estimate", "list").stdout.strip() == "(no saved estimates)"


def test_deleting_a_theme_keeps_the_estimate_unlinked(luck, home: Path) -> None:
    luck("theme", "add", "Fast checkout")
    luck("estimate", "blank", "--samples", "2000", "--save", "--theme", "t1")
    assert luck("theme", "delete", "t1", "--yes").exit_code == 0
    data = json.loads(luck("estimate", "show", "est1", "--json").stdout)
    assert data["theme_id"] is None


def test_export_and_import_carry_estimates(luck, home: Path, tmp_path: Path) -> None:
    luck("estimate", "toil-removed", "--samples", "2000", "--save")
    export = tmp_path / "export.json"
    assert luck("export", str(export)).exit_code == 0
    data = json.loads(export.read_text())
    assert [r["name"] for r in data["records"]["estimate"]] == ["Toil removed to engineer-hours"]

    other = tmp_path / "other"
    assert luck("--home", str(other), "init").exit_code == 0
    assert luck("--home", str(other), "import", str(export)).exit_code == 0
    connection = sqlite3.connect(other / "luck.db")
    try:
        row = connection.execute("SELECT name, output, unit FROM estimate").fetchone()
    finally:
        connection.close()
    assert row == ("Toil removed to engineer-hours", "hours_back", "hours/qtr")


def test_a_schema_2_workspace_gains_estimates_with_a_backup(tmp_path: Path) -> None:
    from importlib import resources

    from luckos.store.db import APPLICATION_ID

    home = tmp_path / "old"
    home.mkdir()
    (home / "luck.toml").write_text("")
    connection = sqlite3.connect(home / "luck.db")
    folder = resources.files("luckos.store.migrations")
    for name in ("0001_initial.sql", "0002_search.sql"):
        connection.executescript(folder.joinpath(name).read_text(encoding="utf-8"))
    connection.execute("INSERT INTO theme (label) VALUES ('Fast checkout')")
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 2")
    connection.commit()
    connection.close()

    ran = Luck(home)("estimate", "blank", "--samples", "1000", "--save", "--theme", "t1")
    assert ran.exit_code == 0, ran.stderr
    assert len(list(home.glob(f"luck.db.before-v{SCHEMA_VERSION}-*.bak"))) == 1
    connection = sqlite3.connect(home / "luck.db")
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("SELECT name, theme_id FROM estimate").fetchall() == [
            ("What the change is worth", 1)]
    finally:
        connection.close()
