"""`luck review --month`: the monthly consequence update."""

from __future__ import annotations

import pytest

from tests.conftest import Luck, workspace_state


@pytest.fixture
def themed(luck: Luck) -> Luck:
    luck.ok("theme", "add", "Faster cold-start", "--sentence", "We cut cold-start latency")
    luck.ok("metric", "add", "checkout conversion", "--theme", "t1", "--slot", "customer",
            "--unit", "%")
    luck.ok("metric", "add", "p95 cold start", "--theme", "t1", "--slot", "speed", "--unit",
            "ms", "--good", "down")
    for month, speed, customer in (("2026-08", 1200, 3.0), ("2026-09", 900, 3.3),
                                   ("2026-10", 800, 3.2)):
        luck.ok("metric", "read", "t1", "speed", str(speed), "--month", month,
                "--narrative", "It fell. Auth calls were consolidated.")
        luck.ok("metric", "read", "t1", "customer", str(customer), "--month", month,
                "--narrative", "It moved. Checkout got faster.")
    return luck


def test_month_recorded_with_flags_and_the_trend(themed: Luck) -> None:
    result = themed("review", "--month", "--speed", "650", "--speed-note",
                    "Cold start fell to 650 ms. Consolidating auth calls did it.",
                    "--customer", "3.6")
    assert result.exit_code == 0
    assert "m1 checkout conversion: no narrative: add two sentences on what moved and why " \
           "(--customer-note)" in result.stderr
    out = result.stdout
    assert out.startswith("recorded r7, r8 for 2026-11\nConsequence update, 2026-11\n")
    assert ("m2 p95 cold start: 650 ms (-150 since 2026-10, better)  █▄▃▁ better in 3 of the "
            "last 3 changes") in out
    assert ("m1 checkout conversion: 3.6 % (+0.4 since 2026-10, better)  ▁▄▃█ better in 2 of "
            "the last 3 changes") in out
    assert "(no metric: luck metric add NAME --theme t1 --slot reliability)" in out
    data = themed.json("review", "--month", "2026-11")
    speed = next(s for s in data["themes"][0]["slots"] if s["slot"] == "speed")
    assert (speed["reading"]["value"], speed["change"], speed["improving"]) == (650, -150, True)
    assert speed["trend"]["series"][0] == {"month": "2026-08", "value": 1200}
    customer = data["themes"][0]["slots"][0]
    assert customer["narrative_two_sentences"] is False
    # a note alone adds the narrative to the month's reading
    themed.ok("review", "--month", "--customer-note", "Conversion rose. Checkout is faster.")
    data = themed.json("review", "--month")
    assert data["themes"][0]["slots"][0]["narrative_two_sentences"] is True


def test_month_already_read_is_refused_and_nothing_changes(themed: Luck) -> None:
    before = workspace_state(themed.home)
    assert themed.fails("review", "--month", "2026-10", "--speed", "700", "--customer", "3") == (
        "luck: error: m1 already has a reading for 2026-10 (r6); change it with luck reading "
        "edit r6 --value N")
    assert themed.fails("review", "--month", "--reliability", "2") == (
        "luck: error: t1 has no reliability/safety metric yet: luck metric add NAME --theme t1 "
        "--slot reliability")
    assert themed.fails("review", "--speed", "700") == (
        "luck: error: --speed goes with --month (the consequence update)")
    assert workspace_state(themed.home) == before


def test_several_themes_need_theme(themed: Luck) -> None:
    themed.ok("theme", "add", "Cheap experiments")
    assert themed.fails("review", "--month", "--speed", "1") == (
        "luck: error: there are 2 themes (t1, t2): say which with --theme")
    themed.ok("review", "--month", "--theme", "t1", "--speed", "640")


def test_month_without_values_off_a_terminal_shows_what_is_missing(themed: Luck) -> None:
    out = themed.ok("review", "--month").stdout
    assert "m2 p95 cold start: no reading for 2026-11 (last 800 ms in 2026-10)" in out
    assert 'luck review --month 2026-11 --theme t1 --speed N --speed-note "two sentences"' in out


def test_month_asked_in_a_terminal(themed: Luck, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("luckos.cli.consequence.on_tty", lambda: True)
    answers = "3.7\nConversion rose again.\nThe faster checkout did it.\n\n"
    result = themed("review", "--month", input=answers)
    assert result.exit_code == 0, result.output
    data = themed.json("review", "--month")
    customer, _, speed = data["themes"][0]["slots"]
    assert customer["reading"]["value"] == 3.7
    assert customer["reading"]["narrative"] == ("Conversion rose again. The faster checkout "
                                                "did it.")
    assert speed["reading"] is None  # skipped with a blank answer
