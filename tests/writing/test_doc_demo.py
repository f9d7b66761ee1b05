"""Drafts from the demo workspace (`luck demo`) lint with no errors.

The demo is built by luckos.demo.build; where that module is not installed, the test is
skipped (the drafts are also checked on the small workspace of test_doc_new.py).
"""

from __future__ import annotations

import json

import pytest

from luckos.writing.catalog import DOC_KINDS
from luckos.writing.lint import lint_text

pytest.importorskip("luckos.demo.build")

DEMO_TODAY = "2026-11-25"  # the demo's today


def test_every_kind_drafted_from_the_demo_lints_without_errors(tmp_path, luck) -> None:
    home = tmp_path / "demo"
    built = luck("demo", "--dir", str(home), "--json", today=DEMO_TODAY)
    assert built.exit_code == 0, built.stderr
    decisions = json.loads(luck("--home", str(home), "decision", "list", "--limit", "0",
                                "--json", today=DEMO_TODAY).stdout)
    for theme in ("t1", "t2"):
        open_bet = any(d["theme_id"] == theme and d["options"] and not d["outcome"]
                       for d in decisions)
        for kind in DOC_KINDS:
            result = luck("--home", str(home), "doc", "new", kind, "--theme", theme,
                          "--window", "w1", "--decider", "Dana Ruiz", "--out", "-",
                          today=DEMO_TODAY)
            assert result.exit_code == 0, result.stderr
            errors = [f.rule for f in lint_text(result.stdout) if f.severity == "error"]
            # With no open decision on record, only you can say which option you recommend.
            expected = [] if open_bet or kind != "brief" else ["recommendation-names-option"]
            assert errors == expected, (theme, kind)
