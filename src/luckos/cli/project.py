"""`luck project`: projects scored on the seven quiet heuristics, and their kill review."""

from __future__ import annotations

from typing import Any

import click

from luckos.cli.completion import complete_ids
from luckos.cli.kinds import build_group, show_record
from luckos.cli.output import emit_json, json_option, line, on_tty, paged_output, pairs, table, warn
from luckos.cli.session import session

group = build_group(
    "project",
    "Projects chosen for force-multiplier effect, scored on the essay's seven quiet "
    "heuristics (0 no, 1 partly, 2 yes), with a kill review a few weeks in: continue, or "
    "pause publicly and explain why.",
)


@group.command("show", help="Show a project with its seven heuristics and kill review.")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("project"))
@json_option
@paged_output
def show(ref: str, as_json: bool) -> None:
    from luckos.app import records
    from luckos.app.projects import project_json

    s = session()
    kind = records.kind_named("project")
    project = records.fetch(s.ws, kind, ref)
    card = project_json(s.ws, project, s.today)
    if as_json:
        emit_json(card)
        return
    show_record(kind, project)
    _render_scores(card)
    due = card["kill_review_due"]
    state = {"paused": "paused publicly", "landed": f"landed {project.landed_on}",
             "past-due": f"PAST DUE ({due})", "due": f"due {due}"}[card["kill_review_state"]]
    pairs([("kill review", state)], title="Kill review")


def _render_scores(card: dict[str, Any]) -> None:
    from luckos.domain.projects import SCORE_NAMES

    rows = []
    for h in card["heuristics"]:
        value = h["score"]
        verdict = "-" if value is None else f"{value} {SCORE_NAMES[value]}"
        rows.append([h["number"], verdict, h["rule"], h["advice"] or ""])
    scored = card["scored"]
    table(["#", "score", "heuristic", "to raise it"], rows,
          title=f"Seven quiet heuristics: {card['score']} of {card['max_score']}"
                + (f" ({scored} of 7 scored)" if scored < 7 else ""))


@group.command("score")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("project"))
@click.argument("values", nargs=-1, type=int, metavar="[S1 ... S7]")
@json_option
def score(ref: str, values: tuple[int, ...], as_json: bool) -> None:
    """Score a project on the seven quiet heuristics: 0 no, 1 partly, 2 yes.

    Give the seven scores in the essay's order, or none to be asked each one in a
    terminal. One at a time: luck project edit ID --denominator 2.
    """
    from luckos.app import projects as app
    from luckos.app.records import fetch, kind_named
    from luckos.domain import projects
    from luckos.errors import LuckError

    s = session()
    if not values:
        if not on_tty():
            raise LuckError("give the seven scores (0 no, 1 partly, 2 yes), e.g. luck project "
                            f"score {ref} 2 1 2 0 1 2 2; or run it in a terminal to be asked")
        current = fetch(s.ws, kind_named("project"), ref)
        asked = []
        for h, value in projects.scores(current):
            line(f"{h.number}. {h.rule}")
            asked.append(click.prompt("   score (0 no, 1 partly, 2 yes)",
                                      type=click.IntRange(0, 2),
                                      default=value if value is not None else None))
        values = tuple(asked)
    project, warnings = app.score(s.ws, ref, values)
    for message in warnings:
        warn(message)
    card = app.project_json(s.ws, project, s.today)
    if as_json:
        emit_json(card)
        return
    _render_scores(card)


@group.command("review")
@click.argument("ref", metavar="ID", shell_complete=complete_ids("project"))
@click.option("--enthusiasm/--no-enthusiasm", default=None,
              help="stakeholders are enthusiastic")
@click.option("--signal/--no-signal", default=None, help="there is a measurable signal")
@click.option("--landing/--no-landing", default=None, help="there is a safe landing path")
@click.option("--outcome", default=None, metavar="OUTCOME",
              help="continue or pause-publicly (default: what the three answers advise)")
@click.option("--why", default="", help="why it continues, or why it pauses (said publicly)")
@click.option("--next", "next_review", default=None, metavar="DATE",
              help="with continue: the date of the next kill review")
@click.option("--on", "on", default=None, metavar="DATE", help="when (default: today)")
@json_option
def review(ref: str, enthusiasm: bool | None, signal: bool | None, landing: bool | None,
           outcome: str | None, why: str, next_review: str | None, on: str | None,
           as_json: bool) -> None:
    """Hold a project's kill review.

    "If, after a few weeks, you don't have stakeholder enthusiasm, a measurable signal,
    or a safe landing path, pause it publicly and explain why." Without --outcome the
    answers decide: all three, continue; any missing, pause publicly (which needs --why).
    """
    from luckos.app import projects as app
    from luckos.app.records import as_json as record_json
    from luckos.cli.prompts import confirm_future
    from luckos.dates import parse_date
    from luckos.domain.projects import KILL_REVIEW_QUESTIONS
    from luckos.errors import LuckError

    s = session()
    answers = {"enthusiasm": enthusiasm, "signal": signal, "landing": landing}
    for name, label in KILL_REVIEW_QUESTIONS:
        if answers[name] is None:
            if not on_tty():
                raise LuckError(f"say whether there is {label}: --{name} or --no-{name}")
            answers[name] = click.confirm(f"Is there {label}?", default=False)
    if outcome is not None:
        outcome = outcome.strip().lower()
    day = parse_date(on, s.today, what="--on", past=True) if on else s.today
    after = parse_date(next_review, s.today, what="--next") if next_review else None
    project, advised, warnings = app.review(
        s.ws, ref, on=day, enthusiasm=bool(answers["enthusiasm"]),
        signal=bool(answers["signal"]), landing=bool(answers["landing"]), outcome=outcome,
        why=why, next_review=after, today=s.today, confirm=confirm_future)
    for message in warnings:
        warn(message)
    if as_json:
        emit_json({**record_json(project), "advised": advised})
        return
    verb = "continues" if project.outcome == "continue" else "is paused publicly"
    click.echo(f"pj{project.id} {verb}" + (f": {project.why}" if project.why else ""))
    if project.outcome == "continue" and project.kill_review_on and after:
        click.echo(f"next kill review: {project.kill_review_on}")
    if project.outcome == "pause-publicly":
        click.echo("Ending work cleanly is a reputation-builder: tell the people involved why.")
