"""The ASGI application: one route per page, each page one context dict rendered as HTML
or, with `?format=json` (or a `.json` suffix), as the JSON the CLI's `--json` prints.

Every handler is `async` and calls the synchronous application functions directly, so
all of them run on the event loop's one thread and share one SQLite connection."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from luckos.errors import LuckError
from luckos.web import pages
from luckos.web.security import Guard
from luckos.workspace import Workspace, open_workspace

Handler = Callable[["Web", Request], Awaitable[Response]]


class Web:
    """What the pages share: the workspace (opened on first use, on the loop's thread),
    today's date and the templates."""

    def __init__(self, home: Path, today: dt.date | None, guard: Guard,
                 workspace: Workspace | None = None) -> None:
        self.home = home
        self._today = today
        self.guard = guard
        self._ws: dict[int, Workspace] = {}  # by thread: uvicorn runs every page on one
        if workspace is not None:  # opened by `luck serve` on the thread that runs the loop
            self._ws[threading.get_ident()] = workspace
        self.templates = Environment(loader=PackageLoader("luckos.web", "templates"),
                                     autoescape=select_autoescape(["html"]))

    @property
    def ws(self) -> Workspace:
        # a SQLite connection serves the thread that opened it; under uvicorn that is
        # the event loop's, the only one, and a test client may use another
        thread = threading.get_ident()
        if thread not in self._ws:
            self._ws[thread] = open_workspace(self.home)
        return self._ws[thread]

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def close(self) -> None:
        ws = self._ws.pop(threading.get_ident(), None)
        if ws is not None:
            ws.close()

    def render(self, request: Request, template: str, data: Any, *, status: int = 200,
               **extra: Any) -> Response:
        """The page, or its JSON twin: `data` is exactly what the CLI's --json prints."""
        if wants_json(request):
            return JSONResponse(data, status_code=status)
        html = self.templates.get_template(template).render(
            data=data, request=request, csrf=self.guard.csrf, today=self.today,
            nav=pages.NAV, **extra)
        return HTMLResponse(html, status_code=status)


def wants_json(request: Request) -> bool:
    return (request.query_params.get("format") == "json"
            or request.url.path.endswith(".json"))


def _route(web: Web, path: str, handler: Handler, methods: tuple[str, ...] = ("GET",),
           *, twin: bool = True) -> list[Route]:
    async def endpoint(request: Request) -> Response:
        if request.url.path.endswith(".json"):  # /themes/t1.json: the twin of /themes/t1
            for name, value in request.path_params.items():
                if isinstance(value, str) and value.endswith(".json"):
                    request.path_params[name] = value.removesuffix(".json")
        try:
            return await handler(web, request)
        except LuckError as exc:
            # the error object `luck ... --json` prints, with the error's own status
            if wants_json(request):
                return JSONResponse(exc.as_json(), status_code=exc.status)
            html = web.templates.get_template("error.html").render(
                message=exc.message, request=request, nav=pages.NAV, csrf=web.guard.csrf)
            return HTMLResponse(html, status_code=exc.status)

    routes = [Route(path, endpoint, methods=list(methods))]
    if twin and path != "/":
        routes.append(Route(path + ".json", endpoint, methods=list(methods)))
    elif twin:
        routes.append(Route("/index.json", endpoint, methods=list(methods)))
    return routes


def create_app(home: Path, token: str, hosts: frozenset[str], *,
               today: dt.date | None = None, workspace: Workspace | None = None) -> Starlette:
    """The dashboard of the workspace at `home`; `workspace`, already open on the thread
    that will serve, is used rather than opened again."""
    guard = Guard(token, hosts)
    web = Web(home, today, guard, workspace)
    routes: list[Any] = []
    for path, handler, methods in pages.ROUTES:
        routes += _route(web, path, handler, methods, twin="GET" in methods)
    routes.append(Mount("/static", StaticFiles(packages=[("luckos.web", "static")]),
                        name="static"))

    async def favicon(request: Request) -> Response:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    routes.append(Route("/favicon.ico", favicon))
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        web.close()

    app = Starlette(routes=routes, middleware=[Middleware(BaseHTTPMiddleware, dispatch=guard)],
                    lifespan=lifespan)
    app.state.web = web
    return app
