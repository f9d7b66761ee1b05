"""Themes: the naming test, two-sentence narratives, metric statuses; and the record
rules that go with them."""

from __future__ import annotations

import datetime as dt

import pytest

from luckos.config import Config, Thresholds
from luckos.domain import records as r
from luckos.domain import themes
from luckos.domain.records import Decision, Metric, Promise, Reading, Theme, Window
from luckos.domain.validate import refuse, validate
from luckos.errors import LuckError

D = dt.date.fromisoformat
TODAY = D("2026-11-25")


@pytest.mark.parametrize("label", ["Faster cold-start", "No Friday incidents",
                                   "Cheap experiments", "Compliance paved road"])
def test_essay_labels_pass_the_naming_test(label: str) -> None:
    assert themes.naming_test(label) is None


def test_a_four_word_label_fails_with_the_count() -> None:
    warning = themes.naming_test("Compliance paved road everywhere")
    assert warning is not None
    assert "has 4 words" in warning and "3 or fewer" in warning


def test_naming_test_follows_the_configured_limit() -> None:
    assert themes.naming_test("Compliance paved road everywhere", max_words=4) is None
    assert themes.naming_test("Cheap experiments", max_words=1) is not None


@pytest.mark.parametrize(
    ("narrative", "two"),
    [
        ("Drop-off fell 1.5%. Auth calls were consolidated.", True),
        ("Latency fell! Why? Caching.", True),
        ("Latency fell because of caching", False),
        ("p95 is 650 ms.", False),
        ("", False),
    ],
)
def test_two_sentences(narrative: str, two: bool) -> None:
    assert themes.two_sentences(narrative) is two


def _reading(rid: int, metric_id: int, month: str, value: float) -> Reading:
    return Reading(id=rid, metric_id=metric_id, month=month, value=value, narrative="")


def test_metric_statuses_hand_computed() -> None:
    theme = Theme(id=1, label="Faster cold-start")
    metrics = [
        Metric(id=1, theme_id=1, slot="customer", name="checkout drop-off", unit="%",
               good="down"),
        Metric(id=2, theme_id=1, slot="reliability", name="Friday pages", good="down"),
        Metric(id=9, theme_id=2, slot="speed", name="another theme's metric"),
    ]
    readings = [
        _reading(1, 1, "2026-09", 4.0),
        _reading(2, 1, "2026-11", 2.5),
        _reading(3, 1, "2026-10", 3.0),
        _reading(4, 2, "2026-10", 3.0),
        _reading(5, 2, "2026-09", 2.0),
    ]
    statuses = themes.metric_statuses([theme], metrics, readings)
    assert [s.slot for s in statuses] == ["customer", "reliability", "speed"]
    customer, reliability, speed = statuses
    # customer: latest 2026-11 (2.5), previous 2026-10 (3.0): -0.5, and down is good
    assert (customer.latest.id, customer.previous.id) == (2, 3)
    assert customer.change == pytest.approx(-0.5)
    assert customer.improving is True
    assert customer.stale("2026-11") is False
    # reliability: 2.0 -> 3.0 pages, up is worse; no reading for 2026-11: stale
    assert reliability.change == pytest.approx(1.0)
    assert reliability.improving is False
    assert reliability.stale("2026-11") is True
    # speed: not defined for this theme (m9 belongs to t2)
    assert speed.metric is None and speed.latest is None
    assert speed.change is None and speed.improving is None
    assert speed.stale("2026-11") is True


def test_no_change_is_neither_better_nor_worse() -> None:
    metric = Metric(id=1, theme_id=1, slot="speed", name="cost per query", good="down")
    statuses = themes.metric_statuses(
        [Theme(id=1, label="Cheap queries")], [metric],
        [_reading(1, 1, "2026-10", 5.0), _reading(2, 1, "2026-11", 5.0)])
    assert statuses[2].change == 0
    assert statuses[2].improving is None


# --- the record rules ---------------------------------------------------------------------


def test_theme_label_warning_comes_from_the_config() -> None:
    label = Theme(label="Compliance paved road everywhere", sentence="She makes audits dull.",
                  pain="audit weeks", advantage="wrote the controls", progress="one audit")
    assert len(refuse(validate(label, Config(), TODAY))) == 1
    roomy = Config(thresholds=Thresholds(theme_label_max_words=4))
    assert refuse(validate(label, roomy, TODAY)) == []


def test_theme_without_sentence_or_triangulation_is_warned() -> None:
    theme = Theme(label="Cheap queries", pain="cost per query")
    warnings = refuse(validate(theme, Config(), TODAY))
    assert warnings == [
        "no sentence: the one anyone can repeat when your name comes up (--sentence)",
        "triangulation unanswered: --advantage, --progress (real pain, unfair advantage, "
        "progress in a quarter that compounds for a year)"]


def test_reading_narrative_warnings() -> None:
    base = Reading(metric_id=1, month="2026-11", value=1.0)
    assert "no narrative" in refuse(validate(base, Config(), TODAY))[0]
    one = Reading(metric_id=1, month="2026-11", value=1.0, narrative="It fell.")
    assert "one sentence" in refuse(validate(one, Config(), TODAY))[0]
    two = Reading(metric_id=1, month="2026-11", value=1.0, narrative="It fell. Caching.")
    assert refuse(validate(two, Config(), TODAY)) == []


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (Promise(what="x", to_whom="y", made_on=D("2026-11-20"), due=D("2026-11-19")),
         "due date 2026-11-19 is before the promise was made"),
        (Promise(what="x", to_whom="y", made_on=D("2026-11-20"), due=D("2026-11-30"),
                 status="kept"),
         "a kept promise needs the date it ended"),
        (Promise(what="x", to_whom="y", made_on=D("2026-11-20"), due=D("2026-11-30"),
                 status="renegotiated", landed_on=D("2026-12-01")),
         "renegotiated after its due date is a miss"),
        (Window(name="w", on=D("2026-12-01"), prep_lead_days=-1),
         "prep-lead-days -1 is out of range"),
        (Decision(title="d", confidence=1.5), "confidence 1.5 is out of range"),
        (Decision(title="d", options=("a", "b"), choice="c"), "choice 'c' is not one of"),
        (Decision(title="d", on=D("2026-11-20"), review_on=D("2026-11-01")),
         "review date 2026-11-01 is before the decision"),
        (r.Testimonial(artifact_id=1, who="x", hours_saved=-2.0), "hours -2 is out of range"),
    ],
)
def test_records_that_make_no_sense_are_refused(record, message: str) -> None:
    with pytest.raises(LuckError, match=message):
        refuse(validate(record, Config(), TODAY))


def test_a_decision_without_review_date_is_warned_not_refused() -> None:
    warnings = refuse(validate(Decision(title="Adopt canaries"), Config(), TODAY))
    assert warnings == ["no review date: set one (--review) so the bet gets checked"]
