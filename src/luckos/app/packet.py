"""`luck packet`: the records of a period gathered into a packet, checked, redacted and
rendered. The claims are made in `luckos.domain.packet`; this module only reads."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from luckos.domain import backing
from luckos.errors import Invalid, LuckError
from luckos.store import packet as queries
from luckos.workspace import Workspace

if TYPE_CHECKING:
    from luckos.domain import packet as pk
    from luckos.guard.redact import Finding

FORMATS = ("md", "html", "pdf")
NEXT_DAYS = 14  # how far ahead a short packet lists promises due


def period(kind: str, since: dt.date | None, until: dt.date | None,
           today: dt.date) -> tuple[dt.date, dt.date]:
    if kind not in backing.PACKET_KINDS:
        raise Invalid(f"unknown packet {kind!r}: choose {', '.join(backing.PACKET_KINDS)}",
                      where=kind)
    end = until or today
    start = since or backing.default_since(kind, end)
    if start > end:
        raise LuckError(f"--since {start} is after --until {end}")
    return start, end


def gather(ws: Workspace, kind: str, since: dt.date, until: dt.date,
           today: dt.date) -> pk.Facts:
    from luckos.app import ledger as ledger_app
    from luckos.domain import packet as pk

    store = ws.store
    long_form = pk.PACKET_KINDS[kind][2]
    themes = queries.themes_during(store, since, until)
    theme_ids = {t.id for t in themes}
    metrics = [m for m in store.all("metric") if m.theme_id in theme_ids]
    artifacts = store.find("artifact", since=since, until=until, descending=False)
    wins = store.find("note", where={"kind": "year-in-public"}, since=since, until=until,
                      descending=False)
    decisions = (store.find("decision", since=since, until=until, descending=False)
                 if long_form else store.decisions_to_review(today))
    window_start = since if long_form else today
    return pk.Facts(
        themes=themes,
        metrics=metrics,
        readings=queries.readings_of(store, [m.id for m in metrics]),
        wins=wins,
        artifacts=artifacts,
        testimonials=queries.testimonials_about(store, [a.id for a in artifacts]),
        landed=[] if long_form else queries.promises_landed(store, since, until),
        outcomes=queries.promise_outcomes(store, since, until) if long_form else [],
        due=[] if long_form else store.open_promises_due_by(
            today + dt.timedelta(days=NEXT_DAYS)),
        windows=store.windows_active(window_start),
        window_artifacts=store.artifacts_for_windows(window_start),
        decisions=decisions,
        bench=store.find("bench", since=since, until=until, descending=False),
        glue=store.find("glue", since=since, until=until, descending=False),
        evidence=store.find("evidence", where={"status": "accepted"}, since=since,
                            until=until, descending=False),
        ledger=ledger_app.summary(ws, until) if long_form else None,
    )


def make(ws: Workspace, kind: str, since: dt.date | None, until: dt.date | None,
         today: dt.date) -> pk.Packet:
    """The packet of `kind`; a period with nothing to say is an error (exit 2)."""
    from luckos.domain import packet as pk

    start, end = period(kind, since, until, today)
    packet = pk.build(kind, start, end, today, gather(ws, kind, start, end, today))
    if not packet.claims:
        raise LuckError(f"nothing to put in a {kind} packet between {start} and {end}: no "
                        "wins, artifacts, promises, windows or theme readings in that period")
    return packet


def claim_counts(ws: Workspace, kind: str, today: dt.date,
                 read: tuple[Sequence[Any], Sequence[Any]] | None = None) -> tuple[int, int]:
    """(claims, claims without evidence) of the long packet of `kind` for its default
    period to `today`, as `make` would build it (`luck packet --check`), read as what
    decides each claim's gap rather than every record whole: a promotion window asks it
    on every review. `read`: windows that include every recurring one, and the artifacts
    linked to them, read already by the caller (they are not read again)."""
    from luckos.domain import windows as win
    from luckos.store import loop

    assert backing.PACKET_KINDS[kind][2], "only a long packet is counted"
    since, until = period(kind, None, None, today)
    store = ws.store
    # a one-off window's gap is counted by the store; a recurring one's dates are expanded
    if read is None:
        windows = queries.recurring_windows(store, until)
        linked = loop.artifacts_for(store, [w.id for w in windows])
    else:
        windows = [w for w in read[0] if queries.recurs_by(w, until)]
        ids = {w.id for w in windows}
        linked = [a for a in read[1] if a.window_id in ids]
    return backing.readiness(
        since, until,
        metrics=queries.metrics_read(store, since, until),
        resolved=queries.any_resolved(store, since, until),
        windows=windows,
        window_artifacts=linked,
        one_offs=queries.one_off_windows_short(store, since, until, win.BRIEF_KINDS,
                                                     win.DEMO_KINDS),
        decisions=queries.filled(store, "decision", "outcome", since, until),
        bench=queries.filled(store, "bench", "artifact", since, until),
        artifacts=queries.artifacts_backing(store, since, until),
        glue=queries.glue_unlocking(store, since, until),
        wins=queries.note_ids(store, "year-in-public", since, until),
        evidence=queries.accepted_evidence(store, since, until))


def redact(ws: Workspace, packet: pk.Packet, cited: dict[str, str]
           ) -> tuple[pk.Packet, dict[str, str], list[Finding]]:
    """Every text of the packet and its list of records through one redactor, so that a
    token means the same thing everywhere in the packet."""
    from luckos.app.redaction import redactor_for

    redactor = redactor_for(ws)
    findings: list[Finding] = []

    def clean(text: str) -> str:
        if not text:
            return text
        result = redactor.redact(text)
        findings.extend(result.findings)
        return result.text

    sections = [dataclasses.replace(s, title=clean(s.title), claims=[
        dataclasses.replace(c, text=clean(c.text), detail=clean(c.detail)) for c in s.claims])
        for s in packet.sections]
    series = [dataclasses.replace(s, label=clean(s.label)) for s in packet.series]
    lines = {ref: clean(line) for ref, line in cited.items()}
    return dataclasses.replace(packet, sections=sections, series=series), lines, findings


def describe_refs(ws: Workspace, refs: list[str]) -> dict[str, str]:
    """One line for each record a packet cites (its kind, title and date), for the
    packet's list of records."""
    from luckos.app.records import parse_id
    from luckos.domain.packet import LEDGER_REF
    from luckos.domain.records import KINDS, is_private, kind_of

    by_prefix = sorted(KINDS.values(), key=lambda k: -len(k.prefix))
    wanted: dict[str, list[tuple[str, int]]] = {}
    for ref in refs:
        if ref == LEDGER_REF:
            continue
        kind = next((k for k in by_prefix if ref.startswith(k.prefix)
                     and ref[len(k.prefix):].isdigit()), None)
        if kind is not None:
            wanted.setdefault(kind.name, []).append((ref, parse_id(kind, ref)))
    found: dict[str, Any] = {}
    for name, pairs in wanted.items():
        records = queries.records_by_id(ws.store, name, [rid for _, rid in pairs])
        for ref, rid in pairs:
            if rid in records:
                found[ref] = records[rid]
    lines: dict[str, str] = {}
    for ref in refs:
        if ref == LEDGER_REF:
            lines[ref] = "the credibility ledger (luck ledger)"
            continue
        record = found.get(ref)
        if record is None or is_private(record):
            continue
        kind = kind_of(record)
        title = getattr(record, kind.title_field, "") or getattr(record, "body", "")
        title = " ".join(str(title).split())
        day = getattr(record, kind.date_field, None) if kind.date_field else None
        lines[ref] = f"{kind.name}: {title[:120]}" + (f" ({day})" if day else "")
    return lines
