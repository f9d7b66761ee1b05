"""add / list / show / edit / delete for every record kind, built from the record's own
field descriptions, so each kind's commands stay the same shape."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from luckos.cli.completion import complete_ids
from luckos.cli.examples import kind_examples
from luckos.cli.output import (
    cut_note,
    emit_json,
    json_option,
    limit_option,
    paged,
    pairs,
    table,
    warn,
)
from luckos.cli.prompts import confirm
from luckos.cli.session import session
from luckos.domain.records import KINDS, Kind, fields_of, short_id

# Columns shown by `list`, per kind (the id always comes first).
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "promise": ("due", "status", "to_whom", "what"),
    "glue": ("on", "hours", "unlocks", "project_id", "what", "mechanism"),
    "explore": ("on", "kind", "title", "wave"),
    "project": ("started_on", "kill_review_on", "outcome", "name"),
    "diagnosis": ("on", "problem"),
    "arc": ("started_on", "ended_on", "track", "role", "bottleneck"),
    "reboot": ("started_on", "ended_on", "focus"),
    "signal": ("on", "who", "escalated", "what"),
    "window": ("on", "kind", "recurrence", "name"),
    "theme": ("started_on", "label", "sentence"),
    "metric": ("theme_id", "slot", "name", "unit", "good"),
    "reading": ("month", "metric_id", "value", "narrative"),
    "decision": ("on", "review_on", "title", "choice", "outcome"),
    "bench": ("on", "action", "person", "bet"),
    "sponsor": ("since", "person", "role", "backs"),
    "person": ("name", "emails", "aliases"),
    "artifact": ("on", "kind", "surface", "title"),
    "testimonial": ("on", "artifact_id", "who", "hours_saved", "quote"),
    "note": ("on", "kind", "body"),
}

_CLICK_TYPES = {"int": int, "float": float}

# Spellings an option had before one name was picked per meaning (`--on` for the day
# something happened, `--started` and `--ended` for the two ends of a span). They are
# still accepted, hidden from --help.
OLD_FLAGS: dict[str, dict[str, tuple[str, ...]]] = {
    "promise": {"made_on": ("made-on",), "landed_on": ("landed-on",)},
    "theme": {"started_on": ("started-on",), "retired_on": ("retired",)},
    "project": {"landed_on": ("landed",)},
    "window": {"prep_lead_days": ("prep-lead",)},
}

# How a list's date field reads in --since/--until.
_DATE_WORDS = {"due": "due date", "started_on": "start date"}
# How a filter's field reads in its help ("only those with this ...").
_FILTER_WORDS = {"good": "good direction"}


def flag_of(field: dataclasses.Field) -> str:
    return field.metadata.get("flag") or field.name.replace("_", "-")


def positional(kind: Kind) -> dataclasses.Field:
    return next(f for f in fields_of(kind) if f.name == kind.argument)


def cell(kind: Kind, record: Any, name: str, width: int | None = None) -> str:
    """A field as one line of text; cut to `width` characters with "…" when given."""
    if name == "id":
        return short_id(kind, record.id)
    value = getattr(record, name)
    field = next(f for f in fields_of(kind) if f.name == name)
    ftype = field.metadata["type"]
    if value is None:
        return ""
    if ftype.startswith("ref:"):
        return short_id(KINDS[ftype[4:]], value)
    if ftype == "list":
        return ", ".join(value)
    if ftype == "bool":
        return "yes" if value else "no"
    text = str(value)
    if ftype == "float":
        text = f"{value:g}"
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def order_phrase(kind: Kind) -> str:
    """The order of `list`, which sorts on the kind's date field, latest first."""
    if kind.date_field is None:
        return "last added first"
    if kind.date_field == "due":
        return "latest due date first"
    if kind.name == "window":
        return "latest date first"
    return "newest first"


