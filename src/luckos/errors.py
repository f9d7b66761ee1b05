"""The one exception type for input the user gave us that we cannot use, and its kinds.

The CLI turns it into a single line on stderr and exit code 2; nothing is written
when it is raised inside a command's transaction. Under `--json` the CLI prints
`{"error": {"kind": ..., "message": ..., "where": ...}}` on stdout instead (still exit 2),
and the web face answers a page's JSON twin with the same object and the error's HTTP
status.

Raise the kind that says what went wrong, with `where` naming the place: the id, field,
option, file or `file:line` the message is about.
- `NotFound`: what was named does not exist (an unknown id, a missing file) -> 404
- `Invalid`: a value that is not acceptable (a bad date, a choice not offered) -> 422
- `Conflict`: the request clashes with what is held (a duplicate, already closed) -> 409
- `LuckError` itself: any other refusal (no workspace, a damaged database) -> 400
"""

from __future__ import annotations

from typing import Any


class LuckError(Exception):
    """Bad input: an invalid date, an unknown id, a nonsensical status change..."""

    exit_code = 2
    kind = "bad-input"
    status = 400  # the HTTP status the web face answers with

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return self.message

    def as_json(self) -> dict[str, Any]:
        """The error object scripts and the web face read: `{"error": {...}}`."""
        return {"error": {"kind": self.kind, "message": self.message, "where": self.where}}


class NotFound(LuckError):
    """What the user named does not exist: an unknown id, a missing file or folder."""

    kind = "not-found"
    status = 404


class Invalid(LuckError):
    """A value the user gave that is not acceptable: a bad date, a choice not offered,
    a number out of range, a field left empty."""

    kind = "invalid"
    status = 422


class Conflict(LuckError):
    """A request that clashes with what the workspace holds: a duplicate, a promise
    already closed, a file that exists already."""

    kind = "conflict"
    status = 409


class UsageError(LuckError):
    """The command line itself is wrong: an unknown command or option, a missing
    argument. Made from Click's usage errors so that they speak JSON too."""

    kind = "usage"
    status = 400


class Problems(Invalid):
    """Every problem found at once (each of a record's, each unusable record of an
    import), one line each. `problems` holds (where, line): the place for a program to
    read (a field's option, `records.promise[3].due`) and the line said to the user; the
    JSON error lists them all."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("\n".join(line for _, line in problems),
                         where=problems[0][0] or None if problems else None)
        self.problems = problems

    def as_json(self) -> dict[str, Any]:
        data = super().as_json()
        data["error"]["problems"] = [{"where": where or None, "message": line}
                                     for where, line in self.problems]
        return data
