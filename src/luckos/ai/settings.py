"""The `[ai]` table of `luck.toml`: which OpenAI-compatible endpoint and model, and how.

Each setting is declared in `luckos.settings`; the fields take their defaults from there.
Nothing is sent anywhere until `base_url` and `model` are both set. The key itself never
goes in the file: the table names the environment variable that holds it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from luckos.setting import Problem
from luckos.settings import default


@dataclasses.dataclass(frozen=True)
class AISettings:
    """`[ai]` in luck.toml (defaults: `luckos.settings`)."""

    base_url: str = default("ai.base_url")  # http://127.0.0.1:8080/v1, https://api.openai...
    model: str = default("ai.model")  # pinned: the exact model name the endpoint knows
    temperature: float = default("ai.temperature")
    max_tokens: int = default("ai.max_tokens")
    timeout: float = default("ai.timeout")
    matches: int = default("ai.matches")
    api_key_env: str = default("ai.api_key_env")  # the variable holding the key ("": none)
    # vector search beside full-text: a local sentence model (an installed package or a
    # folder) or an OpenAI-compatible /embeddings endpoint on this machine ("" for none)
    embeddings: str = default("ai.embeddings")
    embeddings_model: str = default("ai.embeddings_model")  # for an endpoint only

    @property
    def embeddings_url(self) -> str:
        """The /embeddings endpoint's base URL, when `embeddings` names one."""
        return self.embeddings if self.embeddings.startswith(("http://", "https://")) else ""

    @property
    def configured(self) -> bool:
        return bool(self.base_url and self.model)

    @property
    def host(self) -> str:
        from urllib.parse import urlsplit

        return urlsplit(self.base_url).hostname or ""

    @property
    def loopback(self) -> bool:
        """The endpoint runs on this machine (127.0.0.0/8, ::1 or localhost)."""
        import ipaddress

        host = self.host
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False


def from_values(values: Mapping[str, Any]) -> tuple[AISettings, list[Problem]]:
    """The settings from validated values (setting name -> value), and what is wrong
    between two of them."""
    settings = AISettings(**{name.rpartition(".")[2]: v for name, v in values.items()})
    problems = []
    if settings.base_url and not settings.model:
        problems.append(Problem("ai.base_url", "has no model: pin the model name (ai.model)"))
    problems.extend(_embeddings_problems(settings))
    return settings, problems


def _embeddings_problems(settings: AISettings) -> list[Problem]:
    """`embeddings` is a package name, a folder, or a URL on this machine (the records'
    text goes to it unredacted, so it may not be elsewhere); `embeddings_model` goes with
    a URL only."""
    if not settings.embeddings:
        if settings.embeddings_model:
            return [Problem("ai.embeddings_model", "is set but ai.embeddings is not")]
        return []
    if settings.embeddings_url:
        probe = AISettings(base_url=settings.embeddings_url, model="-")
        if not probe.loopback:
            return [Problem("ai.embeddings", "the records' own text is embedded, unredacted, "
                                             "so the endpoint must run on this machine "
                                             "(127.0.0.1, ::1 or localhost)")]
        if not settings.embeddings_model:
            return [Problem("ai.embeddings", "is a URL: name the model it serves in "
                                             "ai.embeddings_model")]
        return []
    if settings.embeddings_model:
        return [Problem("ai.embeddings_model", "is only for an endpoint; ai.embeddings "
                                               "names a local model")]
    return []
