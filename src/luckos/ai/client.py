"""An OpenAI-compatible chat-completions client on the standard library (urllib).

Every way a call can fail becomes one `LuckError` line: no endpoint, a refused key, a
timeout, a rate limit, an answer that is not a chat completion. Nothing is retried here;
`luckos.app.ai` retries once when the reply's content is not the JSON it asked for.
"""

from __future__ import annotations

import dataclasses
import json
import time
import urllib.error
import urllib.request
from typing import Any

from luckos.ai.settings import AISettings
from luckos.errors import LuckError

STATUS_TIMEOUT = 3.0  # seconds `luck ai status` waits for the model list


@dataclasses.dataclass(frozen=True)
class Reply:
    content: str
    model: str  # the model the endpoint says answered
    prompt_tokens: int | None
    completion_tokens: int | None
    seconds: float


def api_key(settings: AISettings, environ: Any) -> str | None:
    """The key from the environment variable [ai] names (None when it names none)."""
    if not settings.api_key_env:
        return None
    key = environ.get(settings.api_key_env, "").strip()
    if not key:
        raise LuckError(f"the environment variable {settings.api_key_env} (ai.api_key_env) "
                        "is not set: export the key there, or remove api_key_env for an "
                        "endpoint that needs none")
    return key


def chat(settings: AISettings, messages: list[dict[str, str]], key: str | None) -> Reply:
    """Send the messages; the first choice's content, or one line saying what failed."""
    body = {"model": settings.model, "messages": messages,
            "temperature": settings.temperature, "max_tokens": settings.max_tokens,
            "stream": False}
    start = time.monotonic()
    data = request(settings, "/chat/completions", key, settings.timeout, body)
    seconds = time.monotonic() - start
    try:
        choice = data["choices"][0]
        content = choice["message"]["content"]
        if not isinstance(content, str):
            raise TypeError("content is not text")
    except (KeyError, IndexError, TypeError) as exc:
        raise LuckError(f"{settings.base_url} did not answer with a chat completion "
                        f"(no choices[0].message.content: {exc})") from None
    usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
    return Reply(content, str(data.get("model") or settings.model),
                 _count(usage.get("prompt_tokens")), _count(usage.get("completion_tokens")),
                 seconds)


def models(settings: AISettings, key: str | None, timeout: float = STATUS_TIMEOUT
           ) -> list[str]:
    """The model names the endpoint lists (GET {base_url}/models)."""
    data = request(settings, "/models", key, min(timeout, settings.timeout), None)
    items = data.get("data") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise LuckError(f"{settings.base_url}/models did not answer with a model list")
    return [str(m.get("id")) for m in items if isinstance(m, dict) and m.get("id")]


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def request(settings: AISettings, path: str, key: str | None, timeout: float,
             body: dict[str, Any] | None) -> Any:
    url = settings.base_url + path
    headers = {"Accept": "application/json", "User-Agent": "luckos"}
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(url, data=data, headers=headers,
                                     method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            raw = response.read()
    except urllib.error.HTTPError as exc:
        raise LuckError(_http_error(settings, url, exc)) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise LuckError(_timed_out(url, timeout)) from None
        raise LuckError(f"no endpoint answers at {settings.base_url} ({_reason(exc.reason)}): "
                        "is the server running? (ai.base_url)") from None
    except TimeoutError:
        raise LuckError(_timed_out(url, timeout)) from None
    except (ConnectionError, OSError) as exc:
        raise LuckError(f"the connection to {settings.base_url} broke: {_reason(exc)}"
                        ) from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise LuckError(f"{url} answered with something that is not JSON: "
                        f"{raw[:60]!r}") from None


def _timed_out(url: str, timeout: float) -> str:
    return f"no reply from {url} within {timeout:g} s (raise ai.timeout for a slow model)"


def _reason(reason: Any) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason)


def _http_error(settings: AISettings, url: str, exc: urllib.error.HTTPError) -> str:
    code = exc.code
    detail = _detail(exc)
    if code in (401, 403):
        if settings.api_key_env:
            return (f"{settings.host} refused the key in {settings.api_key_env} "
                    f"(HTTP {code}{detail})")
        return (f"{settings.host} refused a request without a key (HTTP {code}{detail}): "
                "name the variable holding one in ai.api_key_env")
    if code == 429:
        after = exc.headers.get("Retry-After") if exc.headers else None
        wait = f"; it asks to wait {after} s" if after else ""
        return f"{settings.host} is rate limiting the calls (HTTP 429{detail}){wait}: try later"
    if code == 404 and url.endswith("/chat/completions"):
        return (f"{url} is not found (HTTP 404{detail}): check ai.base_url (often ending in "
                f"/v1) and that the model {settings.model!r} is served")
    return f"{url} answered HTTP {code}{detail}"


def _detail(exc: urllib.error.HTTPError) -> str:
    """The endpoint's own error message, shortened, when it sends one."""
    try:
        data = json.loads(exc.read().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValueError):
        return ""
    error = data.get("error") if isinstance(data, dict) else None
    message = error.get("message") if isinstance(error, dict) else error
    if not isinstance(message, str) or not message.strip():
        return ""
    text = " ".join(message.split())
    return ": " + (text[:120] + "…" if len(text) > 120 else text)
