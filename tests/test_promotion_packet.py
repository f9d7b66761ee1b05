"""A promotion window is ready only when its packet is: `luck packet --for promotion
--check` finds a packet for the last 12 months with every claim backed ("that list is
your résumé inside the company")."""

from __future__ import annotations

from tests.conftest import Luck

TODAY = "2026-11-25"


def _window(luck: Luck) -> dict:
    [row] = [o for o in luck.json("window", "upcoming", today=TODAY) if o["window"]["id"] == "w1"]
    return row


def test_a_promotion_window_waits_for_a_packet_with_every_claim_backed(luck: Luck) -> None:
    # prep due 2026-11-24 (a week before): the window is in its prep
    luck.ok("window", "add", "Staff promotion committee", "--kind", "promotion", "--on",
            "2026-12-01", "--no-brief", "--no-demo", today=TODAY)
    # nothing recorded yet: no packet can be built
    row = _window(luck)
    assert (row["state"], row["missing"]) == ("late", ["packet (nothing to put in it yet)"])
    # a decision with no outcome is a claim without evidence, as --check says
    luck.ok("decision", "add", "Move checkout to one token exchange", "--on", "2026-06-01",
            today=TODAY)
    checked = luck("packet", "--for", "promotion", "--check", today=TODAY)
    assert checked.exit_code == 1
    assert "1 of 1 claims have no evidence behind them" in checked.stdout
    row = _window(luck)
    assert row["missing"] == ["packet (1 of 1 claims without evidence)"]
    broken = luck("check", "--only", "window-prep", today=TODAY)
    assert broken.exit_code == 1 and "packet (1 of 1 claims without evidence)" in broken.stdout
    # the outcome recorded, every claim is backed: the window is ready
    luck.ok("decision", "close", "d1", "--outcome", "Cold starts fell to 600 ms",
            today=TODAY)
    assert luck("packet", "--for", "promotion", "--check", today=TODAY).exit_code == 0
    row = _window(luck)
    assert (row["state"], row["missing"]) == ("ready", [])
    assert luck("check", "--only", "window-prep", today=TODAY).exit_code == 0


def test_other_windows_do_not_ask_for_a_packet(luck: Luck) -> None:
    luck.ok("window", "add", "FY27 planning", "--kind", "planning", "--on", "2026-12-10",
            "--no-brief", "--no-demo", today=TODAY)
    luck.ok("decision", "add", "Move checkout to one token exchange", "--on", "2026-06-01",
            today=TODAY)
    row = _window(luck)
    assert (row["state"], row["missing"]) == ("ready", [])


def test_the_window_counts_the_claims_as_the_packet_does(luck: Luck) -> None:
    # a metric read only before the packet's year is a claim without evidence; the window
    # names the same counts as `luck packet --for promotion --check`
    luck.ok("window", "add", "Staff promotion committee", "--kind", "promotion", "--on",
            "2026-12-01", "--no-brief", "--no-demo", today=TODAY)
    luck.ok("theme", "add", "Faster cold-start", today=TODAY)
    luck.ok("metric", "add", "p95 cold start", "--theme", "t1", "--slot", "speed", today=TODAY)
    luck.ok("metric", "add", "checkout drop-off", "--theme", "t1", "--slot", "customer",
            today=TODAY)
    luck.ok("metric", "read", "t1", "speed", "900", "--month", "2024-05", today=TODAY)
    luck.ok("metric", "read", "t1", "customer", "4", "--month", "2024-05", today=TODAY)
    luck.ok("metric", "read", "t1", "customer", "3", "--month", "2026-09", today=TODAY)
    checked = luck("packet", "--for", "promotion", "--check", today=TODAY)
    assert "1 of 2 claims have no evidence behind them" in checked.stdout
    assert _window(luck)["missing"] == ["packet (1 of 2 claims without evidence)"]
