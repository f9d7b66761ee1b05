"""The starter library: each model runs, and its pitch speaks in the right units."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from luckos.estimate.model import parse_model
from luckos.estimate.simulate import simulate
from luckos.estimate.starters import starter, starters

MONEY = r"\$\d[\d.]*[kMB]?"

PITCHES = {
    "cold-start": [
        r"^We can cut p95 cold-start from 1\.8 s to 650 ms in two sprints",
        r"reduces checkout drop-off by ~1\.5% ",
        rf"\(≈{MONEY}/qtr; 90% interval {MONEY}–{MONEY}/qtr\)",
        r"≈\d+ hours/qtr of on-call time back\)\.$",
    ],
    "latency-revenue": [
        r"from 2\.4 s to 1\.8 s", r"by ~\d(\.\d)?% relative",
        rf"≈{MONEY}/yr in revenue \(90% interval {MONEY}–{MONEY}/yr\)",
        r"\d+% chance of beating \$5M/yr\.$",
    ],
    "outage-avoided": [
        r"avoid ~\d(\.\d)? incidents/qtr \(\d+% of \d(\.\d)? incidents per quarter\)",
        rf"≈{MONEY}/qtr of revenue", r"≈\d+ hours/qtr of on-call",
    ],
    "toil-removed": [
        r"≈\d+ hours/qtr of engineering time", r"≈\d(\.\d+)? engineers;",
        rf"worth ≈{MONEY}/yr", r"pays for itself in ≈\d+(\.\d)? weeks\.$",
    ],
    "cost-per-query": [
        rf"from {MONEY} per 1M queries to {MONEY} per 1M queries",
        r"at \d+M queries per month",
        rf"saves ≈{MONEY}/month \(90% interval {MONEY}–{MONEY}/month\), ≈{MONEY}/yr\.$",
    ],
    "cycle-time": [
        r"from \d+ to \d(\.\d)? days", r"≈\d+ experiments a quarter instead of \d+",
        r"\d+–\d+ experiments/qtr", rf"worth ≈{MONEY}/qtr",
    ],
    "blank": [rf"≈\d+ hours per month of work, worth ≈{MONEY}/month"],
}


def test_the_library_holds_the_issue_s_models() -> None:
    assert sorted(s.name for s in starters()) == sorted(PITCHES)
    assert all(s.title for s in starters())


@pytest.mark.parametrize("name", sorted(PITCHES))
def test_each_starter_runs_and_its_pitch_carries_units(name: str) -> None:
    model = parse_model(starter(name).text, f"{name}.toml")
    result = simulate(model, samples=20_000)
    assert "{" not in result.pitch and "}" not in result.pitch
    for pattern in PITCHES[name]:
        assert re.search(pattern, result.pitch), (pattern, result.pitch)
    assert result.headline.uncertain
    assert result.headline.p5 < result.headline.p50 < result.headline.p95
    assert result.sensitivity, "each starter says which inputs drive its headline"


def test_priya_s_vignette_is_reproduced() -> None:
    """"cut p95 cold-start from 1.8s → 650ms … reduces checkout drop-off ~1.5%
    (≈$400k/qtr)"."""
    result = simulate(parse_model(starter("cold-start").text, "cold-start.toml"))
    s = result.summaries
    assert s["p95_before"].mean == 1.8 and s["p95_before"].unit == "s"
    assert s["p95_after"].p50 == pytest.approx(650, abs=5)
    assert s["saved"].mean == pytest.approx(1150, abs=5)
    assert s["dropoff_cut"].unit == "%"
    assert s["dropoff_cut"].mean == pytest.approx(1.5, abs=0.05)
    revenue = s["revenue"]
    assert revenue.unit == "$/qtr"
    assert revenue.mean == pytest.approx(400_000, rel=0.03)
    assert 230_000 < revenue.p5 < 270_000
    assert 570_000 < revenue.p95 < 630_000
    assert "(≈$400k/qtr; 90% interval $250k–$600k/qtr)" in result.pitch
    assert result.sensitivity[0].name == "dropoff_per_second"


def test_new_copies_a_starter_to_edit(luck, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    ran = luck("estimate", "new", "cold-start")
    assert ran.exit_code == 0
    assert ran.stdout == ("wrote cold-start.toml: edit the inputs, then run "
                          "`luck estimate cold-start.toml`\n")
    assert (tmp_path / "cold-start.toml").read_text() == starter("cold-start").text
    again = luck("estimate", "new", "cold-start")
    assert again.exit_code == 2
    assert again.stderr == ("luck: error: cold-start.toml already exists (use --force to "
                            "replace it)\n")
    (tmp_path / "mine").mkdir()
    assert luck("estimate", "new", "toil-removed", "mine/toil.toml").exit_code == 0
    assert (tmp_path / "mine" / "toil.toml").read_text() == starter("toil-removed").text
    edited = (tmp_path / "mine" / "toil.toml").read_text().replace(
        '"8 to 12"', '"20 to 30"')
    (tmp_path / "mine" / "toil.toml").write_text(edited)
    assert luck("estimate", "new", "toil-removed", "mine/toil.toml", "--force").exit_code == 0
    assert '"8 to 12"' in (tmp_path / "mine" / "toil.toml").read_text()
    unknown = luck("estimate", "new", "colds-start")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("luck: error: no starter model 'colds-start' (starters: ")


def test_models_lists_the_starters(luck) -> None:
    ran = luck("estimate", "models")
    assert ran.exit_code == 0
    for item in starters():
        assert re.search(rf"^{re.escape(item.name)}\s+{re.escape(item.title)}$", ran.stdout,
                         re.MULTILINE)
