"""Export and import: a lossless round trip (checked as a property), private notes left
out unless asked for, and imports that cannot be used import nothing."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luckos.app.exchange import export_data, import_data, read_export, write_export
from luckos.config import Config
from luckos.domain import records as r
from luckos.domain.people import STAKEHOLDER_ROLES
from luckos.domain.validate import refusals, validate
from luckos.errors import LuckError
from luckos.workspace import Workspace, init_workspace
from tests.conftest import Luck

NOW = dt.datetime(2026, 11, 25, 9, 30)
LATER = dt.datetime(2026, 11, 26, 18, 0)

# --- strategies -------------------------------------------------------------------------

# any text a person might type, in any script, including emoji and control characters
# (but NUL, which no field keeps)
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
text = st.text(_CHARS, max_size=24)
required_text = st.text(_CHARS, min_size=1, max_size=24)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))
maybe_dates = st.none() | dates
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
texts = st.lists(required_text, max_size=3).map(tuple)


def _promise(themes: list[int]) -> st.SearchStrategy[r.Promise]:
    return st.builds(
        r.Promise, what=required_text, to_whom=required_text, made_on=maybe_dates, due=dates,
        status=st.sampled_from(r.PROMISE_STATUSES), landed_on=maybe_dates,
        theme_id=st.sampled_from([None, *themes]), tags=texts, note=text)


def _window(themes: list[int]) -> st.SearchStrategy[r.Window]:
    return st.builds(
        r.Window, name=required_text, kind=st.sampled_from(r.WINDOW_KINDS), on=dates,
        recurrence=st.sampled_from(["", "yearly", "FREQ=MONTHLY;INTERVAL=4"]),
        prep_lead_days=st.integers(0, 365), needs_brief=st.booleans(), needs_demo=st.booleans(),
        docs=texts, theme_id=st.sampled_from([None, *themes]), note=text)


_THEME = st.builds(r.Theme, label=required_text, sentence=text, problem=text, bet=text,
                   milestone=text, blast_radius=text, pain=text, advantage=text, progress=text,
                   started_on=maybe_dates)
_SIGNAL = st.builds(r.Signal, who=required_text, what=required_text, on=maybe_dates,
                    escalated=st.booleans(), note=text)
_DECISION = st.builds(r.Decision, title=required_text, on=maybe_dates, options=texts,
                      choice=text, expected=text, indicators=texts,
                      confidence=st.none() | st.floats(0, 1), review_on=maybe_dates,
                      outcome=text, response=text)
_BENCH = st.builds(r.BenchEntry, person=required_text, action=st.sampled_from(r.BENCH_ACTIONS),
                   on=maybe_dates, artifact=text, bet=text, note=text)
_SPONSOR = st.builds(r.Sponsor, person=required_text, role=text, since=maybe_dates,
                     backs=text, note=text)
_NOTE = st.builds(r.Note, body=required_text, kind=st.sampled_from(r.NOTE_KINDS),
                  on=maybe_dates, title=text, tags=texts)
_PERSON = st.builds(r.Person, name=required_text, emails=texts, aliases=texts, note=text)
_ARTIFACT = st.builds(r.Artifact, title=required_text, kind=st.sampled_from(r.ARTIFACT_KINDS),
                      surface=st.sampled_from(r.SURFACES), on=maybe_dates, link=text, note=text)


def _valid(record: Any) -> bool:
    """Whether the CLI would take the record (the importer applies the same checks)."""
    return not refusals(validate(record, Config(), NOW.date()))


def _fill(ws: Workspace, data: st.DataObject) -> None:
    """Add records of every kind that the CLI would take, with references between them,
    then delete a few so that ids have gaps."""
    store = ws.store
    with store.transaction():
        themes = [store.add(t).id for t in data.draw(st.lists(_THEME, max_size=3))
                  if _valid(t)]
        for slot in data.draw(st.lists(st.sampled_from(r.METRIC_SLOTS), unique=True,
                                       max_size=3)) if themes else []:
            metric = store.add(r.Metric(theme_id=data.draw(st.sampled_from(themes)), slot=slot,
                                        name=data.draw(required_text), unit=data.draw(text),
                                        good=data.draw(st.sampled_from(["up", "down"]))))
            for month in data.draw(st.lists(dates.map(lambda d: d.isoformat()[:7]),
                                            unique=True, max_size=3)):
                store.add(r.Reading(metric_id=metric.id, month=month, value=data.draw(floats),
                                    narrative=data.draw(text)))
        for strategy, most in ((_promise(themes), 6), (_window(themes), 3), (_SIGNAL, 2),
                               (_DECISION, 3), (_BENCH, 2), (_SPONSOR, 2), (_NOTE, 5)):
            for record in data.draw(st.lists(strategy, max_size=most)):
                if _valid(record):
                    store.add(record)
        for artifact in data.draw(st.lists(_ARTIFACT, max_size=2)):
            added = store.add(artifact)
            for who in data.draw(st.lists(required_text, max_size=2)):
                testimonial = r.Testimonial(artifact_id=added.id, who=who,
                                            on=data.draw(maybe_dates),
                                            hours_saved=data.draw(st.none() | floats),
                                            quote=data.draw(text))
                if _valid(testimonial):
                    store.add(testimonial)
        people = [store.add(p).id for p in data.draw(st.lists(_PERSON, max_size=3))]
        windows = [w.id for w in store.all("window")]
        if people and windows:
            for window_id, person_id in data.draw(st.lists(
                    st.tuples(st.sampled_from(windows), st.sampled_from(people)),
                    unique=True, max_size=3)):
                store.add(r.Stakeholder(
                    window_id=window_id, person_id=person_id,
                    role=data.draw(st.sampled_from(STAKEHOLDER_ROLES)),
                    sponsor=data.draw(st.booleans()), brief_sent_on=data.draw(maybe_dates),
                    met_on=data.draw(maybe_dates), objection=data.draw(text),
                    objection_on=data.draw(maybe_dates), supports_on=data.draw(maybe_dates)))
        for name in ("promise", "note"):
            for record in store.all(name):
                if data.draw(st.booleans(), label=f"delete {name} {record.id}"):
                    store.delete(name, record.id)


def _without_time(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "exported_at"}


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_export_import_export_is_a_round_trip(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source, _ = init_workspace(Path(folder) / "source")
        target, _ = init_workspace(Path(folder) / "target")
        try:
            _fill(source, data)
            path = Path(folder) / "export.json"
            first = write_export(source, path, include_private=True, now=NOW)
            import_data(target, read_export(path), replace=False)
            second = export_data(target, include_private=True, now=LATER)
            assert second["exported_at"] != first["exported_at"]
            assert _without_time(second) == _without_time(first)
            # record for record, the restored workspace holds what the source held
            for name in r.KINDS:
                assert target.store.all(name) == source.store.all(name)
            assert target.store.integrity_ok()
        finally:
            source.close()
            target.close()


# --- through the command ----------------------------------------------------------------


def _some_records(luck: Luck) -> None:
    luck.ok("theme", "add", "Compliance paved road", "--sentence", "audits made boring")
    luck.ok("promise", "add", "Ship the evidence logger", "--to", "Aisha", "--due", "fri",
            "--theme", "t1", "--tag", "compliance")
    luck.ok("promise", "add", "Retire the approval spreadsheet", "--to", "Legal", "--due",
            "+2w")
    luck.ok("promise", "delete", "p1", "--yes")
    luck.ok("note", "add", "Regulators ask first for the runbook index", "--kind",
            "earned-secret")
    luck.ok("note", "add", "Spoke at the platform guild: 40 people", "--kind",
            "year-in-public")
    luck.ok("artifact", "add", "Approval template", "--kind", "runbook")
    luck.ok("artifact", "used", "a1", "--by", "Risk team", "--hours", "16")


def test_cli_round_trip_keeps_ids_and_carries_on_numbering(luck: Luck, tmp_path: Path) -> None:
    _some_records(luck)
    first_path, second_path = tmp_path / "first.json", tmp_path / "second.json"
    assert luck.ok("export", str(first_path), "--include-private").stdout.strip() == (
        f"exported 6 records to {first_path}")
    fresh = Luck(tmp_path / "fresh")
    fresh.ok("init")
    assert fresh.ok("import", str(first_path)).stdout.strip() == (
        f"imported 6 records from {first_path}")
    fresh.ok("export", str(second_path), "--include-private")
    first = json.loads(first_path.read_text(encoding="utf-8"))
    second = json.loads(second_path.read_text(encoding="utf-8"))
    assert _without_time(first) == _without_time(second)
    # p1 was deleted before the export: p2 keeps its number, and the next one is p3
    assert [p["id"] for p in fresh.json("promise", "list")] == ["p2"]
    assert fresh.ok("promise", "add", "Next", "--to", "x", "--due", "fri").stdout.startswith(
        "added p3")
    # the search index is rebuilt by the import
    assert [h["id"] for h in fresh.json("search", "evidence OR approval")] != []


def test_private_notes_are_left_out_unless_asked_for(luck: Luck, tmp_path: Path) -> None:
    _some_records(luck)
    path = tmp_path / "shared.json"
    result = luck.ok("export", str(path))
    assert result.stdout.strip() == (
        f"exported 5 records to {path}; 1 private note left out")
    raw = path.read_text(encoding="utf-8")
    assert "Regulators ask first" not in raw
    data = json.loads(raw)
    assert (data["private_included"], data["private_left_out"]) == (False, 1)
    assert [n["kind"] for n in data["records"]["note"]] == ["year-in-public"]
    assert not (tmp_path / "shared.json.partial").exists()

    full = tmp_path / "full.json"
    luck.ok("export", str(full), "--include-private")
    data = json.loads(full.read_text(encoding="utf-8"))
    assert (data["private_included"], data["private_left_out"]) == (True, 0)
    assert sorted(n["kind"] for n in data["records"]["note"]) == ["earned-secret",
                                                                  "year-in-public"]


def test_import_replace(luck: Luck, tmp_path: Path) -> None:
    _some_records(luck)
    path = tmp_path / "export.json"
    luck.ok("export", str(path))
    other = Luck(tmp_path / "other")
    other.ok("init")
    other.ok("promise", "add", "Something else", "--to", "x", "--due", "fri")
    other.ok("import", str(path), "--replace")
    assert [p["what"] for p in other.json("promise", "list")] == [
        "Retire the approval spreadsheet"]
    assert other.json("note", "list")[0]["kind"] == "year-in-public"


# --- imports that cannot be used ----------------------------------------------------------


def _export_of(ws: Workspace) -> dict[str, Any]:
    with ws.store.transaction():
        theme = ws.store.add(r.Theme(label="Cheap experiments"))
        ws.store.add(r.Promise(what="Template the test stacks", to_whom="Dan",
                               due=dt.date(2026, 12, 1), theme_id=theme.id))
    data = export_data(ws, include_private=True, now=NOW)
    return json.loads(json.dumps(data))


def _counts(ws: Workspace) -> dict[str, int]:
    return {name: ws.store.count(name) for name in r.KINDS}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("priority", "high", "records.promise[0] has an unknown field 'priority'"),
        ("due", 20261201, "records.promise[0].due is not an ISO date: 20261201"),
        ("tags", "a,b", "records.promise[0].tags must be a list of strings, not 'a,b'"),
        ("theme_id", "t1", "records.promise[0].theme_id must be an integer, not 't1'"),
        ("what", "", "records.promise[0] has no what"),
        ("id", 0, "records.promise[0].id must be a positive integer"),
        ("note", None, "records.promise[0].note must not be null"),
    ],
)
def test_an_unusable_record_imports_nothing(ws: Workspace, tmp_path: Path, field: str,
                                            value: Any, message: str) -> None:
    data = _export_of(ws)
    data["records"]["promise"][0][field] = value
    target, _ = init_workspace(tmp_path / "target")
    try:
        with pytest.raises(LuckError) as caught:
            import_data(target, data, replace=False)
        assert str(caught.value) == f"import: {message}"
        assert set(_counts(target).values()) == {0}
    finally:
        target.close()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"version": 2}, "export format version 2 is not supported"),
        ({"version": "1"}, "export format version '1' is not supported"),
        ({"format": "jrnl"}, "not a luckos export"),
        ({"records": []}, '"records" must be an object of record lists'),
    ],
)
def test_a_file_of_the_wrong_format_or_version_is_refused(ws: Workspace, tmp_path: Path,
                                                          change: dict, message: str) -> None:
    data = {**_export_of(ws), **change}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LuckError, match=message):
        read_export(path)
