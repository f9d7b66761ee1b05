"""`luck diagnose`: the three questions of the career system, a paragraph each, dated."""

from __future__ import annotations

import click

from luckos.cli.kinds import build_group
from luckos.cli.output import emit_json, heading, json_option, line, on_tty, paged, warn
from luckos.cli.session import session

_records = build_group("diagnosis", "Diagnoses written so far.")

_INTRO = ("Every system is perfectly designed to get the results it's getting. Answer in "
          "writing, one paragraph each.")


@click.group("diagnose", invoke_without_command=True)
@click.option("--problem", default=None, metavar="TEXT",
              help="1. What problem do I solve that the business would miss if I left for a "
                   "month?")
@click.option("--funders", default=None, metavar="TEXT",
              help="2. Who decides work like that gets funded, and when do they decide?")
@click.option("--proof", default=None, metavar="TEXT",
              help="3. What artifact proves I routinely turn ambiguity into something that "
                   "ships?")
@click.option("--on", "on", default=None, metavar="DATE", help="when (default: today)")
@json_option
@click.pass_context
def group(ctx: click.Context, problem: str | None, funders: str | None, proof: str | None,
          on: str | None, as_json: bool) -> None:
    """Diagnose your career system: three questions, answered in writing, dated.

    Give the answers with --problem, --funders and --proof, or run it in a terminal to
    be asked. An answer that is not a paragraph is flagged. Without answers outside a
    terminal, it shows the latest diagnosis and its age. Subcommands list, show, edit
    and delete the diagnoses kept.
    """
    if ctx.invoked_subcommand is not None:
        return
    from luckos.app import diagnosis as app
    from luckos.dates import parse_date

    s = session()
    answers = {"problem": problem, "funders": funders, "proof": proof}
    if all(v is None for v in answers.values()) and not on_tty():
        with paged():
            _show_latest(app.latest(s.ws, s.today), s.today, as_json)
        return
    if on_tty() and not as_json:
        _ask(answers, app.latest(s.ws, s.today))
    day = parse_date(on, s.today, what="--on") if on else None
    record, _ = app.record(s.ws, answers, day, s.today)
    if as_json:
        emit_json(app.diagnosis_json(record, s.today))
        return
    click.echo(f"added dg{record.id} ({record.on})")
    _render_flags(record)


def _ask(answers: dict[str, str | None], previous) -> None:  # type: ignore[no-untyped-def]
    from luckos.domain.diagnosis import QUESTIONS

    line(_INTRO)
    for number, (field, question) in enumerate(QUESTIONS, start=1):
        if answers[field] is not None:
            continue
        heading(f"{number}. {question}")
        if previous is not None and getattr(previous, field):
            line(f"(last time, {previous.on}: {getattr(previous, field)})", "dim")
        answers[field] = click.prompt("", prompt_suffix="> ", default="", show_default=False)


def _render_flags(record) -> None:  # type: ignore[no-untyped-def]
    from luckos.domain.diagnosis import QUESTIONS, paragraph_flag

    for number, (field, question) in enumerate(QUESTIONS, start=1):
        flag = paragraph_flag(getattr(record, field))
        words = len(getattr(record, field).split())
        if flag:
            warn(f"{number}. {flag}: {question}")
        else:
            click.echo(f"{number}. a paragraph ({words} words): {question}")
    flagged = any(paragraph_flag(getattr(record, f)) for f, _ in QUESTIONS)
    if flagged:
        click.echo("If you can't answer in one paragraph each, don't search for tactics. "
                   "Build the paragraphs first.")


def _show_latest(record, today, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    from luckos.app.diagnosis import diagnosis_json

    if record is None:
        if as_json:
            emit_json(None)
            return
        click.echo("no diagnosis yet: answer the three questions, a paragraph each: luck "
                   "diagnose --problem TEXT --funders TEXT --proof TEXT (or run it in a "
                   "terminal to be asked)")
        return
    data = diagnosis_json(record, today)
    if as_json:
        emit_json(data)
        return
    line(f"Diagnosis dg{record.id}, {record.on} ({data['age_days']} days ago)", "bold")
    for q in data["questions"]:
        heading(f"{q['number']}. {q['question']}")
        answer = q["answer"].strip()
        click.echo(f"  {answer}" if answer else "  (no answer)")
        if q["flag"]:
            click.echo(f"  flag: {q['flag']}")


for _name, _command in _records.commands.items():
    group.add_command(_command, _name)