def _field_option(field: dataclasses.Field, *, for_edit: bool, flag: str | None = None,
                  hidden: bool = False) -> Callable[[Any], Any]:
    name = field.name if flag is None else f"{field.name}__old_{flag.replace('-', '_')}"
    flag = flag or flag_of(field)
    ftype = field.metadata["type"]
    help_text = field.metadata["help"]
    if ftype == "bool":
        return click.option(f"--{flag}/--no-{flag}", name, default=None, help=help_text,
                            hidden=hidden)
    if ftype == "list":
        return click.option(f"--{flag}", name, multiple=True, help=help_text, hidden=hidden)
    if ftype == "choice":
        help_text = f"{help_text} [{'|'.join(field.metadata['choices'])}]"
    metavar = {"date": "DATE", "month": "MONTH", "int": "N", "float": "NUMBER",
               "recurrence": "RULE"}.get(ftype)
    if ftype.startswith("ref:"):
        metavar = "ID"
    if field.metadata["required"] and not for_edit and not hidden:
        # no default=None here: Click counts an explicit default as given
        return click.option(f"--{flag}", name, metavar=metavar, help=help_text, required=True,
                            shell_complete=_complete_ref(field))
    return click.option(f"--{flag}", name, default=None, metavar=metavar, help=help_text,
                        hidden=hidden, shell_complete=_complete_ref(field))


def _complete_ref(field: dataclasses.Field) -> Any:
    ftype = field.metadata["type"]
    return complete_ids(ftype[4:]) if ftype.startswith("ref:") else None


def _with_old_flags(kind: Kind, command: Any, fields: Sequence[dataclasses.Field], *,
                    for_edit: bool) -> Any:
    for field in fields:
        for old in OLD_FLAGS.get(kind.name, {}).get(field.name, ()):
            command = _field_option(field, for_edit=for_edit, flag=old, hidden=True)(command)
    return command


def _merge_old_flags(values: dict[str, Any]) -> None:
    """Fold the values given under an old spelling into their field."""
    for key in [k for k in values if "__old_" in k]:
        value = values.pop(key)
        name = key.split("__old_")[0]
        if value is not None and value != ():
            values[name] = value


class KindCommand(click.Command):
    """A generated command whose examples are written from SAMPLES when help is shown,
    with the path it was reached by (`luck diagnose add`, not the kind's name)."""

    def __init__(self, *args: Any, examples: Callable[[str], list[str]], **kwargs: Any
                 ) -> None:
        super().__init__(*args, **kwargs)
        self.examples = examples

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        from luckos.cli.examples import OK_OR_BAD, write_examples

        listing = self.name in ("list", "show")
        formatter.write_paragraph()
        with formatter.indentation():
            write_examples(formatter, self.examples(ctx.command_path),
                           OK_OR_BAD if listing else None)


def _options(kind: Kind, *, for_edit: bool) -> list[dataclasses.Field]:
    title = kind.argument
    return [
        f for f in fields_of(kind)
        if (for_edit or f.name != title) and (f.metadata["editable"] or not for_edit)
        and not (not for_edit and f.name == "status")
    ]


def _filter_help(field: dataclasses.Field) -> str:
    if field.metadata["type"] == "choice":
        word = _FILTER_WORDS.get(field.name, flag_of(field).replace("-", " "))
        return f"only those with this {word} [{'|'.join(field.metadata['choices'])}]"
    return f"only those where {field.metadata['help']} is ID"


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != ()}


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def show_record(kind: Kind, record: Any) -> None:
    items = [("id", short_id(kind, record.id))]
    for field in fields_of(kind):
        items.append((flag_of(field), cell(kind, record, field.name)))
    if getattr(record, "private", False):
        items.append(("private", "yes: left out of every export unless you ask for a full backup"))
    pairs(items, title=f"{kind.name} {short_id(kind, record.id)}")


def weekday_date(day: dt.date) -> str:
    """`Fri 2026-12-04`: a date as a capture confirms it."""
    return f"{day:%a} {day.isoformat()}"


def stored_dates(kind: Kind, raw: dict[str, Any], record: Any) -> list[tuple[str, str]]:
    """The dates a capture should say it stored: a required date (a promise's due date, a
    window's day) always, any other date when it was typed in a loose form (`fri`, `+3d`)."""
    said = []
    for field in fields_of(kind):
        value = getattr(record, field.name)
        if field.metadata["type"] != "date" or not isinstance(value, dt.date):
            continue
        typed = raw.get(field.name)
        loose = isinstance(typed, str) and typed.strip() != value.isoformat()
        if field.metadata["required"] or loose:
            said.append((flag_of(field), weekday_date(value)))
    return said


