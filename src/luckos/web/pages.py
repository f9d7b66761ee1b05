"""The pages: each reads the request, calls the application functions the CLI calls,
and hands one context (the CLI's --json of the same report) to `Web.render`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from luckos.errors import Invalid, LuckError, NotFound
from luckos.web import charts

if TYPE_CHECKING:
    from luckos.web.app import Web

NAV = (("/", "Review"), ("/ledger", "Ledger"), ("/windows", "Windows"),
       ("/themes", "Themes"), ("/check", "Check"), ("/search", "Search"),
       ("/notes", "Notes"), ("/documents", "Documents"), ("/calendar", "Calendar"),
       ("/add", "Add"))

ASKS_SHOWN = 10  # the review's asks of one topic shown on the home page; the JSON has all

# the record kinds listed with filters on /list/KIND
LISTED = ("promise", "signal", "decision", "bench", "sponsor", "artifact", "testimonial",
          "glue", "explore", "project", "reboot", "window", "theme", "note")
# the quick-add forms, and the fields each shows
QUICK_ADD: dict[str, tuple[str, ...]] = {
    "promise": ("what", "to_whom", "due", "made_on", "tags"),
    "win": ("body", "on", "tags"),
    "artifact": ("title", "kind", "surface", "on", "link"),
    "note": ("body", "kind", "title", "on", "tags"),
    "signal": ("who", "what", "on", "escalated"),
}


async def home(web: Web, request: Request) -> Response:
    from luckos.app.review import review_json, weekly

    data = review_json(weekly(web.ws, web.today))
    return web.render(request, "home.html", data, trend=_trend_chart(data["ledger"]),
                      asks_shown=ASKS_SHOWN)


def _trend_chart(ledger: dict[str, Any]) -> Any:
    return charts.line([(q["quarter"], q["hit_rate"]) for q in ledger["quarters"]],
                       label="hit rate by quarter", percent=True)


async def ledger(web: Web, request: Request, *, error: str = "", failed: str = "",
                 status: int = 200) -> Response:
    from luckos.app.ledger import ledger_json, summary

    data = ledger_json(summary(web.ws, web.today))
    chart = charts.bars([(q["quarter"], q["hit_rate"]) for q in data["quarters"]],
                        label="hit rate by quarter")
    if failed not in {p["id"] for p in (*data["overdue"], *data["due_soon"])}:
        failed = ""  # not on the page: the error goes above everything
    return web.render(request, "ledger.html", data, chart=chart, error=error, failed=failed,
                      status=status)


async def promise_verb(web: Web, request: Request) -> Response:
    from luckos.app.ledger import transition

    verb = request.path_params["verb"]
    if verb not in ("keep", "miss", "drop", "renegotiate"):
        raise NotFound(f"no such action {verb!r}: keep, miss, drop or renegotiate", where=verb)
    ref = request.path_params["ref"]
    if verb == "renegotiate":
        return await _renegotiate(web, request, ref)
    transition(web.ws, verb, ref, web.today, today=web.today)
    return _back(request, "/ledger")


async def _renegotiate(web: Web, request: Request, ref: str) -> Response:
    """As `luck promise renegotiate ID --due DATE`: agreed today; a refused date is said
    on the ledger page, above the promise, and nothing is written."""
    from luckos.app.ledger import renegotiate
    from luckos.dates import parse_date

    text = str((await request.form()).get("due", "")).strip()
    try:
        if not text:
            raise Invalid("give the new due date (--due), e.g. fri or +2w", where="--due")
        due = parse_date(text, web.today, what="--due")
        closed, successor, early = renegotiate(web.ws, ref, due, web.today, today=web.today)
    except LuckError as exc:
        if _json(request):
            raise
        return await ledger(web, request, error=exc.message, failed=ref, status=exc.status)
    shown = urlencode({"renegotiated": f"p{closed.id}", "now": f"p{successor.id}",
                       "due": due.isoformat(), "early": "yes" if early else "no"})
    return RedirectResponse(f"/ledger?{shown}", status_code=303)


def _back(request: Request, default: str) -> Response:
    # only a path of our own: never an address given by the form
    target = request.query_params.get("next", default)
    if not target.startswith("/") or target.startswith("//"):
        target = default
    return RedirectResponse(target, status_code=303)


async def windows(web: Web, request: Request) -> Response:
    from luckos.app.windows import occurrence_json, upcoming

    data = [occurrence_json(o, web.today) for o in upcoming(web.ws, web.today, days=365)]
    return web.render(request, "windows.html", data)


async def themes(web: Web, request: Request) -> Response:
    from luckos.app.themes import show_active, theme_json

    data = [theme_json(*shown, web.today) for shown in show_active(web.ws, web.today)]
    return web.render(request, "themes.html", data, themes=data,
                      charts=_metric_charts(web, data))


async def theme(web: Web, request: Request) -> Response:
    from luckos.app.themes import show, theme_json

    data = theme_json(*show(web.ws, request.path_params["ref"]), web.today)
    return web.render(request, "themes.html", data, themes=[data],
                      charts=_metric_charts(web, [data]))


def _metric_charts(web: Web, data: list[dict[str, Any]]) -> dict[str, Any]:
    """Each metric's readings by month, with their narratives."""
    by_metric: dict[int, list[Any]] = {}
    for reading in web.ws.store.all("reading"):
        by_metric.setdefault(reading.metric_id or 0, []).append(reading)
    out = {}
    for t in data:
        for m in t["metrics"]:
            if not m["metric"]:
                continue
            readings = sorted(by_metric.get(int(m["metric"]["id"][1:]), []),
                              key=lambda r: r.month)
            points = [(r.month, float(r.value)) for r in readings]
            out[m["metric"]["id"]] = {
                "chart": charts.line(points, label=m["metric"]["name"],
                                     flagged=[False] * len(points)),
                "readings": readings,
            }
    return out


