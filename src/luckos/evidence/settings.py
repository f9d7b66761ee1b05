"""`[evidence]` in luck.toml: whose commits are yours, and what a ticket looks like.

Each setting is declared in `luckos.settings`; the fields take their defaults from there.
"""

from __future__ import annotations

import dataclasses

from luckos.settings import default


@dataclasses.dataclass(frozen=True)
class EvidenceSettings:
    # your author addresses (after the repository's mailmap); empty: `git config user.email`
    authors: tuple[str, ...] = default("evidence.authors")
    # regular expressions for ticket references in commit messages
    tickets: tuple[str, ...] = default("evidence.tickets")