def read_body(text: str | None, noun: str) -> str:
    """A body given as an argument, `-` (read from standard input), or, with no argument
    on a terminal, written in $EDITOR. An empty body is refused with one line."""
    from luckos.errors import LuckError

    if text == "-":
        body = sys.stdin.read()
        if not body.strip():
            raise LuckError(f"standard input was empty: no {noun} added")
    elif text is not None:
        return text
    elif sys.stdin.isatty() and sys.stdout.isatty():
        body = click.edit("", extension=".md", require_save=True) or ""
        if not body.strip():
            raise LuckError(f"nothing was written in the editor: no {noun} added")
    else:
        raise LuckError(f"no {noun} given: pass it as an argument, or `-` to read it from "
                        "standard input")
    return body.strip("\n")


def confirm_future(problem: str) -> bool:
    """Asked before a past-only date after today is stored: yes or no on a terminal;
    elsewhere the answer is no, and the date is refused."""
    if not sys.stdin.isatty():
        return False
    return click.confirm(f"{problem}; store it anyway?", default=False)


def delete_record(kind: Kind, ref: str, *, yes: bool, dry_run: bool) -> None:
    """Delete a record after saying what goes with it; the deleted rows are saved first."""
    from luckos.app import deletes

    s = session()
    plan = deletes.plan(s.ws, kind, ref)
    if dry_run:
        click.echo(f"would delete {plan.describe()}")
        return
    if not yes and not confirm(f"delete {plan.describe()}?"):
        raise click.exceptions.Abort()
    path = deletes.delete(s.ws, plan, dt.datetime.now())
    click.echo(f"deleted {plan.describe(past=True)}")
    private = plan.holds_private
    kept = (f" (with {private} private note{'s' if private > 1 else ''}: the file stays on "
            "this machine)" if private else "")
    click.echo(f"saved to {path}{kept}; `luck import {path}` adds it back")


