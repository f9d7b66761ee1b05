"""The one exception type for input the user gave us that we cannot use.

The CLI turns it into a single line on stderr and exit code 2; nothing is written
when it is raised inside a command's transaction.
"""


class LuckError(Exception):
    """Bad input: an invalid date, an unknown id, a nonsensical status change..."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class Problems(LuckError):
    """Every problem found at once (each of a record's, each unusable record of an
    import), one line each; `problems` holds (where, line): the place for a program to
    read (a field, `records.promise[3].due`) and the line said to the user."""

    def __init__(self, problems: "list[tuple[str, str]]") -> None:
        super().__init__("\n".join(line for _, line in problems))
        self.problems = problems
