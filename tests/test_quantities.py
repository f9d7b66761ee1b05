"""Numbers typed with their unit, in the forms the tool prints them."""

from __future__ import annotations

import pytest

from luckos.domain.quantities import HOURS, SHARE, parse_quantity
from luckos.errors import LuckError
from tests.conftest import Luck


@pytest.mark.parametrize("text, unit, value", [
    ("700", "ms", 700.0),
    ("700 ms", "ms", 700.0),
    ("700ms", "ms", 700.0),
    ("7.2%", "%", 7.2),
    ("$400k", "$", 400_000.0),
    ("$18,500", "$", 18_500.0),  # as quantity() prints dollars
    ("$1.2M", "$", 1_200_000.0),
    ("400 $/month", "$/month", 400.0),
    ("-3 pages", "pages", -3.0),
    ("70%", SHARE, 0.7),
    ("0.7", SHARE, 0.7),
    ("2h", HOURS, 2.0),
    ("90m", HOURS, 1.5),
    ("1.5 hours", HOURS, 1.5),
    ("45 min", HOURS, 0.75),
    ("3", HOURS, 3.0),
])
def test_forms_accepted(text: str, unit: str, value: float) -> None:
    assert parse_quantity(text, unit) == pytest.approx(value)


@pytest.mark.parametrize("text, unit, message", [
    ("700 s", "ms", "invalid value '700 s': in s, not ms"),
    ("7 ms", "", "invalid value '7 ms': in ms, but it takes a plain number"),
    ("seven", "ms", "invalid value 'seven': expected a number in ms"),
    ("1.2.3", "", "invalid value '1.2.3': expected a number"),
    ("2 days", HOURS, "invalid value '2 days': expected hours such as 2, 2h or 90m"),
    ("70 pts", SHARE, "invalid value '70 pts': expected a share such as 0.7 or 70%"),
])
def test_forms_refused(text: str, unit: str, message: str) -> None:
    with pytest.raises(LuckError) as caught:
        parse_quantity(text, unit)
    assert str(caught.value) == message


@pytest.fixture
def metrics(luck: Luck) -> Luck:
    luck.ok("theme", "add", "Faster cold-start")
    luck.ok("metric", "add", "p95 start", "--theme", "t1", "--slot", "speed", "--unit", "ms")
    luck.ok("metric", "add", "drop-off", "--theme", "t1", "--slot", "customer", "--unit", "%")
    luck.ok("metric", "add", "revenue kept", "--theme", "t1", "--slot", "reliability",
            "--unit", "$")
    return luck


def test_metric_read_takes_the_value_as_shown(metrics: Luck) -> None:
    assert metrics.ok("metric", "read", "t1", "speed", "700 ms", "--month", "2026-10",
                      "--narrative", "It fell. Caching.").stdout == (
        "added r1: m1 2026-10 = 700 ms\n")
    assert metrics.ok("metric", "read", "t1", "customer", "7.2%", "--month",
                      "2026-10").stdout == "added r2: m2 2026-10 = 7.2%\n"
    assert metrics.ok("metric", "read", "t1", "reliability", "$400k", "--month",
                      "2026-10").stdout == "added r3: m3 2026-10 = $400,000\n"
    assert [r["value"] for r in metrics.json("reading", "list")] == [400000.0, 7.2, 700.0]
    assert metrics.fails("metric", "read", "t1", "speed", "0.7 s") == (
        "luck: error: invalid value '0.7 s': in s, not ms")
    assert metrics.fails("reading", "edit", "r1", "--value", "7%") == (
        "luck: error: invalid value '7%': in %, not ms")
    metrics.ok("reading", "edit", "r1", "--value", "690ms")
    assert metrics.json("reading", "show", "r1")["value"] == 690.0
    assert metrics.fails("review", "--month", "--speed", "650 s") == (
        "luck: error: invalid --speed '650 s': in s, not ms")
    metrics.ok("review", "--month", "--speed", "650 ms", "--speed-note", "It fell. Caching.")
    assert metrics.json("reading", "list", "--metric", "m1")[0]["value"] == 650.0


def test_confidence_as_a_percentage_and_hours_in_minutes(luck: Luck) -> None:
    assert luck.json("decision", "add", "Adopt canaries", "--confidence", "70%",
                     "--review", "+4w")["confidence"] == 0.7
    assert luck.fails("decision", "add", "Go", "--confidence", "170%") == (
        "luck: error: confidence 1.7 is out of range (0 to 1)")
    assert luck.json("glue", "add", "Onboarding", "--hours", "90m")["hours"] == 1.5
    luck.ok("artifact", "add", "Runbook", "--kind", "runbook")
    assert luck.json("artifact", "used", "a1", "--by", "Ops", "--hours", "2h")[
        "hours"] == 2.0
    assert luck.fails("glue", "add", "Reviews", "--hours", "2 days") == (
        "luck: error: invalid hours '2 days': expected hours such as 2, 2h or 90m")


def test_review_month_asks_again_on_a_bad_value(metrics: Luck,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("luckos.cli.consequence.on_tty", lambda: True)
    # customer: a word, then the wrong unit, then right; reliability skipped; speed in ms
    answers = ("seven\n7 ms\n7.4%\nDrop-off fell. Faster first paint.\n"
               "\n"
               "640 ms\nIt fell. Warm pools.\n")
    result = metrics("review", "--month", input=answers)
    assert result.exit_code == 0, result.output
    assert "invalid value 'seven': expected a number in %; try again" in result.stderr
    assert "invalid value '7 ms': in ms, not %; try again" in result.stderr
    values = {r["metric_id"]: r["value"] for r in metrics.json("reading", "list")}
    assert values == {"m2": 7.4, "m1": 640.0}


def test_review_month_asks_nothing_about_a_future_month(metrics: Luck,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("luckos.cli.consequence.on_tty", lambda: True)
    result = metrics("review", "--month", "2026-12", input="640 ms\n")
    assert result.exit_code == 2
    assert result.stderr == ("luck: error: --month 2026-12 is in the future (this month is "
                             "2026-11); use this month or an earlier one\n")
    assert "p95 start" not in result.stdout  # no question was asked
