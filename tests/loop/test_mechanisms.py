"""The essay's remaining mechanisms, each through `luck`: what is recorded, what the
review asks for until it is filled in, and what `luck check` and stay-or-move read."""

from __future__ import annotations

from typing import Any

from conftest import Luck


def asks(luck: Luck, topic: str, today: str = "2026-11-25") -> list[dict[str, Any]]:
    data = luck.json("review", today=today)
    return [a for a in data["asks"] if a["topic"] == topic]


# --- the misses as learning --------------------------------------------------------------


def test_promise_miss_records_the_lesson_and_the_review_asks_for_a_missing_one(
        luck: Luck) -> None:
    luck.ok("promise", "add", "Ship the runbook", "--to", "Dana", "--due", "2026-11-20",
            "--on", "2026-11-01")
    luck.ok("promise", "add", "Review the RFC", "--to", "Omar", "--due", "2026-11-21",
            "--on", "2026-11-01")
    out = luck.ok("promise", "miss", "p1", "--lesson", "Say the risk on day one.").stdout
    assert out == "p1 missed: Ship the runbook\n"
    out = luck.ok("promise", "miss", "p2").stdout  # piped: not asked, told
    assert "no lesson yet: the review asks for it (luck promise edit p2 --lesson TEXT)" in out
    assert luck.json("promise", "show", "p1")["lesson"] == "Say the risk on day one."
    assert [a["ref"] for a in asks(luck, "lesson")] == ["p2"]
    review = luck.ok("review").stdout
    assert "Asked of you" in review and "write the lesson" in review
    luck.ok("promise", "edit", "p2", "--lesson", "Block review time on Mondays.")
    assert asks(luck, "lesson") == []
