"""The settings dataclass of `[lint]`: how `luck doc lint` applies the essay's rules (the
rules are in `writing.catalog`).

Built when a command first reads `[lint]` (a frozen dataclass costs start-up time):
`luckos.config` offers it by name. Each setting is declared in `luckos.settings`; the
fields take their defaults from there.
"""

from __future__ import annotations

import dataclasses

from luckos.settings import default, index_for

# `luck doc lint`: words per page budget (about 500 words a page; 0 means no budget)
LINT_WORD_BUDGET = tuple((s.key, s.default) for s in index_for("lint").settings
                         if s.table == "lint.word_budget")
LINT_VAGUE_WORDS: tuple[str, ...] = default("lint.vague_words")


@dataclasses.dataclass(frozen=True)
class LintConfig:
    """`[lint]`: how `luck doc lint` applies the essay's rules (rules in writing.catalog)."""

    rules: tuple[tuple[str, str], ...] = default("lint.rules")  # rule id -> severity
    word_budget: tuple[tuple[str, int], ...] = LINT_WORD_BUDGET  # kind -> words; 0: none
    min_options: int = default("lint.min_options")
    vague_words: tuple[str, ...] = LINT_VAGUE_WORDS
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = default("lint.synonyms")
    teams: tuple[str, ...] = default("lint.teams")
    max_file_kb: int = default("lint.max_file_kb")

    def severity(self, rule_id: str, default: str) -> str:
        return dict(self.rules).get(rule_id, default)

    def budget(self, kind: str) -> int:
        return dict(self.word_budget).get(kind, 0)
