"""The local server's defences: an access token (then an HttpOnly SameSite=Strict
cookie), a Host allow-list against DNS rebinding, a CSRF token on every state-changing
request, and a Content-Security-Policy allowing only the app's own files."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode

from luckos.errors import LuckError

if TYPE_CHECKING:  # `luck serve` checks its options before the server's modules load
    from starlette.requests import Request
    from starlette.responses import Response

COOKIE = "luck_token"
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SAFE_METHODS = ("GET", "HEAD")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def refuse_remote(host: str, allow_remote: bool) -> None:
    """A bind outside loopback exposes the workspace to the network: only on request."""
    if not is_loopback(host) and not allow_remote:
        raise LuckError(f"--host {host} is not a loopback address: anyone on the network "
                        "could reach your workspace; add --allow-remote if you mean it")


def allowed_hosts(bind: str) -> frozenset[str]:
    return frozenset({"127.0.0.1", "localhost", "::1", bind.strip("[]").lower()})


def _host_name(header: str) -> str:
    header = header.strip().lower()
    if header.startswith("["):  # [::1]:8000
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


class Guard:
    """Checks every request before it reaches a page."""

    def __init__(self, token: str, hosts: Iterable[str]) -> None:
        self.token = token
        self.csrf = secrets.token_urlsafe(24)
        self.hosts = frozenset(hosts)

    async def __call__(self, request: Request,
                       call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        response = await self._check(request, call_next)
        # the page's own time, for the browser's developer tools and benchmarks/serve.py
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    async def _check(self, request: Request,
                     call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        from starlette.responses import PlainTextResponse, RedirectResponse

        if _host_name(request.headers.get("host", "")) not in self.hosts:
            return PlainTextResponse("host not allowed", status_code=400)
        offered = request.query_params.get("token")
        if offered is not None:
            if not same(offered, self.token):
                return PlainTextResponse("wrong token", status_code=403)
            # keep it in a cookie and take it out of the address bar (and of history)
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            redirect = RedirectResponse(target, status_code=303)
            redirect.set_cookie(COOKIE, self.token, httponly=True, samesite="strict",
                                path="/")
            return redirect
        cookie = request.cookies.get(COOKIE)
        if cookie is None:
            return PlainTextResponse("open the address `luck serve` printed (it carries "
                                     "the access token)", status_code=401)
        if not same(cookie, self.token):
            return PlainTextResponse("wrong token", status_code=403)
        if request.method not in SAFE_METHODS:
            sent = request.headers.get("x-csrf-token")
            if sent is None and request.headers.get("content-type", "").startswith(
                    "application/x-www-form-urlencoded"):
                # the body, not request.form(): the page reads the form after this
                fields = parse_qs((await request.body()).decode("utf-8", "replace"))
                sent = fields["csrf"][0] if fields.get("csrf") else None
            if not same(sent, self.csrf):
                return PlainTextResponse("missing or wrong CSRF token", status_code=403)
        return await call_next(request)
