"""`luck check`'s thresholds: each invariant's one-line rule and the limits it takes.

`luckos.settings` declares a `[check]` setting for each (`on`, and each threshold), so
that luck.toml, `luck config show` and the check itself read the same numbers.
"""

from __future__ import annotations

from typing import Any

# `luck check`: each invariant's one-line rule and its thresholds, name -> (default, lowest,
# highest). An int default takes whole numbers only. The defaults live here and nowhere else.
CHECK_INVARIANTS: dict[str, tuple[str, dict[str, tuple[Any, Any, Any]]]] = {
    "window-prep": ("a window within its prep lead has its two-pager and demo", {}),
    "brief-lints": ("that two-pager lints clean (needs the doc linter)", {}),
    "promise-overdue": ("no open promise past its due date (+ grace_days)",
                        {"grace_days": (0, 0, 90)}),
    "metric-readings": ("each theme metric read this month, with a narrative (last month's "
                        "counts for grace_days)",
                        {"grace_days": (7, 0, 27)}),
    "explore-loop": ("an explore entry, a talk, a paper reproduction or teardown, each "
                     "within its days",
                     {"entry_days": (31, 7, 366), "talk_days": (92, 7, 366),
                      "paper_days": (92, 7, 366)}),
    "maker-day": ("the maker day not broken `weeks` weeks running (calendar audit)",
                  {"weeks": (3, 1, 52)}),
    "glue-ratio": ("glue that unlocks nothing not above max_ratio of week_hours `weeks` "
                   "weeks running",
                   {"max_ratio": (0.2, 0.0, 1.0), "weeks": (3, 1, 52),
                    "week_hours": (40, 1, 100)}),
    "decision-review": ("no decision past its review date (+ grace_days) without outcome",
                        {"grace_days": (0, 0, 90)}),
    "project-kill-review": ("no project past its kill review (default: default_weeks in) "
                            "without an outcome",
                            {"grace_days": (0, 0, 90), "default_weeks": (4, 1, 26)}),
    "project-milestone": ("no running project past its first milestone (default: 92 days "
                          "in) + grace_days without it landing",
                          {"grace_days": (0, 0, 90)}),
    "reboot": ("a running 90-day reboot keeps its checkpoints and ends in a post-mortem",
               {}),
    "bench-action": ("a bench action within the last `days`", {"days": (92, 7, 366)}),
    "two-surfaces": ("the last complete quarter has a public and an internal artifact", {}),
    "writing-habit": ("a year-in-public entry and an artifact within year_in_public_days and "
                      "artifact_days",
                      {"year_in_public_days": (31, 7, 366), "artifact_days": (31, 7, 366)}),
    "fewer-bets": ("no more than max_themes active themes and max_projects running projects",
                   {"max_themes": (3, 1, 20), "max_projects": (3, 1, 50)}),
    "diagnosis-age": ("the three questions answered within the last max_days",
                      {"max_days": (92, 7, 366)}),
    "prewire-brief": ("who decides or vetoes a window within its prep lead has the brief",
                      {}),
    "objection-open": ("an objection raised is handled within max_days",
                       {"max_days": (7, 1, 90)}),
    "sponsor-contact": ("each sponsor contacted within the last max_days",
                        {"max_days": (60, 7, 366)}),
    "stored-values": ("stored dates in range, window recurrences that expand", {}),
}
