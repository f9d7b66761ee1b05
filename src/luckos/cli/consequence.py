"""`luck review --month`: the monthly consequence update.

The options are added to `luck review` by `cli.reports.month_options`; `run_month` does
the work (imported only when --month or one of its options is given).
"""

from __future__ import annotations

from typing import Any

import click

from luckos.cli.output import emit_json, heading, line, on_tty, paged, warn
from luckos.domain.records import METRIC_SLOTS


def run_month(month: str | None, options: dict[str, Any], as_json: bool) -> None:
    from luckos.app import consequence
    from luckos.cli.session import session
    from luckos.dates import parse_month
    from luckos.errors import LuckError

    if month is None:
        used = next(k for k, v in options.items() if v is not None)
        raise LuckError(f"--{used.replace('_', '-')} goes with --month (the consequence update)")

    s = session()
    label = parse_month(s.today.isoformat()[:7] if month == "this" else month, s.today)
    values = {slot: options.get(slot) for slot in METRIC_SLOTS}
    notes = {slot: options.get(f"{slot}_note") for slot in METRIC_SLOTS}
    given = any(v is not None for v in (*values.values(), *notes.values()))
    if given:
        saved, warnings = consequence.record(s.ws, options.get("theme"), values, notes,
                                             label, s.today)
        for message in warnings:
            warn(message)
        if not as_json:
            click.echo(f"recorded {', '.join(f'r{r.id}' for r in saved)} for {label}")
    elif on_tty() and not as_json:
        consequence.refuse_future_month(label, s.today)
        _ask(s, label, options.get("theme"))
    themes = consequence.update(s.ws, label)
    if options.get("theme"):
        chosen = consequence.pick_theme(s.ws, options["theme"])
        themes = [t for t in themes if t.theme.id == chosen.id]
    if as_json:
        emit_json(consequence.update_json(label, themes))
        return
    with paged():
        _render(label, themes)


def _ask(s, month: str, theme_ref: str | None) -> None:  # type: ignore[no-untyped-def]
    from luckos.app import consequence
    from luckos.cli.output import quantity
    from luckos.domain.quantities import parse_quantity
    from luckos.domain.records import METRIC_SLOT_NAMES
    from luckos.domain.themes import two_sentences
    from luckos.errors import LuckError

    themes = consequence.update(s.ws, month)
    if theme_ref:
        chosen = consequence.pick_theme(s.ws, theme_ref)
        themes = [t for t in themes if t.theme.id == chosen.id]
    for t in themes:
        todo = t.missing
        if not todo:
            continue
        heading(f"t{t.theme.id} {t.theme.label}: {month}")
        values: dict[str, str | float | None] = {}
        notes: dict[str, str | None] = {}
        for slot in todo:
            assert slot.metric is not None
            last = (f"last {quantity(slot.previous.value, slot.metric.unit)} in "
                    f"{slot.previous.month}" if slot.previous else "no reading yet")
            while True:  # a value that is not a number in the metric's unit is asked again
                raw = click.prompt(f"{METRIC_SLOT_NAMES[slot.slot]}: {slot.metric.name} "
                                   f"({last}; blank to skip)", default="", show_default=False)
                if not raw.strip():
                    break
                try:
                    values[slot.slot] = parse_quantity(raw, slot.metric.unit, what="value")
                    break
                except LuckError as exc:
                    click.echo(f"  {exc}; try again", err=True)
            if slot.slot not in values:
                continue
            note = click.prompt("  two sentences: what moved and why", default="",
                                show_default=False)
            if note and not two_sentences(note):
                note += " " + click.prompt("  and a second sentence", default="",
                                           show_default=False)
            notes[slot.slot] = note.strip() or None
        if values:
            saved, warnings = consequence.record(s.ws, f"t{t.theme.id}", values, notes, month,
                                                 s.today)
            for message in warnings:
                warn(message)
            click.echo(f"recorded {', '.join(f'r{r.id}' for r in saved)}")


def _render(month: str, themes) -> None:  # type: ignore[no-untyped-def]
    from luckos.domain.records import METRIC_SLOT_NAMES

    line(f"Consequence update, {month}", "bold")
    if not themes:
        click.echo("  (no theme yet: luck theme add LABEL, then its three metrics)")
        return
    for t in themes:
        heading(f"t{t.theme.id} {t.theme.label}" + (f": {t.theme.sentence}"
                                                     if t.theme.sentence else ""))
        for s in t.slots:
            name = METRIC_SLOT_NAMES[s.slot]
            if s.metric is None:
                click.echo(f"  {name:<18} (no metric: luck metric add NAME --theme "
                           f"t{t.theme.id} --slot {s.slot})")
                continue
            unit = f" {s.metric.unit}" if s.metric.unit else ""
            head = f"  {name:<18} m{s.metric.id} {s.metric.name}"
            if s.reading is None:
                last = (f"last {s.previous.value:g}{unit} in {s.previous.month}"
                        if s.previous else "never read")
                click.echo(f"{head}: no reading for {month} ({last})")
                click.echo(f"  {'':<18} luck review --month {month} --theme t{t.theme.id} "
                           f"--{s.slot} N --{s.slot}-note \"two sentences\"")
                continue
            change = ""
            if s.change is not None and s.previous is not None:
                verdict = {True: "better", False: "worse", None: "flat"}[s.improving]
                change = f" ({s.change:+g} since {s.previous.month}, {verdict})"
            better, changes = s.trend()
            trend = (f"  {s.sparkline()} better in {better} of the last {changes} changes"
                     if changes else "")
            click.echo(f"{head}: {s.reading.value:g}{unit}{change}{trend}")
            narrative = s.reading.narrative.strip()
            if narrative:
                click.echo(f"  {'':<18} \"{narrative}\"")
            if not s.narrative_ok:
                click.echo(f"  {'':<18} the essay asks for two sentences of narrative: "
                           f"luck review --month {month} --theme t{t.theme.id} "
                           f"--{s.slot}-note \"...\"")