async def add_reading(web: Web, request: Request) -> Response:
    from luckos.app.themes import read_metric

    form = await request.form()
    ref = request.path_params["ref"]
    read_metric(web.ws, ref, str(form.get("slot", "")), str(form.get("value", "")),
                str(form.get("month") or "") or None, str(form.get("narrative") or "") or None,
                web.today)
    return RedirectResponse(f"/themes/{ref}", status_code=303)


async def check(web: Web, request: Request) -> Response:
    from luckos.app.checks import report_json, run

    data = report_json(run(web.ws, web.today))
    ordered = sorted(data["invariants"], key=lambda r: r["state"] != "broken")
    return web.render(request, "check.html", data, ordered=ordered)


async def search(web: Web, request: Request) -> Response:
    from luckos.app.search import found_json
    from luckos.app.search import search as run

    text = request.query_params.get("q", "")
    if not text.strip():
        return web.render(request, "search.html", [], q="", hits=[])
    # as `luck search`: the best 30 on the page, every match in the JSON
    found = run(web.ws, text, include_private=True, limit=None if _json(request) else 30)
    return web.render(request, "search.html", found_json(found), q=text, hits=found.hits,
                      total=found.total)


async def listing(web: Web, request: Request) -> Response:
    from luckos.app import records
    from luckos.dates import parse_date
    from luckos.domain.records import fields_of

    name = request.path_params["kind"]
    if name not in LISTED:
        raise NotFound(f"no such list {name!r}", where=name)
    kind = records.kind_named(name)
    filters = [f for f in fields_of(kind) if f.metadata["type"] == "choice"
               or f.metadata["type"].startswith("ref:")]
    q = request.query_params
    where = {f.name: q[f.name] for f in filters if q.get(f.name)}
    since, until = q.get("since"), q.get("until")
    json = _json(request)
    limit = int(q.get("limit", "0" if json else "50") or 0) or None
    found = records.page(web.ws, kind, where=where,
                         since=parse_date(since, web.today, what="since") if since else None,
                         until=parse_date(until, web.today, what="until") if until else None,
                         limit=limit, today=web.today)
    data = [records.as_json(x) for x in found.records]
    columns = [k for k in (data[0] if data else {}) if k != "id"][:6]
    return web.render(request, "list.html", data, kind=kind, filters=filters, where=where,
                      total=found.total, columns=columns, since=since or "", until=until or "",
                      listed=LISTED)


async def notes(web: Web, request: Request) -> Response:
    request.path_params["kind"] = "note"
    return await listing(web, request)


def _json(request: Request) -> bool:
    from luckos.web.app import wants_json

    return wants_json(request)


async def add_form(web: Web, request: Request) -> Response:
    return web.render(request, "add.html", {}, forms=_forms(web), errors={}, values={})


def _forms(web: Web) -> dict[str, list[dict[str, Any]]]:
    from luckos.app import records
    from luckos.domain.records import fields_of

    out = {}
    for form, names in QUICK_ADD.items():
        kind = records.kind_named("note" if form == "win" else form)
        by_name = {f.name: f for f in fields_of(kind)}
        out[form] = [{"name": n, "type": by_name[n].metadata["type"],
                      "choices": by_name[n].metadata.get("choices") or (),
                      "required": by_name[n].metadata["required"]} for n in names]
    return out


