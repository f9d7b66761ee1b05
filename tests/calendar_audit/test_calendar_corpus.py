"""The audit on public ICS test calendars (tests/calendar_corpus, see its SOURCES.md):
the test files of icalendar, ical4j, ical.js and libical, valid and broken.

Each file is audited over 2025-2026; when the audit is refused because its events lie
elsewhere, over the days the refusal suggests. No file may end in a traceback or hang
(a worker silent for two minutes is killed); a refusal is one line (under --json, the
message of the error object on stdout, nothing on stderr); a
suggested window must hold events; and every accepted file's occurrence count must be
what icalendar + recurring-ical-events count over the same window (where they can read
the file at all).
"""

from __future__ import annotations

from pathlib import Path

from tests.calendar_audit.corpus_worker import corpus_files, run_corpus


def test_every_public_test_calendar_is_audited_or_refused_in_one_line(tmp_path: Path) -> None:
    files = corpus_files()
    assert len(files) > 300
    rows = run_corpus(files, tmp_path / "home")
    assert sorted(str(r["file"]) for r in rows) == sorted(str(f) for f in files)
    broken = []
    for row in rows:
        err = str(row["stderr"])
        if row["exit"] == 0:
            ok = err == ""
        elif row["exit"] == 2:
            refusal = str(row["refusal"])
            ok = err == "" and refusal != "" and len(refusal.splitlines()) == 1
        else:  # a traceback, a hang or a dead worker
            ok = False
        if not ok:
            broken.append((row["file"], row["exit"], err[-500:]))
    assert broken == []
    suggested = [r for r in rows if r["suggested"]]
    assert [r["file"] for r in suggested if r["exit"] != 0] == []
    accepted = [r for r in rows if r["exit"] == 0]
    compared = [r for r in accepted if "reference" in r]
    mismatches = [(r["file"], r["window"], r["occurrences"], r["reference"], r["skipped"])
                  for r in compared if r["occurrences"] != r["reference"]]
    assert mismatches == []
    # the corpus really exercises the comparison: most accepted files are compared
    assert len(compared) > 100
    assert sum(int(r["occurrences"]) for r in compared) > 1000  # type: ignore[call-overload]
