"""The "Examples:" block that ends every command's help, and the exit codes of reports.

Commands generated for a record kind (cli/kinds.py) write theirs from SAMPLES, a real
value per field; the others are listed in EXAMPLES, by command path. The help and the
test running every example on `luck demo` (tests/test_conventions.py) both read them,
so the ids below are the demo's. Lines of one command run in order: a later line may
use what an earlier one made.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # the record registry is read only for a record kind's command
    from luckos.domain.records import Kind

EXAMPLES: dict[str, tuple[str, ...]] = {
    "init": ("luck init", "luck --home ./career init"),
    "demo": ("luck demo --dir ./luck-demo", ),
    "review": ("luck review", "luck review --today 2026-12-07 --json"),
    "ledger": ("luck ledger", "luck ledger --json"),
    "win": ('luck win "Gave the cold-start talk at the platform guild" --tag talk',),
    "promise keep": ("luck promise keep p122", "luck promise keep p121 --on 2026-11-24"),
    "promise miss": ("luck promise miss p119",),
    "promise drop": ("luck promise drop p118 --on 2026-11-20",),
    "promise renegotiate": ("luck promise renegotiate p123 --due 2026-12-08",),
    "promise reopen": ("luck promise keep p122", "luck promise reopen p122"),
    "window link": ("luck window link w1 docs/fy-planning-brief.md",),
    "window upcoming": ("luck window upcoming", "luck window upcoming --days 30 --json"),
    "window prewire": ("luck window prewire w1", "luck window prewire w1 --json"),
    "window stakeholders add": ('luck window stakeholders w2 add "Omar Haddad" --role vetoes',
                                "luck window stakeholders w3 add grace@example.com --role "
                                "decides --sponsor"),
    "window stakeholders list": ("luck window stakeholders w1 list",
                                 "luck window stakeholders w1 list --json"),
    "window stakeholders remove": ('luck window stakeholders w1 remove "Marcus Chen"',),
    "window stakeholders brief": ('luck window stakeholders w1 brief "Marcus Chen"',
                                  'luck window stakeholders w1 brief ken@example.com --on -2d'),
    "window stakeholders met": ('luck window stakeholders w1 met "Ken Adeyemi" --on -1d',),
    "window stakeholders objection": (
        'luck window stakeholders w1 objection "Marcus Chen" "The migration lands in his '
        'on-call week"',),
    "window stakeholders handled": (
        'luck window stakeholders w1 handled "Ken Adeyemi" incorporated --how "Phased the '
        'cache spend over two quarters"',),
    "window stakeholders supports": ('luck window stakeholders w1 supports "Grace Liu"',),
    "decision prewire": ("luck decision prewire d7", "luck decision prewire d7 --json"),
    "decision stakeholders add": (
        'luck decision stakeholders d5 add "Ken Adeyemi" --role decides',
        "luck decision stakeholders d7 add omar@example.com --role affected"),
    "decision stakeholders list": ("luck decision stakeholders d7 list",
                                   "luck decision stakeholders d7 list --json"),
    "decision stakeholders remove": ('luck decision stakeholders d6 remove "Omar Haddad"',),
    "decision stakeholders brief": ('luck decision stakeholders d7 brief dana@example.com '
                                    '--on -3d',),
    "decision stakeholders met": ('luck decision stakeholders d7 met "Dana Whitfield"',),
    "decision stakeholders objection": (
        'luck decision stakeholders d7 objection "Grace Liu" "Calibration wants a second '
        'sponsor"',),
    "decision stakeholders handled": (
        'luck decision stakeholders d7 handled "Dana Whitfield" incorporated --how "Added '
        'the teams loadkit made faster to the packet"',),
    "decision stakeholders supports": ('luck decision stakeholders d6 supports "Omar '
                                       'Haddad" --on -60d',),
    "person merge": ('luck person add "K. Adeyemi" --email kadeyemi@example.com',
                     'luck person merge "Ken Adeyemi" "K. Adeyemi"'),
    "person roles": ("luck person roles", "luck person roles --json"),
    "theme show": ("luck theme show t1", "luck theme show t1 --json"),
    "metric read": ('luck metric read t1 speed "640 ms" --narrative "Snapshot restore landed."',),
    "decision close": ('luck decision close d6 --outcome "The FAQ answered most questions"',),
    "artifact show": ("luck artifact show a1",),
    "artifact used": ('luck artifact used a1 --by "Tomás Rivera" --hours 16',),
    "doc kinds": ("luck doc kinds", "luck doc kinds brief"),
    "doc lint": ("luck doc new brief --theme t1 --window w1 --out brief.md",
                 "luck doc lint brief.md"),
    "doc new": ("luck doc new brief --theme t1 --window w1 --out brief.md",
                'luck doc new runbook --ai --compliance --title "Rotate the LLM gateway keys"'),
    "doc render": ("luck doc new one-pager --theme t1 --out one-pager.md",
                   "luck doc render one-pager.md --html one-pager.html"),
    "doc rules": ("luck doc rules --kind brief",),
    "search": ("luck search cold-start", 'luck search "token cache" --no-private --json'),
    "export": ("luck export career.json", "luck export full.json --include-private"),
    "import": ("luck export career.json", "luck import career.json --replace"),
    "import json": ("luck export career.json", "luck import json career.json --replace"),
    "import git": ("luck import git checkout-web",
                   "luck import git checkout-web --author alex@demo.example --since 2026-10-01"),
    "import docs": ("luck import docs docs",),
    "evidence list": ("luck evidence list", "luck evidence list --status all --json"),
    "evidence show": ("luck evidence show e6", "luck evidence show e6 --json"),
    "evidence accept": ("luck evidence accept e9 --theme t1",
                        "luck evidence accept e8 --as artifact --kind demo"),
    "evidence reject": ("luck evidence reject e4",),
    "evidence link": ("luck evidence link e5 --theme t1 --window w1",),
    "packet": ("luck packet --for skip-level",
               "luck packet --for promotion --format html --out promotion.html"),
    "backup": ("luck backup", "luck backup career-copy.db"),
    "doctor": ("luck doctor", "luck doctor --fix"),
    "estimate link": ("luck estimate link est1 --theme t1 --window w1",),
    "estimate list": ("luck estimate list", "luck estimate list --theme t1 --json"),
    "estimate delete": ("luck estimate delete est1 --yes",),
    "estimate models": ("luck estimate models",),
    "estimate new": ("luck estimate new cold-start", "luck estimate run cold-start.toml"),
    "estimate run": ("luck estimate run cold-start",
                     'luck estimate run cold-start --set "after=600 ms to 700 ms" --save'),
    "estimate show": ("luck estimate show est1", "luck estimate show est1 --model"),
    "check": ("luck check", "luck check --only promise-overdue --quiet"),
    "diagnose": ("luck diagnose",
                 'luck diagnose --problem "I keep checkout fast when it starts cold."'),
    "glue weeks": ("luck glue weeks", "luck glue weeks --weeks 12 --json"),
    "explore cadence": ("luck explore cadence",),
    "project review": ("luck project review pj4 --enthusiasm --signal --landing",),
    "project score": ("luck project score pj4 2 1 2 1 2 2 1",),
    "project show": ("luck project show pj2",),
    "arc assess": ('luck arc assess coordination --why "Three teams wait on one review"',),
    "arc start": ('luck arc start --track ic --role "Staff engineer, payments" '
                  "--on 2026-12-01",),
    "arc status": ("luck arc status",),
    "reboot done": ("luck reboot start --focus \"Cheap load tests\"", "luck reboot done 1"),
    "reboot postmortem": ("luck reboot start", 'luck reboot postmortem "Funded in week 9." '
                          '--why "the bet was funded early"'),
    "reboot start": ('luck reboot start --focus "Cheap load tests" --theme t2',),
    "reboot status": ("luck reboot status rb1",),
    "reboot stop": ("luck reboot start", 'luck reboot stop --why "The re-org moved the team"'),
    "stay-or-move": ("luck stay-or-move", "luck stay-or-move --json"),
    "surface": ("luck surface", "luck surface --theme t1 --quarters 8"),
    "feed": ("luck feed luck.ics", "luck feed - --days 90"),
    "calendar audit": ("luck calendar audit work-calendar.ics",
                       "luck calendar audit work-calendar.ics --from 2026-09-01 --explain"),
    "calendar history": ("luck calendar import work-calendar.ics", "luck calendar history"),
    "calendar import": ("luck calendar import work-calendar.ics",),
    "calendar deciders": ("luck calendar deciders",
                          "luck calendar deciders work-calendar.ics --json"),
    "calendar norms": ("luck calendar norms", "luck calendar norms --json"),
    "completion": ("luck completion bash", "luck completion fish"),
    "redact": ("luck export shared.json --redact", "luck redact --check shared.json"),
    "ai status": ("luck ai status", "luck ai status --json"),
    "ai prompts": ("luck ai prompts", "luck ai prompts --json"),
    "ai run": ("luck ai run brief --window w1 --dry-run",
               "luck ai run weekly-update --theme t1 --since 2026-11-18 --dry-run"),
    "ai log": ("luck ai log", "luck ai log --json"),
    "ai index": ("luck ai index", "luck ai index --rebuild --json"),
    "serve": ("luck serve", "luck serve --port 8000 --open"),
    "config show": ("luck config show", "luck config show calendar.norms --json"),
}

# What the exit status means, for every command that reports (lists, reviews, checks).
OK_OR_BAD = "Exit codes: 0 ok, 2 bad input (named in one line on standard error)."
EXIT_CODES: dict[str, str] = {
    "check": "Exit codes: 0 every invariant holds, 1 one is broken, 2 bad input.",
    "doctor": "Exit codes: 0 healthy, 1 problems found (or left after --fix), 2 bad input.",
    "packet": "Exit codes: 0 ok, 1 --check found claims without evidence, 2 bad input.",
    "redact": "Exit codes: 0 ok, 1 with --check: something would be redacted, 2 bad input.",
    "serve": "Exit codes: 130 stopped with Ctrl-C, 2 bad input (a non-loopback --host "
             "without --allow-remote, a port in use).",
    **{path: OK_OR_BAD for path in (
        "review", "ledger", "search", "window upcoming", "theme show", "artifact show",
        "estimate list", "estimate show", "estimate models", "glue weeks",
        "explore cadence", "project show", "arc status", "reboot status", "stay-or-move",
        "surface", "calendar audit", "calendar history", "calendar import", "calendar norms",
        "doc kinds", "doc rules", "estimate run", "estimate models", "feed", "evidence list",
        "evidence show", "import git", "import docs", "ai status", "ai prompts", "ai log",
        "window prewire", "window stakeholders list", "person roles", "calendar deciders",
        "decision prewire", "decision stakeholders list")},
    "config show": "Exit codes: 0 ok, 2 bad input (every bad key of luck.toml, each on a line "
                   "of its own with its line number).",
}


# A real value per field, from which each record kind's examples are generated (the
# first field listed is the one the `edit` example changes). Ids are those every
# workspace starts numbering at, t3 the theme the metric example adds first to the two
# of `luck demo`, on which the example test runs every one.
SAMPLES: dict[str, dict[str, str]] = {
    "promise": {"due": "+1w", "what": "Ship the canary runbook", "to_whom": "Priya"},
    "signal": {"escalated": "yes", "what": "Own the edge-cache migration",
               "who": "Ken Adeyemi"},
    "window": {"recurrence": "yearly", "name": "FY28 headcount", "kind": "headcount",
               "on": "2027-03-02"},
    "theme": {"sentence": "On-call pages a human only when a human is needed.",
              "label": "Quiet on-call"},
    "metric": {"unit": "pages", "name": "pages per week", "theme_id": "t3",
               "slot": "reliability"},
    "reading": {"narrative": "Down from 5.0: the retry storm is fixed.", "month": "2025-06",
                "metric_id": "m1", "value": "4.1"},
    "decision": {"review_on": "+8w", "title": "Bet on shared load-test stacks"},
    "bench": {"bet": "Sam runs the load-test guild by spring", "person": "Sam Okafor",
              "action": "unblocked"},
    "sponsor": {"backs": "loadkit as the paved road", "person": "Ken Adeyemi"},
    "person": {"aliases": "Lena F.", "name": "Lena Fischer", "emails": "lena@example.org"},
    "artifact": {"link": "https://example.com/cold-start-runbook",
                 "title": "Cold-start runbook", "kind": "runbook"},
    "testimonial": {"hours_saved": "16", "who": "Tomás Rivera", "artifact_id": "a1"},
    "note": {"title": "Pre-wire", "body": "Pre-wire the two-pager with Rae first."},
    "glue": {"mechanism": "an onboarding FAQ", "what": "Pairing with two new hires",
             "hours": "3"},
    "explore": {"learned": "Cold starts halve with a snapshot.",
                "title": "WASM cold starts at the edge", "kind": "weekend-prototype"},
    "project": {"theme_id": "t1", "name": "Cost per checkout dashboard"},
    "diagnosis": {"proof": "The cold-start runbook, used by four teams.",
                  "problem": "I keep checkout fast when it starts cold."},
    "arc": {"bottleneck": "architecture", "role": "Staff engineer, payments",
            "track": "ic"},
    "reboot": {"note": "Map the terrain first", "focus": "Faster cold-start"},
}
# An example line that must run first (a theme with a free slot for a new metric).
_SETUP = {"metric": 'luck theme add "Quiet on-call"'}


def _quote(text: str) -> str:
    import shlex

    return text if shlex.quote(text) == text else f'"{text}"'


def _example_value(field: dataclasses.Field, text: str) -> str:
    from luckos.cli.kinds import flag_of

    if field.metadata["type"] == "bool":
        return f"--{flag_of(field)}" if text == "yes" else f"--no-{flag_of(field)}"
    return f"--{flag_of(field)} {_quote(text)}"


def kind_examples(kind: Kind, verb: str) -> Callable[[str], list[str]]:
    """The examples of a generated command (add, list, show, edit, delete), written for
    the path it is reached by once help is asked for."""
    from luckos.cli.kinds import flag_of
    from luckos.domain.records import fields_of

    samples = SAMPLES.get(kind.name, {})
    by_name = {f.name: f for f in fields_of(kind)}
    first = f"{kind.prefix}1"

    def write(path: str) -> list[str]:
        if verb == "add":
            words = [path, _quote(samples[kind.argument])]
            words += [_example_value(f, samples[f.name]) for f in fields_of(kind)
                      if f.name != kind.argument and f.metadata["required"]]
            extra = [n for n in samples if not by_name[n].metadata["required"]][:1]
            lines = [" ".join(words)]
            if extra:
                lines.append(" ".join([*words, _example_value(by_name[extra[0]],
                                                              samples[extra[0]])]))
            return ([_SETUP[kind.name]] if kind.name in _SETUP else []) + lines[-1:]
        if verb == "list":
            filters = [f for f in fields_of(kind) if f.metadata["type"] == "choice"]
            lines = [f"{path} --limit 10"]
            if filters:
                f = filters[0]
                lines = [f"{path} --{flag_of(f)} {f.metadata['choices'][0]}"]
            if kind.date_field:
                lines.append(f"{path} --since -90d --json")
            return lines
        if verb == "edit":
            name = next(iter(samples), None)
            change = _example_value(by_name[name], samples[name]) if name else ""
            return [f"{path} {first} {change}".rstrip()]
        if verb == "delete":
            return [f"{path} {first} --dry-run", f"{path} {first} --yes"]
        return [f"{path} {first}", f"{path} {first} --json"]

    return write


def examples(*lines: str) -> str:
    """An epilog of example command lines, kept as written (Click's \\b)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def write_examples(formatter: click.HelpFormatter, lines: Sequence[str],
                   exit_codes: str | None = None) -> None:
    if exit_codes:
        formatter.write_text(exit_codes)
        formatter.write_paragraph()
    formatter.write_text(examples(*lines))


def attach(command: click.Command, path: str) -> None:
    """Give a command (and its subcommands) their examples and exit codes as epilog."""
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            attach(sub, f"{path} {name}")
    if path in EXAMPLES and not command.epilog:
        text = examples(*EXAMPLES[path])
        if path in EXIT_CODES:
            text = f"{EXIT_CODES[path]}\n\n{text}"
        command.epilog = text