def build_group(kind_name: str, help_text: str, *, extra_list_filters: Sequence[str] = ()
                ) -> click.Group:
    kind = KINDS[kind_name]
    title_field = positional(kind)

    @click.group(name=kind_name, help=help_text)
    def group() -> None:
        pass

    # --- add
    def add(**values: Any) -> None:
        from luckos.app import records

        as_json = values.pop("as_json")
        _merge_old_flags(values)
        if kind.argument == "body":
            values["body"] = read_body(values["body"], kind.name)
        s = session()
        record, warnings = records.add(s.ws, kind, _clean(values), s.today,
                                       confirm=confirm_future)
        for message in warnings:
            warn(message)
        if as_json:
            emit_json(records.as_json(record))
        else:
            said = "".join(f", {name} {day}" for name, day in stored_dates(kind, values, record))
            click.echo(f"added {short_id(kind, record.id)}: "
                       f"{cell(kind, record, kind.argument, width=60)}{said}")

    body = kind.argument == "body"  # a long text: also from standard input or $EDITOR
    add_cmd = click.argument(title_field.name, required=not body,
                             metavar=f"[{title_field.name.upper()}]" if body
                             else title_field.name.upper())(add)
    for field in reversed(_options(kind, for_edit=False)):
        add_cmd = _field_option(field, for_edit=False)(add_cmd)
    add_cmd = _with_old_flags(kind, json_option(add_cmd), _options(kind, for_edit=False),
                              for_edit=False)
    add_help = f"Add {_a(kind.name)}."
    if body:
        add_help += ("\n\nBODY - reads it from standard input; with no BODY on a terminal, "
                     "$EDITOR opens to write it.")
    group.command("add", cls=KindCommand, examples=kind_examples(kind, "add"),
                  help=add_help)(add_cmd)

    # --- list
    def list_(**values: Any) -> None:
        from luckos.app import records
        from luckos.dates import parse_date

        s = session()
        as_json, limit = values.pop("as_json"), values.pop("limit")
        if limit is None:
            limit = 0 if as_json else 50
        since, until = values.pop("since", None), values.pop("until", None)
        found = records.page(
            s.ws, kind, where=_clean(values),
            since=parse_date(since, s.today, what="--since") if since else None,
            until=parse_date(until, s.today, what="--until") if until else None,
            limit=limit or None,
            today=s.today,
        )
        if as_json:
            emit_json([records.as_json(x) for x in found.records])
            return
        columns = ("id", *LIST_COLUMNS[kind_name])
        with paged():
            table([c.replace("_id", "").replace("_", " ") for c in columns],
                  [[cell(kind, x, c) for c in columns] for x in found.records],
                  empty=f"no {kind.plural}", clip=True)
            cut_note(len(found.records), found.total)

    list_cmd: Any = list_
    filters = [f for f in fields_of(kind)
               if f.metadata["type"] == "choice" or f.metadata["type"].startswith("ref:")
               or f.name in extra_list_filters]
    for field in reversed(filters):
        list_cmd = click.option(f"--{flag_of(field)}", field.name, default=None,
                                metavar="ID" if field.metadata["type"] != "choice" else None,
                                help=_filter_help(field),
                                shell_complete=_complete_ref(field))(list_cmd)
    if kind.date_field:
        date = _DATE_WORDS.get(kind.date_field, "date")
        list_cmd = click.option("--since", metavar="DATE",
                                help=f"only those whose {date} is DATE or later")(list_cmd)
        list_cmd = click.option("--until", metavar="DATE",
                                help=f"only those whose {date} is DATE or earlier")(list_cmd)
    list_cmd = limit_option(list_cmd)
    list_cmd = json_option(list_cmd)
    group.command("list", cls=KindCommand, examples=kind_examples(kind, "list"),
                  help=f"List {kind.plural}, {order_phrase(kind)}.")(list_cmd)

    # --- show
    @group.command("show", cls=KindCommand, examples=kind_examples(kind, "show"),
                   help=f"Show one {kind.name}.")
    @click.argument("ref", metavar="ID", shell_complete=complete_ids(kind_name))
    @json_option
    def show(ref: str, as_json: bool) -> None:
        from luckos.app import records

        s = session()
        record = records.fetch(s.ws, kind, ref)
        wired = None
        if kind.name in ("window", "decision"):
            from luckos.app.people import shown_prewire

            wired = shown_prewire(s.ws, record, s.today)
        if as_json:
            data = records.as_json(record)
            if wired is not None:
                from luckos.app.people import prewire_json

                data["prewire"] = prewire_json(wired, s.today)
            emit_json(data)
        else:
            with paged():
                show_record(kind, record)
                if wired is not None:
                    from luckos.cli.prewire import render_short

                    render_short(wired)

    # --- edit
    def edit(ref: str, **values: Any) -> None:
        from luckos.app import records

        as_json = values.pop("as_json")
        _merge_old_flags(values)
        s = session()
        record, warnings = records.edit(s.ws, kind, ref, _clean(values), s.today,
                                        confirm=confirm_future)
        for message in warnings:
            warn(message)
        if as_json:
            emit_json(records.as_json(record))
        else:
            click.echo(f"updated {short_id(kind, record.id)}")

    edit_cmd: Any = edit
    for field in reversed(_options(kind, for_edit=True)):
        edit_cmd = _field_option(field, for_edit=True)(edit_cmd)
    edit_cmd = json_option(click.argument("ref", metavar="ID",
                                          shell_complete=complete_ids(kind_name))(edit_cmd))
    edit_cmd = _with_old_flags(kind, edit_cmd, _options(kind, for_edit=True), for_edit=True)
    group.command("edit", cls=KindCommand, examples=kind_examples(kind, "edit"),
                  help=f"Change fields of {_a(kind.name)}.")(edit_cmd)

    # --- delete
    @group.command("delete", cls=KindCommand, examples=kind_examples(kind, "delete"),
                   help=f"Delete {_a(kind.name)}, and say what else goes with it.\n\n"
                   "What is deleted (and the references cleared) is first saved to the "
                   "workspace's deleted/ folder; `luck import FILE` adds it back.")
    @click.argument("ref", metavar="ID", shell_complete=complete_ids(kind_name))
    @click.option("--yes", "-y", is_flag=True, help="do not ask for confirmation")
    @click.option("--dry-run", is_flag=True, help="show what would be deleted, delete nothing")
    def delete(ref: str, yes: bool, dry_run: bool) -> None:
        delete_record(kind, ref, yes=yes, dry_run=dry_run)

    return group


signal = build_group("signal", "Routing signals: who routed ambiguous work to you, and "
                     "whether they escalated instead.")
reading = build_group("reading", "Monthly readings of theme metrics (add them with "
                      "`luck metric read`).")
bench = build_group("bench", "Your bench: people you unblocked, promoted, placed or sponsored, "
                    "and the bet named in writing.")
sponsor = build_group("sponsor", "Your own sponsors: who puts your theme on a planning slide.")
note = build_group("note", "Notes: journal, year in public (shareable) and earned secrets "
                   "(private, never leave this machine).")
