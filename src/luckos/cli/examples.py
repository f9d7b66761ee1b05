"""The "Examples:" block that ends every command's help, and the exit codes of reports.

Commands generated for a record kind write theirs from sample values (cli/kinds.py);
the others are listed here, by command path, in one table that the help and the test
running every example (tests/test_conventions.py, on `luck demo`) both read. Lines of
one command run in order: a later line may use what an earlier one made.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

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
    "theme show": ("luck theme show t1", "luck theme show t1 --json"),
    "metric read": ('luck metric read t1 speed 640 --narrative "Snapshot restore landed."',),
    "decision close": ('luck decision close d6 --outcome "The FAQ answered most questions"',),
    "artifact show": ("luck artifact show a1",),
    "artifact used": ('luck artifact used a1 --by "Tomás Rivera" --hours 16',),
    "doc kinds": ("luck doc kinds", "luck doc kinds brief"),
    "doc lint": ("luck doc new brief --theme t1 --window w1 --out brief.md",
                 "luck doc lint brief.md"),
    "doc new": ("luck doc new brief --theme t1 --window w1 --out brief.md",
                "luck doc new one-pager --theme t2 --out -"),
    "doc render": ("luck doc new one-pager --theme t1 --out one-pager.md",
                   "luck doc render one-pager.md --html one-pager.html"),
    "doc rules": ("luck doc rules --kind brief",),
    "search": ("luck search cold-start", 'luck search "token cache" --no-private --json'),
    "export": ("luck export career.json", "luck export full.json --include-private"),
    "import": ("luck export career.json", "luck import career.json --replace"),
    "backup": ("luck backup", "luck backup career-copy.db"),
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
    "reboot postmortem": ("luck reboot start", 'luck reboot postmortem "Funded in week 9."'),
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
    "completion": ("luck completion bash", "luck completion fish"),
}

# What the exit status means, for every command that reports (lists, reviews, checks).
OK_OR_BAD = "Exit codes: 0 ok, 2 bad input (named in one line on standard error)."
EXIT_CODES: dict[str, str] = {
    "check": "Exit codes: 0 every invariant holds, 1 one is broken, 2 bad input.",
    **{path: OK_OR_BAD for path in (
        "review", "ledger", "search", "window upcoming", "theme show", "artifact show",
        "estimate list", "estimate show", "estimate models", "glue weeks",
        "explore cadence", "project show", "arc status", "reboot status", "stay-or-move",
        "surface", "calendar audit", "calendar history", "calendar import", "doc kinds",
        "doc rules", "estimate run", "estimate models", "feed")},
}


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
