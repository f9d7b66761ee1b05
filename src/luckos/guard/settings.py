"""The `[redact]` table of `luck.toml`: what `luck redact` and `--redact` replace.

Each setting is declared in `luckos.settings`; the fields below take their defaults from
there. Kept apart from `luckos.guard.redact` so that reading the configuration costs
every command nothing more.
"""

from __future__ import annotations

import dataclasses

from luckos.settings import REDACT_KINDS, default

# Host names under these are internal wherever they appear (`build.corp`, `db1.internal`);
# `[redact] domains` adds the workspace's own (`acme.net` covers acme.net and *.acme.net).
INTERNAL_DOMAINS = ("internal", "corp", "local", "lan", "intranet", "localdomain",
                    "home.arpa")
# What is found, in the order it wins when two findings overlap. Sensitive terms follow:
# "person" for people's names, then each kind named in `[redact.terms]`.
BUILT_IN_KINDS = ("secret", *REDACT_KINDS)
OPTIONAL_KINDS = REDACT_KINDS  # `[redact] off` may name these
PERSON = "person"


@dataclasses.dataclass(frozen=True)
class RedactSettings:
    """`[redact]` in luck.toml (defaults: `luckos.settings`)."""

    domains: tuple[str, ...] = default("redact.domains")  # besides INTERNAL_DOMAINS
    terms: tuple[tuple[str, tuple[str, ...]], ...] = default("redact.terms")  # kind -> terms
    names: bool = default("redact.names")
    allow: tuple[str, ...] = default("redact.allow")
    off: frozenset[str] = frozenset(default("redact.off"))  # some of OPTIONAL_KINDS

    @property
    def internal_domains(self) -> tuple[str, ...]:
        return INTERNAL_DOMAINS + self.domains
