"""`luck check` applies the essay's own measures, not only warnings at entry: a
paragraph for each diagnosis answer, two sentences for a monthly reading's narrative,
and a 90-day reboot that ends before week 12 only with a reason."""

from __future__ import annotations

from tests.conftest import Luck
from tests.loop.test_loop_check import PARAGRAPH, _theme_with_metrics, only, refs


def test_one_word_diagnosis_answers_break_the_check(luck: Luck) -> None:
    luck.ok("diagnose", "--problem", "Latency.", "--funders", PARAGRAPH, "--proof", "Docs.",
            "--on", "2026-11-20")
    code, r = only(luck, "diagnosis-age")
    assert (code, r["state"]) == (1, "broken")
    assert r["finding"] == "the diagnosis dg1 has 2 answers that are not a paragraph: " \
        "answer 1, answer 3"
    assert [i["text"].split(":")[0] for i in r["items"]] == ["answer 1 (problem)",
                                                               "answer 3 (proof)"]
    luck.ok("diagnose", "--problem", PARAGRAPH, "--funders", PARAGRAPH, "--proof", PARAGRAPH,
            "--on", "2026-11-21")
    code, r = only(luck, "diagnosis-age")
    assert (code, r["state"]) == (0, "ok")
    assert r["finding"] == "the diagnosis dg2 is 4 days old, a paragraph each"


def test_one_sentence_reading_narrative_breaks_the_monthly_check(luck: Luck) -> None:
    _theme_with_metrics(luck)
    for slot, value in (("customer", "3.1"), ("reliability", "4"), ("speed", "900")):
        luck.ok("metric", "read", "t1", slot, value, "--month", "2026-11",
                "--narrative", "It moved. Here is why.")
    luck.ok("reading", "edit", "r2", "--narrative", "Fewer pages")
    code, r = only(luck, "metric-readings")
    assert (code, r["state"]) == (1, "broken")
    assert refs(r) == ["r2"]
    assert "one-sentence narrative" in r["items"][0]["text"]


def test_reboot_post_mortem_before_week_twelve_needs_a_reason(luck: Luck) -> None:
    luck.ok("reboot", "start", "--on", "2026-10-26")  # 2026-11-25 is in week 5
    assert luck.fails("reboot", "postmortem", "Done.") == (
        "luck: error: 2026-11-25 is in week 5 of 12: a post-mortem before week 12 needs "
        "the reason it ends early (--why)")
    assert luck.json("reboot", "status")["reboot"]["ended_on"] is None  # still running
    luck.ok("reboot", "postmortem", "Done.", "--why", "the reorg moved the deadline")
    code, r = only(luck, "reboot")
    assert (code, r["state"]) == (0, "not_checked")


def test_reboot_ended_early_by_an_edit_breaks_the_check(luck: Luck) -> None:
    luck.ok("reboot", "start", "--on", "2026-10-26")
    luck.ok("reboot", "postmortem", "Done.", "--why", "the reorg")
    luck.ok("reboot", "edit", "rb1", "--note", "")  # the reason is gone
    code, r = only(luck, "reboot")
    assert (code, r["state"]) == (1, "broken")
    assert r["finding"] == "rb1 ended in week 5 of 12 with no reason given"
    assert refs(r) == ["rb1"]