async def add(web: Web, request: Request) -> Response:
    from luckos.app import records

    form_name = request.path_params["kind"]
    if form_name not in QUICK_ADD:
        raise NotFound(f"no such form {form_name!r}", where=form_name)
    form = await request.form()
    raw: dict[str, Any] = {}
    for name in QUICK_ADD[form_name]:
        value = str(form.get(name, "")).strip()
        if not value:
            continue
        raw[name] = [t.strip() for t in value.split(",") if t.strip()] if name == "tags" \
            else value
    if form_name == "win":
        raw["kind"] = "year-in-public"
    try:
        record, _ = records.add(web.ws, records.kind_named(
            "note" if form_name == "win" else form_name), raw, web.today)
    except LuckError as exc:
        return web.render(request, "add.html", exc.as_json(), status=exc.status,
                          forms=_forms(web), errors={form_name: exc.message},
                          values={form_name: dict(form)})
    target = "/ledger" if form_name == "promise" else \
        f"/list/{'note' if form_name == 'win' else form_name}"
    return RedirectResponse(f"{target}?{urlencode({'added': records.as_json(record)['id']})}",
                            status_code=303)


async def documents(web: Web, request: Request) -> Response:
    root = web.ws.docs
    found = sorted(str(p.relative_to(root)) for p in root.rglob("*")
                   if p.suffix in (".md", ".markdown") and p.is_file()) if root.is_dir() else []
    return web.render(request, "documents.html", found)


def inside(root: Path, relative: str) -> Path:
    """The file `relative` names under `root`, refused when it leads outside (`..`, an
    absolute path, a link out) or is not a Markdown document."""
    base = root.resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base) or target.suffix not in (".md", ".markdown") \
            or not target.is_file():
        raise NotFound(f"no such document {relative!r} in the workspace's docs folder",
                       where=relative)
    return target


async def document(web: Web, request: Request) -> Response:
    from luckos.app.docs import lint_settings
    from luckos.writing.lint import lint_document

    relative = request.path_params["path"].removesuffix(".json")
    path = inside(web.ws.docs, relative)
    text = path.read_text(encoding="utf-8", errors="replace")
    report = lint_document(text, config=lint_settings(web.home, None, ()),
                           file_name=str(path))
    findings: list[dict[str, Any]] = [
        {"line": f.line, "column": f.column, "severity": f.severity, "rule": f.rule,
         "message": f.message} for f in report.findings]
    by_line: dict[int, list[dict[str, Any]]] = {}
    for f, raw in zip(findings, report.findings, strict=True):
        by_line.setdefault(raw.line, []).append(f)
    data = {"path": relative, "kind": report.kind, "findings": findings}
    return web.render(request, "document.html", data, lines=text.splitlines(),
                      by_line=by_line)


async def calendar(web: Web, request: Request) -> Response:
    from luckos.app.calendar import audit_latest
    from luckos.app.calendar_json import report_json

    data = report_json(audit_latest(web.ws))
    data["charts"] = []  # as `luck calendar audit --json` without --charts
    heat = data["heat"]
    busy = [h for h in range(24) if any(row[h] for row in heat["hours"])] or list(range(8, 19))
    hours = list(range(min(busy), max(busy) + 1))
    chart = charts.heat([[row[h] for h in hours] for row in heat["hours"]],
                        heat["weekdays"], [str(h) for h in hours],
                        label="meeting minutes per week by weekday and hour")
    return web.render(request, "calendar.html", data, chart=chart)


ROUTES: tuple[tuple[str, Any, tuple[str, ...]], ...] = (
    ("/", home, ("GET",)),
    ("/ledger", ledger, ("GET",)),
    ("/promises/{ref}/{verb}", promise_verb, ("POST",)),
    ("/windows", windows, ("GET",)),
    ("/themes", themes, ("GET",)),
    ("/themes/{ref}", theme, ("GET",)),
    ("/themes/{ref}/reading", add_reading, ("POST",)),
    ("/check", check, ("GET",)),
    ("/search", search, ("GET",)),
    ("/list/{kind}", listing, ("GET",)),
    ("/notes", notes, ("GET",)),
    ("/add", add_form, ("GET",)),
    ("/add/{kind}", add, ("POST",)),
    ("/documents", documents, ("GET",)),
    ("/calendar", calendar, ("GET",)),
    ("/documents/{path:path}", document, ("GET",)),
)
