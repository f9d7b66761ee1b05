"""The `[redact]` table of `luck.toml`: what `luck redact` and `--redact` replace.

Every default is written down here, in one place; `luckos.config` reads the table through
`redact_settings` and adds `REDACT_TOML` to the default `luck.toml`. Kept apart from
`luckos.guard.redact` so that reading the configuration costs every command nothing more.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from luckos.errors import LuckError

# Host names under these are internal wherever they appear (`build.corp`, `db1.internal`);
# `[redact] domains` adds the workspace's own (`acme.net` covers acme.net and *.acme.net).
INTERNAL_DOMAINS = ("internal", "corp", "local", "lan", "intranet", "localdomain",
                    "home.arpa")
# What is found, in the order it wins when two findings overlap. Sensitive terms follow:
# "person" for people's names, then each kind named in `[redact.terms]`.
BUILT_IN_KINDS = ("secret", "url", "email", "host", "ip", "phone")
OPTIONAL_KINDS = ("url", "email", "host", "ip", "phone")  # `[redact] off` may name these
PERSON = "person"
_TERM_KIND = r"[a-z][a-z0-9-]{0,23}"


@dataclasses.dataclass(frozen=True)
class RedactSettings:
    """`[redact]` in luck.toml. Every default is here."""

    domains: tuple[str, ...] = ()  # internal domains besides INTERNAL_DOMAINS
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # kind -> terms ("customer", ...)
    names: bool = False  # also redact the people named in the records (bench, sponsors...)
    allow: tuple[str, ...] = ()  # exact strings never redacted (your public address...)
    off: frozenset[str] = frozenset()  # kinds left alone: some of OPTIONAL_KINDS

    @property
    def internal_domains(self) -> tuple[str, ...]:
        return INTERNAL_DOMAINS + self.domains


REDACT_TOML = """
[redact]                  # luck redact and --redact: what never leaves the machine
# domains = ["acme.net"]  # internal domains besides .internal .corp .local .lan ...
names = false             # also redact the people named in your records
# allow = ["me@example.org"]  # exact strings never redacted
# off = ["phone"]         # kinds left alone: url, email, host, ip, phone

[redact.terms]            # sensitive terms by kind, matched in any case as whole words
# customer = ["Globex", "Initech"]
# project = ["Bluebird"]
"""


def redact_settings(raw: Any, where: str = "luck.toml") -> RedactSettings:
    """Validate a `[redact]` table; every mistake names the setting and what it accepts."""
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [redact] must be a table")
    known = ("domains", "terms", "names", "allow", "off")
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise LuckError(f"{where}: unknown redact setting {unknown[0]!r} "
                        f"(known: {', '.join(known)})")
    values: dict[str, Any] = {}
    if "domains" in raw:
        domains = _strings(raw["domains"], "redact.domains", where)
        for domain in domains:
            if not re.fullmatch(r"\.?([a-z0-9-]+\.)*[a-z0-9-]+", domain.lower()):
                raise LuckError(f"{where}: redact.domains: {domain!r} is not a domain name "
                                "(like \"acme.net\")")
        values["domains"] = tuple(d.lower().lstrip(".") for d in domains)
    if "names" in raw:
        if not isinstance(raw["names"], bool):
            raise LuckError(f"{where}: redact.names = {raw['names']!r} must be true or false")
        values["names"] = raw["names"]
    if "allow" in raw:
        values["allow"] = _strings(raw["allow"], "redact.allow", where)
    if "off" in raw:
        off = _strings(raw["off"], "redact.off", where)
        for kind in off:
            if kind not in OPTIONAL_KINDS:
                raise LuckError(f"{where}: redact.off: {kind!r} cannot be turned off (use "
                                f"{', '.join(OPTIONAL_KINDS)}; secrets are always redacted)")
        values["off"] = frozenset(off)
    if "terms" in raw:
        values["terms"] = _terms(raw["terms"], where)
    return RedactSettings(**values)


def _terms(raw: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if isinstance(raw, list):
        raw = {"term": raw}
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: redact.terms must be a list of terms or a table of kinds "
                        "(customer = [...])")
    kinds = []
    for kind, terms in raw.items():
        if not re.fullmatch(_TERM_KIND, kind) or kind in BUILT_IN_KINDS:
            raise LuckError(f"{where}: redact.terms: {kind!r} cannot name a kind of term (a "
                            "lower-case word such as customer or project, not "
                            f"{', '.join(BUILT_IN_KINDS)})")
        words = _strings(terms, f"redact.terms.{kind}", where)
        for word in words:
            if len(word) < 2:
                raise LuckError(f"{where}: redact.terms.{kind}: {word!r} is too short to "
                                "redact as a word")
        kinds.append((kind, words))
    return tuple(kinds)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if (not isinstance(value, list)
            or not all(isinstance(item, str) and item.strip() for item in value)):
        raise LuckError(f"{where}: {key} must be a list of non-empty strings")
    return tuple(item.strip() for item in value)
